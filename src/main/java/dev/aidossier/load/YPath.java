package dev.aidossier.load;

import dev.aidossier.core.Location;
import dev.aidossier.load.YNode.YList;
import dev.aidossier.load.YNode.YMap;

import java.util.ArrayList;
import java.util.List;

/**
 * Paths into a {@link YNode} tree, written {@code spec.datasets[2].name}. Finding a path that does not
 * exist yields the nearest existing ancestor, so a finding about a missing value still points at the
 * place where it belongs.
 */
public final class YPath {
    private YPath() {
    }

    /** The node at {@code path}, or null. */
    public static YNode find(YNode root, String path) {
        Hit h = nearest(root, path);
        return h.exact ? h.node : null;
    }

    /** The node at the path, or its nearest existing ancestor. */
    public record Hit(YNode node, Location location, boolean exact) {
    }

    public static Hit nearest(YNode root, String path) {
        YNode cur = root;
        Location loc = root.location();
        if (path == null || path.isEmpty()) {
            return new Hit(root, loc, true);
        }
        for (Object seg : segments(path)) {
            YNode next = null;
            Location nextLoc = null;
            if (seg instanceof String key && cur instanceof YMap m) {
                YNode.Entry e = m.entries().get(key);
                if (e != null) {
                    next = e.value();
                    nextLoc = e.keyLocation();
                }
            } else if (seg instanceof Integer i && cur instanceof YList l && i >= 0 && i < l.items().size()) {
                next = l.items().get(i);
                nextLoc = next.location();
            }
            if (next == null) {
                return new Hit(cur, loc, false);
            }
            cur = next;
            loc = nextLoc;
        }
        // a scalar is best shown at its value; a collection at its key
        return new Hit(cur, cur instanceof YNode.YScalar ? cur.location() : loc, true);
    }

    /** Splits {@code a.b[3].c} into "a", "b", 3, "c". */
    public static List<Object> segments(String path) {
        List<Object> out = new ArrayList<>();
        int i = 0;
        StringBuilder sb = new StringBuilder();
        while (i < path.length()) {
            char c = path.charAt(i);
            if (c == '.') {
                if (sb.length() > 0) {
                    out.add(sb.toString());
                    sb.setLength(0);
                }
                i++;
            } else if (c == '[') {
                if (sb.length() > 0) {
                    out.add(sb.toString());
                    sb.setLength(0);
                }
                int close = path.indexOf(']', i);
                if (close < 0) {
                    break;
                }
                try {
                    out.add(Integer.parseInt(path.substring(i + 1, close)));
                } catch (NumberFormatException e) {
                    out.add(path.substring(i + 1, close));
                }
                i = close + 1;
            } else {
                sb.append(c);
                i++;
            }
        }
        if (sb.length() > 0) {
            out.add(sb.toString());
        }
        return out;
    }

    public static String child(String parent, String key) {
        return parent == null || parent.isEmpty() ? key : parent + "." + key;
    }

    public static String index(String parent, int i) {
        return parent + "[" + i + "]";
    }
}
