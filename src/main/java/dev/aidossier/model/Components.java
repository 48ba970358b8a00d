package dev.aidossier.model;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Pattern;

import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedParameterizedType;
import java.lang.reflect.AnnotatedType;
import java.lang.reflect.RecordComponent;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the model's record components say about themselves, for every reader of the format (the binder, the
 * schema generator, the translation overlays): one place that knows where Java keeps their annotations.
 */
public final class Components {
    private Components() {
    }

    /**
     * A component's annotations wherever Java keeps them: Jakarta's constraints are not declared for record
     * components, so on a record they land on the component's type (TYPE_USE), on the field and on the accessor;
     * the project's own ({@link Doc}, {@link Verbatim}) on the component. First one of each type wins.
     */
    public static Annotation[] annotations(RecordComponent rc) {
        Map<Class<?>, Annotation> all = new LinkedHashMap<>();
        for (Annotation a : rc.getAnnotations()) {
            all.putIfAbsent(a.annotationType(), a);
        }
        for (Annotation a : rc.getAnnotatedType().getAnnotations()) {
            all.putIfAbsent(a.annotationType(), a);
        }
        for (Annotation a : rc.getAccessor().getAnnotations()) {
            all.putIfAbsent(a.annotationType(), a);
        }
        return all.values().toArray(Annotation[]::new);
    }

    /** Whether annotations fix a text's form: a pattern (ids, codes, hashes, URLs) or an e-mail address. */
    public static boolean fixedForm(Annotation[] anns) {
        for (Annotation a : anns) {
            if (a instanceof Pattern || a instanceof Email) {
                return true;
            }
        }
        return false;
    }

    /** A text component whose form a pattern or the e-mail format decides. */
    public static boolean fixedForm(RecordComponent rc) {
        return rc.getType() == String.class && fixedForm(annotations(rc));
    }

    /**
     * Whether a component holds free text, which a translation overlay translates: a text (or a list of texts)
     * with no fixed form that is not {@link Verbatim} (names, versions, ids, paths, addresses, persons).
     */
    public static boolean freeText(RecordComponent rc) {
        if (rc.isAnnotationPresent(Verbatim.class)) {
            return false;
        }
        if (rc.getType() == String.class) {
            return !fixedForm(annotations(rc));
        }
        if (List.class.isAssignableFrom(rc.getType()) && rc.getAnnotatedType() instanceof AnnotatedParameterizedType pt) {
            AnnotatedType elem = pt.getAnnotatedActualTypeArguments()[0];
            return elem.getType() == String.class && !fixedForm(elem.getAnnotations());
        }
        return false;
    }
}
