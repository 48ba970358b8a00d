package dev.aidossier.render;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.aidossier.render.RenderFixtures.AFTER;
import static org.assertj.core.api.Assertions.assertThat;

/** The gap report in the 24 official languages, read back from the PDF. */
class TranslatedGapReportTest {

    static byte[] render(String description, String lang) throws RenderException {
        dev.aidossier.analysis.Analysis a = RenderFixtures.analyse(description, AFTER);
        return RenderFixtures.renderer().render(DocumentKind.GAP_REPORT, a,
                RenderFixtures.options(description.replace(".yaml", ""), AFTER).withLang(lang)).pdf();
    }

    static String msg(String lang, String key) {
        return Catalogues.get(lang).format(key, Map.of());
    }

    /** The PDF's text as a reader copies it: soft hyphens and break opportunities gone, white space collapsed. */
    static String text(byte[] pdf) {
        return RenderFixtures.text(pdf).replace("\u00AD ", "").replace("\u00AD", "");
    }

    static String title(byte[] pdf) throws IOException {
        try (PDDocument d = Loader.loadPDF(pdf)) {
            return d.getDocumentInformation().getTitle();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"de", "fr", "pl"})
    void theGapReportIsInTheLanguageWithNoEnglishSentenceOfTheCatalogueLeft(String lang) throws Exception {
        byte[] pdf = render("incomplete.yaml", lang);
        String t = text(pdf);
        String docTitle = msg(lang, "doc.gap-report.title");
        assertThat(title(pdf)).isEqualTo(docTitle + " – " + "TalentLens Screening");
        assertThat(t).contains(msg(lang, "gap.kicker"), msg(lang, "gap.h.classification"), msg(lang, "gap.h.open"),
                msg(lang, "field.declaration"), msg(lang, "gap.annexIvWhole"));
        // the note that the texts are a translation and the official text prevails
        assertThat(t).contains(msg(lang, "doc.translationNote"));
        // dates as the language writes them
        assertThat(t).contains(Catalogues.get(lang).date("2027-12-02"));
        // the rule pack's own texts: translated where rules/eu-ai-act/i18n/<lang>.yaml has them, else English, marked as such
        assertThat(t).contains("[" + msg(lang, "mark.english") + "]");
        // rules/eu-ai-act/i18n/<lang>.yaml names every rule in de, fr and pl: the title in the language, no English one
        String title = RenderFixtures.ENGINE.ruleTexts(lang).get("EUAIA-ANXIV-1A-PURPOSE").get("title");
        assertThat(t).contains(msg(lang, "severity.head.error") + " · EUAIA-ANXIV-1A-PURPOSE · " + title)
                .doesNotContain("Intended purpose is described");
        // none of the English catalogue's sentences (fragments between placeholders of 16 characters or more)
        List<String> english = new ArrayList<>();
        for (Map.Entry<String, Object> e : Catalogues.get("en").messages().entrySet()) {
            Object v = e.getValue();
            List<String> texts = v instanceof Map<?, ?> m ? m.values().stream().map(String::valueOf).toList() : List.of(String.valueOf(v));
            for (String s : texts) {
                for (String fragment : s.split("\\{[A-Za-z]+\\}")) {
                    String f = fragment.strip().replaceAll("\\s+", " ");
                    if (f.length() >= 16) {
                        english.add(f);
                    }
                }
            }
        }
        assertThat(english).hasSizeGreaterThan(40);
        // ... outside the rule pack's own English texts, which the report shows marked (and which may quote them)
        String shown = shownEnglish(RenderFixtures.analyse("incomplete.yaml", AFTER));
        List<String> checked = english.stream().filter(f -> !shown.contains(f)).toList();
        assertThat(checked).hasSizeGreaterThan(40);
        assertThat(checked).allSatisfy(f -> assertThat(t).as("English catalogue text in the %s gap report", lang).doesNotContain(f));
    }

    @Test
    void theEnglishReportStillReadsAsBefore() throws Exception {
        byte[] pdf = render("incomplete.yaml", "en");
        assertThat(title(pdf)).isEqualTo("Gap report – TalentLens Screening");
        String t = text(pdf);
        assertThat(t).contains("GAP REPORT", "1. Classification and legal basis", "Page 1 of").doesNotContain("[English original]");
        assertThat(render("incomplete.yaml", "en")).isEqualTo(RenderFixtures.render(DocumentKind.GAP_REPORT, "incomplete.yaml", AFTER));
    }

    /** Every language renders (no template error, every glyph drawn), with its own title, page footer and cited annex. */
    @Test
    void everyLanguageRenders() throws Exception {
        for (String lang : Catalogues.languages()) {
            byte[] pdf = render("complete.yaml", lang);
            assertThat(title(pdf)).as(lang).startsWith(msg(lang, "doc.gap-report.title"));
            String t = text(pdf);
            String page = Catalogues.get(lang).format("frame.pageOf", Map.of("page", 1, "pages", pageCount(pdf)));
            assertThat(t).as(lang).contains(msg(lang, "gap.kicker"), page, Catalogues.get(lang).format("cite.annex", Map.of("n", "IV")));
            try (PDDocument d = Loader.loadPDF(pdf)) {
                assertThat(d.getDocumentCatalog().getLanguage()).as(lang).isIn(null, lang);
            }
        }
    }

