package dev.aidossier.load;

import dev.aidossier.core.Finding;
import dev.aidossier.load.YNode.YList;
import dev.aidossier.load.YNode.YMap;
import dev.aidossier.load.YNode.YScalar;
import dev.aidossier.util.Names;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Binds a {@link YNode} tree to the model records. Unlike a data-binding library that stops at the
 * first error, it collects every problem (unknown key with "did you mean", wrong type with what was
 * expected) as a finding at the offending node, and binds what it can.
 */
public final class Binder {

    private final List<Finding> problems;
    private final Limits limits;

    public Binder(List<Finding> problems) {
        this(problems, Limits.DEFAULT);
    }

    /** With the limits whose date range every bound date must lie in. */
    public Binder(List<Finding> problems, Limits limits) {
        this.problems = problems;
        this.limits = limits;
    }

    public <T> T bind(YNode node, Class<T> type, String path) {
        return type.cast(value(node, type, path));
    }

    private Object value(YNode node, Type type, String path) {
        if (node == null || (node instanceof YScalar s && s.value() == null)) {
            return null;
        }
        if (type instanceof ParameterizedType pt) {
            Class<?> raw = (Class<?>) pt.getRawType();
            if (List.class.isAssignableFrom(raw)) {
                return list(node, pt.getActualTypeArguments()[0], path);
            }
            if (Map.class.isAssignableFrom(raw)) {
                if (!(node instanceof YMap m)) {
                    typeError(node, "a mapping", path);
                    return null;
                }
                Type valueType = pt.getActualTypeArguments()[1];
                if (valueType == Object.class) {
                    return m.toPlain();
                }
                Map<String, Object> out = new java.util.LinkedHashMap<>();
                for (YNode.Entry e : m.entries().values()) {
                    out.put(e.key(), value(e.value(), valueType, YPath.child(path, e.key())));
                }
                return java.util.Collections.unmodifiableMap(out);
            }
        }
        if (type instanceof WildcardType wt) {
            return value(node, wt.getUpperBounds()[0], path);
        }
        Class<?> c = (Class<?>) type;
        if (c == Object.class) {
            return node.toPlain();
        }
        if (c.isRecord()) {
            return record(node, c, path);
        }
        if (c == String.class) {
            if (node instanceof YScalar s && (s.value() instanceof String || s.value() instanceof Number)) {
                return s.text();
            }
            typeError(node, "a string", path, node instanceof YScalar ? " (quote it if you mean the text)" : "");
            return null;
        }
        if (c == Long.class || c == Integer.class) {
            if (node instanceof YScalar s && s.value() instanceof Long l) {
                if (c == Integer.class) {
                    if (l > Integer.MAX_VALUE || l < Integer.MIN_VALUE) {
                        problems.add(Finding.error("schema.type", "number " + l + " is out of range at " + path, node.location(), path));
                        return null;
                    }
                    return l.intValue();
                }
                return l;
            }
            typeError(node, "a whole number", path, quotedNumberHint(node));
            return null;
        }
        if (c == Double.class) {
            if (node instanceof YScalar s && s.value() instanceof Number n) {
                double d = n.doubleValue();
                if (Double.isNaN(d) || Double.isInfinite(d)) {
                    problems.add(Finding.error("schema.type", "expected a finite number at " + path + ", found " + s.text(), node.location(), path));
                    return null;
                }
                return d;
            }
            typeError(node, "a number", path, quotedNumberHint(node));
            return null;
        }
        if (c == Boolean.class) {
            if (node instanceof YScalar s && s.value() instanceof Boolean b) {
                return b;
            }
            typeError(node, "true or false", path, node instanceof YScalar s && s.value() instanceof String
                    ? " (YAML 1.2 reads only true and false as booleans)" : "");
            return null;
        }
        if (c == LocalDate.class) {
            if (node instanceof YScalar s && s.value() instanceof String str) {
                try {
                    LocalDate d = LocalDate.parse(str);
                    if (!limits.accepts(d)) {
                        problems.add(Finding.error("yaml.date-range", "the date " + Names.clip(str, 20) + " at " + path
                                + " is outside the dates the tool accepts, " + limits.dateRange() + " (a typo in the year?)", node.location(), path));
                        return null;
                    }
                    return d;
                } catch (DateTimeParseException e) {
                    problems.add(Finding.error("schema.type", "expected a date like 2026-10-15 at " + path + ", found '"
                            + Names.clip(str, 40) + "'", node.location(), path));
                    return null;
                }
            }
            typeError(node, "a date like 2026-10-15", path);
            return null;
        }
        if (c.isEnum()) {
            List<String> names = Arrays.stream(c.getEnumConstants()).map(e -> ((Enum<?>) e).name()).toList();
            if (node instanceof YScalar s && s.value() instanceof String str) {
                for (Object e : c.getEnumConstants()) {
                    if (((Enum<?>) e).name().equals(str)) {
                        return e;
                    }
                }
                String suggestion = Names.closest(str, names);
                problems.add(Finding.error("schema.enum", "'" + Names.clip(str, 60) + "' is not allowed at " + path
                        + (suggestion != null ? "; did you mean '" + suggestion + "'?" : ".")
                        + " Allowed: " + String.join(", ", names), node.location(), path));
                return null;
            }
            typeError(node, "one of " + String.join(", ", names), path);
            return null;
        }
        throw new IllegalStateException("model type not supported by the binder: " + type);
    }

