package dev.aidossier.load;

import dev.aidossier.core.Location;
import dev.aidossier.load.YNode.Entry;
import dev.aidossier.load.YNode.YList;
import dev.aidossier.load.YNode.YMap;
import dev.aidossier.load.YNode.YScalar;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Returns modified copies of a {@link YNode} tree: set a value at a path or remove one. Replaced values
 * keep the location of what they replace, so a rule fixture that patches an example still points at
 * real lines of that example.
 */
public final class TreePatch {
    private TreePatch() {
    }

    public static YNode set(YNode root, String path, Object value) {
        return set(root, YPath.segments(path), 0, value, root.location());
    }

    public static YNode remove(YNode root, String path) {
        return remove(root, YPath.segments(path), 0);
    }

    private static YNode set(YNode node, List<Object> segs, int i, Object value, Location near) {
        if (i == segs.size()) {
            return fromPlain(value, node == null ? near : node.location());
        }
        Object seg = segs.get(i);
        if (seg instanceof Integer idx) {
            if (!(node instanceof YList l) || idx < 0 || idx > l.items().size()) {
                throw new IllegalArgumentException("cannot set index " + idx + " of " + (node == null ? "nothing" : node.kindName()));
            }
            List<YNode> items = new ArrayList<>(l.items());
            YNode child = idx < items.size() ? items.get(idx) : null;
            YNode nv = set(child, segs, i + 1, value, l.location());
            if (idx < items.size()) {
                items.set(idx, nv);
            } else {
                items.add(nv);
            }
            return new YList(items, l.location());
        }
        String key = (String) seg;
        YMap m = node instanceof YMap ym ? ym : new YMap(Map.of(), node == null ? near : node.location());
        Map<String, Entry> entries = new LinkedHashMap<>(m.entries());
        Entry e = entries.get(key);
        Location keyLoc = e != null ? e.keyLocation() : m.location();
        YNode nv = set(e == null ? null : e.value(), segs, i + 1, value, keyLoc);
        entries.put(key, new Entry(key, keyLoc, nv));
        return new YMap(entries, m.location());
    }

    private static YNode remove(YNode node, List<Object> segs, int i) {
        if (node == null) {
            return null;
        }
        Object seg = segs.get(i);
        boolean last = i == segs.size() - 1;
        if (seg instanceof Integer idx && node instanceof YList l && idx >= 0 && idx < l.items().size()) {
            List<YNode> items = new ArrayList<>(l.items());
            if (last) {
                items.remove((int) idx);
            } else {
                items.set(idx, remove(items.get(idx), segs, i + 1));
            }
            return new YList(items, l.location());
        }
        if (seg instanceof String key && node instanceof YMap m && m.entries().containsKey(key)) {
            Map<String, Entry> entries = new LinkedHashMap<>(m.entries());
            if (last) {
                entries.remove(key);
            } else {
                Entry e = entries.get(key);
                entries.put(key, new Entry(key, e.keyLocation(), remove(e.value(), segs, i + 1)));
            }
            return new YMap(entries, m.location());
        }
        return node;
    }

    /** A plain value (from another YAML file) as a tree placed at {@code loc}. */
    public static YNode fromPlain(Object value, Location loc) {
        if (value instanceof Map<?, ?> m) {
            Map<String, Entry> entries = new LinkedHashMap<>();
            m.forEach((k, v) -> entries.put(String.valueOf(k), new Entry(String.valueOf(k), loc, fromPlain(v, loc))));
            return new YMap(entries, loc);
        }
        if (value instanceof List<?> l) {
            List<YNode> items = new ArrayList<>();
            l.forEach(v -> items.add(fromPlain(v, loc)));
            return new YList(items, loc);
        }
        return new YScalar(value, value == null ? "null" : String.valueOf(value), value instanceof String, loc);
    }
}
