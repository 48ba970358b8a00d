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

    /** The rows of every crosswalk, in file order. */
    public static List<CrosswalkFile.Row> rows(List<DataFile<CrosswalkFile>> files) {
        List<CrosswalkFile.Row> rows = new ArrayList<>();
        files.forEach(f -> rows.addAll(f.value().rows()));
        return rows;
    }
}
