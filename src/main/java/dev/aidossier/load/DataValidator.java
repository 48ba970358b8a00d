package dev.aidossier.load;

import jakarta.validation.Constraint;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedParameterizedType;
import java.lang.reflect.AnnotatedType;
import java.lang.reflect.Field;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks the Jakarta constraints of descriptions and of the tool's own data files (rule packs,
 * classification, index, crosswalks, rule fixtures, waiver files) the way Hibernate Validator does,
 * without its engine: bootstrapping Hibernate Validator and building the metadata of the model's
 * records cost about 0.6 s of CPU on a cold JVM (a thousand classes), more than checking a description.
 *
 * <p>It knows the constraints the records use: {@code NotNull}, {@code NotBlank}, {@code NotEmpty},
 * {@code Pattern}, {@code Size}, {@code Min}, {@code Max} (whole numbers), {@code Positive},
 * {@code PositiveOrZero}, {@code Email} (decided by {@link EmailAddress}, stricter than Hibernate Validator: no quoted
 * local parts, no address literals), and
 * {@code Valid} on a record component or on a type argument of a list or map. Any other constraint is a
 * defect of the tool and throws, so a new annotation cannot be ignored silently. Paths are written as the
 * YAML paths the tool used to derive from Hibernate's property paths (list indexes kept, map keys dropped)
 * and messages are Hibernate Validator's default English ones. {@code DataValidatorTest} compares both
 * validators on every example, every shipped data file and thousands of broken copies of them.
 */
public final class DataValidator {

    /** One broken constraint: where, which annotation, the value found and the message. */
    public record Violation(String path, Class<? extends Annotation> annotation, Object invalidValue, String message) {
    }

    /**
     * What to check on a value, worked out once per record type: its constraints (in declaration order),
     * whether to cascade into it, and the plan for each list element or map value (null when there is
     * nothing to check in them).
     */
    private record Plan(Annotation[] constraints, boolean valid, Plan element) {
    }

    private record Component(String name, Field field, Plan plan) {
    }

    private static final Map<Class<?>, Component[]> COMPONENTS = new ConcurrentHashMap<>();
    private static final Map<String, java.util.regex.Pattern> PATTERNS = new ConcurrentHashMap<>();
    private static final Set<Class<? extends Annotation>> SUPPORTED = Set.of(NotNull.class, NotBlank.class, NotEmpty.class, Pattern.class,
            Size.class, Min.class, Max.class, Positive.class, PositiveOrZero.class, Email.class);

    private DataValidator() {
    }

    public static List<Violation> validate(Object root) {
        List<Violation> out = new ArrayList<>();
        record(root, "", out);
        return out;
    }

    private static void record(Object bean, String path, List<Violation> out) {
        for (Component c : components(bean.getClass())) {
            Object value;
            try {
                value = c.field().get(bean);
            } catch (IllegalAccessException e) {
                throw new IllegalStateException("cannot read " + bean.getClass().getName() + "." + c.name(), e);
            }
            visit(value, c.plan(), path.isEmpty() ? c.name() : path + "." + c.name(), out);
        }
    }

    private static void visit(Object value, Plan plan, String path, List<Violation> out) {
        if (plan.constraints().length > 0) {
            check(value, plan.constraints(), path, out);
        }
        if (value == null) {
            return;
        }
        if (plan.valid()) {
            if (!value.getClass().isRecord()) {
                throw new IllegalStateException("@Valid is supported on records (and on list and map type arguments): " + path);
            }
            record(value, path, out);
        }
        if (plan.element() != null) {
            if (value instanceof List<?> list) {
                for (int i = 0; i < list.size(); i++) {
                    visit(list.get(i), plan.element(), path + "[" + i + "]", out);
                }
            } else if (value instanceof Map<?, ?> map) {
                for (Object v : map.values()) {
                    visit(v, plan.element(), path, out); // Hibernate's path names the key; the YAML path written from it drops it
                }
            } else {
                throw new IllegalStateException("type arguments of " + value.getClass().getName() + " are not supported: " + path);
            }
        }
    }

    /** The plan for a value with these declaration annotations and this (possibly annotated, parameterised) type. */
    private static Plan plan(Annotation[] declared, AnnotatedType type, String where) {
        List<Annotation> constraints = new ArrayList<>();
        boolean valid = false;
        for (Annotation a : declared) {
            if (a.annotationType() == Valid.class) {
                valid = true;
            } else if (SUPPORTED.contains(a.annotationType())) {
                constraints.add(a);
            } else if (a.annotationType().isAnnotationPresent(Constraint.class)) {
                throw new IllegalStateException("constraint @" + a.annotationType().getSimpleName() + " is not supported by DataValidator: " + where);
            }
        }
        Plan element = null;
        if (type instanceof AnnotatedParameterizedType pt) {
            Class<?> raw = (Class<?>) ((java.lang.reflect.ParameterizedType) pt.getType()).getRawType();
            AnnotatedType[] args = pt.getAnnotatedActualTypeArguments();
            if (List.class.isAssignableFrom(raw)) {
                element = plan(args[0].getAnnotations(), args[0], where + "[]");
            } else if (Map.class.isAssignableFrom(raw)) {
                if (plan(args[0].getAnnotations(), args[0], where + "<key>") != null) {
                    throw new IllegalStateException("constraints on map keys are not supported: " + where);
                }
                element = plan(args[1].getAnnotations(), args[1], where + "<value>");
            } else {
                for (AnnotatedType arg : args) {
                    if (plan(arg.getAnnotations(), arg, where + "<>") != null) {
                        throw new IllegalStateException("type arguments of " + raw.getName() + " are not supported: " + where);
                    }
                }
            }
        }
        if (valid && type.getType() instanceof Class<?> c && (Collection.class.isAssignableFrom(c) || Map.class.isAssignableFrom(c))
                || valid && type instanceof AnnotatedParameterizedType) {
            throw new IllegalStateException("@Valid on a list or map itself is not supported (put it on the type argument): " + where);
        }
        if (constraints.isEmpty() && !valid && element == null) {
            return null;
        }
        return new Plan(constraints.toArray(new Annotation[0]), valid, element);
    }

