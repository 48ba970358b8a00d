package dev.aidossier.analysis;

import dev.aidossier.cel.CelEnv;
import dev.aidossier.rules.RulePackIndex;
import dev.aidossier.rules.RulePackSource;
import dev.aidossier.rules.RuleEngine;

import dev.aidossier.analysis.Engine;
import dev.aidossier.classify.ClassificationFile;
import dev.aidossier.core.Finding;
import dev.aidossier.load.DataFile;
import dev.aidossier.load.Limits;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Writes the {@link AstCache} at build time (Maven runs it in {@code process-classes}): loads every pack
 * that {@code index.yaml} names the way the tool does, collects the text of every expression of their
 * classification and rule files, and type-checks each with the real compiler. A pack that does not load
 * is reported and left out: its expressions are then compiled at run time, as without a cache.
 *
 * <p>Arguments: the rules folder and the file to write.
 */
public final class AstCacheBuilder {

    private AstCacheBuilder() {
    }

    public static void main(String[] args) throws IOException {
        Path rules = Path.of(args[0]);
        Path out = Path.of(args[1]);
        RulePackSource source = RulePackSource.directory(rules);
        Set<String> expressions = new TreeSet<>();
        for (String pack : packs(source)) {
            try {
                Engine engine = Engine.load(source, List.of(pack), Limits.DEFAULT);
                expressions.addAll(expressions(engine));
            } catch (Engine.PackError e) {
                System.err.println("CEL AST cache: pack '" + pack + "' does not load, its expressions will be compiled at run time:");
                e.findings().stream().limit(10).map(Finding::toText).forEach(System.err::println);
            }
        }
        List<String> left = CelEnv.writeAstCache(expressions, out); // silent on success, like the rest of a quiet build
        for (String e : left) {
            System.err.println("CEL AST cache: left out (compiled at run time): " + e);
        }
    }

    private static List<String> packs(RulePackSource source) throws IOException {
        byte[] bytes = source.read("index.yaml");
        if (bytes == null) {
            return List.of();
        }
        DataFile<RulePackIndex> index = DataFile.parse(bytes, source.display("index.yaml"), RulePackIndex.class);
        return index.ok() ? index.value().packs() : List.of();
    }

    /** Every CEL expression a loaded engine compiled: classification predicates and conclusions, rule conditions and checks. */
    public static List<String> expressions(Engine engine) {
        List<String> out = new ArrayList<>();
        ClassificationFile data = engine.classifier().data();
        if (data.predicates() != null) {
            out.addAll(data.predicates().values());
        }
        for (ClassificationFile.Conclusion c : data.conclusions()) {
            out.add(c.when());
            if (c.basisFrom() != null) {
                out.add(c.basisFrom());
            }
        }
        for (RuleEngine.Compiled r : engine.rules().rules()) {
            for (CelEnv.Program p : new CelEnv.Program[]{r.when(), r.where(), r.check()}) {
                if (p != null) {
                    out.add(p.source());
                }
            }
        }
        return out;
    }
}
