package dev.aidossier.render;

import com.sun.net.httpserver.HttpServer;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.aidossier.render.RenderFixtures.AFTER;
import static dev.aidossier.render.RenderFixtures.analyse;
import static dev.aidossier.render.RenderFixtures.options;
import static dev.aidossier.render.RenderFixtures.renderer;
import static dev.aidossier.render.RenderFixtures.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What templates may do: read the data model and bundled or --templates resources, and nothing else. */
class SandboxTest {

    static Renderer.Output renderWith(Path templates, DocumentKind kind) throws RenderException {
        return renderer(templates).render(kind, analyse("complete.yaml", AFTER), options("complete", AFTER));
    }

    static void write(Path p, String s) throws IOException {
        Files.writeString(p, s, StandardCharsets.UTF_8);
    }

    static byte[] png() throws IOException {
        BufferedImage img = new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB);
        img.setRGB(1, 1, 0xff0000);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "png", out);
        return out.toByteArray();
    }

    static int images(byte[] pdf) throws IOException {
        int n = 0;
        try (PDDocument d = Loader.loadPDF(pdf)) {
            for (PDPage p : d.getPages()) {
                for (COSName x : p.getResources().getXObjectNames()) {
                    if (p.getResources().getXObject(x) instanceof PDImageXObject) {
                        n++;
                    }
                }
            }
        }
        return n;
    }

    @Test
    void aTemplateCannotMakeTheRendererFetchAUrlOrReadAFile(@TempDir Path dir) throws Exception {
        AtomicInteger hits = new AtomicInteger();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", ex -> {
            hits.incrementAndGet();
            ex.sendResponseHeaders(404, -1);
            ex.close();
        });
        server.start();
        try {
            String base = "http://127.0.0.1:" + server.getAddress().getPort();
            Path templates = Files.createDirectory(dir.resolve("templates"));
            Path secret = dir.resolve("secret.png");
            Files.write(secret, png());
            Files.write(dir.resolve("outside.png"), png());
            write(templates.resolve("gap-report.ftlh"), """
                    <html xmlns="http://www.w3.org/1999/xhtml"><head><title>t</title>
                    <link rel="stylesheet" type="text/css" href="%1$s/style.css"/>
                    <link rel="stylesheet" type="text/css" href="file:///etc/passwd"/>
                    <style>@import url("%1$s/import.css"); body { background-image: url("%1$s/bg.png"); }
                    @font-face { font-family: Leak; src: url("%1$s/font.ttf"); }</style>
                    </head><body>
                    <p style="font-family: Leak">Report of ${system.name}</p>
                    <img src="%1$s/a.png"/>
                    <img src="https://127.0.0.1:%2$d/b.png"/>
                    <img src="file:///etc/passwd"/>
                    <img src="%3$s"/>
                    <img src="../outside.png"/>
                    <img src="jar:file:/etc/x.jar!/a.png"/>
                    <object data="%1$s/o.svg"/>
                    </body></html>
                    """.formatted(base, server.getAddress().getPort(), secret.toUri()));
            Renderer.Output o = renderWith(templates, DocumentKind.GAP_REPORT);
            assertThat(text(o.pdf())).contains("Report of CrediLens Scoring");
            assertThat(hits.get()).as("requests that reached the server").isZero();
            assertThat(images(o.pdf())).isZero();
            assertThat(o.refused()).contains(base + "/style.css", "file:///etc/passwd", base + "/a.png", secret.toUri().toString());
            assertThat(String.join(" ", o.refused())).contains("outside.png");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void aValueOfTheDescriptionIsNeverFetched() throws RenderException {
        // escaping.yaml holds <img src="http://127.0.0.1:9/leak.png"/> as text
        for (DocumentKind k : DocumentKind.values()) {
            if (k.modelsOnly()) {
                continue;
            }
            Renderer.Output o = renderer().render(k, analyse("escaping.yaml", AFTER), options("escaping", AFTER).withDraft(true));
            assertThat(o.refused()).isEmpty();
        }
    }

    @Test
    void filesOfTheTemplatesFolderAreServedAndBrandTheDocuments(@TempDir Path dir) throws Exception {
        Path templates = Files.createDirectory(dir.resolve("templates"));
        Files.write(templates.resolve("logo.png"), png());
        write(templates.resolve("cover-logo.ftlh"), "<div class=\"logo\"><img src=\"logo.png\" style=\"height: 10mm\"/><span>ACME compliance office</span></div>\n");
        write(templates.resolve("brand.css"), "h2 { color: #7a0019; }\n");
        Renderer.Output o = renderWith(templates, DocumentKind.TECHNICAL_DOCUMENTATION);
        assertThat(o.refused()).isEmpty();
        assertThat(images(o.pdf())).isEqualTo(1);
        assertThat(text(o.pdf())).contains("ACME compliance office", "1(a) Intended purpose, provider and version");
        // the bundled templates fill in what the folder lacks
        assertThat(images(renderWith(null, DocumentKind.TECHNICAL_DOCUMENTATION).pdf())).isZero();
    }

    @Test
    void styleSheetImportsResolveInsideTheTemplatesFolderAndPrintNothing(@TempDir Path dir) throws Exception {
        write(dir.resolve("gap-report.ftlh"), """
                <html xmlns="http://www.w3.org/1999/xhtml"><head><title>t</title>
                <link rel="stylesheet" type="text/css" href="a.css"/>
                <style>@import url("b.css");</style></head><body><p class="a">in mono</p><p class="b">in sans</p></body></html>
                """);
        write(dir.resolve("a.css"), "@import \"c.css\";\n");
        write(dir.resolve("c.css"), ".a { font-family: \"Liberation Mono\"; }\n");
        write(dir.resolve("b.css"), ".b { font-family: \"Liberation Sans\"; font-weight: bold; }\n");
        java.io.PrintStream original = System.out;
        java.io.ByteArrayOutputStream captured = new java.io.ByteArrayOutputStream();
        Renderer.Output o;
        System.setOut(new java.io.PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            o = renderWith(dir, DocumentKind.GAP_REPORT);
        } finally {
            System.setOut(original);
        }
        assertThat(captured.toString(StandardCharsets.UTF_8)).isEmpty();
        assertThat(o.refused()).isEmpty();
        assertThat(RenderFixtures.fontNames(o.pdf())).containsExactly("LiberationMono", "LiberationSans-Bold");
    }

    @Test
    void aLinkLeadingOutOfTheTemplatesFolderIsNotFollowed(@TempDir Path dir) throws Exception {
        Path templates = Files.createDirectory(dir.resolve("templates"));
        Path outside = Files.createDirectory(dir.resolve("outside"));
        write(outside.resolve("gap-report.ftlh"), "<html xmlns=\"http://www.w3.org/1999/xhtml\"><body><p>OUTSIDE TEMPLATE</p></body></html>");
        Files.write(outside.resolve("logo.png"), png());
        Files.createSymbolicLink(templates.resolve("gap-report.ftlh"), outside.resolve("gap-report.ftlh"));
        Files.createSymbolicLink(templates.resolve("logo.png"), outside.resolve("logo.png"));
        write(templates.resolve("cover-logo.ftlh"), "<div class=\"logo\"><img src=\"logo.png\"/></div>\n");
        assertThatThrownBy(() -> renderWith(templates, DocumentKind.GAP_REPORT))
                .isInstanceOfSatisfying(RenderException.class, e -> assertThat(e.userError()).isTrue())
                .hasMessageContaining("gap-report.ftlh is a link leading out of the templates folder");
        Files.delete(templates.resolve("gap-report.ftlh"));
        Renderer.Output o = renderWith(templates, DocumentKind.GAP_REPORT);
        String t = text(o.pdf());
        assertThat(t).doesNotContain("OUTSIDE TEMPLATE").contains("1. Classification and legal basis");
        assertThat(images(o.pdf())).isZero();
        assertThat(o.refused()).containsExactly("dossier-template:/logo.png");
    }

    @Test
    void templateErrorsNameTheFileLineAndColumn(@TempDir Path dir) throws Exception {
        write(dir.resolve("gap-report.ftlh"), "<html xmlns=\"http://www.w3.org/1999/xhtml\"><body>\n  <p>${system.noSuchField.x}</p>\n</body></html>\n");
        assertThatThrownBy(() -> renderWith(dir, DocumentKind.GAP_REPORT))
                .isInstanceOfSatisfying(RenderException.class, e -> assertThat(e.userError()).isTrue())
                .hasMessageStartingWith(dir.resolve("gap-report.ftlh") + ":2:8: template error:")
                .hasMessageContaining("system.noSuchField");
        write(dir.resolve("instructions.ftlh"), "<html>\n<#if>\n</html>");
        assertThatThrownBy(() -> renderWith(dir, DocumentKind.INSTRUCTIONS))
                .hasMessageStartingWith(dir.resolve("instructions.ftlh") + ":2:")
                .hasMessageContaining("template syntax error");
    }

    @Test
    void javaIsOutOfReach(@TempDir Path dir) throws Exception {
        write(dir.resolve("gap-report.ftlh"), "${\"freemarker.template.utility.Execute\"?new()(\"id\")}");
        assertThatThrownBy(() -> renderWith(dir, DocumentKind.GAP_REPORT)).isInstanceOf(RenderException.class)
                .hasMessageContaining("gap-report.ftlh:1:");
        write(dir.resolve("gap-report.ftlh"), "${spec?api.getClass()}");
        assertThatThrownBy(() -> renderWith(dir, DocumentKind.GAP_REPORT)).isInstanceOf(RenderException.class)
                .hasMessageContaining("gap-report.ftlh:1:");
        write(dir.resolve("gap-report.ftlh"), "<html>\n  ${system.name?interpret}\n</html>");
        assertThatThrownBy(() -> renderWith(dir, DocumentKind.GAP_REPORT)).isInstanceOf(RenderException.class)
                .hasMessage(dir.resolve("gap-report.ftlh") + ":2:16: ?interpret is not allowed in templates (it would run text from the description as template code)");
        write(dir.resolve("gap-report.ftlh"), "${system.name ? eval}");
        assertThatThrownBy(() -> renderWith(dir, DocumentKind.GAP_REPORT)).hasMessageContaining("?eval is not allowed");
    }

    @Test
    void aTemplateMustProduceWellFormedXhtml(@TempDir Path dir) throws Exception {
        write(dir.resolve("gap-report.ftlh"), "<html xmlns=\"http://www.w3.org/1999/xhtml\"><body><p>a&nbsp;b<br></p></body></html>");
        assertThatThrownBy(() -> renderWith(dir, DocumentKind.GAP_REPORT))
                .isInstanceOfSatisfying(RenderException.class, e -> assertThat(e.userError()).isTrue())
                .hasMessageContaining("produced malformed XHTML");
        write(dir.resolve("gap-report.ftlh"), "<!DOCTYPE html [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><html xmlns=\"http://www.w3.org/1999/xhtml\"><body>&x;</body></html>");
        assertThatThrownBy(() -> renderWith(dir, DocumentKind.GAP_REPORT)).hasMessageContaining("malformed XHTML");
    }

    @Test
    void onlyRelativeAddressesInsideTheTemplatesAreLocal() {
        assertThat(LocalUserAgent.localPath("dossier-template:/document.css")).isEqualTo("document.css");
        assertThat(LocalUserAgent.localPath("dossier-template:/img/logo.png")).isEqualTo("img/logo.png");
        for (String bad : List.of("dossier-template:/../x", "dossier-template:/a/../../x", "dossier-template://host/x", "file:///etc/passwd",
                "http://example.com/x", "dossier-template:/C:/x", "dossier-template:/a\\b", "jar:file:/x.jar!/a")) {
            assertThat(LocalUserAgent.localPath(bad)).as(bad).isNull();
        }
    }
}
