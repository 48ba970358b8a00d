package dev.aidossier.verify;

import dev.aidossier.core.Finding;
import dev.aidossier.core.Severity;
import dev.aidossier.core.ToolRules;
import dev.aidossier.report.Json;
import dev.aidossier.report.Sarif;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The report of {@code dossier verify} as JSON and as SARIF 2.1.0 (in the style of {@link Sarif}). */
public final class VerifyReport {
    private VerifyReport() {
    }

    public static Map<String, Object> json(List<Verifier.Report> reports) {
        List<Map<String, Object>> inputs = new ArrayList<>();
        for (Verifier.Report r : reports) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("input", r.input());
            m.put("kind", r.kind());
            m.put("readable", !r.unreadable());
            m.put("files", r.files());
            m.put("signed", r.signed());
            List<Map<String, Object>> sigs = new ArrayList<>();
            for (Signatures.Signed s : r.signatures()) {
                Map<String, Object> x = new LinkedHashMap<>();
                x.put("file", s.file());
                x.put("signer", s.signer());
                x.put("certificateSha256", s.certificateSha256());
                x.put("signingTime", s.signingTime());
                x.put("level", s.level());
                x.put("indication", s.indication());
                x.put("subIndication", s.subIndication());
                x.put("trusted", s.trusted());
                x.put("revocation", "not checked (offline)");
                sigs.add(x);
            }
            m.put("signatures", sigs);
            m.put("errors", count(r.findings(), Severity.error));
            m.put("warnings", count(r.findings(), Severity.warning));
            m.put("findings", Json.findings(r.findings()));
            inputs.add(m);
        }
        return Json.obj("tool", Json.obj("name", "dossier", "command", "verify"), "inputs", inputs);
    }

    static long count(List<Finding> f, Severity s) {
        return f.stream().filter(x -> x.severity() == s).count();
    }

    public static String sarif(List<Verifier.Report> reports, String toolVersion) {
        Map<String, Object> log = new LinkedHashMap<>();
        log.put("$schema", Sarif.SCHEMA);
        log.put("version", "2.1.0");
        Map<String, Object> driver = new LinkedHashMap<>();
        driver.put("name", "AI Dossier");
        driver.put("semanticVersion", toolVersion);
        driver.put("informationUri", Sarif.INFO_URI);
        List<Map<String, Object>> rules = new ArrayList<>();
        Map<String, Integer> index = new LinkedHashMap<>();
        for (ToolRules.Info t : ToolRules.group(ToolRules.VERIFY)) {
            index.put(t.id(), rules.size());
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("id", t.id());
            d.put("name", name(t.id()));
            d.put("shortDescription", Json.obj("text", t.title()));
            d.put("fullDescription", Json.obj("text", t.title() + ". " + t.help()));
            d.put("help", Json.obj("text", t.help()));
            d.put("helpUri", Sarif.INFO_URI + "#verifying-a-pack");
            d.put("defaultConfiguration", Json.obj("level", t.level()));
            rules.add(d);
        }
        driver.put("rules", rules);
        List<Map<String, Object>> results = new ArrayList<>();
        for (Verifier.Report r : reports) {
            for (Finding f : r.findings()) {
                Map<String, Object> x = new LinkedHashMap<>();
                x.put("ruleId", f.ruleId());
                if (index.containsKey(f.ruleId())) {
                    x.put("ruleIndex", index.get(f.ruleId()));
                }
                x.put("level", switch (f.severity()) {
                    case error -> "error";
                    case warning -> "warning";
                    case info -> "note";
                });
                x.put("message", Json.obj("text", f.message()));
                Map<String, Object> phys = new LinkedHashMap<>();
                phys.put("artifactLocation", Sarif.location(f.location().file(), null));
                phys.put("region", Json.obj("startLine", Math.max(1, f.location().line()), "startColumn", Math.max(1, f.location().column())));
                x.put("locations", List.of(Json.obj("physicalLocation", phys)));
                results.add(x);
            }
        }
        Map<String, Object> run = new LinkedHashMap<>();
        run.put("tool", Json.obj("driver", driver));
        run.put("automationDetails", Json.obj("id", "ai-dossier/verify/"));
        run.put("invocations", List.of(Json.obj("executionSuccessful", true)));
        run.put("originalUriBaseIds", Json.obj(Sarif.SRCROOT, Json.obj("description",
                Json.obj("text", "The folder dossier ran in; relative paths are relative to it."))));
        run.put("results", results);
        run.put("columnKind", "unicodeCodePoints");
        log.put("runs", List.of(run));
        return Json.write(log);
    }

    /** A rule's name for SARIF: its id in camel case ({@code pack.hash-mismatch} becomes {@code PackHashMismatch}). */
    private static String name(String id) {
        StringBuilder sb = new StringBuilder();
        boolean up = true;
        for (char ch : id.toCharArray()) {
            if (ch == '-' || ch == '.') {
                up = true;
            } else {
                sb.append(up ? Character.toUpperCase(ch) : ch);
                up = false;
            }
        }
        return sb.toString();
    }
}
