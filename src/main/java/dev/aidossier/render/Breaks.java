package dev.aidossier.render;

/**
 * Inserts zero-width spaces (U+200B) into long unbroken tokens such as URLs, paths and hashes, so the
 * PDF can wrap them inside a table cell instead of letting them overflow the page. Short words are left
 * alone, so prose reads (and copies) as written.
 */
final class Breaks {
    static final char ZWSP = '\u200B';
    /** Tokens up to this length are never touched. */
    static final int LONG = 18;
    /** Longest run without a break opportunity inside a long token. */
    static final int CHUNK = 12;

    private Breaks() {
    }

    static String insert(String s) {
        if (s == null || s.length() <= LONG) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length() + 16);
        int i = 0;
        int n = s.length();
        while (i < n) {
            int start = i;
            while (i < n && !Character.isWhitespace(s.charAt(i))) {
                i++;
            }
            token(s, start, i, out);
            while (i < n && Character.isWhitespace(s.charAt(i))) {
                out.append(s.charAt(i++));
            }
        }
        return out.toString();
    }

    private static void token(String s, int from, int to, StringBuilder out) {
        if (to - from <= LONG) {
            out.append(s, from, to);
            return;
        }
        int run = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            out.append(c);
            run++;
            boolean last = i == to - 1;
            if (last || Character.isHighSurrogate(c)) {
                continue;
            }
            if ("/.-_?&=:;,@#+".indexOf(c) >= 0 || run >= CHUNK) {
                out.append(ZWSP);
                run = 0;
            }
        }
    }
}
