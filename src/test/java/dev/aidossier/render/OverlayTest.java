package dev.aidossier.render;

import dev.aidossier.TestSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static dev.aidossier.render.RenderCliTest.names;
import static dev.aidossier.render.RenderFixtures.cli;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Translation overlays ({@code <name>.<lang>.yaml}): the description's free text in another language. Errors at
 * the overlay's own lines, untranslated values as notes at their place in the description, translations in the
 * documents and the untranslated values visibly marked, overlays skipped as descriptions, and the pack's reuse
 * key covering them.
 */
class OverlayTest {

    @TempDir
    Path dir;
    Path description;

    /** A user template that prints free text in the body, in the title, in an attribute, and a name (never translated). */
    static final String TEMPLATE = """
            <?xml version="1.0" encoding="UTF-8"?>
            <html xmlns="http://www.w3.org/1999/xhtml" lang="${lang}">
            <head><title>${system.revisions[1].summary}</title><meta name="description" content="${spec.general.intendedPurpose!''}"/></head>
            <body>
            <p id="type">${system.type!''}</p>
            <p id="purpose">${spec.general.intendedPurpose!''}</p>
            <p id="rev">${system.revisions[1].summary}</p>
            <p id="name">${system.name}</p>
            </body></html>
            """;

    static final String GOOD = """
            metadata:
              type: Software zur Vorauswahl von Bewerbungen
              revisions:
                - summary: Erstausgabe für Release 2.0.0.
                -
            spec:
              general:
                intendedPurpose: >-
                  TalentLens Screening unterstützt Personalverantwortliche bei der Bearbeitung großer Mengen von Bewerbungen.
            """;

    @BeforeEach
    void copyExample() throws Exception {
        description = dir.resolve("cv-screening.yaml");
        Files.copy(TestSupport.examples().resolve("cv-screening.yaml"), description);
        TestSupport.copyTree(TestSupport.examples().resolve("evidence/cv-screening"), dir.resolve("evidence/cv-screening"));
        Files.createDirectories(dir.resolve("tpl"));
        Files.writeString(dir.resolve("tpl/gap-report.ftlh"), TEMPLATE);
    }

    private Path overlay(String lang, String text) throws Exception {
        Path p = dir.resolve("cv-screening." + lang + ".yaml");
        Files.writeString(p, text);
        return p;
    }

    @Test
    void anOverlayErrorIsAtTheOverlaysLineAndColumnAndExitsTwo() throws Exception {
        Path o = overlay("de", """
                metadata:
                  name: TalentLens Vorauswahl
                  revisions:
                    - summary: Erstausgabe
                    - {}
                    - {}
                    - summary: zu viel
                spec:
                  roles: [Anbieter]
                  general:
                    intendedPurpose: 42
                    notAKey: x
                  datasets: hello
                waivers: []
                """);
        RenderFixtures.Run r = cli("check", description.toString(), "--lang", "de", "--as-of", "2026-11-23");
        assertThat(r.code()).as(r.out() + r.err()).isEqualTo(2);
        assertThat(r.out().lines().filter(l -> l.contains("[overlay.") && !l.contains("overlay.untranslated"))).containsExactly(
                o + ":2:9: error [overlay.verbatim] metadata.name is not translated: only free text is; names, versions, ids, codes, dates, "
                        + "numbers and listed values stay as the description writes them",
                o + ":7:7: error [overlay.path] the description's metadata.revisions has 3 items; this item 4 translates nothing",
                o + ":9:11: error [overlay.verbatim] spec.roles[0] is not translated: only free text is; names, versions, ids, codes, dates, "
                        + "numbers and listed values stay as the description writes them",
                o + ":11:22: error [overlay.type] expected a string (the translated text) at spec.general.intendedPurpose, as in the description, found a number '42'",
                o + ":12:5: error [overlay.path] unknown key 'notAKey' in spec.general (an overlay holds the description's own paths)",
                o + ":13:13: error [overlay.type] expected a list at spec.datasets, as in the description, found a string 'hello'",
                o + ":14:1: error [overlay.verbatim] waivers is not translated: an overlay holds metadata and spec");

        // render and pack refuse it the same way, and write nothing
        Path out = dir.resolve("out");
        RenderFixtures.Run render = cli("render", description.toString(), "--doc", "gap-report", "--lang", "de", "-o", out.toString(), "--as-of", "2026-11-23");
        assertThat(render.code()).isEqualTo(2);
        assertThat(render.err()).contains(o + ":2:9: error [overlay.verbatim] metadata.name is not translated", "dossier: nothing rendered");
        assertThat(out).doesNotExist();
        RenderFixtures.Run pack = cli("pack", description.toString(), "--lang", "de", "-o", out.toString(), "--as-of", "2026-11-23");
        assertThat(pack.code()).isEqualTo(2);
        assertThat(pack.out() + pack.err()).contains(o + ":13:13: error [overlay.type] expected a list at spec.datasets");
        assertThat(Files.exists(out) ? names(out) : List.of()).isEmpty();
    }

