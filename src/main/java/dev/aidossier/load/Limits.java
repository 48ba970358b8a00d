package dev.aidossier.load;

import java.time.LocalDate;

/**
 * Bounds on one input file. Every size limit has a CLI flag; the defaults allow any realistic description
 * (the largest example is under 40 KiB) while keeping a hostile file from exhausting memory.
 *
 * <p>{@code earliestDate} and {@code latestDate} bound every date a description holds (and {@code --as-of}):
 * year 0 or 99999 is a typo, and a date outside the range would print or compare oddly downstream (a year
 * of five digits is not an ISO date the rules can compare as text).
 */
public record Limits(long maxFileBytes, int maxDepth, int maxNodes, int maxStringLength, LocalDate earliestDate, LocalDate latestDate) {

    public static final Limits DEFAULT = new Limits(4L * 1024 * 1024, 40, 100_000, 1_048_576,
            LocalDate.of(1900, 1, 1), LocalDate.of(2200, 12, 31));

    public Limits(long maxFileBytes, int maxDepth, int maxNodes, int maxStringLength) {
        this(maxFileBytes, maxDepth, maxNodes, maxStringLength, DEFAULT.earliestDate(), DEFAULT.latestDate());
    }

    public Limits withMaxFileBytes(long v) {
        return new Limits(v, maxDepth, maxNodes, maxStringLength, earliestDate, latestDate);
    }

    public Limits withMaxDepth(int v) {
        return new Limits(maxFileBytes, v, maxNodes, maxStringLength, earliestDate, latestDate);
    }

    public Limits withMaxNodes(int v) {
        return new Limits(maxFileBytes, maxDepth, v, maxStringLength, earliestDate, latestDate);
    }

    public Limits withMaxStringLength(int v) {
        return new Limits(maxFileBytes, maxDepth, maxNodes, v, earliestDate, latestDate);
    }

    /** Whether a date lies in the accepted range (both ends included). */
    public boolean accepts(LocalDate d) {
        return !d.isBefore(earliestDate) && !d.isAfter(latestDate);
    }

    /** The accepted range as a message says it: "from 1900-01-01 to 2200-12-31". */
    public String dateRange() {
        return "from " + earliestDate + " to " + latestDate;
    }
}
