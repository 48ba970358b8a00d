package dev.aidossier.render;

import dev.aidossier.TestSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.verapdf.core.ValidationException;
import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every document of every example is PDF/A-3B, as veraPDF (the reference validator of the PDF Association)
 * judges it, with zero failed rules; and carries XMP metadata that names it so.
 */
class PdfAComplianceTest {

    static Path out;

    @BeforeAll
    static void renderEverything() throws IOException {
        VeraGreenfieldFoundryProvider.initialise();
        out = Files.createTempDirectory("dossier-pdfa");
        try (Stream<Path> s = Files.list(TestSupport.examples())) {
            for (Path example : s.filter(dev.aidossier.TestSupport::isDescription).sorted().toList()) {
                TestSupport.Run r = TestSupport.run("render", example.toString(), "--doc", "all", "--draft", "--as-of", "2026-12-02",
                        "-o", out.toString());
                assertThat(r.exit()).as(r.toString()).isZero();
            }
        }
    }

    static Stream<String> pdfs() throws IOException {
        if (out == null) {
            renderEverything();
        }
        try (Stream<Path> s = Files.list(out)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".pdf")).sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("pdfs")
    void isPdfA3b(String name) throws Exception {
        assertPdfA3b(name, Files.readAllBytes(out.resolve(name)));
    }

    /** A document that draws characters with a --font file (a CJK and an Arabic TrueType font): still PDF/A-3B. */
    @org.junit.jupiter.api.Test
    void aDocumentWithFontFilesIsPdfA3b(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        TestSupport.Run r = TestSupport.run("render", TestSupport.resource("render/unicode.yaml").toString(), "--doc", "technical-documentation",
                "--as-of", "2026-11-23", "--font", TestSupport.resource("fonts/DossierTestCJK-Regular.ttf").toString(),
                "--font", TestSupport.resource("fonts/DossierTestArabic-Regular.ttf").toString(), "-o", dir.toString());
        assertThat(r.exit()).as(r.toString()).isZero();
        byte[] pdf = Files.readAllBytes(dir.resolve("unicode-technical-documentation.pdf"));
        assertThat(RenderFixtures.fontNames(pdf)).contains("DossierTestCJK-Regular", "DossierTestArabic-Regular");
        assertPdfA3b("unicode-technical-documentation.pdf with --font", pdf);
    }

    /** The translated documents (issue 18) in Greek and Bulgarian, other scripts with their own glyphs: still PDF/A-3B. */
    @org.junit.jupiter.api.Test
    void translatedDocumentsArePdfA3b(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        TestSupport.Run r = TestSupport.run("render", TestSupport.examples().resolve("cv-screening.yaml").toString(), "--doc", "all",
                "--lang", "el,bg", "--as-of", "2026-12-02", "-o", dir.toString());
        assertThat(r.exit()).as(r.toString()).isZero();
        List<String> checked = new ArrayList<>();
        for (String lang : List.of("el", "bg")) {
            for (String doc : List.of("technical-documentation", "declaration", "gap-report")) {
                String name = "cv-screening-" + doc + "." + lang + ".pdf";
                assertPdfA3b(name, Files.readAllBytes(dir.resolve(name)));
                checked.add(name);
            }
        }
        assertThat(checked).hasSize(6);
    }

    /** veraPDF's PDF/A-3B profile: zero failed rules, compliant, PDF 1.7. */
    static void assertPdfA3b(String name, byte[] pdf) throws Exception {
        try {
            assertThat(TestSupport.pdfaFailures(pdf)).as(name + " against PDF/A-3B").isEmpty();
        } catch (ValidationException e) {
            throw new AssertionError(name + ": veraPDF could not parse it: " + e.getMessage(), e);
        }
        String head = new String(pdf, 0, Math.min(pdf.length, 16), java.nio.charset.StandardCharsets.ISO_8859_1);
        assertThat(head).startsWith("%PDF-1.7");
    }
}
