package dev.aidossier.cel;

import java.util.Map;

/**
 * Why a value is not an answer, as a stable code with its arguments, so a document can say it in its own
 * language ({@code problem.<code>} in templates/i18n/&lt;lang&gt;.yaml, section D). {@link #english()} is the
 * phrase the findings themselves carry (JSON, SARIF, the console); the catalogue test checks that en.yaml says
 * the same.
 *
 * @param code one of {@link #CODES}
 * @param args the phrase's placeholders ({@code text} of a placeholder; {@code n} words of {@code min})
 */
public record Problem(String code, Map<String, String> args) {

    /** Every code a problem can have; the catalogues have a phrase {@code problem.<code>} for each. */
    public static final java.util.List<String> CODES = java.util.List.of(
            "missing", "empty", "emptyList", "emptyMapping", "placeholder", "tooShort", "notAsRequired");

    public Problem {
        if (!CODES.contains(code)) {
            throw new IllegalArgumentException("unknown problem code " + code);
        }
        args = args == null ? Map.of() : Map.copyOf(args);
    }

    public static Problem of(String code) {
        return new Problem(code, Map.of());
    }

    /** The phrase in English, as messages have always said it. */
    public String english() {
        return switch (code) {
            case "missing" -> "missing";
            case "empty" -> "empty";
            case "emptyList" -> "an empty list";
            case "emptyMapping" -> "an empty mapping";
            case "placeholder" -> "a placeholder ('" + args.get("text") + "')";
            case "tooShort" -> "too short to say anything (" + args.get("n") + ("1".equals(args.get("n")) ? " word" : " words")
                    + ", at least " + args.get("min") + " expected)";
            case "notAsRequired" -> "not as required";
            default -> throw new IllegalStateException(code);
        };
    }
}
