package dev.aidossier.render;

import dev.aidossier.analysis.Analysis;
import dev.aidossier.core.Finding;
import dev.aidossier.core.Severity;
import dev.aidossier.core.Status;

/**
 * Whether a description is ready for an EU declaration of conformity: no error-level finding may be
 * failed or upcoming. Upcoming findings count too: a declaration states that the system meets the
 * requirements now, and an upcoming finding is a requirement not met whose deadline simply lies ahead.
 * Waived findings do not block (the waiver is an accountable decision shown in the gap report).
 */
public record DeclarationGate(int failed, int upcoming) {

    public static DeclarationGate of(Analysis a) {
        int failed = 0;
        int upcoming = 0;
        for (Finding f : a.findings()) {
            if (f.severity() != Severity.error) {
                continue;
            }
            if (f.status() == Status.failed) {
                failed++;
            } else if (f.status() == Status.upcoming) {
                upcoming++;
            }
        }
        return new DeclarationGate(failed, upcoming);
    }

    public boolean blocked() {
        return failed + upcoming > 0;
    }

    public int total() {
        return failed + upcoming;
    }
}
