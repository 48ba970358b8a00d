package dev.aidossier.rules;

import dev.aidossier.core.Finding;
import dev.aidossier.core.Location;
import dev.aidossier.load.DataFile;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** The crosswalks a rules folder's {@code index.yaml} names, read and checked against their schema. */
public final class Crosswalks {
    private Crosswalks() {
    }

    /** A crosswalk that cannot be read; the findings point into the rules folder's own files. */
    public static final class Unreadable extends Exception {
        private final List<Finding> findings;

        Unreadable(List<Finding> findings) {
            super(findings.get(0).toText(), null, false, false);
            this.findings = List.copyOf(findings);
        }

        public List<Finding> findings() {
            return findings;
        }
    }

    /** Every crosswalk file of the index, in its order; none when the index names none. */
    public static List<DataFile<CrosswalkFile>> load(RulePackSource src) throws Unreadable {
        List<Finding> problems = new ArrayList<>();
        List<DataFile<CrosswalkFile>> out = new ArrayList<>();
        try {
            byte[] idx = src.read("index.yaml");
            if (idx == null) {
                throw new Unreadable(List.of(Finding.error("rules.io", "the rules folder has no index.yaml naming its packs and crosswalks",
                        Location.ofFile(src.display("index.yaml")), null)));
            }
            DataFile<RulePackIndex> index = DataFile.parse(idx, src.display("index.yaml"), RulePackIndex.class);
            problems.addAll(index.findings());
            if (index.ok() && index.value().crosswalks() != null) {
                for (String c : index.value().crosswalks()) {
                    byte[] b = src.read(c);
                    if (b == null) {
                        problems.add(Finding.error("rules.io", "crosswalk file not found", Location.ofFile(src.display(c)), null));
                        continue;
                    }
                    DataFile<CrosswalkFile> f = DataFile.parse(b, src.display(c), CrosswalkFile.class);
                    problems.addAll(f.findings());
                    if (f.ok()) {
                        checkKeys(src, f, problems);
                    }
                    out.add(f);
                }
            }
        } catch (IOException e) {
            problems.add(Finding.error("rules.io", "cannot read the crosswalks: " + e.getMessage(), Location.ofFile(src.display("index.yaml")), null));
        }
        if (!problems.isEmpty()) {
            throw new Unreadable(problems);
        }
        return out;
    }

    /** Each column's keys must be in the reference-key grammar of its pack (pack.yaml's references), at the key's place. */
    private static void checkKeys(RulePackSource src, DataFile<CrosswalkFile> f, List<Finding> problems) throws IOException {
        CrosswalkFile.Packs packs = f.value().packs();
        for (String[] column : new String[][]{{"euRefs", packs.eu()}, {"nist", packs.nist()}, {"iso", packs.iso()}}) {
            byte[] b = src.read(column[1] + "/pack.yaml");
            DataFile<RulePackFile> pack = b == null ? null : DataFile.parse(b, src.display(column[1] + "/pack.yaml"), RulePackFile.class);
            RulePackFile.References refs = pack == null || !pack.ok() ? null : pack.value().references();
            java.util.regex.Pattern grammar = refs == null ? null : refs.compiled();
            if (grammar == null) {
                continue; // a pack that does not load is reported where it is used; one without a grammar takes any key
            }
            List<CrosswalkFile.Row> rows = f.value().rows();
            for (int i = 0; i < rows.size(); i++) {
                CrosswalkFile.Row row = rows.get(i);
                List<String> keys = switch (column[0]) {
                    case "euRefs" -> row.euRefs() == null ? List.of() : row.euRefs();
                    case "nist" -> row.nist();
                    default -> row.iso();
                };
                for (int j = 0; j < keys.size(); j++) {
                    if (!grammar.matcher(keys.get(j)).matches()) {
                        String at = "rows[" + i + "]." + column[0] + "[" + j + "]";
                        problems.add(Finding.error("schema.constraint", at + " must be a reference key of pack " + column[1] + " such as " + refs.example(),
                                dev.aidossier.load.YPath.nearest(f.root(), at).location(), at));
                    }
                }
            }
        }
    }

    /** The rows of every crosswalk, in file order. */
    public static List<CrosswalkFile.Row> rows(List<DataFile<CrosswalkFile>> files) {
        List<CrosswalkFile.Row> rows = new ArrayList<>();
        files.forEach(f -> rows.addAll(f.value().rows()));
        return rows;
    }
}
