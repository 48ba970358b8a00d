package dev.aidossier.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The provisions a pack's reference keys belong to, as its {@code pack.yaml} declares them under
 * {@code references.provisions}: for the EU AI Act an article ({@code Art10.2.b} belongs to {@code Art10})
 * or an annex ({@code AnxIV.1.a} to {@code AnxIV}), each with the words a person reads, its EUR-Lex anchor
 * and its place in the Act's order. A pack that declares none (NIST, ISO) has keys that belong to no
 * provision. Nothing here knows the shape of a key: it is data.
 */
public final class Provisions {

    /** One kind of provision: what matches it at the start of a key ({n} is the first group), its numbering, words and link. */
    private record Kind(Pattern match, boolean roman, String label, String link) {
    }

    private final List<Kind> kinds;

    /** A pack without provisions. */
    public static final Provisions NONE = new Provisions(List.of());

    private Provisions(List<Kind> kinds) {
        this.kinds = kinds;
    }

    /** The provisions of a pack (none when it declares none, or when a pattern does not compile: the pack's load reports it). */
    public static Provisions of(RulePackFile pack) {
        return of(pack == null ? null : pack.references());
    }

    /** The provisions {@code references} declares. */
    public static Provisions of(RulePackFile.References refs) {
        if (refs == null || refs.provisions() == null) {
            return NONE;
        }
        List<Kind> kinds = new ArrayList<>();
        for (RulePackFile.Provision p : refs.provisions()) {
            try {
                kinds.add(new Kind(Pattern.compile(p.match()), "roman".equals(p.numbering()), p.label(), p.link()));
            } catch (java.util.regex.PatternSyntaxException e) {
                return NONE;
            }
        }
        return new Provisions(List.copyOf(kinds));
    }

    private int kindOf(String ref) {
        for (int i = 0; i < kinds.size(); i++) {
            Matcher m = kinds.get(i).match().matcher(ref);
            if (m.lookingAt()) {
                return i;
            }
        }
        return -1;
    }

    private static String number(Kind k, String key) {
        Matcher m = k.match().matcher(key);
        return m.lookingAt() && m.groupCount() > 0 && m.group(1) != null ? m.group(1) : key;
    }

    /** The provision a key belongs to ({@code Art10.2.b} → {@code Art10}), or null. */
    public String of(String ref) {
        int i = kindOf(ref);
        if (i < 0) {
            return null;
        }
        Matcher m = kinds.get(i).match().matcher(ref);
        return m.lookingAt() ? m.group() : null;
    }

    /** How a person reads a provision ({@code Art10} → "Art. 10", {@code AnxIV} → "Annex IV"); the key itself for another. */
    public String label(String provision) {
        int i = kindOf(provision);
        return i < 0 ? provision : kinds.get(i).label().replace("{n}", number(kinds.get(i), provision));
    }

    /** The link of the provision a key belongs to, or null when it belongs to none or its kind has no link. */
    public String link(String ref) {
        int i = kindOf(ref);
        if (i < 0 || kinds.get(i).link() == null) {
            return null;
        }
        return kinds.get(i).link().replace("{n}", number(kinds.get(i), ref));
    }

    /** Provisions in the pack's order: by kind as declared, then by number (arabic or roman), then as text. */
    public int compare(String a, String b) {
        int ka = kindOf(a);
        int kb = kindOf(b);
        if (ka != kb) {
            return Integer.compare(ka, kb);
        }
        if (ka < 0) {
            return a.compareTo(b);
        }
        Kind k = kinds.get(ka);
        String na = number(k, a);
        String nb = number(k, b);
        int c = Integer.compare(value(na, k.roman()), value(nb, k.roman()));
        return c != 0 ? c : na.compareTo(nb);
    }

    private static int value(String s, boolean roman) {
        if (!roman) {
            int i = 0;
            while (i < s.length() && Character.isDigit(s.charAt(i))) {
                i++;
            }
            return i == 0 ? 0 : Integer.parseInt(s.substring(0, i));
        }
        int total = 0;
        int prev = 0;
        for (int i = s.length() - 1; i >= 0; i--) {
            int v = switch (s.charAt(i)) {
                case 'I' -> 1;
                case 'V' -> 5;
                case 'X' -> 10;
                case 'L' -> 50;
                case 'C' -> 100;
                default -> 0;
            };
            total += v < prev ? -v : v;
            prev = Math.max(prev, v);
        }
        return total;
    }
}
