package dev.aidossier.render;

import dev.aidossier.TestSupport;
import dev.aidossier.analysis.Analysis;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The four documents of a general-purpose AI model's provider (Art. 53, Annexes XI and XII; issue 18, section C of
 * the catalogues) in German, French and Polish, read back from the PDF: the title each language gives the
 * document, the translation note, dates and numbers as the language writes them, and no English sentence of
 * section C left. The English documents read as before.
 */
class TranslatedGpaiDocumentsTest {

    static final List<DocumentKind> KINDS = List.of(DocumentKind.GPAI_TECHNICAL_DOCUMENTATION, DocumentKind.DOWNSTREAM_INFORMATION,
            DocumentKind.TRAINING_CONTENT_SUMMARY, DocumentKind.MODEL_DOCUMENTATION_FORM);

    /**
     * The titles in each language version: the technical documentation of Art. 53(1)(a) (Greek would say
     * "τεχνικός φάκελος"), the information for downstream providers (Art. 3(68): "nachgelagerter Anbieter",
     * "fournisseur en aval", "dostawca niższego szczebla"), the summary of Art. 53(1)(d) ("Zusammenfassung",
     * "résumé", "streszczenie"), and the Code of Practice's Model Documentation Form.
     */
    static final Map<String, Map<DocumentKind, String>> OFFICIAL = Map.of(
            "de", Map.of(DocumentKind.GPAI_TECHNICAL_DOCUMENTATION, "Technische Dokumentation des KI-Modells mit allgemeinem Verwendungszweck",
                    DocumentKind.DOWNSTREAM_INFORMATION, "Informationen für nachgelagerte Anbieter",
                    DocumentKind.TRAINING_CONTENT_SUMMARY, "Öffentliche Zusammenfassung der Trainingsinhalte",
                    DocumentKind.MODEL_DOCUMENTATION_FORM, "Formular zur Modelldokumentation"),
            "fr", Map.of(DocumentKind.GPAI_TECHNICAL_DOCUMENTATION, "Documentation technique du modèle d'IA à usage général",
                    DocumentKind.DOWNSTREAM_INFORMATION, "Informations destinées aux fournisseurs en aval",
                    DocumentKind.TRAINING_CONTENT_SUMMARY, "Résumé public du contenu d'entraînement",
                    DocumentKind.MODEL_DOCUMENTATION_FORM, "Formulaire de documentation du modèle"),
            "pl", Map.of(DocumentKind.GPAI_TECHNICAL_DOCUMENTATION, "Dokumentacja techniczna modelu AI ogólnego przeznaczenia",
                    DocumentKind.DOWNSTREAM_INFORMATION, "Informacje dla dostawców niższego szczebla",
                    DocumentKind.TRAINING_CONTENT_SUMMARY, "Publiczne streszczenie treści wykorzystanych do trenowania",
                    DocumentKind.MODEL_DOCUMENTATION_FORM, "Formularz dokumentacji modelu"));

    /** The keys of section C: the four documents' own words. */
    static boolean sectionC(String key) {
        return key.startsWith("gp.") || KINDS.stream().anyMatch(k -> key.equals("doc." + k.id() + ".title"));
    }

    static Analysis analyse(String example) {
        return RenderFixtures.ENGINE.analyse(TestSupport.examples().resolve(example + ".yaml"), example + ".yaml", TranslatedDocumentsTest.AS_OF);
    }

    static byte[] render(DocumentKind kind, Analysis a, String example, String lang, String audience) throws RenderException {
        RenderOptions o = new RenderOptions(example, TranslatedDocumentsTest.AS_OF, false, null, audience);
        return RenderFixtures.renderer().render(kind, a, lang == null ? o : o.withLang(lang)).pdf();
    }