    @Test
    void aYamlErrorInTheOverlayIsAtItsPlace() throws Exception {
        Path o = overlay("de", "metadata:\n  type: [unclosed\n");
        RenderFixtures.Run r = cli("check", description.toString(), "--lang", "de", "--as-of", "2026-11-23");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.out()).containsPattern(java.util.regex.Pattern.quote(o.toString()) + ":\\d+:\\d+: error \\[yaml\\.syntax\\]");
    }

    @Test
    void everyFreeTextValueWithoutATranslationIsANoteAtItsPlaceInTheDescription() throws Exception {
        overlay("de", GOOD);
        RenderFixtures.Run r = cli("check", description.toString(), "--lang", "de", "--as-of", "2026-11-23");
        assertThat(r.code()).as(r.out() + r.err()).isZero(); // notes do not fail the check
        List<String> notes = r.out().lines().filter(l -> l.contains("[overlay.untranslated]")).toList();
        assertThat(notes).contains(description + ":24:92: info [overlay.untranslated] no de translation of metadata.revisions[1].summary "
                + "(not in " + dir.resolve("cv-screening.de.yaml") + "): documents in de show it as written, marked as untranslated");
        // translated values and values that are never translated (names, versions, ids, enums) are not listed
        assertThat(notes).noneMatch(l -> l.contains(" metadata.type ") || l.contains(" spec.general.intendedPurpose ")
                || l.contains(" metadata.revisions[0].summary ") || l.contains(" metadata.name ") || l.contains(" spec.provider.name ")
                || l.contains(" spec.roles"));
        // a free-text list item (a distribution entry) is listed; the revision left empty in the overlay too
        assertThat(notes).anyMatch(l -> l.contains(" metadata.distribution[0] "));
        // without an overlay every free-text value is listed: exactly three more than with it
        RenderFixtures.Run fr = cli("check", description.toString(), "--lang", "fr", "--as-of", "2026-11-23");
        long frNotes = fr.out().lines().filter(l -> l.contains("[overlay.untranslated]")).count();
        assertThat(frNotes).isEqualTo(notes.size() + 3);
        assertThat(fr.out()).contains("no fr translation of metadata.type (no translation overlay for fr exists)");
        // the description's own language needs no overlay
        assertThat(cli("check", description.toString(), "--lang", "en", "--as-of", "2026-11-23").out()).doesNotContain("overlay.");
        // and without --lang nothing about overlays is said
        assertThat(cli("check", description.toString(), "--as-of", "2026-11-23").out()).doesNotContain("overlay.");
    }

    @Test
    void documentsShowTheTranslationsAndMarkWhatIsNotTranslated() throws Exception {
        overlay("de", GOOD);
        Path out = dir.resolve("out");
        RenderFixtures.Run r = cli("render", description.toString(), "--templates", dir.resolve("tpl").toString(), "--xhtml",
                "--doc", "gap-report", "--lang", "de", "-o", out.toString(), "--as-of", "2026-11-23");
        assertThat(r.code()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).containsPattern("\\d+ free-text values are not translated in .*cv-screening\\.de\\.yaml: shown as written, marked "
                + "\\(dossier check --lang de lists them\\)");
        String x = Files.readString(out.resolve("cv-screening-gap-report.de.xhtml"));
        assertThat(x).contains("<p id=\"type\">Software zur Vorauswahl von Bewerbungen</p>",
                "<p id=\"purpose\">TalentLens Screening unterstützt Personalverantwortliche bei der Bearbeitung großer Mengen von Bewerbungen.</p>",
                "<p id=\"rev\"><span class=\"untranslated\" lang=\"en\">Updated for release 2.2.4 and the Q1 2026 bias audit.</span>"
                        + "<span class=\"lang-mark\"> [nicht übersetzt]</span></p>",
                "<p id=\"name\">TalentLens Screening</p>",
                // in the title and in attributes the value stands unmarked: no markup is possible there
                "<title>Updated for release 2.2.4 and the Q1 2026 bias audit.</title>",
                "content=\"TalentLens Screening unterstützt");
        assertThat(x).doesNotContain("\uE000", "\uE001");

        // French, with no overlay: every free-text value marked in French; the name never
        RenderFixtures.Run fr = cli("render", description.toString(), "--templates", dir.resolve("tpl").toString(), "--xhtml",
                "--doc", "gap-report", "--lang", "fr", "-o", out.toString(), "--as-of", "2026-11-23");
        assertThat(fr.code()).as(fr.out() + fr.err()).isZero();
        assertThat(fr.out()).contains("free-text values are shown as written in the fr documents, marked as not translated");
        String f = Files.readString(out.resolve("cv-screening-gap-report.fr.xhtml"));
        assertThat(f).contains("<p id=\"type\"><span class=\"untranslated\" lang=\"en\">recruitment screening software</span>"
                + "<span class=\"lang-mark\"> [non traduit]</span></p>", "<p id=\"name\">TalentLens Screening</p>");

        // English, the description's own language: nothing marked, no note
        RenderFixtures.Run en = cli("render", description.toString(), "--templates", dir.resolve("tpl").toString(), "--xhtml",
                "--doc", "gap-report", "--lang", "en", "-o", out.toString(), "--as-of", "2026-11-23");
        assertThat(en.out()).doesNotContain("free-text");
        assertThat(Files.readString(out.resolve("cv-screening-gap-report.en.xhtml"))).contains("<p id=\"type\">recruitment screening software</p>")
                .doesNotContain("untranslated");
    }

    @Test
    void thePdfShowsTheMarkAfterTheUntranslatedValue() throws Exception {
        overlay("de", GOOD);
        Path out = dir.resolve("out");
        RenderFixtures.Run r = cli("render", description.toString(), "--templates", dir.resolve("tpl").toString(),
                "--doc", "gap-report", "--lang", "de", "-o", out.toString(), "--as-of", "2026-11-23");
        assertThat(r.code()).as(r.out() + r.err()).isZero();
        String text = TranslatedGapReportTest.text(Files.readAllBytes(out.resolve("cv-screening-gap-report.de.pdf")));
        assertThat(text.replaceAll("\\s+", " ")).contains("Software zur Vorauswahl von Bewerbungen",
                "Updated for release 2.2.4 and the Q1 2026 bias audit. [nicht übersetzt]");
        // the German PDF carries the overlay beside the description it was made from (a supplement, not the source)
        List<EmbeddedSourcesTest.Embedded> files = EmbeddedSourcesTest.associated(out.resolve("cv-screening-gap-report.de.pdf"));
        assertThat(files.stream().map(f -> f.name() + " " + f.relationship())).contains("cv-screening.yaml Source", "cv-screening.de.yaml Supplement");
        assertThat(files.stream().filter(f -> f.name().equals("cv-screening.de.yaml")).findFirst().orElseThrow().bytes())
                .isEqualTo(Files.readAllBytes(dir.resolve("cv-screening.de.yaml")));
        // and check still reads the description from it, not the overlay
        RenderFixtures.Run back = cli("check", out.resolve("cv-screening-gap-report.de.pdf").toString(), "--as-of", "2026-11-23", "--fail-on", "never");
        assertThat(back.out()).contains("cv-screening-gap-report.de.pdf#cv-screening.yaml").doesNotContain("[schema.");
    }

    @Test
    void foldersOfDescriptionsSkipOverlaysButNotAFileThatOnlyLooksLikeOne() throws Exception {
        overlay("de", GOOD);
        Files.writeString(dir.resolve("release.v2.yaml"), "apiVersion: dossier/v1\n"); // "v2" is no language: a description
        RenderFixtures.Run r = cli("check", dir.toString(), "--as-of", "2026-11-23", "--fail-on", "never");
        assertThat(r.out()).contains("2 files:").doesNotContain("cv-screening.de.yaml");
        // named on its own, an overlay is read as a description (and is not one)
        RenderFixtures.Run alone = cli("check", dir.resolve("cv-screening.de.yaml").toString(), "--as-of", "2026-11-23");
        assertThat(alone.code()).isEqualTo(1);
        assertThat(alone.out()).contains("[schema.required]");
    }

    @Test
    void aChangedOverlayIsAChangedPack() throws Exception {
        overlay("de", GOOD);
        Path out = dir.resolve("packs");
        String[] args = {"pack", description.toString(), "--lang", "de", "-o", out.toString(), "--as-of", "2026-11-23", "--fail-on", "never"};
        RenderFixtures.Run first = cli(args);
        assertThat(first.code()).as(first.out() + first.err()).isZero();
        assertThat(cli(args).out()).contains("(1 unchanged");
        overlay("de", GOOD.replace("Erstausgabe", "Erste Ausgabe"));
        RenderFixtures.Run changed = cli(args);
        assertThat(changed.out()).doesNotContain("unchanged");
        assertThat(changed.out() + changed.err()).contains("exists; use --force");
        Files.delete(dir.resolve("cv-screening.de.yaml"));
        assertThat(cli(Arrays.copyOf(args, args.length)).out()).doesNotContain("unchanged");
    }

    @Test
    void theMarksAreDroppedInsideTagsAndTitlesAndCannotComeFromAnInput() {
        String x = "<html><head><title>\uE000a\uE001</title></head><body><p title=\"\uE000b\uE001\">\uE000c\uE001 d</p></body></html>";
        assertThat(Translation.markup(x, "en", "not <translated>")).isEqualTo("<html><head><title>a</title></head><body><p title=\"b\">"
                + "<span class=\"untranslated\" lang=\"en\">c</span><span class=\"lang-mark\"> [not &lt;translated&gt;]</span> d</p></body></html>");
        assertThat(Translation.markup("<p>plain</p>", "en", "x")).isEqualTo("<p>plain</p>");
        // a description cannot write the marks: they become U+FFFD like any character XML cannot carry
        assertThat(Plain.xmlSafe("a\uE000b\uE001c\uE002")).isEqualTo("a\uFFFDb\uFFFDc\uE002");
    }

    /**
     * The example's complete German overlay: every translated document of it in German holds no English free text
     * and no "not translated" mark, and shows the German text of the values it prints.
     */
    @Test
    void aCompleteOverlayLeavesNoEnglishFreeTextInTheGermanDocuments() throws Exception {
        Path example = TestSupport.examples().resolve("admissions-completeness-check.yaml");
        Path out = dir.resolve("de");
        RenderFixtures.Run r = cli("render", example.toString(), "--doc", "all", "--lang", "de", "-o", out.toString(), "--as-of", "2026-12-06");
        assertThat(r.code()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).doesNotContain("free-text value");
        StringBuilder all = new StringBuilder();
        List<String> german;
        try (var files = Files.list(out)) {
            german = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".de.pdf")).sorted().toList();
        }
        assertThat(german).isNotEmpty();
        for (String n : german) {
            all.append(TranslatedGapReportTest.text(Files.readAllBytes(out.resolve(n)))).append(' ');
        }
        String text = all.toString().replaceAll("[\\s\u00AD\u200B]+", " ");
        assertThat(text).doesNotContain("[nicht übersetzt]");
        dev.aidossier.load.Loaded loaded = new dev.aidossier.load.DescriptionLoader().load(example, example.toString());
        dev.aidossier.load.Overlay overlay = dev.aidossier.load.Overlay.forLanguages(loaded, List.of("de"), dev.aidossier.load.Limits.DEFAULT).get("de");
        assertThat(overlay.untranslated()).isEmpty();
        int shown = 0;
        for (dev.aidossier.load.Overlay.Leaf l : dev.aidossier.load.Overlay.freeText(loaded)) {
            String english = squeeze(l.text());
            String translated = squeeze(overlay.translations().get(l.path()));
            assertThat(squeeze(text)).as("English text of %s in a German document", l.path()).doesNotContain(english.substring(0, Math.min(60, english.length())));
            if (squeeze(text).contains(translated.substring(0, Math.min(60, translated.length())))) {
                shown++;
            }
        }
        assertThat(shown).as("German values shown in " + german).isGreaterThan(0);
        // each German document carries the overlay as a supplement and stays PDF/A-3B (veraPDF)
        org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider.initialise();
        for (String n : german) {
            assertThat(EmbeddedSourcesTest.associated(out.resolve(n)).stream().map(EmbeddedSourcesTest.Embedded::name))
                    .contains("admissions-completeness-check.yaml", "admissions-completeness-check.de.yaml");
            PdfAComplianceTest.assertPdfA3b(n, Files.readAllBytes(out.resolve(n)));
        }
    }

    private static String squeeze(String s) {
        return s.replaceAll("[\\s\u00AD\u200B]+", "");
    }
}
