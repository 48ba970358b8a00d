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
            } else if (Character.isISOControl(c)) {
                sb.append(String.format("\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        if (sb.length() >= max && s.length() > max) {
            sb.append('…');
        }
        return sb.toString();
    }
}
