package dev.aidossier.render;

import dev.aidossier.TestSupport;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The brand hooks of --templates (examples/brand: a brand.css and a cover-logo.ftlh with a PNG): the logo is on
 * every cover, the colours replace the bundled ones, and the documents stay PDF/A-3B, an alpha-channel logo too.
 */
class BrandingTest {

    static final Path CV = TestSupport.examples().resolve("cv-screening.yaml");
    static final Path BRAND = TestSupport.examples().resolve("brand");
    static final int BRAND_GREEN = 0x006d5b;
    static final int BUNDLED_NAVY = 0x0d2a4a;

    static byte[] render(Path templates, Path dir, String doc) throws IOException {
        List<String> args = new ArrayList<>(List.of("render", CV.toString(), "--doc", doc, "-o", dir.toString()));
        if (templates != null) {
            args.addAll(List.of("--templates", templates.toString()));
        }
        TestSupport.Run r = TestSupport.run(args.toArray(String[]::new));
        assertThat(r.exit()).as(r.toString()).isZero();
        return Files.readAllBytes(dir.resolve("cv-screening-" + doc + ".pdf"));
    }

    /** The images drawn on a page, as width x height. */
    static List<String> images(PDPage page) throws IOException {
        List<String> out = new ArrayList<>();
        for (COSName n : page.getResources().getXObjectNames()) {
            PDXObject x = page.getResources().getXObject(n);
            if (x instanceof PDImageXObject img) {
                out.add(img.getWidth() + "x" + img.getHeight());
            }
        }
        return out;
    }

    /** Pixels of the page within a small distance of the colour. */
    static int pixels(BufferedImage img, int rgb) {
        int n = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int p = img.getRGB(x, y);
                if (Math.abs(((p >> 16) & 0xff) - ((rgb >> 16) & 0xff)) <= 6 && Math.abs(((p >> 8) & 0xff) - ((rgb >> 8) & 0xff)) <= 6
                        && Math.abs((p & 0xff) - (rgb & 0xff)) <= 6) {
                    n++;
                }
            }
        }
        return n;
    }

    /** Every document with the brand of examples/brand: the logo on its cover, and PDF/A-3B as veraPDF judges it. */
    @Test
    void theLogoIsOnEveryCoverAndEveryDocumentStaysPdfA3b(@TempDir Path dir) throws Exception {
        TestSupport.Run r = TestSupport.run("render", CV.toString(), "--doc", "all", "--templates", BRAND.toString(), "-o", dir.toString());
        assertThat(r.exit()).as(r.toString()).isZero();
        for (String doc : List.of("technical-documentation", "declaration", "instructions", "passport", "interoperability-plan", "gap-report")) {
            byte[] pdf = Files.readAllBytes(dir.resolve("cv-screening-" + doc + ".pdf"));
            try (PDDocument d = Loader.loadPDF(pdf)) {
                assertThat(images(d.getPage(0))).as(doc + " cover").containsExactly("520x120");
                assertThat(images(d.getPage(1))).as(doc + " page 2").isEmpty();
            }
            PdfAComplianceTest.assertPdfA3b(doc + " with --templates examples/brand", pdf);
        }
    }

    @Test
    void theColoursAreTheBrands(@TempDir Path dir) throws IOException {
        byte[] branded = render(BRAND, dir, "technical-documentation");
        byte[] plain = render(null, dir.resolve("plain"), "technical-documentation");
        try (PDDocument b = Loader.loadPDF(branded); PDDocument p = Loader.loadPDF(plain)) {
            assertThat(images(p.getPage(0))).isEmpty();
            BufferedImage bc = new PDFRenderer(b).renderImageWithDPI(0, 50);
            BufferedImage pc = new PDFRenderer(p).renderImageWithDPI(0, 50);
            // the title and the logo in the brand's green; no heading left in the bundled navy
            assertThat(pixels(bc, BRAND_GREEN)).isGreaterThan(500);
            assertThat(pixels(bc, BUNDLED_NAVY)).isLessThan(20);
            assertThat(pixels(pc, BRAND_GREEN)).isZero();
            assertThat(pixels(pc, BUNDLED_NAVY)).isGreaterThan(100);
        }
    }

    /** A logo with an alpha channel brings a soft mask, which PDF/A-3 allows with the sRGB output intent. */
    @Test
    void aTransparentLogoKeepsPdfA3b(@TempDir Path dir) throws Exception {
        Path templates = Files.createDirectories(dir.resolve("templates"));
        BufferedImage logo = new BufferedImage(200, 60, BufferedImage.TYPE_INT_ARGB);
        java.awt.Graphics2D g = logo.createGraphics();
        g.setColor(new java.awt.Color(0x00, 0x6d, 0x5b, 160));
        g.fillOval(0, 0, 60, 60);
        g.dispose();
        javax.imageio.ImageIO.write(logo, "png", templates.resolve("logo.png").toFile());
        Files.writeString(templates.resolve("cover-logo.ftlh"), "<div class=\"logo\"><img src=\"logo.png\" style=\"height: 10mm\"/></div>\n");
        byte[] pdf = render(templates, dir.resolve("out"), "technical-documentation");
        try (PDDocument d = Loader.loadPDF(pdf)) {
            PDImageXObject img = (PDImageXObject) d.getPage(0).getResources().getXObject(d.getPage(0).getResources().getXObjectNames().iterator().next());
            assertThat(img.getCOSObject().getDictionaryObject(COSName.SMASK)).as("the alpha channel as a soft mask").isNotNull();
        }
        PdfAComplianceTest.assertPdfA3b("technical documentation with a transparent PNG logo", pdf);
    }
}
