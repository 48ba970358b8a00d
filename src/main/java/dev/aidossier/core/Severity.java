package dev.aidossier.core;

import java.util.Locale;

/** How much a finding matters. Ordered from most to least severe. */
public enum Severity {
    error, warning, info;

    /** True if this severity is at least as severe as {@code threshold}. */
    public boolean atLeast(Severity threshold) {
        return ordinal() <= threshold.ordinal();
    }

    public static Severity parse(String s) {
        return valueOf(s.toLowerCase(Locale.ROOT));
    }
}
