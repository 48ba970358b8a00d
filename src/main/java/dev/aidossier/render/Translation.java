package dev.aidossier.render;

import dev.aidossier.load.Overlay;
import dev.aidossier.load.YPath;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The description's own text in the document language: the {@code system} (metadata) and {@code spec} of the
 * data model with each free-text value replaced by its translation from the overlay, and every value without
 * one wrapped in two private-use marks. After the template ran, {@link #markup} turns the marks into a span
 * in the original language followed by the catalogue's "not translated" label, so a reader sees which text
 * was not translated; inside a tag or the {@code <title>} the marks are dropped. Templates never see the
 * marks as anything but characters of the value, and {@link Plain#xmlSafe} removes them from any input.
 */
final class Translation {
    private Translation() {
    }

    static final char OPEN = '\uE000';
    static final char CLOSE = '\uE001';

    /** The model with the overlay's translations and marks applied to {@code system} and {@code spec}. */
    static void apply(Map<String, Object> model, Overlay overlay) {
        Set<String> untranslated = new HashSet<>();
        for (Overlay.Leaf l : overlay.untranslated()) {
            untranslated.add(l.path());
        }
        if (model.get("system") instanceof Map<?, ?> m) {
            model.put("system", copy(m, "metadata", overlay.translations(), untranslated));
        }
        if (model.get("spec") instanceof Map<?, ?> m) {
            model.put("spec", copy(m, "spec", overlay.translations(), untranslated));
        }
        // the evidence list (DataModel) is spec.evidence item for item, with each file's status added
        if (model.get("evidence") instanceof List<?> ev) {
            List<Object> out = new ArrayList<>(ev.size());
            for (int i = 0; i < ev.size(); i++) {
                if (ev.get(i) instanceof Map<?, ?> e && e.get("title") instanceof String) {
                    Map<String, Object> c = new LinkedHashMap<>();
                    e.forEach((k, v) -> c.put((String) k, v));
                    c.put("title", copy(e.get("title"), "spec.evidence[" + i + "].title", overlay.translations(), untranslated));
                    out.add(Collections.unmodifiableMap(c));
                } else {
                    out.add(ev.get(i));
                }
            }
            model.put("evidence", Collections.unmodifiableList(out));
            // the plan's use of each evidence file (Passport) names it by the same title
            Map<Object, Object> titles = new LinkedHashMap<>();
            for (Object o : out) {
                if (o instanceof Map<?, ?> e && e.get("id") != null) {
                    titles.put(e.get("id"), e.get("title"));
                }
            }
            if (model.get("evidenceUse") instanceof List<?> use) {
                List<Object> u = new ArrayList<>(use.size());
                for (Object o : use) {
                    if (o instanceof Map<?, ?> e && titles.containsKey(e.get("id")) && e.containsKey("title")) {
                        Map<String, Object> c = new LinkedHashMap<>();
                        e.forEach((k, v) -> c.put((String) k, v));
                        c.put("title", titles.get(e.get("id")));
                        u.add(Collections.unmodifiableMap(c));
                    } else {
                        u.add(o);
                    }
                }
                model.put("evidenceUse", Collections.unmodifiableList(u));
            }
        }
    }

    private static Object copy(Object v, String path, Map<String, String> translations, Set<String> untranslated) {
        if (v instanceof String s) {
            String t = translations.get(path);
            if (t != null) {
                return Plain.xmlSafe(t);
            }
            return untranslated.contains(path) ? OPEN + s + CLOSE : s;
        }
        if (v instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, x) -> out.put((String) k, copy(x, YPath.child(path, (String) k), translations, untranslated)));
            return Collections.unmodifiableMap(out);
        }
        if (v instanceof List<?> l) {
            List<Object> out = new ArrayList<>(l.size());
            for (int i = 0; i < l.size(); i++) {
                out.add(copy(l.get(i), YPath.index(path, i), translations, untranslated));
            }
            return Collections.unmodifiableList(out);
        }
        return v;
    }

    /**
     * The XHTML with each marked value as {@code <span class="untranslated" lang="SOURCE">value</span>} and the
     * label after it; marks inside a tag (an attribute) or in the {@code <title>} are dropped.
     */
    static String markup(String xhtml, String sourceLang, String label) {
        if (xhtml.indexOf(OPEN) < 0 && xhtml.indexOf(CLOSE) < 0) {
            return xhtml;
        }
        String open = "<span class=\"untranslated\" lang=\"" + sourceLang + "\">";
        String close = "</span><span class=\"lang-mark\"> [" + escape(label) + "]</span>";
        StringBuilder sb = new StringBuilder(xhtml.length() + 256);
        boolean inTag = false;
        boolean inTitle = false;
        int depth = 0;
        for (int i = 0; i < xhtml.length(); i++) {
            char c = xhtml.charAt(i);
            if (c == '<') {
                inTag = true;
                if (xhtml.startsWith("<title", i)) {
                    inTitle = true;
                } else if (xhtml.startsWith("</title", i)) {
                    inTitle = false;
                }
            } else if (c == '>') {
                inTag = false;
            }
            if (c == OPEN || c == CLOSE) {
                if (!inTag && !inTitle) {
                    if (c == OPEN && depth++ == 0) {
                        sb.append(open);
                    } else if (c == CLOSE && depth > 0 && --depth == 0) {
                        sb.append(close);
                    }
                }
                continue;
            }
            sb.append(c);
        }
        return sb.toString();
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
