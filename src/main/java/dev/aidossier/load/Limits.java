package dev.aidossier.load;

/**
 * Bounds on one input file. Every limit has a CLI flag; the defaults allow any realistic description
 * (the largest example is under 40 KiB) while keeping a hostile file from exhausting memory.
 */
public record Limits(long maxFileBytes, int maxDepth, int maxNodes, int maxStringLength) {

    public static final Limits DEFAULT = new Limits(4L * 1024 * 1024, 40, 100_000, 1_048_576);

    public Limits withMaxFileBytes(long v) {
        return new Limits(v, maxDepth, maxNodes, maxStringLength);
    }

    public Limits withMaxDepth(int v) {
        return new Limits(maxFileBytes, v, maxNodes, maxStringLength);
    }

    public Limits withMaxNodes(int v) {
        return new Limits(maxFileBytes, maxDepth, v, maxStringLength);
    }

    public Limits withMaxStringLength(int v) {
        return new Limits(maxFileBytes, maxDepth, maxNodes, v);
    }
}
