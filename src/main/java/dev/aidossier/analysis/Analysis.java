package dev.aidossier.analysis;

import dev.aidossier.classify.Classification;
import dev.aidossier.core.Finding;
import dev.aidossier.load.Loaded;

import java.util.List;

/**
 * Everything known about one description: what was read, its classification, and every finding, sorted;
 * and, for the documents that set several frameworks side by side, the same description judged against
 * every framework ({@code frameworks}, made by {@link Frameworks#judge}; null until asked for).
 */
public record Analysis(Loaded loaded, Classification classification, List<Finding> findings, Analysis frameworks) {

    public Analysis(Loaded loaded, Classification classification, List<Finding> findings) {
        this(loaded, classification, findings, null);
    }

    /** This analysis with its all-framework counterpart. */
    public Analysis withFrameworks(Analysis all) {
        return new Analysis(loaded, classification, findings, all);
    }
    public boolean readable() {
        return loaded.readable();
    }
}
