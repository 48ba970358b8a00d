package dev.aidossier.render;

import dev.aidossier.TestSupport;
import dev.aidossier.analysis.Analysis;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The technical documentation (Annex IV), the EU declaration of conformity (Annex V), the document-control
 * page and the confidentiality marking in the languages of the Union, read back from the PDF: the official
 * titles, no English sentence of their catalogue keys left, dates as the language writes them, and the
 * English documents as they were.
 */
class TranslatedDocumentsTest {

    static final LocalDate AS_OF = LocalDate.parse("2026-12-02");

    /** The catalogue keys of these documents (section A of the catalogues). */
    static final List<String> PREFIXES = List.of("td.", "decl.", "ctl.", "lib.", "doc.technical-documentation.", "doc.declaration.");

    /** The official titles in the language versions of Regulation (EU) 2024/1689 (Art. 11, Art. 47 and Annex V). */
    static final Map<String, List<String>> OFFICIAL = Map.of(
            "de", List.of("Technische Dokumentation", "EU-Konformitätserklärung"),
            "fr", List.of("Documentation technique", "Déclaration UE de conformité"),
            "pl", List.of("Dokumentacja techniczna", "Deklaracja zgodności UE"));

    static Analysis example(String name) {
        return RenderFixtures.ENGINE.analyse(TestSupport.examples().resolve(name), name, AS_OF);
    }

    /** A document of an example in a language; the declaration of a system with open errors as the draft that alone exists. */
    static byte[] render(DocumentKind kind, String example, String lang) throws RenderException {
        Analysis a = example(example);
        boolean draft = kind == DocumentKind.DECLARATION && DeclarationGate.of(a).blocked();
        RenderOptions o = RenderFixtures.options(example.replace(".yaml", ""), AS_OF).withDraft(draft);
        return RenderFixtures.renderer().render(kind, a, lang == null ? o : o.withLang(lang)).pdf();
    }

    static String msg(String lang, String key) {
        return Catalogues.get(lang).format(key, Map.of());
    }

