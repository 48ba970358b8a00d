package dev.aidossier.render;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static dev.aidossier.render.RenderCliTest.names;
import static dev.aidossier.render.RenderFixtures.cli;
import static dev.aidossier.render.RenderFixtures.resource;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code --lang} on render and pack: file names, metadata.language, the manifest, and the market's languages. */
class LanguageCliTest {

    @Test
    void severalLanguagesWriteEachTranslatedDocumentOncePerLanguage(@TempDir Path out) throws Exception {
        RenderFixtures.Run r = cli("render", resource("complete.yaml").toString(), "--doc", "gap-report", "--lang", "de,FR,de",
                "-o", out.toString(), "--as-of", "2028-01-01");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(names(out)).containsExactly("complete-gap-report.de.pdf", "complete-gap-report.fr.pdf");
        assertThat(r.out()).contains("(Gap report, de, ", "(Gap report, fr, ");
        assertThat(TranslatedGapReportTest.title(Files.readAllBytes(out.resolve("complete-gap-report.de.pdf")))).startsWith("Lückenbericht – ");
        assertThat(TranslatedGapReportTest.title(Files.readAllBytes(out.resolve("complete-gap-report.fr.pdf")))).startsWith("Rapport d'écarts – ");
    }

    @Test
    void everyDocumentOfASystemAndOfAModelIsWrittenOncePerLanguage(@TempDir Path out) throws Exception {
        // every document of an AI system is translated: each in Polish, and no note
        RenderFixtures.Run r = cli("render", resource("complete.yaml").toString(), "--doc", "all", "--lang", "pl",
                "-o", out.resolve("system").toString(), "--as-of", "2028-01-01");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(names(out.resolve("system"))).contains("complete-gap-report.pl.pdf", "complete-technical-documentation.pl.pdf",
                        "complete-declaration.pl.pdf", "complete-instructions.pl.pdf")
                .doesNotContain("complete-gap-report.pdf", "complete-technical-documentation.pdf", "complete-declaration.pdf",
                        "complete-instructions.pdf");
        assertThat(r.out()).doesNotContain("not translated yet");
        // so is every document of a general-purpose AI model's provider (section C of the catalogues)
        RenderFixtures.Run m = cli("render", resource("gpai-model.yaml").toString(), "--doc", "all", "--lang", "pl",
                "-o", out.resolve("model").toString(), "--as-of", "2028-01-01");
        assertThat(m.code()).as(m.err()).isZero();
        assertThat(names(out.resolve("model"))).contains("gpai-model-gap-report.pl.pdf", "gpai-model-gpai-technical-documentation.pl.pdf")
                .doesNotContain("gpai-model-gpai-technical-documentation.pdf");
        assertThat(m.out()).doesNotContain("not translated yet");
    }

    @Test
    void anUnknownLanguageIsAUsageErrorNamingTheLanguages(@TempDir Path out) throws Exception {
        RenderFixtures.Run r = cli("render", resource("complete.yaml").toString(), "--doc", "gap-report", "--lang", "de,xx",
                "-o", out.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("--lang: 'xx' is not one of the languages there is a catalogue for: bg, cs, da, de, el, en, es");
        assertThat(names(out)).isEmpty();
    }

    @Test
    void withoutLangTheDescriptionsLanguageIsUsedUnderThePlainName(@TempDir Path tmp) throws Exception {
        Path d = tmp.resolve("fraud.yaml");
        Files.writeString(d, "apiVersion: dossier/v1\nkind: AISystem\nmetadata:\n  name: Betrugsprüfung\n  version: \"1\"\n  language: de-AT\n"
                + "spec:\n  provider:\n    name: Bank AG\n  roles: [provider]\n  general:\n    memberStates: [AT, FR, NO]\n");
        Path out = tmp.resolve("out");
        RenderFixtures.Run r = cli("render", d.toString(), "--doc", "gap-report", "-o", out.toString(), "--as-of", "2028-01-01");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(names(out)).containsExactly("fraud-gap-report.pdf");
        String t = TranslatedGapReportTest.text(Files.readAllBytes(out.resolve("fraud-gap-report.pdf")));
        assertThat(t).contains("LÜCKENBERICHT", "Betrugsprüfung");
        // France reads French; the German documents do not cover it (Norway is no member state of the Union)
        assertThat(r.out()).contains(d + ":12:24: info [render.language-coverage] France (FR) reads fr; the documents are in de only")
                .doesNotContain("(AT)", "(NO)");
        // the finding's provisions and fix come from rules/member-state-languages.yaml
        java.util.List<dev.aidossier.core.Finding> f = LanguageCoverage.check(
                dev.aidossier.TestSupport.euEngine().analyse(d, d.toString(), java.time.LocalDate.parse("2028-01-01")), java.util.List.of("de"));
        assertThat(f).hasSize(1);
        assertThat(f.get(0).refs()).containsExactly("Art47.2", "Art13.2");
        assertThat(f.get(0).remediation()).isEqualTo("Render the documents also with --lang fr (Art. 47(2): a language the national competent "
                + "authorities easily understand; Art. 13(2): the deployers'), or remove FR from spec.general.memberStates if the system is not offered there.");
        // --lang adds French: covered
        RenderFixtures.Run both = cli("render", d.toString(), "--doc", "gap-report", "--lang", "de,fr", "-o", out.toString(), "--as-of", "2028-01-01");
        assertThat(both.out()).doesNotContain("language-coverage");
    }

    @Test
    void packTakesLangAndListsTheLanguagesInItsManifest(@TempDir Path out) throws Exception {
        RenderFixtures.Run r = cli("pack", resource("complete.yaml").toString(), "--lang", "de,fr", "-o", out.toString(), "--as-of", "2028-01-01");
        assertThat(r.code()).as(r.out() + r.err()).isZero();
        Path pack = out.resolve("complete");
        assertThat(names(pack)).contains("complete-gap-report.de.pdf", "complete-gap-report.fr.pdf", "complete-technical-documentation.de.pdf",
                        "complete-technical-documentation.fr.pdf", "complete-declaration.de.pdf", "complete-declaration.fr.pdf", "complete-instructions.de.pdf")
                .doesNotContain("complete-gap-report.pdf", "complete-technical-documentation.pdf", "complete-declaration.pdf", "complete-instructions.pdf");
        // Greece, Bulgaria and Cyprus read Greek or Bulgarian: German and French cover none of them
        assertThat(r.out()).contains("complete.yaml:48:20: info [render.language-coverage] Greece (GR) reads el; the documents are in de, fr only",
                "Bulgaria (BG) reads bg", "Cyprus (CY) reads el");
        String manifest = Files.readString(pack.resolve("manifest.json"));
        assertThat(manifest).contains("\"languages\" : [ \"de\", \"fr\" ]", "complete-gap-report.de.pdf");
        // another language set is another pack: not reused
        RenderFixtures.Run again = cli("pack", resource("complete.yaml").toString(), "--lang", "pl", "-o", out.toString(), "--as-of", "2028-01-01", "--force");
        assertThat(again.code()).as(again.out() + again.err()).isZero();
        assertThat(names(pack)).contains("complete-gap-report.pl.pdf").doesNotContain("complete-gap-report.de.pdf");
    }
}
