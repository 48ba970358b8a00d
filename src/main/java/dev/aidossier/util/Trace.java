package dev.aidossier.util;

/**
 * Start-up phases on standard error, for finding where a cold run spends its time: on with
 * {@code -Ddossier.trace=true} (through {@code DOSSIER_JAVA_OPTS} for the distribution's launcher). Each line
 * gives the milliseconds since the JVM started, the thread and the phase.
 */
public final class Trace {

    private static final boolean ON = Boolean.getBoolean("dossier.trace");
    private static final long START = ON ? java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime() : 0L;

    private Trace() {
    }

    public static void mark(String phase) {
        if (ON) {
            System.err.printf("[trace %5d ms %s] %s%n", System.currentTimeMillis() - START, Thread.currentThread().getName(), phase);
        }
    }

    /** As {@link #mark(String)} for "subject: phase", joined only when tracing is on (renders and packs call it per document). */
    public static void mark(String subject, String phase) {
        if (ON) {
            mark(subject + ": " + phase);
        }
    }
}
