package dev.aidossier.load;

import dev.aidossier.load.YPath;

import java.util.List;
import java.util.Map;

/** Reads a value out of plain maps and lists by a path like {@code general.datasets[0].name}. */
public final class PlainPath {
    private PlainPath() {
    }

    /** The value at {@code path} below {@code root}, or null when any step is missing. */
    public static Object get(Object root, String path) {
        Object cur = root;
        for (Object seg : YPath.segments(path)) {
            if (seg instanceof String k && cur instanceof Map<?, ?> m) {
                cur = m.get(k);
            } else if (seg instanceof Integer i && cur instanceof List<?> l && i >= 0 && i < l.size()) {
                cur = l.get(i);
            } else {
                return null;
            }
            if (cur == null) {
                return null;
            }
        }
        return cur;
    }
}
