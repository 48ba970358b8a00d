package dev.aidossier.load;

import dev.aidossier.core.Location;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A YAML node that remembers where it came from. Every later stage (binding, validation, rules,
 * templates) works from this tree, so any finding can point at {@code file:line:column}.
 */
public sealed interface YNode permits YNode.YMap, YNode.YList, YNode.YScalar {

    Location location();

    /** Human name of the node kind, for messages ("a mapping", "a list", "a number"...). */
    String kindName();

    /** The plain Java value: Map, List, String, Long, Double, Boolean or null. */
    Object toPlain();

    /** One {@code key: value} pair; the key keeps its own location. */
    record Entry(String key, Location keyLocation, YNode value) {
    }

    record YMap(Map<String, Entry> entries, Location location) implements YNode {
        public YMap {
            entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
        }

        public YNode get(String key) {
            Entry e = entries.get(key);
            return e == null ? null : e.value();
        }

        @Override
        public String kindName() {
            return "a mapping";
        }

        @Override
        public Object toPlain() {
            Map<String, Object> m = new LinkedHashMap<>();
            entries.forEach((k, e) -> {
                Object v = e.value().toPlain();
                if (v != null) { // 'key:' with no value is the same as no key, for rules and templates
                    m.put(k, v);
                }
            });
            return Collections.unmodifiableMap(m);
        }
    }

    record YList(List<YNode> items, Location location) implements YNode {
        public YList {
            items = List.copyOf(items);
        }

        @Override
        public String kindName() {
            return "a list";
        }

        @Override
        public Object toPlain() {
            List<Object> l = new ArrayList<>(items.size());
            for (YNode n : items) {
                l.add(n.toPlain());
            }
            return Collections.unmodifiableList(l);
        }
    }

    /**
     * A scalar. {@code value} is String, Long, Double, Boolean or null (YAML 1.2 core schema);
     * {@code text} is the scalar as written (so {@code version: 1.10} can still be read as "1.10");
     * {@code quoted} tells whether the author wrote quotes.
     */
    record YScalar(Object value, String text, boolean quoted, Location location) implements YNode {
        @Override
        public String kindName() {
            if (value == null) {
                return "null";
            }
            if (value instanceof Boolean) {
                return "a boolean";
            }
            if (value instanceof Number) {
                return "a number";
            }
            return "a string";
        }

        @Override
        public Object toPlain() {
            return value;
        }
    }
}
