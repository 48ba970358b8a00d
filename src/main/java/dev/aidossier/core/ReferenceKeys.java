package dev.aidossier.core;

import java.util.Collection;

/** Reference keys (Art6.1.a, AnxIII.6, GOVERN-1.1) as every pack writes them: dot-separated, the part before a dot the wider. */
public final class ReferenceKeys {
    private ReferenceKeys() {
    }

    /** Whether {@code key} is one of {@code keys} or below one ({@code Art6.1.a} is below {@code Art6.1}, not below {@code Art6.10}). */
    public static boolean under(String key, Collection<String> keys) {
        return keys.stream().anyMatch(k -> key.equals(k) || key.startsWith(k + "."));
    }
}
