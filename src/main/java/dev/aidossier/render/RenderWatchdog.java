package dev.aidossier.render;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The last resort against a render that its own checks cannot stop. The time budget is checked at every
 * template instruction, every write and throughout the layout; but one instruction can run for ever without
 * reaching a check: a regular expression that backtracks without end ({@code ?matches}), or a built-in over a
 * huge sequence ({@code (1..2000000000)?filter(...)?size}). Java cannot stop a thread, so the command line
 * installs a handler (see {@code cli.Main}) that this daemon thread calls when a render is still running a
 * while after its budget ran out: it prints the error and ends the process with exit code 2. Nothing is
 * half written: documents are written only after every one rendered, packs atomically.
 *
 * <p>Without a handler (tests, a library caller) nothing is watched: such a render ends when its instruction
 * does, with the time-limit error at the next check.
 */
public final class RenderWatchdog {
    private RenderWatchdog() {
    }

    private static final Set<RenderBudget> ACTIVE = ConcurrentHashMap.newKeySet();
    private static volatile Consumer<String> handler;
    private static Thread thread;

    /** How often the watchdog looks. */
    static final long PERIOD_MILLIS = 250;

    /** A registration, removed on close. */
    public interface Watch extends AutoCloseable {
        @Override
        void close();
    }

    /**
     * Installs the handler and starts watching renders. The handler gets the error (the finding line, then a
     * line for the user) and must end the process.
     */
    public static synchronized void install(Consumer<String> onStuck) {
        handler = onStuck;
        if (thread == null) {
            thread = new Thread(RenderWatchdog::loop, "dossier-render-watchdog");
            thread.setDaemon(true);
            thread.start();
        }
    }

    static Watch watch(RenderBudget budget) {
        if (handler == null) {
            return () -> { };
        }
        ACTIVE.add(budget);
        return () -> ACTIVE.remove(budget);
    }

    /** Beyond the limit, how long a render may go on before it counts as stuck: its checks come much sooner. */
    static long graceNanos(RenderLimits limits) {
        return 2_000_000_000L + limits.timeout().toNanos() / 10;
    }

    private static void loop() {
        while (true) {
            try {
                Thread.sleep(PERIOD_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
            for (RenderBudget b : ACTIVE) {
                if (b.used() > b.limits().timeout().toNanos() + graceNanos(b.limits())) {
                    Consumer<String> h = handler;
                    if (h != null) {
                        h.accept(message(b));
                    }
                    ACTIVE.remove(b);
                }
            }
        }
    }

    static String message(RenderBudget b) {
        dev.aidossier.core.Location at = b.locate();
        String what = b.at != null
                ? "the template was still running after " + b.limits().timeoutText() + " s of processor time, the limit of --render-timeout,"
                + " in one instruction that cannot be interrupted (a regular expression that backtracks without end, or a built-in"
                + " over a huge sequence?)"
                : "laying out the template's XHTML was still running after " + b.limits().timeoutText()
                + " s of processor time, the limit of --render-timeout";
        return dev.aidossier.core.Finding.error("render.timeout", what, at, null).toText() + "\n"
                + "dossier: " + b.template + " was stopped: it ran longer than --render-timeout allows; nothing was written";
    }
}
