package dev.aidossier.cel;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Tells a real answer from a placeholder. The placeholder patterns and the minimum number of words are
 * data (the pack's {@code substance} section), so a reviewer can tune them without a release.
 */
public final class Substance {

    private final List<Pattern> placeholders;
    private final int minWords;

    public Substance(List<String> placeholderPatterns, int minWords) {
        this.placeholders = placeholderPatterns.stream()
                .map(p -> Pattern.compile(p, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE))
                .toList();
        this.minWords = minWords;
    }

    public static Substance lenient() {
        return new Substance(List.of(), 1);
    }

    /** Why {@code value} is not substantive, or null when it is. */
    public String problem(Object value) {
        Problem p = problemOf(value);
        return p == null ? null : p.english();
    }

    /**
     * Why {@code value} is not there at all (missing, a blank text, an empty list or mapping), or null when it is:
     * what a rule's {@code present} asks; {@link #problemOf} asks this first.
     */
    public static Problem presence(Object value) {
        if (value == null || value instanceof dev.cel.common.values.NullValue) {
            return Problem.of("missing");
        }
        if (value instanceof String s && s.isBlank()) {
            return Problem.of("empty");
        }
        if (value instanceof List<?> l && l.isEmpty()) {
            return Problem.of("emptyList");
        }
        if (value instanceof Map<?, ?> m && m.isEmpty()) {
            return Problem.of("emptyMapping");
        }
        return null;
    }

    /** Why {@code value} is not substantive, as a code with its arguments, or null when it is. */
    public Problem problemOf(Object value) {
        Problem absent = presence(value);
        if (absent != null) {
            return absent;
        }
        if (value instanceof String s) {
            String t = s.strip();
            String norm = t.toLowerCase(Locale.ROOT);
            for (Pattern p : placeholders) {
                if (p.matcher(norm).find()) {
                    return new Problem("placeholder", Map.of("text", clip(t)));
                }
            }
            int words = t.split("\\s+").length;
            if (words < minWords) {
                return new Problem("tooShort", Map.of("n", String.valueOf(words), "min", String.valueOf(minWords)));
            }
            return null;
        }
        return null; // numbers and booleans are answers
    }

    public boolean isSubstantive(Object value) {
        return problem(value) == null;
    }

    private static String clip(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }
}
