package dev.aidossier.report;

import dev.aidossier.analysis.Engine;
import dev.aidossier.analysis.Analysis;
import dev.aidossier.core.Finding;
import dev.aidossier.core.Severity;
import dev.aidossier.core.Status;
import dev.aidossier.core.ToolRules;
import dev.aidossier.rules.RulePackFile;
import dev.aidossier.rules.RuleEngine;
import dev.aidossier.rules.RuleFile;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * SARIF 2.1.0 for code-scanning tools: every rule of the pack and of the tool in the driver's rule list
 * (with its help link), every open, upcoming or waived finding as a result with its region in the YAML.
 * No timestamps, so the same input gives the same bytes.
 */
public final class Sarif {
    private Sarif() {
    }

    public static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
    public static final String INFO_URI = "https://github.com/ai-dossier/dossier";
    /** The README section that explains the tool's own rule ids (a test checks that the anchor exists). */
    public static final String TOOL_RULES_HELP = INFO_URI + "#findings";
    /**
     * The base of every relative artifact URI: the folder the tool ran in (in CI, the checkout). Its absolute
     * location is deliberately not written, so the same input gives the same bytes on every machine.
     */
    public static final String SRCROOT = "SRCROOT";

    public static String write(List<Analysis> analyses, Engine engine, String toolVersion) {
        Map<String, Object> log = new LinkedHashMap<>();
        log.put("$schema", SCHEMA);
        log.put("version", "2.1.0");
        Map<String, Object> run = new LinkedHashMap<>();
        Map<String, Object> driver = new LinkedHashMap<>();
        driver.put("name", "AI Dossier");
        driver.put("semanticVersion", toolVersion);
        driver.put("informationUri", INFO_URI);
        List<Map<String, Object>> rules = new ArrayList<>();
        Map<String, Integer> index = new LinkedHashMap<>();
        for (RuleEngine.Compiled c : engine.rules().rules()) {
            RuleFile.Rule r = c.rule();
            index.put(r.id(), rules.size());
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("id", r.id());
            d.put("name", camel(r.id()));
            d.put("shortDescription", Json.obj("text", r.title()));
            d.put("fullDescription", Json.obj("text", r.title() + " (" + String.join(", ", r.refs()) + ")."));
            if (c.link() != null) {
                d.put("helpUri", c.link());
            }
            d.put("help", Json.obj("text", r.remediation() + " References: " + String.join(", ", r.refs()) + "."));
            d.put("defaultConfiguration", Json.obj("level", level(Severity.parse(r.severity()))));
            Map<String, Object> props = new LinkedHashMap<>();
            props.put("tags", r.refs());
            props.put("status", r.status());
            RulePackFile own = engine.pack(c.pack()); // with --pack all, each rule names its own pack
            props.put("pack", own.id() + "@" + own.version());
            d.put("properties", props);
            rules.add(d);
        }
        java.util.Set<String> found = new java.util.HashSet<>();
        for (Analysis a : analyses) {
            for (Finding f : a.findings()) {
                found.add(f.ruleId());
            }
        }
        for (ToolRules.Info t : ToolRules.all().values()) {
            if (!t.always() && !found.contains(t.id())) {
                continue;
            }
            index.put(t.id(), rules.size());
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("id", t.id());
            d.put("name", camel(t.id()));
            d.put("shortDescription", Json.obj("text", t.title()));
            d.put("fullDescription", Json.obj("text", t.title() + ". " + t.help()));
            d.put("help", Json.obj("text", t.help()));
            d.put("helpUri", TOOL_RULES_HELP);
            d.put("defaultConfiguration", Json.obj("level", t.level()));
            rules.add(d);
        }
        driver.put("rules", rules);
        run.put("tool", Json.obj("driver", driver));
        List<Map<String, Object>> artifacts = new ArrayList<>();
        List<Map<String, Object>> results = new ArrayList<>();
        Map<String, Integer> artifactIndex = new LinkedHashMap<>();
        for (Analysis a : analyses) {
            artifactIndex.put(a.loaded().file(), artifacts.size());
            Map<String, Object> art = new LinkedHashMap<>();
            art.put("location", location(a.loaded().file(), null));
            if (a.loaded().bytes() != null) {
                art.put("hashes", Json.obj("sha-256", dev.aidossier.util.Hashes.sha256(a.loaded().bytes())));
            }
            artifacts.add(art);
        }
        for (Analysis a : analyses) {
            for (Finding f : a.findings()) {
                if (f.status() != Status.failed && f.status() != Status.upcoming && f.status() != Status.waived) {
                    continue;
                }
                Map<String, Object> r = new LinkedHashMap<>();
                r.put("ruleId", f.ruleId());
                Integer ri = index.get(f.ruleId());
                if (ri != null) {
                    r.put("ruleIndex", ri);
                }
                r.put("level", f.status() == Status.upcoming ? "note" : level(f.severity()));
                String text = f.status() == Status.upcoming ? "Applies from " + f.appliesFrom() + ": " + f.message() : f.message();
                if (f.remediation() != null) {
                    text += " Fix: " + f.remediation();
                }
                r.put("message", Json.obj("text", text));
                Map<String, Object> phys = new LinkedHashMap<>();
                String file = f.location().file();
                phys.put("artifactLocation", location(file, artifactIndex.get(file)));
                phys.put("region", Json.obj("startLine", Math.max(1, f.location().line()), "startColumn", Math.max(1, f.location().column())));
                r.put("locations", List.of(Json.obj("physicalLocation", phys)));
                if (f.path() != null) {
                    r.put("partialFingerprints", Json.obj("yamlPath/v1", f.ruleId() + ":" + f.path()));
                }
                if (f.status() == Status.waived && f.waiver() != null) {
                    r.put("suppressions", List.of(Json.obj("kind", "external", "status", "accepted",
                            "justification", f.waiver().reason() + " (approved by " + f.waiver().approver() + ", expires " + f.waiver().expires() + ")")));
                }
                Map<String, Object> props = new LinkedHashMap<>();
                props.put("status", f.status().name());
                props.put("refs", f.refs());
                if (f.appliesFrom() != null) {
                    props.put("appliesFrom", f.appliesFrom().toString());
                }
                r.put("properties", props);
                results.add(r);
            }
        }
        run.put("automationDetails", Json.obj("id", "ai-dossier/" + engine.pack().id() + "/"));
        run.put("invocations", List.of(Json.obj("executionSuccessful", true)));
        run.put("originalUriBaseIds", Json.obj(SRCROOT, Json.obj("description",
                Json.obj("text", "The folder dossier ran in (in CI, the repository checkout); relative paths are relative to it."))));
        run.put("artifacts", artifacts);
        run.put("results", results);
        run.put("columnKind", "unicodeCodePoints");
        log.put("runs", List.of(run));
        return Json.write(log);
    }

