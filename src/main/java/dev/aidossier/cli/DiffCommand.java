package dev.aidossier.cli;

import dev.aidossier.analysis.Engine;
import dev.aidossier.analysis.Analysis;
import dev.aidossier.analysis.Modification;
import dev.aidossier.rules.ModificationFile;
import dev.aidossier.load.DescriptionLoader;
import dev.aidossier.load.Loaded;
import dev.aidossier.report.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * {@code dossier diff OLD NEW}: what changed between two versions of a description (or two packs):
 * classification, findings added and resolved, and changes that may amount to a substantial
 * modification under Art. 3(23) and Art. 43(4).
 */
@Command(name = "diff", mixinStandardHelpOptions = true,
        header = "Compare two descriptions or two packs; flag a possible substantial modification.",
        description = {"Compare two descriptions, or two packs (folders or zips): classification changes, findings added and resolved,",
                "and changes that may be a substantial modification (Art. 3(23), Art. 43(4)).",
                "Exit 0: nothing new; 1: new open findings, a classification change or a possible substantial modification; 2: not comparable or unreadable."})
final class DiffCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Parameters(index = "0", paramLabel = "OLD", description = "The earlier description (.yaml) or pack (folder or .zip).")
    Path oldPath;

    @Parameters(index = "1", paramLabel = "NEW", description = "The later description or pack.")
    Path newPath;

    /** What one side contributes to the comparison. */
    record Side(String name, String packId, String packVersion, String packHash, Map<String, Object> classification,
                List<Map<String, Object>> findings, Map<String, Object> description) {
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            common.textOrJson("diff");
            LocalDate asOf = common.asOfDate();
            // two packs need only the pack's classification and modification data, not its rules
            Engine engine = common.engine(err, !isPack(oldPath) || !isPack(newPath));
            if (engine == null) {
                return Main.USAGE;
            }
            Side a = side(oldPath, engine, asOf, err);
            Side b = side(newPath, engine, asOf, err);
            if (a == null || b == null) {
                return Main.USAGE;
            }
            if (!Objects.equals(a.packHash(), b.packHash())) {
                String msg = "not comparable: " + a.name() + " was checked with rule pack " + a.packId() + " " + a.packVersion()
                        + " and " + b.name() + " with " + b.packId() + " " + b.packVersion() + " (different pack contents); re-check both with one pack";
                if (common.format == CommonOptions.Format.json) {
                    out.print(Json.write(Json.obj("comparable", false, "reason", msg)));
                } else {
                    out.println(msg);
                }
                return Main.USAGE;
            }
            return compare(a, b, engine, out);
        } catch (CommonOptions.UsageError e) {
            err.println("dossier: " + e.getMessage());
            return Main.USAGE;
        } catch (IOException e) {
            err.println("dossier: " + e.getMessage());
            return Main.USAGE;
        }
    }

    private static boolean isPack(Path p) {
        return Files.isDirectory(p) || p.getFileName().toString().endsWith(".zip");
    }

    private Side side(Path p, Engine engine, LocalDate asOf, PrintWriter err) throws IOException {
        if (!Files.exists(p)) {
            err.println("dossier: " + p + ": not found");
            return null;
        }
        if (!isPack(p)) {
            Analysis an = engine.analyse(p, p.toString(), asOf);
            if (!an.readable()) {
                an.findings().forEach(f -> err.println(f.toText()));
                return null;
            }
            return new Side(p.toString(), engine.pack().id(), engine.pack().version(), engine.packHash(),
                    an.classification() == null ? Json.obj() : Json.classification(an.classification()), Json.findings(an.findings()), an.loaded().plain());
        }
        Map<String, byte[]> files = readPack(p);
        for (String need : List.of("manifest.json", "findings.json", "description.yaml")) {
            if (!files.containsKey(need)) {
                err.println("dossier: " + p + " is not a pack: " + need + " is missing");
                return null;
            }
        }
        JsonNode manifest = Json.mapper().readTree(files.get("manifest.json"));
        JsonNode findings = Json.mapper().readTree(files.get("findings.json"));
        @SuppressWarnings("unchecked")
        Map<String, Object> cls = findings.get("classification") == null || findings.get("classification").isNull() ? Json.obj()
                : Json.mapper().convertValue(findings.get("classification"), Map.class);
        List<Map<String, Object>> fl = new ArrayList<>();
        for (JsonNode f : findings.get("findings")) {
            @SuppressWarnings("unchecked")
            Map<String, Object> m = Json.mapper().convertValue(f, Map.class);
            fl.add(m);
        }
        Loaded l = new DescriptionLoader().load(files.get("description.yaml"), p + "/description.yaml", null);
        JsonNode rp = manifest.get("rulePack");
        return new Side(p.toString(), rp.get("id").asString(), rp.get("version").asString(), rp.get("sha256").asString(), cls, fl, l.plain());
    }

    private static Map<String, byte[]> readPack(Path p) throws IOException {
        Map<String, byte[]> out = new LinkedHashMap<>();
        if (Files.isDirectory(p)) {
            for (String n : List.of("manifest.json", "findings.json", "description.yaml")) {
                Path f = p.resolve(n);
                if (Files.isRegularFile(f)) {
                    out.put(n, Files.readAllBytes(f));
                }
            }
            return out;
        }
        try (InputStream in = Files.newInputStream(p); ZipInputStream zip = new ZipInputStream(in)) {
            ZipEntry e;
            while ((e = zip.getNextEntry()) != null) {
                String n = e.getName().replaceFirst("^[^/]*/", "");
                if (List.of("manifest.json", "findings.json", "description.yaml").contains(n)) {
                    out.put(n, zip.readNBytes(8 * 1024 * 1024));
                }
            }
        }
        return out;
    }

    private int compare(Side a, Side b, Engine engine, PrintWriter out) {
        Map<String, Object> classChange = new LinkedHashMap<>();
        for (String k : List.of("tier", "gpai", "transparency", "basis")) {
            Object x = a.classification().get(k);
            Object y = b.classification().get(k);
            if (!Objects.equals(x, y)) {
                classChange.put(k, Json.obj("old", String.valueOf(x), "new", String.valueOf(y)));
            }
        }
        Map<String, Map<String, Object>> oldOpen = open(a.findings());
        Map<String, Map<String, Object>> newOpen = open(b.findings());
        List<Map<String, Object>> added = new ArrayList<>();
        List<Map<String, Object>> resolved = new ArrayList<>();
        newOpen.forEach((k, f) -> {
            if (!oldOpen.containsKey(k)) {
                added.add(f);
            }
        });
        oldOpen.forEach((k, f) -> {
            if (!newOpen.containsKey(k)) {
                resolved.add(f);
            }
        });
        ModificationFile law = engine.modification();
        List<Modification.Change> changes = law == null ? List.of() : Modification.assess(law, a.description(), b.description());
        List<Map<String, Object>> substantial = changes.stream()
                .map(c -> Json.obj("change", c.change(), "refs", String.join(", ", c.refs()), "assessment", c.assessment())).toList();
        boolean anyPossible = changes.stream().anyMatch(Modification.Change::possible);
        if (common.format == CommonOptions.Format.json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("comparable", true);
            m.put("old", a.name());
            m.put("new", b.name());
            m.put("classificationChanges", classChange);
            m.put("findingsAdded", added);
            m.put("findingsResolved", resolved);
            m.put("substantialModification", substantial);
            out.print(Json.write(m));
        } else {
            out.println("comparing " + a.name() + " -> " + b.name() + " (rule pack " + b.packId() + " " + b.packVersion() + ")");
            if (classChange.isEmpty()) {
                out.println("classification: unchanged (" + b.classification().get("tier") + ")");
            } else {
                classChange.forEach((k, v) -> out.println("classification " + k + ": " + ((Map<?, ?>) v).get("old") + " -> " + ((Map<?, ?>) v).get("new")));
            }
            out.println("findings: " + added.size() + " added, " + resolved.size() + " resolved");
            added.forEach(f -> out.println("  + " + f.get("file") + ":" + f.get("line") + ":" + f.get("column") + ": " + f.get("severity") + " [" + f.get("ruleId") + "] " + f.get("message")));
            resolved.forEach(f -> out.println("  - [" + f.get("ruleId") + "] " + f.get("message")));
            if (law != null && changes.isEmpty()) {
                out.println(law.unchanged());
            } else if (law != null) {
                out.println(law.heading());
                changes.forEach(c -> out.println("  ! " + c.change() + ": " + c.assessment()));
            }
        }
        return classChange.isEmpty() && added.isEmpty() && !anyPossible ? Main.OK : Main.FINDINGS;
    }

    /** Open findings keyed by rule and YAML path (line numbers move between versions; paths do not). */
    private static Map<String, Map<String, Object>> open(List<Map<String, Object>> findings) {
        Map<String, Map<String, Object>> m = new LinkedHashMap<>();
        for (Map<String, Object> f : findings) {
            if ("failed".equals(f.get("status"))) {
                m.putIfAbsent(f.get("ruleId") + "|" + f.getOrDefault("path", "") + "|" + (f.get("path") == null ? f.get("message") : ""), f);
            }
        }
        return m;
    }

}
