package dev.aidossier.rules;

import dev.aidossier.TestSupport;
import dev.aidossier.analysis.Engine;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/** Every Annex IV item the reference splits out (shared/reference/eu-ai-act.md §9) is checked by at least one rule. */
class AnnexIvCoverageTest {

    /** The reference's atomic keys of Annex IV, points 1-9. */
    static final List<String> KEYS = List.of(
            "AnxIV.1.a.1", "AnxIV.1.a.2", "AnxIV.1.a.3", "AnxIV.1.b", "AnxIV.1.c", "AnxIV.1.d", "AnxIV.1.e", "AnxIV.1.f", "AnxIV.1.g", "AnxIV.1.h",
            "AnxIV.2.a.1", "AnxIV.2.a.2", "AnxIV.2.a.3",
            "AnxIV.2.b.1", "AnxIV.2.b.2", "AnxIV.2.b.3", "AnxIV.2.b.4", "AnxIV.2.b.5", "AnxIV.2.b.6",
            "AnxIV.2.c.1", "AnxIV.2.c.2",
            "AnxIV.2.d.1", "AnxIV.2.d.2", "AnxIV.2.d.3", "AnxIV.2.d.4", "AnxIV.2.d.5", "AnxIV.2.d.6",
            "AnxIV.2.e", "AnxIV.2.f",
            "AnxIV.2.g.1", "AnxIV.2.g.2", "AnxIV.2.g.3", "AnxIV.2.g.4", "AnxIV.2.g.5", "AnxIV.2.h",
            "AnxIV.3.1", "AnxIV.3.2", "AnxIV.3.3", "AnxIV.3.4", "AnxIV.4", "AnxIV.5", "AnxIV.6",
            "AnxIV.7.1", "AnxIV.7.2", "AnxIV.7.3", "AnxIV.8", "AnxIV.9.1", "AnxIV.9.2");

    @Test
    void everyAnnexIvItemHasARule() throws Exception {
        Engine engine = TestSupport.euEngine();
        Set<String> cited = new TreeSet<>();
        engine.rules().rules().forEach(r -> cited.addAll(r.rule().refs()));
        List<String> missing = new ArrayList<>();
        for (String k : KEYS) {
            if (!cited.contains(k)) {
                missing.add(k);
            }
        }
        assertThat(missing).as("Annex IV items no rule cites").isEmpty();
        assertThat(KEYS).hasSize(48);
    }
}
