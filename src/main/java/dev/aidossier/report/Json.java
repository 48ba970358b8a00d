package dev.aidossier.report;

import dev.aidossier.classify.Classification;
import dev.aidossier.core.Finding;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** JSON rendering of the tool's results. Maps are built explicitly so key order is fixed. */
public final class Json {
    private Json() {
    }

    private static final JsonMapper MAPPER = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    /** An ordered map from alternating keys and values: JSON output must not depend on Map.of's random order. */
    /**
     * Every rule pack of a multi-pack run ({@code --pack all}) with its id and version, the primary one
     * first; null for a run of one pack, whose reports name it under "pack" alone.
     */
    public static List<Map<String, Object>> packs(dev.aidossier.analysis.Engine engine) {
        if (engine.packs().size() < 2) {
            return null;
        }
        return engine.packs().stream().map(p -> obj("id", p.id(), "version", p.version())).toList();
    }

    /**
     * What {@code dossier check --format json} prints for these analyses: the tool, the pack (and every pack of
     * a multi-pack run), and per file its classification and findings. Documents embed the same bytes.
     */
    public static String checkReport(List<dev.aidossier.analysis.Analysis> results, dev.aidossier.analysis.Engine engine, String toolVersion) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("tool", obj("name", "dossier", "version", toolVersion));
        root.put("pack", obj("id", engine.pack().id(), "version", engine.pack().version()));
        if (packs(engine) != null) {
            root.put("packs", packs(engine));
        }
        List<Map<String, Object>> files = new ArrayList<>();
        for (dev.aidossier.analysis.Analysis a : results) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("file", a.loaded().file());
            m.put("classification", a.classification() == null ? null : classification(a.classification()));
            m.put("findings", findings(a.findings()));
            files.add(m);
        }
        root.put("files", files);
        return write(root);
    }

    public static Map<String, Object> obj(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i + 1 < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    public static String write(Object value) {
        return MAPPER.writeValueAsString(value) + "\n";
    }

    public static JsonMapper mapper() {
        return MAPPER;
    }

    public static Map<String, Object> finding(Finding f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("ruleId", f.ruleId());
        m.put("severity", f.severity().name());
        m.put("status", f.status().name());
        m.put("message", f.message());
        m.put("file", f.location().file());
        m.put("line", f.location().line());
        m.put("column", f.location().column());
        if (f.path() != null) {
            m.put("path", f.path());
        }
        m.put("refs", f.refs());
        if (f.remediation() != null) {
            m.put("remediation", f.remediation());
        }
        if (f.appliesFrom() != null) {
            m.put("appliesFrom", f.appliesFrom().toString());
        }
        if (f.waiver() != null) {
            Map<String, Object> w = new LinkedHashMap<>();
            w.put("reason", f.waiver().reason());
            w.put("approver", f.waiver().approver());
            w.put("expires", f.waiver().expires().toString());
            m.put("waiver", w);
        }
        return m;
    }

    public static List<Map<String, Object>> findings(List<Finding> fs) {
        List<Map<String, Object>> out = new ArrayList<>(fs.size());
        fs.forEach(f -> out.add(finding(f)));
        return out;
    }

    public static Map<String, Object> classification(Classification c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("tier", c.tier());
        m.put("gpai", c.gpai());
        m.put("transparency", c.transparency());
        m.put("basis", c.basis());
        m.put("citations", c.citations());
        m.put("annexIII", c.annexIII());
        m.put("routes", c.routes());
        m.put("onlyProvisions", c.onlyProvisions());
        m.put("derogation", c.derogation());
        m.put("obligationsFrom", c.obligationsFrom() == null ? null : c.obligationsFrom().toString());
        m.put("asOf", c.asOf().toString());
        List<Map<String, Object>> cs = new ArrayList<>();
        for (Classification.Conclusion k : c.conclusions()) {
            cs.add(conclusion(k));
        }
        m.put("conclusions", cs);
        List<Map<String, Object>> up = new ArrayList<>();
        for (Classification.Conclusion k : c.upcoming()) {
            up.add(conclusion(k));
        }
        m.put("upcoming", up);
        List<Map<String, Object>> aside = new ArrayList<>();
        for (Classification.SetAside a : c.setAside()) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("id", a.id());
            x.put("basis", a.basis());
            x.put("title", a.title());
            if (!a.roles().isEmpty()) {
                x.put("roles", a.roles());
            }
            List<Map<String, Object>> because = new ArrayList<>();
            for (Classification.Reason r : a.because()) {
                Map<String, Object> y = new LinkedHashMap<>();
                y.put("fact", r.path());
                y.put("value", r.value());
                y.put("line", r.location() == null ? null : r.location().line());
                y.put("column", r.location() == null ? null : r.location().column());
                because.add(y);
            }
            x.put("because", because);
            aside.add(x);
        }
        m.put("setAside", aside);
        return m;
    }

    private static Map<String, Object> conclusion(Classification.Conclusion k) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", k.id());
        m.put("effect", k.effect());
        m.put("basis", k.basis());
        m.put("title", k.title());
        if (k.appliesFrom() != null) {
            m.put("appliesFrom", k.appliesFrom().toString());
        }
        return m;
    }
}