    static String level(Severity s) {
        return switch (s) {
            case error -> "error";
            case warning -> "warning";
            case info -> "note";
        };
    }

    /**
     * An artifact location: a path inside the working folder becomes a relative URI under {@link #SRCROOT}
     * (code scanning resolves it against the checkout), with '/' separators and percent-encoding; an absolute
     * path outside it stays an absolute {@code file:} URI.
     */
    public static Map<String, Object> location(String file, Integer index) {
        Map<String, Object> al = new LinkedHashMap<>();
        String relative = relative(file);
        if (relative != null) {
            al.put("uri", encode(relative));
            al.put("uriBaseId", SRCROOT);
        } else {
            String uri;
            try {
                uri = java.nio.file.Path.of(file).toAbsolutePath().normalize().toUri().toString();
            } catch (RuntimeException e) { // not a path of this file system: keep the name, encoded
                uri = encode(file.replace('\\', '/'));
            }
            al.put("uri", uri);
        }
        if (index != null) {
            al.put("index", index);
        }
        return al;
    }

    /** The path relative to the working folder, or null when it lies outside it. */
    static String relative(String file) {
        String s = CiAnnotations.relative(file, java.nio.file.Path.of(""));
        return s.startsWith("/") || s.equals("..") || s.startsWith("../") || s.isEmpty() ? null : s;
    }

    /** Percent-encodes what a URI path may not hold (spaces, '%', '#', '?', non-ASCII), keeping '/'. */
    static String encode(String path) {
        StringBuilder sb = new StringBuilder();
        for (byte b : path.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-._~/!$&'()*+,;=:@".indexOf(c) >= 0) {
                sb.append((char) c);
            } else {
                sb.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16))).append(Character.toUpperCase(Character.forDigit(c & 15, 16)));
            }
        }
        return sb.toString();
    }

    private static String camel(String id) {
        StringBuilder sb = new StringBuilder();
        boolean up = true;
        for (char ch : id.toCharArray()) {
            if (ch == '-' || ch == '.' || ch == '_') {
                up = true;
            } else {
                sb.append(up ? Character.toUpperCase(ch) : Character.toLowerCase(ch));
                up = false;
            }
        }
        return sb.toString();
    }
}
