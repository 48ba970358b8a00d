package dev.aidossier.analysis;

import dev.aidossier.analysis.Frameworks;
import dev.aidossier.rules.CrosswalkFile;

import java.util.List;

/**
 * What the regulatory passport and the Regulatory Interoperability Plan are judged against: an engine
 * holding every framework's pack (the first is the primary one, whose classification is used) and the
 * crosswalks between them.
 */
public record Frameworks(Engine engine, List<CrosswalkFile> crosswalks) {
    public Frameworks {
        crosswalks = List.copyOf(crosswalks);
    }

    /**
     * The engine given, with the crosswalks the rules folder's index names; a folder of the user's own
     * without an index has no crosswalk, and the matrix stays empty.
     */
    public static Frameworks of(Engine engine, dev.aidossier.rules.RulePackSource source)
            throws dev.aidossier.rules.Crosswalks.Unreadable, java.io.IOException {
        boolean indexed = source.read("index.yaml") != null;
        return new Frameworks(engine, indexed
                ? dev.aidossier.rules.Crosswalks.load(source).stream().map(dev.aidossier.load.DataFile::value).toList() : List.of());
    }

    /** Every bundled pack with the bundled crosswalks: what tests and tools render the passport with. */
    public static Frameworks bundled() {
        dev.aidossier.rules.RulePackSource src = dev.aidossier.rules.RulePackSource.bundled();
        try {
            return of(Engine.load(src, List.of("eu-ai-act", "nist-ai-rmf", "iso-42001"), dev.aidossier.load.Limits.DEFAULT), src);
        } catch (Engine.PackError | dev.aidossier.rules.Crosswalks.Unreadable | java.io.IOException e) {
            throw new IllegalStateException("the bundled packs cannot be loaded", e);
        }
    }

    /**
     * The description judged against every framework, as the analysis step makes it once for the passport
     * and the plan: {@code a} with {@link Analysis#frameworks()} filled in (by {@code a} itself when the
     * primary engine already holds every framework). An analysis that has it is returned as it is.
     */
    public Analysis judge(Engine primary, Analysis a, java.time.LocalDate asOf) {
        if (a.frameworks() != null) {
            return a;
        }
        return a.withFrameworks(primary == engine ? a : engine.analyse(a.loaded(), asOf));
    }
}
