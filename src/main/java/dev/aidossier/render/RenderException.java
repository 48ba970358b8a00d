package dev.aidossier.render;

import dev.aidossier.core.Finding;

import java.util.List;

/**
 * A document could not be rendered. {@link #userError()} tells whether the cause is something the user
 * can fix (a template of theirs, a folder) rather than a defect of the tool; the message then names the
 * place, e.g. {@code templates/gap-report.ftlh:12:5}.
 */
public final class RenderException extends Exception {
    private final boolean userError;
    private final List<Finding> findings;

    private RenderException(String message, Throwable cause, boolean userError, List<Finding> findings) {
        super(message, cause);
        this.userError = userError;
        this.findings = List.copyOf(findings);
    }

    private RenderException(String message, Throwable cause, boolean userError) {
        this(message, cause, userError, List.of());
    }

    /** A problem of the input found while rendering, with findings at the places of the description that cause it (exit code 2). */
    public static RenderException withFindings(String message, List<Finding> findings) {
        return new RenderException(message, null, true, findings);
    }

    /** Findings at {@code file:line:column} that explain the problem (empty for most). */
    public List<Finding> findings() {
        return findings;
    }

    /** A problem with a template or with the templates folder (exit code 2). */
    public static RenderException template(String message, Throwable cause) {
        return new RenderException(message, cause, true);
    }

    /** A defect of the tool (exit code 3). */
    public static RenderException internal(String message, Throwable cause) {
        return new RenderException(message, cause, false);
    }

    public boolean userError() {
        return userError;
    }
}
