package dev.aidossier.render;

import dev.aidossier.analysis.Coverage;

import dev.aidossier.util.Hashes;
import dev.aidossier.analysis.Engine;
import dev.aidossier.analysis.Analysis;
import dev.aidossier.classify.Classification;
import dev.aidossier.core.Finding;
import dev.aidossier.core.Severity;
import dev.aidossier.core.Status;
import dev.aidossier.model.ModelDescription;
import dev.aidossier.model.SystemDescription;
import dev.aidossier.rules.RulePackFile;
import dev.aidossier.rules.RuleEngine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Builds the data model every template receives, as plain maps and lists (see {@link Plain}). The
 * variables, all documents alike:
 *
 * <ul>
 *   <li>{@code doc}: id, title, draft, draftStamp, stem, audience (all or dp), files (id → sibling PDF name)
 *   <li>{@code tool}, {@code pack}, {@code source} (file, name, sha256), {@code asOf}
 *   <li>{@code kind} (AISystem or GPAIModel), {@code system} (the metadata), {@code spec}
 *   <li>{@code classification}: available, tier, gpai, transparency, basis, citations {key: text}, setAside
 *       [{id, basis, title, roles, because [{path, value, line, column}]}], annexIII [{key, title}], routes,
 *       obligationsFrom, derogation, roles, conclusions and upcoming [{id, effect, basis, title, appliesFrom}]
 *   <li>{@code findings} (all), {@code open} (failed, by severity then place), {@code upcoming}, {@code waived}
 *   <li>{@code gaps}: reference key or any prefix of one (AnxIV, AnxIV.2, AnxIV.2.d ...) → its failed,
 *       upcoming and waived findings
 *   <li>{@code coverage}: reference key or prefix → {failed, upcoming, waived, passed, notApplicable,
 *       applicable, rules, completeness (percent, absent when nothing applies)}
 *   <li>{@code provisions}: the same per article and annex, in legal order, with key and label
 *   <li>{@code counts}: open findings by severity; {@code gate}: whether the declaration is blocked
 *   <li>{@code evidence}: each cited file with id, title, path, sha256, status, citedBy
 * </ul>
 */
final class DataModel {
    private DataModel() {
    }

    /**
     * The model of one document: {@code doc} (the only part that differs between the documents of a
     * description) followed by the shared part, which is not copied: templates cannot change it.
     */
    static Map<String, Object> forDocument(Map<String, Object> shared, DocumentKind kind, RenderOptions o) {
        return forDocument(shared, kind, o, Catalogues.DEFAULT);
    }

    /**
     * As above, in the document language {@code lang}: the model also holds the language's template
     * functions ({@code t}, {@code fdate}, {@code fnum}, {@code hasT}) and {@code lang}, {@code langName}
     * (see {@link I18nMethods}).
     */
    static Map<String, Object> forDocument(Map<String, Object> shared, DocumentKind kind, RenderOptions o, String lang) {
        Map<String, Object> root = new LinkedHashMap<>();
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("id", kind.id());
        doc.put("title", kind.title());
        doc.put("draft", o.draft());
        doc.put("draftStamp", kind.draftStamp());
        doc.put("stem", Plain.xmlSafe(o.stem()));
        doc.put("audience", o.audience());
        // the names the other documents get in the same run: with --lang, a translated document is written as
        // <stem>-<doc>.<lang>.pdf, so a translated document names the translated ones in its own language
        Map<String, Object> files = new LinkedHashMap<>();
        boolean suffixed = o.lang() != null && Renderer.translated(kind);
        for (DocumentKind k : DocumentKind.values()) {
            String in = suffixed && Renderer.translated(k) ? o.lang() : null;
            files.put(k.id(), Plain.xmlSafe(Renderer.fileName(o.stem(), k, in, false, ".pdf")));
        }
        doc.put("files", files);
        root.put("doc", doc);
        root.putAll(I18nMethods.of(lang));
        root.putAll(shared);
        return root;
    }

