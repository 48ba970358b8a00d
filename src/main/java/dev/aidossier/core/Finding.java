package dev.aidossier.core;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

/**
 * The one currency every stage speaks: a rule's verdict on one place of one description.
 *
 * @param ruleId      stable id of the rule (never reused)
 * @param severity    how much it matters
 * @param status      failed, passed, waived, notApplicable or upcoming
 * @param message     what was expected and what was found
 * @param location    where in the YAML (the nearest existing node when the value is missing)
 * @param path        the YAML path the rule looked at, e.g. {@code spec.general.intendedPurpose}
 * @param refs        reference keys of the obligation, e.g. {@code AnxIV.1.a.1}
 * @param remediation how to fix it, or null
 * @param appliesFrom the date from which the obligation applies, or null
 * @param waiver      the waiver that covers it, or null
 */
public record Finding(String ruleId, Severity severity, Status status, String message, Location location,
                      String path, List<String> refs, String remediation, LocalDate appliesFrom, WaiverInfo waiver) {

    public Finding {
        refs = refs == null ? List.of() : List.copyOf(refs);
        // messages quote keys and values of the input: show what cannot be seen (bidi overrides, zero-width
        // characters, terminal escapes) rather than letting it reorder or recolour the line it is printed on
        message = dev.aidossier.util.Names.visible(message);
        remediation = dev.aidossier.util.Names.visible(remediation);
    }

    /** Deterministic order: file, line, column, rule id, message. */
    public static final Comparator<Finding> ORDER = Comparator.comparing(Finding::location)
            .thenComparing(Finding::ruleId).thenComparing(Finding::message);

    public static Finding error(String ruleId, String message, Location location, String path) {
        return new Finding(ruleId, Severity.error, Status.failed, message, location, path, List.of(), null, null, null);
    }

    public Finding withRemediation(String text) {
        return new Finding(ruleId, severity, status, message, location, path, refs, text, appliesFrom, waiver);
    }

    public Finding withStatus(Status s, WaiverInfo w) {
        return new Finding(ruleId, severity, s, message, location, path, refs, remediation, appliesFrom, w);
    }

    /** {@code file:line:col: severity [ID] message}, the form compilers and editors understand. */
    public String toText() {
        return location + ": " + severity + " [" + ruleId + "] " + message;
    }

    /** A waiver as it applied to a finding. */
    public record WaiverInfo(String reason, String approver, LocalDate expires) {
    }
}
