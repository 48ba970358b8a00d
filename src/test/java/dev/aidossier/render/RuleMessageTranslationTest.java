package dev.aidossier.render;

import dev.aidossier.TestSupport;
import dev.aidossier.analysis.Analysis;
import dev.aidossier.cel.Problem;
import dev.aidossier.core.Finding;
import dev.aidossier.core.Status;
import dev.aidossier.rules.RuleTranslations;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static dev.aidossier.render.RenderFixtures.AFTER;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rule messages and remediations in the document's language (issue 18, item 4): a finding keeps what its message was
 * filled in with (path, problem code, value), the rule texts of a language carry the translated template, and the
 * documents fill it in with the catalogue's phrase for the problem; where a language has no translation, the English
 * message is shown, marked. Machine outputs stay English.
 */
class RuleMessageTranslationTest {

    static final Path DRAFT = Path.of("examples/cv-screening-draft.yaml");

    static Analysis draft() {
        return RenderFixtures.ENGINE.analyse(DRAFT, "cv-screening-draft.yaml", AFTER);
    }

    static byte[] render(DocumentKind kind, Analysis a, String lang) throws RenderException {
        return RenderFixtures.renderer().render(kind, a, RenderFixtures.options("cv-screening-draft", AFTER).withLang(lang)).pdf();
    }

    /** The text with every white space gone: a long path wraps at a break opportunity inside it. */
    static String squeezed(String s) {
        return s.replace("\u00AD", "").replaceAll("\\s", "");
    }

    /** The open findings of the EU AI Act pack's rules (the ones whose message is a rule's template). */
    static List<Finding> open(Analysis a) {
        return a.findings().stream().filter(f -> f.wording() != null && f.ruleId().startsWith("EUAIA-")
                && (f.status() == Status.failed || f.status() == Status.upcoming)).toList();
    }

    /** The message of {@code f} as the rule texts of {@code lang} say it, filled in as the document must. */
    static String expected(Finding f, String lang) {
        Catalogues.Catalogue c = Catalogues.get(lang);
        Finding.Wording w = f.wording();
        Map<String, Object> args = new LinkedHashMap<>(w.problemArgs());
        if (w.problem().equals("tooShort")) {
            args.put("n", Long.valueOf(w.problemArgs().get("n")));
        }
        String s = RenderFixtures.ENGINE.ruleTexts(lang).get(f.ruleId()).get("message")
                .replace("{path}", w.path())
                .replace("{problem}", c.format("problem." + w.problem(), args))
                .replace("{value}", w.value() == null ? c.format("problem.nothing", Map.of()) : w.value());
        return w.why() == null ? s : s + c.format("problem.checkError", Map.of("why", w.why()));
    }

    /** Every rule of the EU AI Act pack has its title, message and remediation in German and French, with the English placeholders. */
    @ParameterizedTest
    @ValueSource(strings = {"de", "fr"})
    void everyRuleHasItsTitleMessageAndRemediationWithTheEnglishPlaceholders(String lang) {
        Map<String, Map<String, String>> texts = RenderFixtures.ENGINE.ruleTexts(lang);
        Set<String> ids = new TreeSet<>();
        RenderFixtures.ENGINE.rules().rules().forEach(c -> ids.add(c.rule().id()));
        assertThat(ids).hasSizeGreaterThan(190);
        assertThat(texts.keySet()).containsExactlyInAnyOrderElementsOf(ids);
        List<String> copied = new ArrayList<>();
        RenderFixtures.ENGINE.rules().rules().forEach(c -> {
            Map<String, String> t = texts.get(c.rule().id());
            assertThat(t.get("title")).as("%s title", c.rule().id()).isNotBlank();
            assertThat(t.get("message")).as("%s message", c.rule().id()).isNotBlank();
            assertThat(t.get("remediation")).as("%s remediation", c.rule().id()).isNotBlank();
            assertThat(RuleTranslations.names(t.get("message"))).as("placeholders of %s's message", c.rule().id())
                    .isEqualTo(RuleTranslations.names(c.rule().message()));
            assertThat(RuleTranslations.names(t.get("remediation"))).as("placeholders of %s's remediation", c.rule().id())
                    .isEqualTo(RuleTranslations.names(c.rule().remediation()));
            if (t.get("message").equals(c.rule().message()) || t.get("remediation").equals(c.rule().remediation())) {
                copied.add(c.rule().id());
            }
        });
        assertThat(copied).as("texts equal to the English ones").isEmpty();
        // the Regulation's own terms of the language version (templates/i18n/glossary.yaml)
        String all = String.join("\n", texts.values().stream().flatMap(m -> m.values().stream()).toList());
        if (lang.equals("de")) {
            assertThat(all).contains("Anbieter", "Betreiber", "Betriebsanleitung", "notifizierte Stelle", "EU-Konformitätserklärung")
                    .doesNotContainPattern("\\b(Provider|Deployer)\\b");
        } else {
            assertThat(all).contains("fournisseur", "déployeur", "notice d'utilisation", "organisme notifié", "déclaration UE de conformité");
        }
    }