    private List<Object> list(YNode node, Type element, String path) {
        if (!(node instanceof YList l)) {
            typeError(node, "a list", path, node instanceof YMap ? " (start each item with '- ')" : "");
            return null;
        }
        List<Object> out = new ArrayList<>(l.items().size());
        for (int i = 0; i < l.items().size(); i++) {
            out.add(value(l.items().get(i), element, YPath.index(path, i)));
        }
        return out;
    }

    /** What binding a record type needs, worked out once per type: reflection on records is slow on a cold JVM. */
    private record Shape(List<String> names, Type[] types, Constructor<?> constructor, boolean[] fixedForm) {
    }

    /**
     * A text whose form a pattern decides (ids, codes, hashes, e-mail addresses) must be a YAML string: a number there
     * would lose its form (leading zeros, exponents), and the JSON Schema says "string" for it.
     */
    private static boolean fixedForm(RecordComponent rc) {
        return dev.aidossier.model.Components.fixedForm(rc);
    }

    private static final Map<Class<?>, Shape> SHAPES = new ConcurrentHashMap<>();

    private static Shape shape(Class<?> type) {
        return SHAPES.computeIfAbsent(type, t -> {
            RecordComponent[] comps = t.getRecordComponents();
            Class<?>[] raw = new Class<?>[comps.length];
            Type[] generic = new Type[comps.length];
            boolean[] fixed = new boolean[comps.length];
            for (int i = 0; i < comps.length; i++) {
                raw[i] = comps[i].getType();
                generic[i] = comps[i].getGenericType();
                fixed[i] = fixedForm(comps[i]);
            }
            try {
                return new Shape(Arrays.stream(comps).map(RecordComponent::getName).toList(), generic, t.getDeclaredConstructor(raw), fixed);
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException("cannot construct " + t.getName(), e);
            }
        });
    }

    private Object record(YNode node, Class<?> type, String path) {
        if (!(node instanceof YMap m)) {
            typeError(node, "a mapping", path, node instanceof YList ? " (remove the '- ' list markers)" : "");
            return null;
        }
        Shape shape = shape(type);
        List<String> known = shape.names();
        for (YNode.Entry e : m.entries().values()) {
            if (!known.contains(e.key())) {
                String suggestion = Names.closest(e.key(), known);
                String where = path.isEmpty() ? "at the top level" : "in " + path;
                problems.add(Finding.error("schema.unknown-key", "unknown key '" + Names.clip(e.key(), 60) + "' " + where
                        + (suggestion != null ? "; did you mean '" + suggestion + "'?" : ".")
                        + " Valid keys: " + known.stream().collect(Collectors.joining(", ")), e.keyLocation(), YPath.child(path, e.key())));
            }
        }
        Object[] args = new Object[known.size()];
        for (int i = 0; i < args.length; i++) {
            String name = known.get(i);
            YNode child = m.get(name);
            if (shape.fixedForm()[i] && child instanceof YScalar s && s.value() instanceof Number) {
                typeError(child, "a string", YPath.child(path, name), " (write it in quotes: \"" + Names.clip(s.text(), 40) + "\")");
                continue;
            }
            args[i] = value(child, shape.types()[i], YPath.child(path, name));
        }
        try {
            return shape.constructor().newInstance(args);
        } catch (InstantiationException | IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot construct " + type.getName(), e);
        }
    }

    private void typeError(YNode node, String expected, String path) {
        typeError(node, expected, path, "");
    }

    private void typeError(YNode node, String expected, String path, String hint) {
        String found = node.kindName();
        if (node instanceof YScalar s && s.value() != null) {
            found += " '" + Names.clip(s.text(), 40) + "'";
        }
        problems.add(Finding.error("schema.type", "expected " + expected + " at " + (path.isEmpty() ? "the top level" : path)
                + ", found " + found + hint, node.location(), path));
    }

    private static String quotedNumberHint(YNode node) {
        if (node instanceof YScalar s && s.quoted() && s.value() instanceof String str && str.matches("[-+]?[0-9.eE+-]+")) {
            return " (remove the quotes to write a number)";
        }
        return "";
    }
}
