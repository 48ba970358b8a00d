package dev.aidossier.rules;

import dev.aidossier.TestSupport;
import dev.aidossier.analysis.Engine;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bundled packs' rule texts are read on first use, one language at a time (a check never needs them), so
 * nothing at load would catch a broken one: this test reads every language every bundled pack lists.
 */
class BundledRuleTextsTest {

    @Test
    void everyListedLanguageOfEveryBundledPackLoadsAndTranslatesEveryTitle() {
        Engine all = TestSupport.allEngine();
        int languages = 0;
        for (RulePackFile p : all.packs()) {
            if (p.translations() == null) {
                continue;
            }
            for (String lang : p.translations()) {
                languages++;
                var texts = all.ruleTexts(lang);
                long rules = all.rules().rules().stream().filter(c -> c.pack().equals(p.id())).count();
                assertThat(texts).as(p.id() + " " + lang).hasSize((int) rules);
                assertThat(texts.values()).as(p.id() + " " + lang).allSatisfy(t -> assertThat(t.get("title")).isNotBlank());
            }
        }
        assertThat(languages).isEqualTo(6);
        // a language no pack lists has no texts (and reads nothing)
        assertThat(all.ruleTexts("sv")).isEmpty();
    }
}