    /** The languages without message translations have none in the loaded pack: they fall back to English. */
    @Test
    void otherLanguagesHaveTitlesOnly() {
        for (String lang : List.of("es", "it", "nl", "pl")) {
            assertThat(RenderFixtures.ENGINE.ruleTexts(lang)).as(lang).isNotEmpty()
                    .allSatisfy((id, t) -> assertThat(t).containsOnlyKeys("title"));
        }
        assertThat(RenderFixtures.ENGINE.ruleTexts("mt")).isEmpty();
        assertThat(RenderFixtures.ENGINE.ruleTexts("en")).isEmpty();
    }

    /**
     * The German and French gap reports of a draft with open findings say every open finding's message in their
     * language, with the finding's path and the translated problem phrase, the translated remediation, and no English
     * message sentence.
     */
    @ParameterizedTest
    @ValueSource(strings = {"de", "fr"})
    void theGapReportSaysEveryOpenFindingInItsLanguage(String lang) throws Exception {
        Analysis a = draft();
        List<Finding> open = open(a);
        assertThat(open).extracting(Finding::ruleId).contains("EUAIA-ART4-AI-LITERACY", "EUAIA-ANXIV-1A-PURPOSE", "EUAIA-ART19-LOG-RETENTION");
        String t = squeezed(RenderFixtures.text(render(DocumentKind.GAP_REPORT, a, lang)));
        for (Finding f : open) {
            assertThat(t).as("%s message in %s", f.ruleId(), lang).contains(squeezed(expected(f, lang)))
                    .doesNotContain(squeezed(f.message()));
            assertThat(t).as("%s remediation in %s", f.ruleId(), lang)
                    .contains(squeezed(RenderFixtures.ENGINE.ruleTexts(lang).get(f.ruleId()).get("remediation")))
                    .doesNotContain(squeezed(f.remediation()));
        }
        // the problem phrases themselves, as the reader sees them
        if (lang.equals("de")) {
            assertThat(t).contains(squeezed("spec.general.intendedPurpose ist ein Platzhalter ('TBD')."),
                    squeezed("spec.aiLiteracy.measures ist nicht vorhanden."),
                    squeezed("spec.logging.retentionMonths ist nicht wie gefordert (gefunden: 3)."));
        } else {
            assertThat(t).contains(squeezed("spec.general.intendedPurpose est un texte de remplissage ('TBD')."),
                    squeezed("spec.aiLiteracy.measures est absent."),
                    squeezed("spec.logging.retentionMonths est non conforme à ce qui est exigé (valeur trouvée : 3)."));
        }
        // no English message sentence: the English problem phrases and the "requires" of the English templates are gone
        assertThat(t).doesNotContain(squeezed("is a placeholder"), squeezed("is missing"), squeezed("is not as required"), "requires");
    }

