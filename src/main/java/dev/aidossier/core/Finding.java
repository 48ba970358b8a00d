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
 * @param wording     what the message of a pack rule was filled in with, so a document can say it again in its own
 *                    language from the rule's translated template; null for every other finding. Never printed.
 */
public record Finding(String ruleId, Severity severity, Status status, String message, Location location,
                      String path, List<String> refs, String remediation, LocalDate appliesFrom, WaiverInfo waiver,
                      Wording wording) {

    public Finding(String ruleId, Severity severity, Status status, String message, Location location,
                   String path, List<String> refs, String remediation, LocalDate appliesFrom, WaiverInfo waiver) {
        this(ruleId, severity, status, message, location, path, refs, remediation, appliesFrom, waiver, null);
    }

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
        return new Finding(ruleId, severity, status, message, location, path, refs, text, appliesFrom, waiver, wording);
    }

    public Finding withStatus(Status s, WaiverInfo w) {
        return new Finding(ruleId, severity, s, message, location, path, refs, remediation, appliesFrom, w, wording);
    }

    /** {@code file:line:col: severity [ID] message}, the form compilers and editors understand. */
    public String toText() {
        return location + ": " + severity + " [" + ruleId + "] " + message;
    }

    /** The same finding at another place (the same file under another name). */
    public Finding at(Location l) {
        return new Finding(ruleId, severity, status, message, l, path, refs, remediation, appliesFrom, waiver, wording);
    }

    /**
     * The arguments a rule's message template ({@code {path}}, {@code {problem}}, {@code {value}}) was filled with.
     *
     * @param path        the YAML path, or "" when the rule names none
     * @param problem     the problem's code ({@code problem.<code>} in the catalogues), e.g. {@code missing}
     * @param problemArgs the problem phrase's own arguments (e.g. the placeholder text)
     * @param value       the value as the message quotes it, or null when there is none ("nothing")
     * @param why         why the rule's check could not be evaluated (the expression's error, English), or null
     */
    public record Wording(String path, String problem, java.util.Map<String, String> problemArgs, String value, String why) {
        public Wording {
            path = dev.aidossier.util.Names.visible(path);
            problemArgs = problemArgs == null ? java.util.Map.of() : java.util.Map.copyOf(
                    problemArgs.entrySet().stream().collect(java.util.stream.Collectors.toMap(java.util.Map.Entry::getKey,
                            e -> dev.aidossier.util.Names.visible(e.getValue()))));
            value = dev.aidossier.util.Names.visible(value);
            why = dev.aidossier.util.Names.visible(why);
        }
    }

    /** A waiver as it applied to a finding. */
    public record WaiverInfo(String reason, String approver, LocalDate expires) {
    }
}
