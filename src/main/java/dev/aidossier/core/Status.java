package dev.aidossier.core;

/** The outcome of one rule for one description. */
public enum Status {
    /** The obligation applies and the description does not meet it. */
    failed,
    /** The obligation applies and the description meets it. */
    passed,
    /** Failed, but accepted by a valid waiver. */
    waived,
    /** The rule does not apply to this system (tier, role, kind). */
    notApplicable,
    /** The rule would fail, but its obligation applies only from a later date. */
    upcoming;

    /** Whether a finding with this status counts towards the exit code. */
    public boolean isOpen() {
        return this == failed;
    }
}
