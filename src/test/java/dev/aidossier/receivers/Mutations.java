package dev.aidossier.receivers;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Structural mutations of a description in plain form (maps, lists, scalars): a key removed, an unknown key added, a
 * value of another type, an empty or unknown string. Each is applied to a deep copy.
 */
final class Mutations {
    private Mutations() {
    }

    /** A path step: a map key (String) or a list index (Integer). */
    record Mutation(List<Object> path, String kind, Object value) {
        String describe() {
            return kind + " at " + path + (value == null ? "" : " = " + value);
        }

        Object apply(Object base) {
            Object root = copy(base);
            if (path.isEmpty()) {
                return value;
            }
            Object parent = root;
            for (Object step : path.subList(0, path.size() - 1)) {
                parent = step instanceof String k ? ((Map<?, ?>) parent).get(k) : ((List<?>) parent).get((Integer) step);
            }
            Object last = path.get(path.size() - 1);
            @SuppressWarnings("unchecked")
            Map<String, Object> map = parent instanceof Map<?, ?> ? (Map<String, Object>) parent : null;
            @SuppressWarnings("unchecked")
            List<Object> list = parent instanceof List<?> ? (List<Object>) parent : null;
            switch (kind) {
                case "remove" -> {
                    if (map != null) {
                        map.remove((String) last);
                    } else {
                        list.remove((int) (Integer) last);
                    }
                }
                case "add" -> ((Map<String, Object>) (map != null ? map.get((String) last) : list.get((Integer) last))).put("unknownKey", value);
                default -> {
                    if (map != null) {
                        map.put((String) last, value);
                    } else {
                        list.set((Integer) last, value);
                    }
                }
            }
            return root;
        }
    }

    static Object copy(Object o) {
        if (o instanceof Map<?, ?> m) {
            Map<String, Object> c = new LinkedHashMap<>();
            m.forEach((k, v) -> c.put((String) k, copy(v)));
            return c;
        }
        if (o instanceof List<?> l) {
            List<Object> c = new ArrayList<>();
            l.forEach(v -> c.add(copy(v)));
            return c;
        }
        return o;
    }

    /** Every node of the tree with its path, the root excluded. */
    static void nodes(Object o, List<Object> path, List<Map.Entry<List<Object>, Object>> out) {
        if (o instanceof Map<?, ?> m) {
            m.forEach((k, v) -> {
                List<Object> p = new ArrayList<>(path);
                p.add(k);
                out.add(Map.entry(p, v));
                nodes(v, p, out);
            });
        } else if (o instanceof List<?> l) {
            for (int i = 0; i < l.size(); i++) {
                List<Object> p = new ArrayList<>(path);
                p.add(i);
                out.add(Map.entry(p, l.get(i)));
                nodes(l.get(i), p, out);
            }
        }
    }

    /** About 100 mutations of one description: removals and type changes at every depth, sampled. */
    static List<Mutation> all(Object base, Random random) {
        List<Map.Entry<List<Object>, Object>> nodes = new ArrayList<>();
        nodes(base, List.of(), nodes);
        List<Mutation> out = new ArrayList<>();
        out.add(new Mutation(List.of(), "replace", Map.of()));
        for (int i = 0; i < 100; i++) {
            Map.Entry<List<Object>, Object> e = nodes.get(random.nextInt(nodes.size()));
            List<Object> p = e.getKey();
            Object v = e.getValue();
            int what = random.nextInt(6);
            Mutation m = switch (what) {
                case 0 -> new Mutation(p, "remove", null);
                case 1 -> v instanceof Map<?, ?> ? new Mutation(p, "add", "x") : new Mutation(p, "remove", null);
                case 2 -> new Mutation(p, "replace", v instanceof String ? (Object) 42L : "forty-two");
                case 3 -> new Mutation(p, "replace", v instanceof Map<?, ?> ? List.of("x") : v instanceof List<?> ? "x" : Map.of("x", 1L));
                case 4 -> new Mutation(p, "replace", "");
                default -> new Mutation(p, "replace", v instanceof Boolean ? "yes" : "no-such-value");
            };
            out.add(m);
        }
        return out;
    }
}
