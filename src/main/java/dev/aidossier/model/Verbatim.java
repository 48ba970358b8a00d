package dev.aidossier.model;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A text field that is never translated: a name, a version, an identifier, an evidence id, a path, an address,
 * a person. A translation overlay ({@code <name>.<lang>.yaml}) may not hold it, and a document in another
 * language shows it as written, unmarked. Every other text field without a fixed form (no pattern, not an
 * e-mail address) is free text, which an overlay translates.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD})
public @interface Verbatim {
}