    /**
     * What the translated message quotes from the description is text, never markup, and is not filled in again: a
     * value holding {@code <b>}, {@code &} or {@code {path}} is printed as written.
     */
    @Test
    void aQuotedValueIsPrintedAsWritten(@org.junit.jupiter.api.io.TempDir Path tmp) throws Exception {
        String yaml = java.nio.file.Files.readString(DRAFT).replace("intendedPurpose: TBD ", "intendedPurpose: \"TBD <b>&amp; {path}\" ");
        Path p = tmp.resolve("cv-screening-draft.yaml");
        java.nio.file.Files.writeString(p, yaml);
        Analysis a = RenderFixtures.ENGINE.analyse(p, "cv-screening-draft.yaml", AFTER);
        String t = squeezed(RenderFixtures.text(render(DocumentKind.GAP_REPORT, a, "de")));
        assertThat(t).contains(squeezed("spec.general.intendedPurpose ist ein Platzhalter ('TBD <b>&amp; {path}')."));
    }

    /** A language whose rule texts have titles only (Spanish) shows the English message and remediation, marked as English. */
    @Test
    void aLanguageWithoutMessagesShowsTheEnglishMessageMarked() throws Exception {
        Analysis a = draft();
        String t = squeezed(RenderFixtures.text(render(DocumentKind.GAP_REPORT, a, "es")));
        String mark = "[" + Catalogues.get("es").format("mark.english", Map.of()) + "]";
        for (Finding f : open(a)) {
            assertThat(t).as(f.ruleId()).contains(squeezed(f.message() + " " + mark), squeezed(f.remediation() + " " + mark));
        }
        // the title is translated all the same
        assertThat(t).contains(squeezed(RenderFixtures.ENGINE.ruleTexts("es").get("EUAIA-ANXIV-1A-PURPOSE").get("title")));
    }

    /** The passport and the interoperability plan list the open gaps with the translated message too. */
    @Test
    void thePassportAndThePlanSayTheGapsInGerman() throws Exception {
        Analysis a = draft();
        Finding literacy = open(a).stream().filter(f -> f.ruleId().equals("EUAIA-ART4-AI-LITERACY")).findFirst().orElseThrow();
        for (DocumentKind kind : List.of(DocumentKind.PASSPORT, DocumentKind.INTEROPERABILITY_PLAN)) {
            String t = squeezed(RenderFixtures.text(render(kind, a, "de")));
            assertThat(t).as(kind.name()).contains(squeezed(expected(literacy, "de"))).doesNotContain(squeezed(literacy.message()));
        }
    }

    /** The findings themselves, and so JSON, SARIF, JUnit and the console, stay English whatever the document language. */
    @Test
    void machineOutputsStayEnglish() {
        TestSupport.Run plain = TestSupport.run("check", "--as-of", "2028-01-01", "--format", "json", DRAFT.toString());
        TestSupport.Run de = TestSupport.run("check", "--as-of", "2028-01-01", "--format", "json", "--lang", "de", DRAFT.toString());
        for (TestSupport.Run r : List.of(plain, de)) {
            assertThat(r.out()).contains("spec.aiLiteracy.measures is missing.", "spec.general.intendedPurpose is a placeholder ('TBD').")
                    .doesNotContain("nicht vorhanden", "Platzhalter", "wording", "problemArgs");
        }
        TestSupport.Run text = TestSupport.run("check", "--as-of", "2028-01-01", "--lang", "de", DRAFT.toString());
        assertThat(text.out()).contains("[EUAIA-ART4-AI-LITERACY] Art. 4(1) requires providers and deployers")
                .doesNotContain("Art. 4 Abs. 1");
    }

    /** The English phrases of the catalogue (en.yaml, section D) say what the findings say. */
    @Test
    void theEnglishPhrasesOfTheCatalogueAreTheFindingsOwn() {
        Catalogues.Catalogue en = Catalogues.get("en");
        for (String code : Problem.CODES) {
            Map<String, String> args = switch (code) {
                case "placeholder" -> Map.of("text", "TBD");
                case "tooShort" -> Map.of("n", "3", "min", "5");
                default -> Map.of();
            };
            Map<String, Object> values = new LinkedHashMap<>(args);
            values.computeIfPresent("n", (k, v) -> Long.valueOf((String) v));
            assertThat(en.format("problem." + code, values)).as(code).isEqualTo(new Problem(code, args).english());
        }
        assertThat(en.format("problem.tooShort", Map.of("n", 1L, "min", 5L))).isEqualTo(new Problem("tooShort", Map.of("n", "1", "min", "5")).english())
                .isEqualTo("too short to say anything (1 word, at least 5 expected)");
    }
}
