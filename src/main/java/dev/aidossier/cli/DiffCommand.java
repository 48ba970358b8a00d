package dev.aidossier.cli;

import dev.aidossier.analysis.Engine;
import dev.aidossier.analysis.Analysis;
import dev.aidossier.analysis.Modification;
import dev.aidossier.rules.ModificationFile;
import dev.aidossier.load.DescriptionLoader;
import dev.aidossier.load.Loaded;
import dev.aidossier.report.Json;
import dev.aidossier.core.Finding;
import dev.aidossier.core.Location;
import dev.aidossier.pack.PackIntegrity;
import dev.aidossier.pack.PackReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
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

/**
 * {@code dossier diff OLD NEW}: what changed between two versions of a description (or two packs):
 * classification, findings added and resolved, and changes that may amount to a substantial
 * modification under Art. 3(23) and Art. 43(4).
 */
@Command(name = "diff", mixinStandardHelpOptions = true,
        header = "Compare two descriptions or two packs; flag a possible substantial modification.",
        description = {"Compare two descriptions, or two packs (folders or zips): classification changes, findings added and resolved,",
                "and changes that may be a substantial modification (Art. 3(23), Art. 43(4)).",
                "A pack is first checked against its manifest (as dossier verify does, without the signatures) and refused when it fails, unless --no-verify.",
                "Exit 0: nothing new; 1: new open findings, a classification change or a possible substantial modification; 2: not comparable, unreadable or failing its integrity check."})
