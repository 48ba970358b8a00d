package dev.aidossier.fuzz;

import com.code_intelligence.jazzer.junit.DictionaryFile;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.aidossier.analysis.Engine;
import dev.aidossier.analysis.Analysis;
import dev.aidossier.load.DescriptionLoader;
import dev.aidossier.load.Limits;
import dev.aidossier.load.Loaded;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import static dev.aidossier.fuzz.FuzzContract.check;

/**
 * Fuzz target "load": any bytes as a description file, through reading (UTF-8, YAML, limits), binding,
 * validation and classification, as {@code dossier classify} does. The contract is in {@link FuzzContract}.
 *
 * <p>{@code mvn test} runs it on the committed inputs in {@code LoadFuzzTestInputs/load}; {@code mvn verify}
 * also fuzzes it for a while; a long session is described in the README (Security).
 */
class LoadFuzzTest {

    private static final Engine ENGINE = FuzzContract.engine(List.of("eu-ai-act"), false);
    private static final String DISPLAY = "fuzz.yaml";

    @FuzzTest
    @DictionaryFile(resourcePath = "dossier.dict")
    void load(byte[] input) {
        Loaded loaded = new DescriptionLoader(Limits.DEFAULT).load(input, DISPLAY, Path.of(DISPLAY));
        FuzzContract.loadedIsClean(loaded, DISPLAY, input);
        // the date decides which conclusions are upcoming; vary it with the input
        LocalDate asOf = input.length % 2 == 0 ? LocalDate.parse("2026-11-23") : LocalDate.parse("2028-01-01");
        Analysis a = ENGINE.classify(loaded, asOf);
        check(a.readable() == loaded.readable(), "classification changed readability");
        if (loaded.model() != null) {
            check(a.classification() != null, "a bound description must be classified");
            check(FuzzContract.TIERS.contains(a.classification().tier()), "unknown tier " + a.classification().tier());
        }
        FuzzContract.findingsAreClean(a.findings(), DISPLAY, FuzzContract.lines(input), new String(input, java.nio.charset.StandardCharsets.UTF_8));

        // the same bytes as a translation overlay of a complete description: findings at the overlay's places, and
        // every free-text value of the description either translated or untranslated, never both, never lost
        dev.aidossier.load.Overlay o = dev.aidossier.load.Overlay.parse(BASE, input, OVERLAY, "de", Limits.DEFAULT);
        FuzzContract.findingsAreClean(o.problems(), OVERLAY, FuzzContract.lines(input), new String(input, java.nio.charset.StandardCharsets.UTF_8));
        for (dev.aidossier.load.Overlay.Leaf l : o.untranslated()) {
            check(!o.translations().containsKey(l.path()), "translated and untranslated at once: " + l.path());
        }
        check(o.translations().size() + o.untranslated().size() == FREE_TEXT, "free-text values lost or invented: "
                + o.translations().size() + " + " + o.untranslated().size() + " != " + FREE_TEXT);
        check(o.translations().values().stream().noneMatch(String::isBlank), "an empty translation was accepted");
    }

    private static final String OVERLAY = "fuzz.de.yaml";
    private static final Loaded BASE = base();
    private static final int FREE_TEXT = dev.aidossier.load.Overlay.freeText(BASE).size();

    private static Loaded base() {
        Path p = Path.of("src/test/resources/render/complete.yaml");
        return new DescriptionLoader(Limits.DEFAULT).load(p, "complete.yaml");
    }
}