    private static void check(Object value, Annotation[] annotations, String path, List<Violation> out) {
        for (Annotation a : annotations) {
            String message = null;
            if (a instanceof NotNull n) {
                if (value == null) {
                    message = message(n.message(), "must not be null");
                }
            } else if (a instanceof NotBlank n) {
                if (value == null || value.toString().isBlank()) {
                    message = message(n.message(), "must not be blank");
                }
            } else if (a instanceof NotEmpty n) {
                if (value == null || size(value, path) == 0) {
                    message = message(n.message(), "must not be empty");
                }
            } else if (a instanceof Pattern pa) {
                if (value != null && !pattern(pa, path).matcher((CharSequence) value).matches()) {
                    message = message(pa.message(), "must match \"" + pa.regexp() + "\"");
                }
            } else if (a instanceof Size sz) {
                if (value != null && (size(value, path) < sz.min() || size(value, path) > sz.max())) {
                    message = message(sz.message(), "size must be between " + sz.min() + " and " + sz.max());
                }
            } else if (a instanceof Min m) {
                if (value != null && whole(value, path) < m.value()) {
                    message = message(m.message(), "must be greater than or equal to " + m.value());
                }
            } else if (a instanceof Max m) {
                if (value != null && whole(value, path) > m.value()) {
                    message = message(m.message(), "must be less than or equal to " + m.value());
                }
            } else if (a instanceof Positive p) {
                if (value != null && signum(value, path) <= 0) {
                    message = message(p.message(), "must be greater than 0");
                }
            } else if (a instanceof PositiveOrZero p) {
                if (value != null && signum(value, path) < 0) {
                    message = message(p.message(), "must be greater than or equal to 0");
                }
            } else if (a instanceof Email e) {
                if (value != null && (!e.regexp().equals(".*") || e.flags().length > 0)) {
                    throw new IllegalStateException("@Email regexp and flags are not supported: " + path);
                }
                if (value != null && !EmailAddress.isValid((CharSequence) value)) {
                    message = message(e.message(), "must be a well-formed email address");
                }
            }
            if (message != null) {
                out.add(new Violation(path, a.annotationType(), value, message));
            }
        }
    }

    /** Min and Max are only used on whole numbers, where Hibernate compares the long values. */
    private static long whole(Object value, String path) {
        if (value instanceof Long || value instanceof Integer) {
            return ((Number) value).longValue();
        }
        throw new IllegalStateException("@Min/@Max are supported on whole numbers only: " + path);
    }

    /** The sign as Hibernate's Positive and PositiveOrZero decide it: -0.0 is below zero, NaN is invalid. */
    private static int signum(Object value, String path) {
        if (value instanceof Long || value instanceof Integer) {
            return Long.signum(((Number) value).longValue());
        }
        if (value instanceof Double d) {
            return d.isNaN() ? -1 : d.compareTo(0.0);
        }
        throw new IllegalStateException("@Positive/@PositiveOrZero are supported on Long, Integer and Double only: " + path);
    }

    private static java.util.regex.Pattern pattern(Pattern p, String path) {
        if (p.flags().length > 0) {
            throw new IllegalStateException("@Pattern flags are not supported: " + path);
        }
        return PATTERNS.computeIfAbsent(p.regexp(), java.util.regex.Pattern::compile);
    }

    private static int size(Object value, String path) {
        if (value instanceof CharSequence s) {
            return s.length();
        }
        if (value instanceof Collection<?> c) {
            return c.size();
        }
        if (value instanceof Map<?, ?> m) {
            return m.size();
        }
        throw new IllegalStateException("no size for " + value.getClass().getName() + ": " + path);
    }

    /** The annotation's own message, or the default English one; interpolation beyond the defaults is not supported. */
    private static String message(String declared, String standard) {
        if (declared.startsWith("{jakarta.validation.constraints.")) {
            return standard;
        }
        if (declared.indexOf('{') >= 0 || declared.indexOf('$') >= 0 || declared.indexOf('\\') >= 0) {
            throw new IllegalStateException("message interpolation is not supported: " + declared);
        }
        return declared;
    }

    /** A record's components with the plans made from their fields' annotations (where Hibernate reads them). */
    private static Component[] components(Class<?> type) {
        return COMPONENTS.computeIfAbsent(type, t -> {
            if (!t.isRecord()) {
                throw new IllegalStateException("only records are validated: " + t.getName());
            }
            RecordComponent[] rcs = t.getRecordComponents();
            List<Component> out = new ArrayList<>();
            for (RecordComponent rc : rcs) {
                try {
                    Field f = t.getDeclaredField(rc.getName());
                    Plan plan = plan(f.getDeclaredAnnotations(), f.getAnnotatedType(), t.getSimpleName() + "." + rc.getName());
                    if (plan != null) {
                        f.setAccessible(true); // a record's private final field; read only
                        out.add(new Component(rc.getName(), f, plan));
                    }
                } catch (NoSuchFieldException e) {
                    throw new IllegalStateException(e);
                }
            }
            return out.toArray(new Component[0]);
        });
    }
}
