package dev.aidossier.render;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * The processor time one document may still take, checked from inside the render: at every template
 * instruction (a loop without output, too), at every write of XHTML, and while Flying Saucer styles,
 * lays out and paints the document. The first check past the limit throws {@link Exhausted}, and so does
 * every later one (a template's {@code #attempt} cannot swallow it for long).
 *
 * <p>Processor time is the rendering thread's own (so a busy machine, or documents laid out side by side,
 * do not count against it), read from the JVM's thread CPU clock, plus the garbage collector's time while it
 * ran; where the clock is not available, wall time.
 * One budget serves one thread.
 */
final class RenderBudget {

    private static final ThreadMXBean THREADS = threads();
    /** Reading the clock costs a system call: the frequent checks read it every so many calls. */
    private static final int EVERY = 64;

    private final RenderLimits limits;
    private final Thread thread;
    private final long start;
    private int calls;
    private volatile boolean exhausted;
    /** Where the template was when last seen (its current instruction), for messages and the watchdog. */
    volatile freemarker.core.TemplateProcessingTracer.TracedElement at;
    /** The template as the user knows it, for messages. */
    volatile String template;
    /** Turns {@link #at} into a place as the user knows it (set by the templates). */
    volatile java.util.function.Function<freemarker.core.TemplateProcessingTracer.TracedElement, dev.aidossier.core.Location> locator;

    /** Where the render is: the template instruction running, or the template while it is laid out. */
    dev.aidossier.core.Location locate() {
        var l = locator;
        var a = at;
        return l != null && a != null ? l.apply(a) : dev.aidossier.core.Location.ofFile(template == null ? "template" : template);
    }

    private final long gcStart;

    private RenderBudget(RenderLimits limits) {
        this.limits = limits;
        this.thread = Thread.currentThread();
        this.start = now(thread);
        this.gcStart = gcNanos();
    }

    private static final java.util.List<java.lang.management.GarbageCollectorMXBean> COLLECTORS = collectors();

    private static java.util.List<java.lang.management.GarbageCollectorMXBean> collectors() {
        try {
            return ManagementFactory.getGarbageCollectorMXBeans();
        } catch (LinkageError | UnsupportedOperationException | SecurityException e) {
            return java.util.List.of();
        }
    }

    /**
     * The collector's time so far. A render that fills the heap (a string doubled in a loop, a huge table) spends
     * its time in the collector's threads, not its own: that time counts against the budget too (all of it,
     * even when documents are laid out side by side: a generous bound is still a bound).
     */
    private static long gcNanos() {
        long ms = 0;
        for (java.lang.management.GarbageCollectorMXBean b : COLLECTORS) {
            long t = b.getCollectionTime();
            if (t > 0) {
                ms += t;
            }
        }
        return ms * 1_000_000L;
    }

    /** A budget for a render starting now on this thread. */
    static RenderBudget start(RenderLimits limits) {
        return new RenderBudget(limits);
    }

    private static ThreadMXBean threads() {
        try {
            ThreadMXBean b = ManagementFactory.getThreadMXBean();
            if (b.isThreadCpuTimeSupported() && b.isCurrentThreadCpuTimeSupported()) {
                if (!b.isThreadCpuTimeEnabled()) {
                    b.setThreadCpuTimeEnabled(true);
                }
                return b;
            }
        } catch (LinkageError | UnsupportedOperationException | SecurityException e) {
            // no java.management: wall time
        }
        return null;
    }

    /** Whether the limit counts processor time (else wall time). */
    static boolean processorTime() {
        return THREADS != null;
    }

    private static long now(Thread t) {
        if (THREADS != null) {
            long v = t == Thread.currentThread() ? THREADS.getCurrentThreadCpuTime() : THREADS.getThreadCpuTime(t.threadId());
            if (v >= 0) {
                return v;
            }
        }
        return System.nanoTime();
    }

    RenderLimits limits() {
        return limits;
    }

    Thread thread() {
        return thread;
    }

    /** The time used so far, in nanoseconds (read from another thread: the watchdog). */
    long used() {
        return now(thread) - start + (THREADS != null ? gcNanos() - gcStart : 0);
    }

    /** A cheap check for hot paths: reads the clock every {@value #EVERY} calls. */
    void check() {
        if (exhausted) {
            throw new Exhausted(this);
        }
        if (++calls % EVERY == 0) {
            checkNow();
        }
    }

    /** Reads the clock and throws when the budget is spent. */
    void checkNow() {
        if (exhausted || used() > limits.timeout().toNanos()) {
            exhausted = true;
            throw new Exhausted(this);
        }
    }

    boolean exhausted() {
        return exhausted;
    }

    /** The render went past its time; unchecked so that it can leave FreeMarker and Flying Saucer from any depth. */
    static final class Exhausted extends RuntimeException {
        final transient RenderBudget budget;

        Exhausted(RenderBudget budget) {
            super("render time limit reached", null, false, false);
            this.budget = budget;
        }
    }
}
