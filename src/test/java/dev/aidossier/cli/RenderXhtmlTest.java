package dev.aidossier.cli;

import dev.aidossier.TestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code render --xhtml}: the XHTML a PDF is made from, with the style sheets it links to, for other engines. */
class RenderXhtmlTest {

    @TempDir
    Path out;

    @Test
    void writesTheXhtmlAndTheStyleSheetsItLinksTo() throws Exception {
        TestSupport.Run r = TestSupport.run("render", TestSupport.examples().resolve("cv-screening.yaml").toString(),
                "--doc", "technical-documentation", "--xhtml", "--as-of", "2026-12-02", "-o", out.toString());
        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.out()).contains("cv-screening-technical-documentation.xhtml");
        try (Stream<Path> s = Files.list(out)) {
            assertThat(s.map(p -> p.getFileName().toString()).sorted().toList())
                    .containsExactly("brand.css", "cv-screening-technical-documentation.xhtml", "document.css");
        }
        String x = Files.readString(out.resolve("cv-screening-technical-documentation.xhtml"));
        assertThat(x.strip()).startsWith("<html").contains("href=\"document.css\"", "Annex IV", "TalentLens");
        try (var in = getClass().getClassLoader().getResourceAsStream("templates/document.css")) {
            assertThat(Files.readAllBytes(out.resolve("document.css"))).isEqualTo(in.readAllBytes());
        }
        // the same XHTML the PDF is made from: a parser accepts it as XML
        javax.xml.parsers.DocumentBuilderFactory f = javax.xml.parsers.DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        assertThat(f.newDocumentBuilder().parse(out.resolve("cv-screening-technical-documentation.xhtml").toFile())
                .getDocumentElement().getNodeName()).isEqualTo("html");
    }

    @Test
    void aUserStyleSheetIsTheOneWritten() throws Exception {
        Path brand = Files.createDirectories(out.resolve("brand"));
        Files.writeString(brand.resolve("brand.css"), "h1 { color: #990000; }\n");
        Path o = out.resolve("o");
        TestSupport.Run r = TestSupport.run("render", TestSupport.examples().resolve("customer-chatbot.yaml").toString(),
                "--doc", "gap-report", "--xhtml", "--templates", brand.toString(), "--as-of", "2026-12-02", "-o", o.toString());
        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(Files.readString(o.resolve("brand.css"))).isEqualTo("h1 { color: #990000; }\n");
        assertThat(o.resolve("customer-chatbot-gap-report.xhtml")).exists();
        assertThat(o.resolve("customer-chatbot-gap-report.pdf")).doesNotExist();
    }
}
