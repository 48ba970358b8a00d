package dev.aidossier.fuzz;

import dev.aidossier.analysis.Engine;
import dev.aidossier.core.Finding;
import dev.aidossier.load.Limits;
import dev.aidossier.load.Loaded;
import dev.aidossier.rules.RulePackSource;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What the fuzz targets hold every input to. Bad input must end in findings the CLI prints as
 * {@code file:line:column: error [id] message} (exit 2 when unreadable, 1 or 0 otherwise), never in an
 * exception (which the CLI reports as an internal error, exit 3). Jazzer reports any {@link Throwable}
 * thrown out of a target, so the checks here fail with {@link AssertionError}.
 */
final class FuzzContract {

    static final Set<String> TIERS = Set.of("prohibited", "high-risk", "limited-risk", "minimal-risk", "out-of-scope", "none");
    /**
     * A Java exception or stack frame leaking into a message meant for the user (a class name such as
     * NumberFormatException, not a fact named realTimeRbiException).
     */
    private static final Pattern LEAK = Pattern.compile("(?<![A-Za-z])[A-Z][A-Za-z]*(Exception|Error)\\b|\\bat [a-z]+\\.[a-zA-Z.$]+\\(|java\\.lang\\.");

    private FuzzContract() {
    }

    static Engine engine(List<String> packs, boolean withRules) {
        try {
            return Engine.load(RulePackSource.bundled(), packs, Limits.DEFAULT, withRules);
        } catch (Engine.PackError e) {
            throw new IllegalStateException("the bundled rule pack must load", e);
        }
    }

    /**
     * Number of lines of an input as YAML counts them (LF, CR LF or a lone CR end a line), which is what
     * a location's line may point at, plus one past the end.
     */
    static int lines(byte[] bytes) {
        int n = 1;
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '\n' || (bytes[i] == '\r' && (i + 1 == bytes.length || bytes[i + 1] != '\n'))) {
                n++;
            }
        }
        return n;
    }

    static String preview(byte[] bytes) {
        String s = new String(bytes, 0, Math.min(bytes.length, 300), StandardCharsets.UTF_8);
        return s.replace("\n", "\\n");
    }

    /**
     * A loaded description is either readable (a tree and, with a mapping at the top, a model) or comes
     * with at least one error finding; every finding is complete and points into the file.
     */
    static void loadedIsClean(Loaded loaded, String display, byte[] input) {
        if (!loaded.readable()) {
            check(loaded.findings().stream().anyMatch(f -> f.severity() == dev.aidossier.core.Severity.error),
                    "an unreadable file must come with an error finding: " + loaded.findings());
            check(loaded.model() == null, "an unreadable file must have no model");
        } else {
            check(loaded.model() != null, "a readable description (a mapping) must bind to a model, even a partial one");
        }
        findingsAreClean(loaded.findings(), display, lines(input), new String(input, StandardCharsets.UTF_8));
    }

    /**
     * Every finding has an id, severity, status, a message without Java internals (unless the input itself
     * has such text, which messages may quote), and a place in the file.
     */
    static void findingsAreClean(List<Finding> findings, String display, int lines, String input) {
        boolean inputLooksLikeALeak = LEAK.matcher(input).find();
        for (Finding f : findings) {
            check(f.ruleId() != null && !f.ruleId().isBlank(), "finding without rule id: " + f);
            check(f.severity() != null && f.status() != null, "finding without severity or status: " + f);
            check(f.message() != null && !f.message().isBlank(), "finding without message: " + f);
            check(inputLooksLikeALeak || !LEAK.matcher(f.message()).find(), "a Java exception leaks into the message: " + f.toText());
            check(f.location() != null, "finding without location: " + f);
            if (display.equals(f.location().file())) {
                check(f.location().line() >= 1 && f.location().line() <= lines,
                        "line " + f.location().line() + " is outside the file (" + lines + " lines): " + f.toText());
                check(f.location().column() >= 1, "column below 1: " + f.toText());
            }
            check(f.toText().startsWith(f.location().file() + ":"), "text form does not start with file:line:column: " + f.toText());
        }
    }

    static void check(boolean condition, String message) {
        if (!condition) {
            throw new AssertionError(message);
        }
    }
}