    static Stream<Arguments> documents() {
        List<Arguments> out = new ArrayList<>();
        for (String lang : List.of("de", "fr", "pl")) {
            // a high-risk system, and one that is not (limited risk: Annex IV is voluntary, the declaration a draft)
            for (String example : List.of("cv-screening.yaml", "customer-chatbot.yaml")) {
                out.add(Arguments.of(lang, example, DocumentKind.TECHNICAL_DOCUMENTATION));
                out.add(Arguments.of(lang, example, DocumentKind.DECLARATION));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{2} of {1} in {0}")
    @MethodSource("documents")
    void theDocumentIsInTheLanguageWithItsOfficialTitleAndNoEnglishSentenceOfItsCatalogueLeft(String lang, String example, DocumentKind kind)
            throws Exception {
        byte[] pdf = render(kind, example, lang);
        String t = TranslatedGapReportTest.text(pdf);
        String official = OFFICIAL.get(lang).get(kind == DocumentKind.DECLARATION ? 1 : 0);
        assertThat(msg(lang, "doc." + kind.id() + ".title")).isEqualTo(official);
        String title = TranslatedGapReportTest.title(pdf);
        String system = example(example).loaded().metadata().name();
        assertThat(title).endsWith(official + " – " + system);
        assertThat(t).contains(msg(lang, "doc.translationNote"));
        if (kind == DocumentKind.TECHNICAL_DOCUMENTATION) {
            assertThat(t).contains(msg(lang, "td.kicker"), msg(lang, "ctl.title"), msg(lang, "td.contents"), msg(lang, "td.legal.p2b"),
                    msg(lang, "td.h.annex-qms"));
        } else {
            assertThat(t).contains(official, msg(lang, "decl.p3"), msg(lang, "decl.p8"), msg(lang, "ctl.signature"));
        }
        List<String> english = englishSentences();
        assertThat(english).hasSizeGreaterThan(150);
        // ... outside what the description itself says (free text is shown as written) and the rule pack's English texts
        String own = Files.readString(TestSupport.examples().resolve(example)).replaceAll("\\s+", " ");
        String shown = TranslatedGapReportTest.shownEnglish(example(example));
        List<String> checked = english.stream().filter(f -> !own.contains(f) && !shown.contains(f)).toList();
        assertThat(checked).hasSizeGreaterThan(150);
        assertThat(checked).allSatisfy(f -> assertThat(t).as("English catalogue text in the %s %s", lang, kind.id()).doesNotContain(f));
    }

    /** The English texts of these documents' keys that are sentences or phrases (three words or more), split at placeholders. */
    static List<String> englishSentences() {
        return RenderFixtures.englishFragments(k -> PREFIXES.stream().anyMatch(k::startsWith), 3);
    }

    @Test
    void theControlPageDatesAndTheMarkingAreInTheLanguage() throws Exception {
        // cv-screening.yaml: confidential, approved, dated 2026-10-15
        String de = TranslatedGapReportTest.text(render(DocumentKind.TECHNICAL_DOCUMENTATION, "cv-screening.yaml", "de"));
        assertThat(de).contains("VERTRAULICH · Technische Dokumentation · Dokumentversion 1.4 · 15. Oktober 2026", "Seite 1 von",
                "Dokumentenlenkung", "Erstellt von", "Geprüft von", "Genehmigt von", "Änderungsverlauf", "Freigegeben",
                "Pflichten beurteilt zum 2. Dezember 2026", "Anhang IV Nr. 1(a): Seine Zweckbestimmung")
                .doesNotContain("CONFIDENTIAL", "Document control", "Prepared by", "Page 1 of", "2026-10-15");
        String fr = TranslatedGapReportTest.text(render(DocumentKind.DECLARATION, "cv-screening.yaml", "fr"));
        assertThat(fr).contains("CONFIDENTIEL · Déclaration UE de conformité", "15 octobre 2026",
                "La présente déclaration UE de conformité est établie sous la seule responsabilité du fournisseur, TalentLens B.V.")
                .doesNotContain("CONFIDENTIAL", "Signed for and on behalf of");
        String pl = TranslatedGapReportTest.text(render(DocumentKind.TECHNICAL_DOCUMENTATION, "cv-screening.yaml", "pl"));
        assertThat(pl).contains("POUFNY · Dokumentacja techniczna", "Nadzór nad dokumentem", "15 października 2026", "Tak",
                        "Dostarczona jako cv-screening-declaration.pl.pdf") // the declaration as --lang pl writes it
                .doesNotContain("CONFIDENTIAL", "cv-screening-declaration.pdf");
    }

    /** The English documents read as before: the catalogue gives the same words the templates wrote. */
    @Test
    void theEnglishDocumentsStillReadAsBefore() throws Exception {
        byte[] td = render(DocumentKind.TECHNICAL_DOCUMENTATION, "cv-screening.yaml", null);
        // with --lang en the same words; only the other translated documents' file names carry the language
        String en = TranslatedGapReportTest.text(render(DocumentKind.TECHNICAL_DOCUMENTATION, "cv-screening.yaml", "en"));
        assertThat(en).contains("Supplied as cv-screening-declaration.en.pdf", "Supplied as a separate document, cv-screening-instructions.en.pdf");
        assertThat(en.replace(".en.pdf", ".pdf")).isEqualTo(TranslatedGapReportTest.text(td));
        assertThat(TranslatedGapReportTest.title(td)).isEqualTo("Technical documentation – TalentLens Screening");
        String t = TranslatedGapReportTest.text(td);
        assertThat(t).contains("TECHNICAL DOCUMENTATION", "Supplied as cv-screening-declaration.pdf", "CONFIDENTIAL · Technical documentation · document version 1.4 · 2026-10-15",
                "Page 1 of", "Document control", "Obligations judged as of 2026-12-02",
                "Annex IV 1(a): Its intended purpose, the name of the provider and the version of the system",
                "Annex IV 3, first matter:", "Every item the rule pack requires for this system is documented.")
                .doesNotContain("[English original]");
        byte[] decl = render(DocumentKind.DECLARATION, "cv-screening.yaml", null);
        assertThat(TranslatedGapReportTest.title(decl)).isEqualTo("EU declaration of conformity – TalentLens Screening");
        assertThat(TranslatedGapReportTest.text(decl)).contains("1. AI system: name, type and unambiguous reference",
                "This EU declaration of conformity is issued under the sole responsibility of the provider, TalentLens B.V.",
                "Signed for and on behalf of");
        String draft = TranslatedGapReportTest.text(RenderFixtures.render(DocumentKind.DECLARATION, "incomplete.yaml", RenderFixtures.AFTER, true));
        assertThat(draft).contains("DRAFT – not a declaration of conformity", "DRAFT · NOT A DECLARATION OF CONFORMITY",
                "error-level findings remain");
        // issue 17: the tool appears only as the PDF's Producer, not on the gap report's cover
        byte[] gap = render(DocumentKind.GAP_REPORT, "cv-screening.yaml", null);
        assertThat(TranslatedGapReportTest.text(gap)).doesNotContain("Generated by", "AI Dossier test");
        try (PDDocument d = Loader.loadPDF(gap)) {
            assertThat(d.getDocumentInformation().getProducer()).startsWith("AI Dossier");
        }
    }

    /** The declaration in every official language: its title, the page footer, the translation note. */
    @Test
    void theDeclarationRendersInEveryLanguage() throws Exception {
        for (String lang : Catalogues.languages()) {
            byte[] pdf = render(DocumentKind.DECLARATION, "cv-screening.yaml", lang);
            String title = msg(lang, "doc.declaration.title");
            assertThat(TranslatedGapReportTest.title(pdf)).as(lang).isEqualTo(title + " – TalentLens Screening");
            String t = TranslatedGapReportTest.text(pdf);
            assertThat(t).as(lang).contains(title, msg(lang, "decl.p1"), Catalogues.get(lang).format("frame.pageOf", Map.of("page", 1, "pages", 2)));
            if (!lang.equals("en")) {
                assertThat(t).as(lang).contains(msg(lang, "doc.translationNote")).doesNotContain("Place of issue");
            }
        }
    }

    /** Long compounds (German, Finnish) break inside their cells: nothing is drawn past the right margin. */
    @ParameterizedTest
    @ValueSource(strings = {"de", "fi"})
    void longWordsStayInsideThePage(String lang) throws Exception {
        byte[] pdf = render(DocumentKind.TECHNICAL_DOCUMENTATION, "cv-screening.yaml", lang);
        assertThat(RenderFixtures.pastTheRightMargin(pdf)).isEmpty();
        try (PDDocument d = Loader.loadPDF(pdf)) {
            assertThat(d.getNumberOfPages()).isGreaterThan(15);
        }
    }

    @Test
    void theTitlesOfTheTranslatedDocumentsAreKnownToTheRenderer() {
        assertThat(Renderer.translated(DocumentKind.TECHNICAL_DOCUMENTATION)).isTrue();
        assertThat(Renderer.translated(DocumentKind.DECLARATION)).isTrue();
        assertThat(Renderer.translated(DocumentKind.GAP_REPORT)).isTrue();
    }
}