    /** Everything but {@code doc}: the same for every document of one description (built once by the renderer). */
    static Map<String, Object> shared(Engine engine, Analysis a, RenderOptions o, String toolVersion) {
        Map<String, Object> root = new LinkedHashMap<>();
        Object model = a.loaded().model();
        Map<String, Object> metadata;
        Map<String, Object> spec;
        // a description without metadata or spec (or with a scalar there) still renders, every item a gap
        if (model instanceof SystemDescription s) {
            metadata = Plain.record(s.metadata(), dev.aidossier.model.Metadata.class);
            spec = Plain.record(s.spec(), dev.aidossier.model.SystemSpec.class);
        } else if (model instanceof ModelDescription m) {
            metadata = Plain.record(m.metadata(), dev.aidossier.model.Metadata.class);
            spec = Plain.record(m.spec(), dev.aidossier.model.ModelSpec.class);
        } else {
            throw new IllegalArgumentException("the description has no model to render");
        }

        root.put("tool", Map.of("name", "AI Dossier", "version", toolVersion));
        RulePackFile p = engine.pack();
        Map<String, Object> pack = new LinkedHashMap<>();
        pack.put("id", p.id());
        pack.put("version", p.version());
        pack.put("title", p.title());
        pack.put("law", p.law());
        pack.put("textVersion", p.textVersion());
        if (p.link() != null) {
            pack.put("link", p.link());
        }
        root.put("pack", pack);

        Map<String, Object> source = new LinkedHashMap<>();
        source.put("file", Plain.xmlSafe(a.loaded().file()));
        source.put("name", Plain.xmlSafe(a.loaded().file().replaceFirst("^.*[/\\\\]", "")));
        if (a.loaded().bytes() != null) {
            source.put("sha256", Hashes.sha256(a.loaded().bytes()));
        }
        root.put("source", source);
        root.put("asOf", o.asOf().toString());
        root.put("kind", a.loaded().kind().name());
        root.put("system", metadata);
        root.put("spec", spec);
        root.put("classification", classification(engine, a.classification()));

        RuleEngine rules = engine.rules();
        List<Map<String, Object>> all = new ArrayList<>();
        List<Map<String, Object>> open = new ArrayList<>();
        List<Map<String, Object>> upcoming = new ArrayList<>();
        List<Map<String, Object>> waived = new ArrayList<>();
        Map<String, List<Map<String, Object>>> gaps = new TreeMap<>();
        List<Finding> sorted = new ArrayList<>(a.findings());
        sorted.sort(Comparator.comparing((Finding f) -> f.severity().ordinal()).thenComparing(Finding.ORDER));
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (Severity s : Severity.values()) {
            counts.put(s.name(), 0);
        }
        for (Finding f : sorted) {
            Map<String, Object> fm = finding(f, rules);
            all.add(fm);
            switch (f.status()) {
                case failed -> {
                    open.add(fm);
                    counts.merge(f.severity().name(), 1, Integer::sum);
                }
                case upcoming -> upcoming.add(fm);
                case waived -> waived.add(fm);
                default -> {
                }
            }
            if (f.status() == Status.failed || f.status() == Status.upcoming || f.status() == Status.waived) {
                java.util.Set<String> keys = new java.util.LinkedHashSet<>();
                for (String ref : f.refs()) {
                    keys.addAll(Coverage.prefixes(ref));
                }
                for (String k : keys) {
                    gaps.computeIfAbsent(k, x -> new ArrayList<>()).add(fm);
                }
            }
        }
        root.put("findings", all);
        root.put("open", open);
        root.put("upcoming", upcoming);
        root.put("waived", waived);
        root.put("gaps", gaps);
        root.put("counts", counts);

        dev.aidossier.rules.Provisions ofPack = dev.aidossier.rules.Provisions.of(engine.pack());
        Coverage coverage = new Coverage(a.findings(), rules, ofPack);
        Map<String, Object> byKey = new LinkedHashMap<>();
        coverage.byKey().forEach((k, t) -> byKey.put(k, tally(t)));
        root.put("coverage", byKey);
        List<Map<String, Object>> provisions = new ArrayList<>();
        coverage.byProvision().forEach((prov, t) -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("key", prov);
            m.put("label", ofPack.label(prov));
            m.putAll(tally(t));
            provisions.add(m);
        });
        root.put("provisions", provisions);

