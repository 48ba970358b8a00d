package dev.aidossier.render;

import dev.aidossier.TestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static dev.aidossier.render.RenderFixtures.cli;
import static dev.aidossier.render.RenderFixtures.resource;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Characters the bundled fonts cannot draw (unicode.yaml holds Chinese and Arabic): render fails and names
 * the values that hold them, unless --font gives fonts that have them (src/test/resources/fonts/).
 */
class FontTest {

    static final String CHINESE_NAME = "人工智能招聘助手";
    static final String ARABIC = "مساعد التوظيف";

    static String cjk() {
        return TestSupport.resource("fonts/DossierTestCJK-Regular.ttf").toString();
    }

    static String arabic() {
        return TestSupport.resource("fonts/DossierTestArabic-Regular.ttf").toString();
    }

    @Test
    void withoutAFontThatHasThemTheRenderFailsAndNamesTheValues(@TempDir Path tmp) {
        Path out = tmp.resolve("out");
        String in = resource("unicode.yaml").toString();
        RenderFixtures.Run r = cli("render", in, "--doc", "all", "-o", out.toString(), "--as-of", "2026-11-23");
        assertThat(r.code()).as(r.err()).isEqualTo(2);
        assertThat(r.err())
                .contains(in + ":6:9: error [render.glyphs] metadata.name: no glyph in the fonts for U+4EBA '人', U+5DE5 '工'")
                .contains(in + ":12:22: error [render.glyphs] spec.general.intendedPurpose: no glyph in the fonts for U+4E2D '中'")
                .contains("U+0645 'م'")
                .contains("the technical documentation was not rendered", "(Arabic, Han)", "add a font that has them with --font FILE.ttf")
                .doesNotContain("Exception");
        assertThat(out).as("nothing is written when a document fails").doesNotExist();
    }

    @Test
    void withFontsThatHaveThemTheCharactersAreInThePdf(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("out");
        RenderFixtures.Run r = cli("render", resource("unicode.yaml").toString(), "--doc", "technical-documentation", "-o", out.toString(),
                "--as-of", "2026-11-23", "--font", cjk(), "--font", arabic());
        assertThat(r.code()).as(r.err()).isZero();
        byte[] pdf = Files.readAllBytes(out.resolve("unicode-technical-documentation.pdf"));
        String text = RenderFixtures.text(pdf);
        // (the extraction sorts glyphs of different fonts by their baselines, so the words are checked, not the sentence)
        assertThat(text).contains(CHINESE_NAME, "中文简历", "Sorts job applications in Chinese (");
        // Arabic is drawn letter by letter in logical order (no shaping or reordering): each letter is there
        for (int cp : ARABIC.replace(" ", "").codePoints().toArray()) {
            assertThat(text).contains(Character.toString(cp));
        }
        assertThat(RenderFixtures.fonts(pdf)).containsEntry(RenderFixtures.fonts(pdf).keySet().stream()
                .filter(n -> n.endsWith("+DossierTestCJK-Regular")).findFirst().orElse("DossierTestCJK-Regular (missing)"), true);
        assertThat(RenderFixtures.fontNames(pdf)).contains("DossierTestCJK-Regular", "DossierTestArabic-Regular", "LiberationSans");
        // the same input and fonts give the same bytes
        Path again = tmp.resolve("again");
        cli("render", resource("unicode.yaml").toString(), "--doc", "technical-documentation", "-o", again.toString(),
                "--as-of", "2026-11-23", "--font", cjk(), "--font", arabic());
        assertThat(Files.readAllBytes(again.resolve("unicode-technical-documentation.pdf"))).isEqualTo(pdf);
    }

    @Test
    void aFontThatLacksSomeStillFailsForTheRest(@TempDir Path tmp) {
        RenderFixtures.Run r = cli("render", resource("unicode.yaml").toString(), "--doc", "technical-documentation", "-o", tmp.resolve("out").toString(),
                "--as-of", "2026-11-23", "--font", cjk());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("spec.general.intendedPurpose: no glyph in the fonts for U+0645 'م'", "(Arabic)",
                "have no glyph in the bundled fonts or the --font files").doesNotContain("metadata.name");
    }

    @Test
    void fontFilesAreChecked(@TempDir Path tmp) throws Exception {
        String in = resource("unicode.yaml").toString();
        String out = tmp.resolve("out").toString();
        RenderFixtures.Run folder = cli("render", in, "--doc", "gap-report", "-o", out, "--font", tmp.toString());
        assertThat(folder.code()).isEqualTo(2);
        assertThat(folder.err()).contains("--font: '" + tmp + "' is not a regular file");
        RenderFixtures.Run missing = cli("render", in, "--doc", "gap-report", "-o", out, "--font", tmp.resolve("none.ttf").toString());
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err()).contains("is not a regular file");
        RenderFixtures.Run yaml = cli("render", in, "--doc", "gap-report", "-o", out, "--font", in);
        assertThat(yaml.code()).isEqualTo(2);
        assertThat(yaml.err()).contains("--font: '" + in + "' is not a TrueType or OpenType font (.ttf, .otf, .ttc)");
        Path broken = tmp.resolve("broken.ttf");
        byte[] ttf = Files.readAllBytes(Path.of(cjk()));
        Files.write(broken, java.util.Arrays.copyOf(ttf, 200)); // the right magic number, the tables cut off
        RenderFixtures.Run cut = cli("render", in, "--doc", "gap-report", "-o", out, "--font", broken.toString());
        assertThat(cut.code()).isEqualTo(2);
        assertThat(cut.err()).contains("--font: '" + broken + "' cannot be used").doesNotContain("\tat ");
        assertThat(tmp.resolve("out")).doesNotExist();
    }

    @Test
    void packTakesTheFontsToo(@TempDir Path tmp) throws Exception {
        String in = resource("unicode.yaml").toString();
        RenderFixtures.Run without = cli("pack", in, "-o", tmp.resolve("a").toString(), "--as-of", "2026-11-23", "--jobs", "1");
        assertThat(without.code()).isEqualTo(2);
        assertThat(without.out()).contains("NOT WRITTEN: cannot render: the technical documentation was not rendered",
                in + ":6:9: error [render.glyphs] metadata.name");
        RenderFixtures.Run with = cli("pack", in, "-o", tmp.resolve("b").toString(), "--as-of", "2026-11-23", "--jobs", "1",
                "--font", cjk(), "--font", arabic());
        assertThat(with.code()).as(with.out()).isEqualTo(1); // the description itself has open errors
        assertThat(RenderFixtures.text(Files.readAllBytes(tmp.resolve("b/unicode/unicode-gap-report.pdf")))).contains(CHINESE_NAME);
    }

    @Test
    void emojiAreNamedToo(@TempDir Path tmp) throws Exception {
        Path in = tmp.resolve("emoji.yaml");
        Files.writeString(in, String.join("\n", List.of(
                "apiVersion: dossier/v1", "kind: AISystem", "metadata:", "  name: Happy Helper \uD83D\uDE00", "  version: \"1\"",
                "spec:", "  provider: {name: Example GmbH, country: DE}", "  roles: [provider]", "")));
        RenderFixtures.Run r = cli("render", in.toString(), "--doc", "gap-report", "-o", tmp.resolve("out").toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains(in + ":4:9: error [render.glyphs] metadata.name: no glyph in the fonts for U+1F600 '\uD83D\uDE00'",
                "(symbols or emoji)");
    }
}
