package dev.aidossier.cli;

import dev.aidossier.render.RenderLimits;
import picocli.CommandLine.Option;

import java.math.BigDecimal;
import java.time.Duration;

/** The bounds on rendering a document from a template (render and pack). */
final class RenderLimitOptions {

    @Option(names = "--max-output-size", paramLabel = "CHARS",
            description = "Most characters of XHTML a template may write for one document (default: 16777216).")
    Long maxOutputSize;

    @Option(names = "--render-timeout", paramLabel = "SECONDS",
            description = "Most processor time one document may take to render, template and layout (default: 120; decimals allowed).")
    BigDecimal renderTimeout;

    RenderLimits limits() throws CommonOptions.UsageError {
        RenderLimits l = RenderLimits.DEFAULT;
        long max = l.maxOutputChars();
        Duration timeout = l.timeout();
        if (maxOutputSize != null) {
            if (maxOutputSize < 1) {
                throw new CommonOptions.UsageError("--max-output-size must be at least 1, not " + maxOutputSize);
            }
            max = maxOutputSize;
        }
        if (renderTimeout != null) {
            if (renderTimeout.signum() <= 0 || renderTimeout.compareTo(BigDecimal.valueOf(86_400)) > 0) {
                throw new CommonOptions.UsageError("--render-timeout must be more than 0 and at most 86400 seconds, not " + renderTimeout.toPlainString());
            }
            long nanos = renderTimeout.movePointRight(9).longValue();
            if (nanos < 1_000_000) {
                throw new CommonOptions.UsageError("--render-timeout must be at least 0.001 seconds, not " + renderTimeout.toPlainString());
            }
            timeout = Duration.ofNanos(nanos);
        }
        return new RenderLimits(max, timeout);
    }
}