    static Stream<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        for (String lang : List.of("de", "fr", "pl")) {
            for (DocumentKind k : KINDS) {
                // a model with systemic risk, and an open-source one (Art. 53(2): the documents say they are not owed)
                out.add(Arguments.of(lang, "gpai-frontier-model", k, "all"));
                out.add(Arguments.of(lang, "gpai-open-model", k, "all"));
            }
            // the Form with only the items for downstream providers
            out.add(Arguments.of(lang, "gpai-frontier-model", DocumentKind.MODEL_DOCUMENTATION_FORM, "dp"));
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{2} of {1} ({3}) in {0}")
    @MethodSource("cases")
    void theDocumentIsInTheLanguageWithItsTitleAndNoEnglishSentenceOfItsCatalogueLeft(String lang, String example, DocumentKind kind,
                                                                                        String audience) throws Exception {
        assertThat(Renderer.translated(kind)).as("--lang writes %s once per language", kind.id()).isTrue();
        Analysis a = analyse(example);
        byte[] pdf = render(kind, a, example, lang, audience);
        String title = TranslatedGapReportTest.msg(lang, "doc." + kind.id() + ".title");
        assertThat(title).isEqualTo(OFFICIAL.get(lang).get(kind));
        assertThat(TranslatedGapReportTest.title(pdf)).isEqualTo(title + " – " + a.loaded().metadata().name());
        String t = TranslatedGapReportTest.text(pdf);
        String kicker = switch (kind) {
            case GPAI_TECHNICAL_DOCUMENTATION -> "gp.td.kicker";
            case DOWNSTREAM_INFORMATION -> "gp.dsi.kicker";
            case TRAINING_CONTENT_SUMMARY -> "gp.tcs.kicker";
            default -> "gp.mdf.kicker";
        };
        assertThat(t).contains(TranslatedGapReportTest.msg(lang, "doc.translationNote"), TranslatedGapReportTest.msg(lang, kicker),
                Catalogues.get(lang).format("frame.pageOf", Map.of("page", 1, "pages", RenderFixtures.pages(pdf).size())));
        // the document date as the language writes it, never as ISO
        String date = a.loaded().metadata().documentDate().toString();
        assertThat(t).contains(Catalogues.get(lang).date(date)).doesNotContain(date);

        assertNoEnglishOfSectionC(lang, kind, a, Files.readString(TestSupport.examples().resolve(example + ".yaml")), t);
    }

    /**
     * Every English phrase of section C (three words or more) is absent from the text, outside what the description
     * itself says (its free text is shown as written, marked) and the rule pack's English texts.
     */
    static void assertNoEnglishOfSectionC(String lang, DocumentKind kind, Analysis a, String description, String text) {
        String own = description.replaceAll("\\s+", " ");
        String shown = TranslatedGapReportTest.shownEnglish(a);
        List<String> english = RenderFixtures.englishFragments(k -> sectionC(k), 3).stream()
                .filter(f -> !own.contains(f) && !shown.contains(f)).toList();
        assertThat(english).hasSizeGreaterThan(200);
        String body = text.replaceAll("\\s+", " ");
        assertThat(english).allSatisfy(f -> assertThat(body).as("English catalogue text in the %s %s", lang, kind.id()).doesNotContain(f));
    }

    /** A model with open findings: the cover counts them in the language, the gap boxes and the closing section are translated. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"de", "fr", "pl"})
    void aModelWithOpenFindingsIsTranslatedToo(String lang) throws Exception {
        java.nio.file.Path p = TestSupport.root().resolve("src/test/resources/render/gpai-model.yaml");
        Analysis a = RenderFixtures.ENGINE.analyse(p, "gpai-model.yaml", RenderFixtures.AFTER);
        for (DocumentKind k : KINDS) {
            RenderOptions o = new RenderOptions("gpai-model", RenderFixtures.AFTER, false, null, "all").withLang(lang);
            String t = TranslatedGapReportTest.text(RenderFixtures.renderer().render(k, a, o).pdf());
            assertThat(t).contains(TranslatedGapReportTest.msg(lang, "finding.gap"));
            if (k == DocumentKind.GPAI_TECHNICAL_DOCUMENTATION) {
                // "Offene Feststellungen: 37. Sie sind dort markiert, ..." (the count's own words, before its number)
                String counted = String.valueOf(Catalogues.get(lang).messages().get("gp.count.open")).split("\\{n\\}")[0].strip();
                assertThat(t).contains(counted);
                assertThat(t).contains(TranslatedGapReportTest.msg(lang, "gp.td.incomplete"));
            }
            assertNoEnglishOfSectionC(lang, k, a, Files.readString(p), t);
        }
    }

    /** Numbers as the language writes them: the mantissa of a power of ten, the grouping of a count. */
    @Test
    void numbersAndDatesAreWrittenAsTheLanguageWritesThem() throws Exception {
        Analysis a = analyse("gpai-frontier-model");
        String de = TranslatedGapReportTest.text(render(DocumentKind.GPAI_TECHNICAL_DOCUMENTATION, a, "gpai-frontier-model", "de", "all"));
        assertThat(de).contains("4,12 × 10", "(412.000.000.000)", "Anhang XI Nr. 1(a):", "Abschnitt 1", "Gleitkommaoperationen",
                "16. Juni 2026").doesNotContain("4.12 × 10", "2026-06-16", "floating-point operations");
        String fr = TranslatedGapReportTest.text(render(DocumentKind.MODEL_DOCUMENTATION_FORM, a, "gpai-frontier-model", "fr", "all"));
        assertThat(fr).contains("BIA", "ANC", "FA", "Dénomination légale du fournisseur", "16 juin 2026").doesNotContain("AIO NCA DP");
        String pl = TranslatedGapReportTest.text(render(DocumentKind.DOWNSTREAM_INFORMATION, a, "gpai-frontier-model", "pl", "all"));
        assertThat(pl).contains("Załącznik XII pkt 1:", "16 czerwca 2026", "Model AI ogólnego przeznaczenia z ryzykiem systemowym");
    }

    /** The English documents read as before the conversion: the same words, numbers and ISO dates. */
    @Test
    void theEnglishDocumentsStillReadAsBefore() throws Exception {
        Analysis a = analyse("gpai-frontier-model");
        byte[] td = render(DocumentKind.GPAI_TECHNICAL_DOCUMENTATION, a, "gpai-frontier-model", null, "all");
        assertThat(TranslatedGapReportTest.title(td)).isEqualTo("Technical documentation of the general-purpose AI model – Orphée-2 Ultra");
        String t = TranslatedGapReportTest.text(td);
        assertThat(t).contains("TECHNICAL DOCUMENTATION OF A GENERAL-PURPOSE AI MODEL", "Annex XI, Section 1:",
                "Annex XI 1(a): the tasks that the model is intended to perform", "4.12 × 10", "(412,000,000,000)",
                "floating-point operations", "2026-06-16", "Article 55(1):", "Article 52(1):",
                "robots.txt", "Page 1 of").doesNotContain("[English original]", "[not translated]");
        // with --lang en the same text: only the names of the other translated documents carry the language
        String en = TranslatedGapReportTest.text(render(DocumentKind.GPAI_TECHNICAL_DOCUMENTATION, a, "gpai-frontier-model", "en", "all"));
        assertThat(en.replace(".en.pdf", ".pdf")).isEqualTo(t);
        String form = TranslatedGapReportTest.text(render(DocumentKind.MODEL_DOCUMENTATION_FORM, a, "gpai-frontier-model", null, "dp"));
        assertThat(form).contains("MODEL DOCUMENTATION FORM · FOR DOWNSTREAM PROVIDERS", "The items for downstream providers (DP) only",
                "Restricted or prohibited:");
        String open = TranslatedGapReportTest.text(render(DocumentKind.TRAINING_CONTENT_SUMMARY, analyse("gpai-open-model"),
                "gpai-open-model", null, "all"));
        assertThat(open).contains("PUBLIC SUMMARY OF TRAINING CONTENT", "2.1 Publicly available data sets", "Reservation protocols honoured");
    }

    /** Long compounds (German, Finnish) and Greek and Bulgarian words break inside their cells: nothing past the right margin. */
    @ParameterizedTest
    @ValueSource(strings = {"de", "fi", "el", "bg"})
    void longWordsStayInsideThePage(String lang) throws Exception {
        Analysis a = analyse("gpai-frontier-model");
        for (DocumentKind k : List.of(DocumentKind.GPAI_TECHNICAL_DOCUMENTATION, DocumentKind.MODEL_DOCUMENTATION_FORM)) {
            assertThat(RenderFixtures.pastTheRightMargin(render(k, a, "gpai-frontier-model", lang, "all"))).as("%s in %s", k.id(), lang).isEmpty();
        }
    }
}