final class DiffCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Parameters(index = "0", paramLabel = "OLD", description = "The earlier description (.yaml) or pack (folder or .zip).")
    Path oldPath;

    @Parameters(index = "1", paramLabel = "NEW", description = "The later description or pack.")
    Path newPath;

    @picocli.CommandLine.Option(names = "--no-verify", description = "Compare packs even when their files do not match their manifests (by default such a pack is refused, exit 2).")
    boolean noVerify;

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

    private Side side(Path p, Engine engine, LocalDate asOf, PrintWriter err) throws IOException, CommonOptions.UsageError {
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
        PackReader.Bounds bounds = PackReader.Bounds.DEFAULT.withJson(common.limits());
        try {
            PackReader.Contents pack = PackReader.read(p, p.toString(), bounds);
            if (!noVerify) {
                // the integrity check of verify: a pack whose files do not match its manifest is not compared
                List<Finding> problems = PackIntegrity.problems(pack, bounds);
                if (problems != null) {
                    problems.forEach(f -> err.println(f.toText()));
                    err.println("dossier: " + p + " fails its integrity check (dossier verify " + p
                            + " tells more); diff refuses it unless --no-verify is given");
                    return null;
                }
            }
            for (String need : List.of(PackIntegrity.MANIFEST, "findings.json", "description.yaml")) {
                if (!pack.files().containsKey(need)) {
                    err.println("dossier: " + p + " is not a pack: " + need + " is missing");
                    return null;
                }
            }
            JsonNode manifest = PackReader.json(pack, PackIntegrity.MANIFEST, bounds);
            JsonNode findings = PackReader.json(pack, "findings.json", bounds);
            JsonNode rp = manifest.path("rulePack");
            JsonNode list = findings.path("findings");
            JsonNode classification = findings.path("classification");
            if (!rp.path("id").isString() || !rp.path("version").isString() || !rp.path("sha256").isString()) {
                err.println(Finding.error("pack.manifest", "rulePack must name the rule pack's id, version and sha256",
                        Location.ofFile(pack.where(PackIntegrity.MANIFEST)), null).toText());
                return null;
            }
            if (!list.isArray() || !(classification.isObject() || classification.isNull())) {
                err.println(Finding.error("pack.json", "findings.json must hold a list 'findings' and an object 'classification'",
                        Location.ofFile(pack.where("findings.json")), null).toText());
                return null;
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> cls = classification.isNull() ? Json.obj() : Json.mapper().convertValue(classification, Map.class);
            List<Map<String, Object>> fl = new ArrayList<>();
            for (JsonNode f : list) {
                if (!f.isObject()) {
                    err.println(Finding.error("pack.json", "findings.json: every finding is an object",
                            Location.ofFile(pack.where("findings.json")), null).toText());
                    return null;
                }
                @SuppressWarnings("unchecked")
                Map<String, Object> m = Json.mapper().convertValue(f, Map.class);
                fl.add(m);
            }
            Loaded l = new DescriptionLoader(common.limits()).load(pack.files().get("description.yaml"), pack.where("description.yaml"), null);
            if (!l.readable()) {
                l.findings().forEach(f -> err.println(f.toText()));
                return null;
            }
            return new Side(p.toString(), rp.get("id").asString(), rp.get("version").asString(), rp.get("sha256").asString(), cls, fl, l.plain());
        } catch (PackReader.Unreadable e) {
            err.println(e.finding().toText());
            return null;
        }
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
        Map<String, Map<String, Object>> oldOpen = withStatus(a.findings(), "failed");
        Map<String, Map<String, Object>> newOpen = withStatus(b.findings(), "failed");
        List<Map<String, Object>> added = onlyIn(newOpen, oldOpen);
        List<Map<String, Object>> resolved = onlyIn(oldOpen, newOpen);
        // not met, applying later: a buyer judges them too, so they are compared (they do not set the exit code)
        Map<String, Map<String, Object>> oldUpcoming = withStatus(a.findings(), "upcoming");
        Map<String, Map<String, Object>> newUpcoming = withStatus(b.findings(), "upcoming");
        List<Map<String, Object>> upcomingAdded = onlyIn(newUpcoming, oldUpcoming);
        List<Map<String, Object>> upcomingResolved = onlyIn(oldUpcoming, newUpcoming);
        Map<String, Object> counts = Json.obj("old", counts(a.findings()), "new", counts(b.findings()));
        Map<String, Object> oldId = identity(a.description());
        Map<String, Object> newId = identity(b.description());
        boolean sameSystem = sameSystem(oldId, newId);
        ModificationFile law = engine.modification();
        // a substantial modification is a change to one system: two different systems are not weighed as one
        List<Modification.Change> changes = law == null || !sameSystem ? List.of() : Modification.assess(law, a.description(), b.description());
        List<Map<String, Object>> substantial = changes.stream()
                .map(c -> Json.obj("change", c.change(), "refs", String.join(", ", c.refs()), "assessment", c.assessment())).toList();
        boolean anyPossible = changes.stream().anyMatch(Modification.Change::possible);
        if (common.format == CommonOptions.Format.json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("comparable", true);
            m.put("old", a.name());
            m.put("new", b.name());
            m.put("sameSystem", sameSystem);
            m.put("systems", Json.obj("old", oldId, "new", newId));
            m.put("classificationChanges", classChange);
            m.put("findingsAdded", added);
            m.put("findingsResolved", resolved);
            m.put("upcomingAdded", upcomingAdded);
            m.put("upcomingResolved", upcomingResolved);
            m.put("counts", counts);
            m.put("substantialModification", substantial);
            out.print(Json.write(m));
        } else {
            out.println("comparing " + a.name() + " -> " + b.name() + " (rule pack " + b.packId() + " " + b.packVersion() + ")");
            if (!sameSystem) {
                out.println("different systems: " + describe(oldId) + " and " + describe(newId)
                        + ": neither the name nor the identifier matches, so this compares two systems, not two versions of one");
            }
            if (classChange.isEmpty()) {
                out.println("classification: unchanged (" + b.classification().get("tier") + ")");
            } else {
                classChange.forEach((k, v) -> out.println("classification " + k + ": " + ((Map<?, ?>) v).get("old") + " -> " + ((Map<?, ?>) v).get("new")));
            }
            out.println("findings: " + added.size() + " added, " + resolved.size() + " resolved");
            added.forEach(f -> out.println("  + " + f.get("file") + ":" + f.get("line") + ":" + f.get("column") + ": " + f.get("severity") + " [" + f.get("ruleId") + "] " + f.get("message")));
            resolved.forEach(f -> out.println("  - [" + f.get("ruleId") + "] " + f.get("message")));
            out.println("upcoming (applying later, not counted for the exit code): " + upcomingAdded.size() + " added, "
                    + upcomingResolved.size() + " resolved");
            upcomingAdded.forEach(f -> out.println("  + " + f.get("file") + ":" + f.get("line") + ":" + f.get("column") + ": " + f.get("severity")
                    + " [" + f.get("ruleId") + "] " + f.get("message") + (f.get("appliesFrom") == null ? "" : " (applies from " + f.get("appliesFrom") + ")")));
            upcomingResolved.forEach(f -> out.println("  - [" + f.get("ruleId") + "] " + f.get("message")));
            out.println("counts: " + countLine((Map<?, ?>) counts.get("old")) + " -> " + countLine((Map<?, ?>) counts.get("new")));
            if (!sameSystem) {
                out.println("substantial modification: not assessed for two different systems");
            } else if (law != null && changes.isEmpty()) {
                out.println(law.unchanged());
            } else if (law != null) {
                out.println(law.heading());
                changes.forEach(c -> out.println("  ! " + c.change() + ": " + c.assessment()));
            }
        }
        return sameSystem && classChange.isEmpty() && added.isEmpty() && !anyPossible ? Main.OK : Main.FINDINGS;
    }

    private static List<Map<String, Object>> onlyIn(Map<String, Map<String, Object>> in, Map<String, Map<String, Object>> notIn) {
        List<Map<String, Object>> out = new ArrayList<>();
        in.forEach((k, f) -> {
            if (!notIn.containsKey(k)) {
                out.add(f);
            }
        });
        return out;
    }

    /** Findings by status: open (failed), upcoming, waived, passed. */
    private static Map<String, Object> counts(List<Map<String, Object>> findings) {
        Map<String, Object> c = new LinkedHashMap<>();
        for (String[] s : new String[][]{{"open", "failed"}, {"upcoming", "upcoming"}, {"waived", "waived"}, {"passed", "passed"}}) {
            c.put(s[0], findings.stream().filter(f -> s[1].equals(f.get("status"))).count());
        }
        return c;
    }

    private static String countLine(Map<?, ?> c) {
        return c.get("open") + " open, " + c.get("upcoming") + " upcoming, " + c.get("waived") + " waived, " + c.get("passed") + " passed";
    }

    /** What names a system: metadata.name and metadata.identifier, and its provider. */
    private static Map<String, Object> identity(Map<String, Object> description) {
        Map<String, Object> id = new LinkedHashMap<>();
        for (String[] k : new String[][]{{"name", "metadata.name"}, {"identifier", "metadata.identifier"}, {"provider", "spec.provider.name"}}) {
            Object v = dev.aidossier.load.PlainPath.get(description, k[1]);
            if (v instanceof String str && !str.isBlank()) {
                id.put(k[0], str.strip());
            }
        }
        return id;
    }

    /**
     * Two descriptions are of one system when their names or their identifiers match (a version may rename
     * the system or give it a new product code, rarely both at once); names compare without case.
     */
    private static boolean sameSystem(Map<String, Object> a, Map<String, Object> b) {
        Object na = a.get("name");
        Object nb = b.get("name");
        if (na != null && nb != null && ((String) na).equalsIgnoreCase((String) nb)) {
            return true;
        }
        return a.get("identifier") != null && a.get("identifier").equals(b.get("identifier"));
    }

    private static String describe(Map<String, Object> id) {
        return "'" + id.getOrDefault("name", "(no name)") + "'" + (id.containsKey("identifier") ? " (" + id.get("identifier") + ")" : "");
    }

    /** Findings of one status keyed by rule and YAML path (line numbers move between versions; paths do not). */
    private static Map<String, Map<String, Object>> withStatus(List<Map<String, Object>> findings, String status) {
        Map<String, Map<String, Object>> m = new LinkedHashMap<>();
        for (Map<String, Object> f : findings) {
            if (status.equals(f.get("status"))) {
                m.putIfAbsent(f.get("ruleId") + "|" + f.getOrDefault("path", "") + "|" + (f.get("path") == null ? f.get("message") : ""), f);
            }
        }
        return m;
    }

}
