package dev.aidossier.render;

/**
 * A document could not be rendered. {@link #userError()} tells whether the cause is something the user
 * can fix (a template of theirs, a folder) rather than a defect of the tool; the message then names the
 * place, e.g. {@code templates/gap-report.ftlh:12:5}.
 */
public final class RenderException extends Exception {
    private final boolean userError;

    private RenderException(String message, Throwable cause, boolean userError) {
        super(message, cause);
        this.userError = userError;
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
