package dev.aidossier.analysis;

import dev.aidossier.classify.Classification;
import dev.aidossier.core.Finding;
import dev.aidossier.load.Loaded;

import java.util.List;

/** Everything known about one description: what was read, its classification, and every finding, sorted. */
public record Analysis(Loaded loaded, Classification classification, List<Finding> findings) {
    public boolean readable() {
        return loaded.readable();
    }
}
