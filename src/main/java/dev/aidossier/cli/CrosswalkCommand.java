package dev.aidossier.cli;

import dev.aidossier.load.DataFile;
import dev.aidossier.report.Json;
import dev.aidossier.rules.CrosswalkFile;
import dev.aidossier.rules.RulePackSource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "crosswalk", mixinStandardHelpOptions = true,
        description = "Print the crosswalk between the EU AI Act rules, NIST AI RMF subcategories and ISO/IEC 42001 Annex A controls.")
final class CrosswalkCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            common.textOrJson("crosswalk");
            List<DataFile<CrosswalkFile>> files = load(common.packSource(), err);
            if (files == null) {
                return Main.USAGE;
            }
            if (common.format == CommonOptions.Format.json) {
                List<Map<String, Object>> rows = new ArrayList<>();
                for (DataFile<CrosswalkFile> f : files) {
                    for (CrosswalkFile.Row r : f.value().rows()) {
                        Map<String, Object> m = new LinkedHashMap<>();
                        m.put("eu", r.eu());
                        m.put("euRefs", r.euRefs() == null ? List.of() : r.euRefs());
                        m.put("nist", r.nist());
                        m.put("iso", r.iso());
                        m.put("source", r.source());
                        m.put("strength", r.strength());
                        if (r.note() != null) {
                            m.put("note", r.note());
                        }
                        rows.add(m);
                    }
                }
                out.print(Json.write(rows));
                return Main.OK;
            }
            out.printf("%-36s %-34s %-28s %-10s %s%n", "EU AI ACT RULE", "NIST AI RMF", "ISO/IEC 42001", "STRENGTH", "SOURCE");
            for (DataFile<CrosswalkFile> f : files) {
                for (CrosswalkFile.Row r : f.value().rows()) {
                    out.printf("%-36s %-34s %-28s %-10s %s%n", r.eu(), String.join(" ", r.nist()), String.join(" ", r.iso()), r.strength(), r.source());
                }
            }
            return Main.OK;
        } catch (CommonOptions.UsageError e) {
            err.println("dossier: " + e.getMessage());
            return Main.USAGE;
        }
    }

    /** The crosswalks named by the rules folder's index, or null after printing their problems. */
    static List<DataFile<CrosswalkFile>> load(RulePackSource src, PrintWriter err) {
        try {
            return dev.aidossier.rules.Crosswalks.load(src);
        } catch (dev.aidossier.rules.Crosswalks.Unreadable e) {
            e.findings().forEach(p -> err.println(p.toText()));
            return null;
        }
    }
}
