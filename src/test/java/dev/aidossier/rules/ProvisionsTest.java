package dev.aidossier.rules;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The provisions of the EU pack, as its pack.yaml declares them: nothing of the key shape is in Java. */
class ProvisionsTest {

    private static final Provisions EU = Provisions.of(load("eu-ai-act"));

    private static RulePackFile load(String id) {
        return dev.aidossier.TestSupport.frameworks().engine().packs().stream().filter(p -> p.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void aKeyBelongsToItsArticleOrAnnex() {
        assertThat(EU.of("Art10.2.b")).isEqualTo("Art10");
        assertThat(EU.of("Art60a")).isEqualTo("Art60a");
        assertThat(EU.of("AnxIV.1.a")).isEqualTo("AnxIV");
        assertThat(EU.of("GOVERN-1.1")).isNull();
        assertThat(EU.label("Art10")).isEqualTo("Art. 10");
        assertThat(EU.label("AnxXIII")).isEqualTo("Annex XIII");
        assertThat(EU.link("Art9.2.a")).isEqualTo("https://eur-lex.europa.eu/eli/reg/2024/1689/oj#art_9");
        assertThat(EU.link("AnxIV.2")).isEqualTo("https://eur-lex.europa.eu/eli/reg/2024/1689/oj#anx_IV");
        assertThat(EU.link("A.6.2.7")).isNull();
    }

    @Test
    void provisionsComeInTheActsOrder() {
        List<String> keys = new ArrayList<>(List.of("AnxIV", "Art10", "AnxXIII", "Art9", "Art60a", "Art60", "AnxIX", "Art102"));
        keys.sort(EU::compare);
        assertThat(keys).containsExactly("Art9", "Art10", "Art60", "Art60a", "Art102", "AnxIV", "AnxIX", "AnxXIII");
    }

    @Test
    void aPackWithoutProvisionsHasNone() {
        Provisions nist = Provisions.of(load("nist-ai-rmf"));
        assertThat(nist.of("GOVERN-1.1")).isNull();
        assertThat(nist.of("Art10")).isNull();
        assertThat(Provisions.NONE.link("Art10")).isNull();
    }
}
