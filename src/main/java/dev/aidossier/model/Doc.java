package dev.aidossier.model;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Describes a field of the description format. The text goes into the generated JSON Schema (so an
 * editor shows it on hover) and into the format documentation; {@code refs} are keys of the EU AI Act
 * reference (e.g. {@code AnxIV.1.a}).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD, ElementType.TYPE})
public @interface Doc {
    String value();

    String[] refs() default {};

    /**
     * The value is for the AI Office and national authorities only (trade secrets, Art. 53(7) and Art. 78):
     * no document written to be published (the training-content summary) prints it. The JSON Schema
     * marks such a field with a {@code $comment} that starts with {@code confidential:}.
     */
    boolean confidential() default false;
}
