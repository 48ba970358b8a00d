package dev.aidossier.render;

import java.time.Duration;

/**
 * Bounds on rendering one document from a template: how much XHTML the template may write and how much
 * processor time the document may take (the template, then laying out and writing the PDF). A template of
 * the user's (--templates) is code; these keep a loop without end, or one that writes without end, from
 * running or filling the memory for ever.
 *
 * <p>The defaults are far above what the bundled templates need: the largest document of the examples is
 * 140 thousand characters of XHTML, of 48 generated descriptions up to 135 KB 180 thousand, and a
 * description with a value of one million characters (the longest --max-string-length allows) gives 2.0
 * million characters (its interoperability plan). Processor time, warm, on the 2-core development machine:
 * at most 0.26 s for any document of the examples and of 48 generated descriptions; 6.9 s for the
 * million-character description's technical documentation and 14.5 s for its interoperability plan.
 *
 * @param maxOutputChars the most characters of XHTML a template may produce
 * @param timeout        the most processor time (of the rendering thread) one document may take; processor
 *                       time rather than wall time, so that a busy machine does not fail a render that an
 *                       idle one passes
 */
public record RenderLimits(long maxOutputChars, Duration timeout) {

    public static final RenderLimits DEFAULT = new RenderLimits(16L * 1024 * 1024, Duration.ofSeconds(120));

    public RenderLimits {
        if (maxOutputChars < 1) {
            throw new IllegalArgumentException("maxOutputChars must be at least 1");
        }
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive");
        }
    }

    /** The timeout as the flag takes it, in seconds ("120", "0.5"). */
    public String timeoutText() {
        java.math.BigDecimal s = java.math.BigDecimal.valueOf(timeout.toNanos(), 9).stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0).toPlainString() : s.toPlainString();
    }
}