    /** Long compounds (German, Finnish, Hungarian) break inside their cells: nothing is drawn past the right margin. */
    @ParameterizedTest
    @ValueSource(strings = {"de", "fi", "hu"})
    void longWordsStayInsideThePage(String lang) throws Exception {
        byte[] pdf = render("incomplete.yaml", lang);
        assertThat(RenderFixtures.pastTheRightMargin(pdf)).isEmpty();
    }

    /**
     * Every rule the texts of a language name exists in the pack, and every rule of the pack has a title in each of
     * the six languages (issue 18, item 4), in the file of its language.
     */
    @ParameterizedTest
    @ValueSource(strings = {"de", "fr", "es", "it", "nl", "pl"})
    void theRuleTextsOfALanguageNameEveryRuleOfThePackAndNoOther(String lang) throws IOException {
        Map<String, Map<String, String>> texts = RenderFixtures.ENGINE.ruleTexts(lang);
        java.util.Set<String> ids = new java.util.TreeSet<>();
        RenderFixtures.ENGINE.rules().rules().forEach(c -> ids.add(c.rule().id()));
        assertThat(ids).hasSizeGreaterThan(150);
        assertThat(texts.keySet()).as("rules titled in %s.yaml", lang).containsExactlyInAnyOrderElementsOf(ids);
        assertThat(texts.values()).allSatisfy(v -> assertThat(v.get("title")).isNotBlank());
        String resource = "rules/eu-ai-act/i18n/" + lang + ".yaml";
        try (java.io.InputStream in = TranslatedGapReportTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            var f = dev.aidossier.load.DataFile.parse(in.readAllBytes(), resource, dev.aidossier.rules.RuleTextsFile.class);
            assertThat(f.ok()).isTrue();
            assertThat(f.value().language()).as("language: of %s", resource).isEqualTo(lang);
        }
        // a title is a translation, not the English title copied
        List<String> copied = new ArrayList<>();
        RenderFixtures.ENGINE.rules().rules().forEach(c -> {
            if (c.rule().title().equals(texts.get(c.rule().id()).get("title"))) {
                copied.add(c.rule().id());
            }
        });
        assertThat(copied).as("titles of %s.yaml equal to the English ones", lang).isEmpty();
        // the official titles of the Articles and Annexes the passport's cells are: one for each of pack.yaml's passport.titles, no other
        Map<String, String> units = RenderFixtures.ENGINE.packs().get(0).passport().titles();
        assertThat(units).hasSizeGreaterThan(40);
        assertThat(RenderFixtures.ENGINE.unitTitles(lang).keySet()).as("titles of %s.yaml", lang).containsExactlyInAnyOrderElementsOf(units.keySet());
        assertThat(RenderFixtures.ENGINE.unitTitles(lang).get("Art13")).isNotEqualTo(units.get("Art13")).isNotBlank();
    }

    @Test
    void aLanguageWithoutRuleTextsShowsTheEnglishTitleMarked() throws Exception {
        assertThat(RenderFixtures.ENGINE.ruleTexts("en")).isEmpty();
        assertThat(RenderFixtures.ENGINE.ruleTexts("mt")).isEmpty(); // no Maltese texts yet: English, marked
        String t = text(render("incomplete.yaml", "mt"));
        assertThat(t).contains("EUAIA-ANXIV-1A-PURPOSE · Intended purpose is described [" + msg("mt", "mark.english") + "]");
    }

    @Test
    void aRuleTextsFileWithAnUnknownFieldIsRefusedAtItsPlace() {
        var f = dev.aidossier.load.DataFile.parse("apiVersion: dossier/rules/v1\nkind: RuleTexts\nlanguage: de\nrules:\n  X-Y: {titel: Zweck}\n".getBytes(),
                "de.yaml", dev.aidossier.rules.RuleTextsFile.class);
        assertThat(f.ok()).isFalse();
        assertThat(f.findings()).extracting(dev.aidossier.core.Finding::toText)
                .anySatisfy(t -> assertThat(t).contains("de.yaml:5:9").contains("titel"));
    }

    /** The English texts of the rule pack the report shows: finding titles, messages, remediations, conclusions. */
    static String shownEnglish(dev.aidossier.analysis.Analysis a) {
        StringBuilder sb = new StringBuilder();
        for (dev.aidossier.core.Finding f : a.findings()) {
            sb.append(f.message()).append('\n').append(f.remediation()).append('\n');
            var rule = RenderFixtures.ENGINE.rules().rule(f.ruleId());
            if (rule != null) {
                sb.append(rule.rule().title()).append('\n');
            }
            if (f.waiver() != null) {
                sb.append(f.waiver().reason()).append('\n');
            }
        }
        a.classification().conclusions().forEach(c -> sb.append(c.title()).append('\n'));
        return sb.toString().replaceAll("[ \\t]+", " ");
    }

    private static int pageCount(byte[] pdf) throws IOException {
        try (PDDocument d = Loader.loadPDF(pdf)) {
            return d.getNumberOfPages();
        }
    }
}
