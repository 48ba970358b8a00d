package dev.aidossier.render;

import dev.aidossier.analysis.Analysis;
import dev.aidossier.rules.RulePackFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static dev.aidossier.render.PassportTest.AS_OF;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The instructions for use, the regulatory passport and the Regulatory Interoperability Plan in German, French and
 * Polish (issue 18, section B of the catalogues), read back from the PDF: the title is the document's name in the
 * language (for the instructions the Regulation's own term, Art. 3(15)), and no English sentence of the catalogue's
 * section B is left. The rule packs' own texts (titles, laws, routes, messages) are English and shown marked as such.
 */
class TranslatedDeployerDocumentsTest {

    static final List<DocumentKind> KINDS = List.of(DocumentKind.INSTRUCTIONS, DocumentKind.PASSPORT, DocumentKind.INTEROPERABILITY_PLAN);

    /** The term of Art. 3(15) in the language versions of Regulation (EU) 2024/1689. */
    static final Map<String, String> INSTRUCTIONS_FOR_USE = Map.of("de", "Betriebsanleitung", "fr", "Notice d'utilisation",
            "pl", "Instrukcja obsługi", "es", "Instrucciones de uso", "it", "Istruzioni per l'uso", "nl", "Gebruiksaanwijzing");

    /** The keys of section B: the three documents' own words. */
    static boolean sectionB(String key) {
        return Stream.of("ifu.", "pp.", "plan.", "standing.", "strength.", "docStatus.", "doc.instructions.", "doc.passport.",
                "doc.interoperability-plan.").anyMatch(key::startsWith);
    }

    static Stream<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        for (String lang : List.of("de", "fr", "pl")) {
            // a high-risk system and one with transparency duties only
            for (String example : List.of("cv-screening", "customer-chatbot")) {
                for (DocumentKind k : KINDS) {
                    out.add(Arguments.of(lang, example, k));
                }
            }
        }
        return out.stream();
    }

    static Analysis analyse(String example) {
        java.nio.file.Path p = java.nio.file.Path.of("examples", example + ".yaml");
        return RenderFixtures.ENGINE.analyse(p, p.getFileName().toString(), AS_OF);
    }

    static byte[] render(DocumentKind kind, Analysis a, String example, String lang) throws RenderException {
        return RenderFixtures.renderer().render(kind, a, new RenderOptions(example, AS_OF, false, null).withLang(lang)).pdf();
    }

    @ParameterizedTest(name = "{2} of {1} in {0}")
    @MethodSource("cases")
    void theDocumentIsInTheLanguageWithNoEnglishSentenceOfItsCatalogueLeft(String lang, String example, DocumentKind kind) throws Exception {
        assertThat(Renderer.translated(kind)).as("--lang writes %s once per language", kind.id()).isTrue();
        Analysis a = analyse(example);
        byte[] pdf = render(kind, a, example, lang);
        String title = TranslatedGapReportTest.msg(lang, "doc." + kind.id() + ".title");
        if (kind == DocumentKind.INSTRUCTIONS) {
            assertThat(title).isEqualTo(INSTRUCTIONS_FOR_USE.get(lang));
        }
        assertThat(TranslatedGapReportTest.title(pdf)).isEqualTo(title + " – " + a.loaded().metadata().name());
        String t = TranslatedGapReportTest.text(pdf);
        assertThat(t).contains(TranslatedGapReportTest.msg(lang, "doc.translationNote"));
        // the document-control page (lib.ftlh's controlPage) is converted with the technical documentation, in
        // section A: while it is English, its page is left out of the check below
        String body = String.join(" ", RenderFixtures.pages(pdf).stream().filter(page -> !page.contains("Prepared, reviewed and approved")).toList())
                .replace("\u00AD ", "").replace("\u00AD", "");
        String kicker = switch (kind) {
            case INSTRUCTIONS -> "ifu.kicker";
            case PASSPORT -> "pp.kicker";
            default -> "plan.kicker";
        };
        assertThat(t).contains(TranslatedGapReportTest.msg(lang, kicker));
        // dates as the language writes them (the document date on the cover and in the footer)
        assertThat(t).contains(Catalogues.get(lang).date(a.loaded().metadata().documentDate().toString()));

        String shown = TranslatedGapReportTest.shownEnglish(a) + packTexts();
        // longer than a few words, and not a text of the rule pack the document shows marked as English
        List<String> english = RenderFixtures.englishFragments(k -> sectionB(k), 2).stream().filter(f -> !shown.contains(f)).toList();
        assertThat(english).hasSizeGreaterThan(100);
        assertThat(english).allSatisfy(f -> assertThat(body).as("English catalogue text in the %s %s", lang, kind.id()).doesNotContain(f));
    }

    /** The English documents keep their English words: the same check finds them there (it can fail). */
    @Test
    void theEnglishDocumentsStillHoldTheirCatalogueSentences() throws Exception {
        Analysis a = analyse("cv-screening");
        String ifu = TranslatedGapReportTest.text(render(DocumentKind.INSTRUCTIONS, a, "cv-screening", "en"));
        assertThat(ifu).contains("INSTRUCTIONS FOR USE", "(f) Logs: how to collect, store and interpret them",
                "Transparency and provision of information to deployers", "Keep the logs under your control for at least six months")
                .doesNotContain("[English original]");
        String pp = TranslatedGapReportTest.text(render(DocumentKind.PASSPORT, a, "cv-screening", "en"));
        assertThat(pp).contains("REGULATORY PASSPORT", "1. Standing side by side", "119 of 119 rules met", "partly met");
        String plan = TranslatedGapReportTest.text(render(DocumentKind.INTEROPERABILITY_PLAN, a, "cv-screening", "en"));
        assertThat(plan).contains("REGULATORY INTEROPERABILITY PLAN", "5. Open gaps: owners and target dates",
                "6. Gaps without a planned action", "The actions of the description's action plan (spec.actionPlan), by target date.");
    }

    /** German: the pack's rule titles in German where a cell is titled by its one rule; an Article's title stays English, marked. */
    @Test
    void theGermanPassportNamesRulesInGermanAndStandingsInGerman() throws Exception {
        Analysis a = analyse("cv-screening");
        String t = TranslatedGapReportTest.text(render(DocumentKind.PASSPORT, a, "cv-screening", "de"));
        assertThat(t).contains("KI-Verordnung", "teilweise erfüllt", "Zuordnungsmatrix", "Regeln erfüllt", "Seite 1 von");
        assertThat(t).contains("[" + TranslatedGapReportTest.msg("de", "mark.english") + "]");
        // an Article's cell under its official German title (rules/eu-ai-act/i18n/de.yaml, titles), not the English one
        assertThat(t).contains("Art13 Transparenz und Bereitstellung von Informationen für die Betreiber")
                .doesNotContain("Transparency and provision of information to deployers");
        String plan = TranslatedGapReportTest.text(render(DocumentKind.INTEROPERABILITY_PLAN, a, "cv-screening", "de"));
        assertThat(plan).contains("5. Offene Lücken: Verantwortliche und Zieldaten", "Gewähltes Verfahren Interne Kontrolle (Anhang VI)",
                "Registrierung in der EU-Datenbank EUDB-A-2026-0011583, 14. Oktober 2026");
    }

    /** Long compounds (German, Finnish, Hungarian, Dutch) break inside their cells: nothing is drawn past the right margin. */
    @ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"de", "fi", "hu", "nl"})
    void longWordsStayInsideThePage(String lang) throws Exception {
        Analysis a = analyse("cv-screening");
        for (DocumentKind k : KINDS) {
            byte[] pdf = render(k, a, "cv-screening", lang);
            assertThat(RenderFixtures.pastTheRightMargin(pdf)).as("%s in %s", k.id(), lang).isEmpty();
        }
    }

    /** The English texts of the rule packs the passport and the plan show: titles, laws, routes, cell titles. */
    static String packTexts() {
        StringBuilder sb = new StringBuilder();
        for (RulePackFile p : RenderFixtures.FRAMEWORKS.engine().packs()) {
            sb.append(p.title()).append('\n').append(p.law()).append('\n');
            if (p.passport() != null) {
                p.passport().route().values().forEach(r -> sb.append(r).append('\n'));
                if (p.passport().titles() != null) {
                    p.passport().titles().values().forEach(r -> sb.append(r).append('\n'));
                }
            }
        }
        RenderFixtures.FRAMEWORKS.engine().rules().rules().forEach(c -> sb.append(c.rule().title()).append('\n'));
        return sb.toString().replaceAll("\\s+", " ");
    }
}
