package dev.aidossier.render;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns the bound description model into what templates may see: maps, lists, strings, numbers and
 * booleans, nothing else. Working from the bound model (not the raw YAML tree) gives templates a fixed
 * shape: a value with the wrong type was already reported by the loader and is simply absent here.
 *
 * <p>Every string is made safe for XML 1.0: characters XML cannot carry (most control characters, lone
 * surrogates) become U+FFFD. Escaping of markup is left to FreeMarker's HTML output format.
 *
 * <p>Absent records become empty maps and absent lists empty lists, so a template can write
 * {@code spec.general.hardware!} or {@code <#list spec.datasets as d>} without guarding every level;
 * absent scalars stay absent.
 */
final class Plain {
    private Plain() {
    }

    static Map<String, Object> record(Object record) {
        if (record == null) {
            return Map.of();
        }
        return present(record);
    }

    /**
     * A record of the given type as template data; when it is absent (missing from the description, or
     * of the wrong type there) its empty shape, as for a nested section.
     */
    @SuppressWarnings("unchecked")
    static Map<String, Object> record(Object record, Class<?> type) {
        return record == null ? (Map<String, Object>) emptyOf(type) : present(record);
    }

    private static Map<String, Object> present(Object record) {
        if (!record.getClass().isRecord()) {
            throw new IllegalArgumentException("not a record: " + record.getClass());
        }
        Map<String, Object> out = new LinkedHashMap<>();
        for (RecordComponent rc : record.getClass().getRecordComponents()) {
            Object v;
            try {
                v = rc.getAccessor().invoke(record);
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException("cannot read " + rc.getName() + " of " + record.getClass().getSimpleName(), e);
            }
            Object plain = v == null ? emptyOf(rc.getGenericType()) : value(v);
            if (plain != null) {
                out.put(rc.getName(), plain);
            }
        }
        return Collections.unmodifiableMap(out);
    }

    private static Object emptyOf(Type t) {
        Class<?> raw = t instanceof ParameterizedType pt ? (Class<?>) pt.getRawType() : t instanceof Class<?> c ? c : null;
        if (raw == null) {
            return null;
        }
        if (List.class.isAssignableFrom(raw)) {
            return List.of();
        }
        if (raw.isRecord()) {
            // the empty shape of the record all the way down, so nested sections are empty maps too
            Map<String, Object> out = new LinkedHashMap<>();
            for (RecordComponent rc : raw.getRecordComponents()) {
                Object e = emptyOf(rc.getGenericType());
                if (e != null) {
                    out.put(rc.getName(), e);
                }
            }
            return Collections.unmodifiableMap(out);
        }
        if (Map.class.isAssignableFrom(raw)) {
            return Map.of();
        }
        return null;
    }

    /** A value of the model, or of a plain YAML subtree, as template data; null for null. */
    static Object value(Object v) {
        if (v == null) {
            return null;
        }
        if (v instanceof String s) {
            return xmlSafe(s);
        }
        if (v instanceof Integer || v instanceof Long || v instanceof Double || v instanceof Boolean) {
            return v;
        }
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        if (v instanceof LocalDate d) {
            return d.toString();
        }
        if (v instanceof Enum<?> e) {
            return e.name();
        }
        if (v instanceof List<?> l) {
            List<Object> out = new ArrayList<>(l.size());
            for (Object o : l) {
                Object p = value(o);
                if (p != null) {
                    out.add(p);
                }
            }
            return Collections.unmodifiableList(out);
        }
        if (v instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : m.entrySet()) {
                Object p = value(e.getValue());
                if (p != null) {
                    out.put(xmlSafe(String.valueOf(e.getKey())), p);
                }
            }
            return Collections.unmodifiableMap(out);
        }
        if (v.getClass().isRecord()) {
            return record(v);
        }
        throw new IllegalArgumentException("no template form for " + v.getClass().getName());
    }

    /**
     * The string with every character XML 1.0 cannot carry replaced by U+FFFD, and the two private-use
     * characters that mark untranslated values ({@link Translation}), so no description can write the marks.
     */
    static String xmlSafe(String s) {
        int n = s.length();
        int i = 0;
        while (i < n) {
            int cp = s.codePointAt(i);
            if (!allowed(cp) || (Character.isSurrogate(s.charAt(i)) && Character.charCount(cp) == 1)) {
                break;
            }
            i += Character.charCount(cp);
        }
        if (i == n) {
            return s;
        }
        StringBuilder sb = new StringBuilder(n);
        sb.append(s, 0, i);
        while (i < n) {
            int cp = s.codePointAt(i);
            int len = Character.charCount(cp);
            boolean loneSurrogate = len == 1 && Character.isSurrogate(s.charAt(i));
            sb.appendCodePoint(allowed(cp) && !loneSurrogate ? cp : 0xFFFD);
            i += len;
        }
        return sb.toString();
    }

    private static boolean allowed(int cp) {
        return cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0xD7FF) || (cp >= Translation.CLOSE + 1 && cp <= 0xFFFD)
                || (cp >= 0x10000 && cp <= 0x10FFFF);
    }
}