        DeclarationGate gate = DeclarationGate.of(a);
        Map<String, Object> g = new LinkedHashMap<>();
        g.put("blocked", gate.blocked());
        g.put("failed", gate.failed());
        g.put("upcoming", gate.upcoming());
        root.put("gate", g);

        root.put("evidence", evidence(spec, a.findings()));
        return root;
    }

    /** A coverage tally as the templates read it: counts, and completeness when some rule applies. */
    private static Map<String, Object> tally(Coverage.Tally t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("failed", t.failed());
        m.put("upcoming", t.upcoming());
        m.put("waived", t.waived());
        m.put("passed", t.passed());
        m.put("notApplicable", t.notApplicable());
        m.put("applicable", t.applicable());
        m.put("rules", t.rules());
        if (t.completeness() != null) {
            m.put("completeness", t.completeness());
        }
        return m;
    }

    private static Map<String, Object> classification(Engine engine, Classification c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("available", c != null);
        if (c == null) {
            return m;
        }
        m.put("kind", c.kind());
        m.put("tier", c.tier());
        m.put("gpai", c.gpai());
        m.put("transparency", Plain.value(c.transparency()));
        m.put("basis", Plain.value(c.basis()));
        List<Map<String, Object>> annexIII = new ArrayList<>();
        for (String k : c.annexIII()) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("key", k);
            String title = engine.classifier().titleOf(k);
            if (title != null) {
                x.put("title", title);
            }
            annexIII.add(x);
        }
        m.put("annexIII", annexIII);
        m.put("routes", Plain.value(c.routes()));
        if (c.obligationsFrom() != null) {
            m.put("obligationsFrom", c.obligationsFrom().toString());
        }
        m.put("derogation", c.derogation());
        m.put("roles", Plain.value(c.roles()));
        m.put("conclusions", conclusions(c.conclusions()));
        m.put("upcoming", conclusions(c.upcoming()));
        List<Map<String, Object>> aside = new ArrayList<>();
        for (Classification.SetAside k : c.setAside()) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("id", k.id());
            x.put("basis", Plain.value(k.basis()));
            x.put("title", Plain.xmlSafe(k.title() == null ? k.id() : k.title()));
            x.put("roles", Plain.value(k.roles()));
            List<Map<String, Object>> because = new ArrayList<>();
            for (Classification.Reason r : k.because()) {
                Map<String, Object> y = new LinkedHashMap<>();
                y.put("path", r.path());
                Object v = r.value() instanceof List<?> l ? "[" + String.join(", ", l.stream().map(String::valueOf).toList()) + "]" : String.valueOf(r.value());
                y.put("value", Plain.xmlSafe(String.valueOf(v)));
                if (r.location() != null) {
                    y.put("line", r.location().line());
                    y.put("column", r.location().column());
                }
                because.add(y);
            }
            x.put("because", because);
            aside.add(x);
        }
        m.put("setAside", aside);
        m.put("citations", Plain.value(c.citations()));
        return m;
    }

    private static List<Map<String, Object>> conclusions(List<Classification.Conclusion> list) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Classification.Conclusion k : list) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("id", k.id());
            x.put("effect", k.effect());
            x.put("basis", Plain.value(k.basis()));
            x.put("title", Plain.xmlSafe(k.title() == null ? k.id() : k.title()));
            if (k.appliesFrom() != null) {
                x.put("appliesFrom", k.appliesFrom().toString());
            }
            out.add(x);
        }
        return out;
    }

    static Map<String, Object> finding(Finding f, RuleEngine rules) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", f.ruleId());
        m.put("severity", f.severity().name());
        m.put("status", f.status().name());
        m.put("message", Plain.xmlSafe(f.message()));
        m.put("location", Plain.xmlSafe(f.location().toString()));
        m.put("file", Plain.xmlSafe(f.location().file()));
        m.put("line", f.location().line());
        m.put("column", f.location().column());
        if (f.path() != null) {
            m.put("path", Plain.xmlSafe(f.path()));
        }
        m.put("refs", f.refs());
        if (f.remediation() != null) {
            m.put("remediation", Plain.xmlSafe(f.remediation()));
        }
        if (f.wording() != null) {
            // what the message was filled in with: a document in another language fills in the rule's translated one
            Finding.Wording w = f.wording();
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("path", Plain.xmlSafe(w.path()));
            x.put("problem", w.problem());
            Map<String, Object> args = new java.util.TreeMap<>();
            // counts are numbers, so the catalogue can choose a phrase's singular or plural form
            w.problemArgs().forEach((k, v) -> args.put(k, v.matches("[0-9]{1,9}") && w.problem().equals("tooShort") ? (Object) Long.valueOf(v) : Plain.xmlSafe(v)));
            x.put("problemArgs", args);
            if (w.value() != null) {
                x.put("value", Plain.xmlSafe(w.value()));
            }
            if (w.why() != null) {
                x.put("why", Plain.xmlSafe(w.why()));
            }
            m.put("wording", x);
        }
        if (f.appliesFrom() != null) {
            m.put("appliesFrom", f.appliesFrom().toString());
        }
        if (f.waiver() != null) {
            Map<String, Object> w = new LinkedHashMap<>();
            w.put("reason", Plain.xmlSafe(f.waiver().reason()));
            w.put("approver", Plain.xmlSafe(f.waiver().approver()));
            w.put("expires", f.waiver().expires().toString());
            m.put("waiver", w);
        }
        RuleEngine.Compiled c = rules.rule(f.ruleId());
        m.put("packRule", c != null);
        if (c != null) {
            m.put("title", Plain.xmlSafe(c.rule().title()));
            if (c.link() != null) {
                m.put("link", c.link());
            }
        }
        return m;
    }

    /** The evidence list with, per file, whether the check found it intact and which fields cite it. */
    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> evidence(Map<String, Object> spec, List<Finding> findings) {
        List<Map<String, Object>> out = new ArrayList<>();
        Object ev = spec.get("evidence");
        if (!(ev instanceof List<?> list)) {
            return out;
        }
        Map<String, List<String>> citedBy = new LinkedHashMap<>();
        cites(spec, "spec", citedBy);
        for (int i = 0; i < list.size(); i++) {
            Map<String, Object> e = new LinkedHashMap<>((Map<String, Object>) list.get(i));
            String prefix = "spec.evidence[" + i + "]";
            String status = "verified";
            String detail = null;
            for (Finding f : findings) {
                if (f.ruleId().startsWith("evidence.") && f.path() != null && f.path().startsWith(prefix + ".")
                        && f.status() == Status.failed) {
                    status = f.ruleId().substring("evidence.".length());
                    detail = Plain.xmlSafe(f.message());
                }
            }
            e.put("status", status);
            if (detail != null) {
                e.put("detail", detail);
            }
            Object id = e.get("id");
            e.put("citedBy", id == null ? List.of() : citedBy.getOrDefault(id.toString(), List.of()));
            out.add(e);
        }
        return out;
    }

    /** Collects, for each evidence id, the paths of the fields named {@code evidence} that cite it. */
    private static void cites(Object node, String path, Map<String, List<String>> out) {
        if (node instanceof Map<?, ?> m) {
            for (Map.Entry<?, ?> e : m.entrySet()) {
                String key = String.valueOf(e.getKey());
                String child = path + "." + key;
                if (key.equals("evidence") && e.getValue() instanceof String id) {
                    out.computeIfAbsent(id, x -> new ArrayList<>()).add(path);
                } else if (!(path.equals("spec") && key.equals("evidence"))) {
                    cites(e.getValue(), child, out);
                }
            }
        } else if (node instanceof List<?> l) {
            for (int i = 0; i < l.size(); i++) {
                cites(l.get(i), path + "[" + i + "]", out);
            }
        }
    }
}
