package dev.aidossier.util;

import java.util.Collection;

/** Small helpers for user-facing names: "did you mean" and clipping long values in messages. */
public final class Names {
    private Names() {
    }

    /** The candidate closest to {@code input} by edit distance, if it is close enough to be a typo. */
    public static String closest(String input, Collection<String> candidates) {
        String best = null;
        int bestDist = Integer.MAX_VALUE;
        String lower = input.toLowerCase(java.util.Locale.ROOT);
        for (String c : candidates) {
            int d = distance(lower, c.toLowerCase(java.util.Locale.ROOT));
            if (d < bestDist) {
                bestDist = d;
                best = c;
            }
        }
        int allowed = Math.max(2, input.length() / 3);
        return best != null && bestDist <= allowed ? best : null;
    }

    /** Levenshtein distance, bounded to short strings (keys and enum names). */
    public static int distance(String a, String b) {
        if (a.length() > 200 || b.length() > 200) {
            return Integer.MAX_VALUE;
        }
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }

    /** {@code s} shortened to {@code max} characters, with an ellipsis, and control characters made visible. */
    public static String clip(String s, int max) {
        if (s == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length() && sb.length() < max; i++) {
            char c = s.charAt(i);
            if (c == '\n') {
                sb.append("\\n");
            } else if (c == '\t') {
                sb.append("\\t");
            } else if (invisible(c)) {
                sb.append(String.format("\\u%04X", (int) c));
            } else {
                sb.append(c);
            }
        }
        if (sb.length() >= max && s.length() > max) {
            sb.append('…');
        }
        return sb.toString();
    }

    /**
     * {@code s} with the characters a reader cannot see, or that reorder or hide the text around them,
     * written as {@code \\uXXXX}: control characters other than tab and line feed, format characters (bidi
     * overrides and isolates, zero-width spaces and joiners, byte-order marks), line and paragraph
     * separators and lone surrogates. So a key like {@code meta\\u200Bdata} shows why it is unknown, and a
     * value cannot reorder or recolour the terminal line it is printed on.
     */
    public static String visible(String s) {
        if (s == null) {
            return null;
        }
        int i = 0;
        int n = s.length();
        while (i < n && !invisibleAt(s, i)) {
            i++;
        }
        if (i == n) {
            return s;
        }
        StringBuilder sb = new StringBuilder(n + 16);
        sb.append(s, 0, i);
        for (; i < n; i++) {
            char c = s.charAt(i);
            if (invisibleAt(s, i)) {
                sb.append(String.format("\\u%04X", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    private static boolean invisibleAt(String s, int i) {
        char c = s.charAt(i);
        if (c == '\n' || c == '\t') {
            return false;
        }
        if (Character.isHighSurrogate(c)) {
            return i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1));
        }
        if (Character.isLowSurrogate(c)) {
            return i == 0 || !Character.isHighSurrogate(s.charAt(i - 1));
        }
        return invisible(c);
    }

    /** Control, format and separator characters (callers decide about tab and line feed). */
    private static boolean invisible(char c) {
        int t = Character.getType(c);
        return t == Character.CONTROL || t == Character.FORMAT || t == Character.LINE_SEPARATOR || t == Character.PARAGRAPH_SEPARATOR;
    }
}
