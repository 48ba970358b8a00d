package dev.aidossier.render;

import dev.aidossier.analysis.Frameworks;
import dev.aidossier.TestSupport;
import dev.aidossier.analysis.Engine;
import dev.aidossier.analysis.Analysis;
import dev.aidossier.cli.Main;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineNode;
import org.apache.pdfbox.text.PDFTextStripper;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** Shared fixtures of the render tests: the engine, the test descriptions, and reading PDFs back. */
final class RenderFixtures {
    /** A date on which the high-risk obligations apply, so Annex IV findings are failed, not upcoming. */
    static final LocalDate AFTER = LocalDate.parse("2028-01-01");
    /** A date before they apply: Annex IV findings are upcoming. */
    static final LocalDate BEFORE = LocalDate.parse("2026-11-23");

    static final Engine ENGINE = engine();
    /** Every bundled pack and the crosswalk: what the passport and the interoperability plan are judged against. */
    static final Frameworks FRAMEWORKS = TestSupport.frameworks();

    private RenderFixtures() {
    }

    private static Engine engine() {
        return TestSupport.euEngine();
    }

    static Path resource(String name) {
        try {
            return Path.of(RenderFixtures.class.getResource("/render/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Analysis analyse(String name, LocalDate asOf) {
        Path p = resource(name);
        return ENGINE.analyse(p, name, asOf);
    }

    static Renderer renderer() {
        return renderer(null);
    }

    static Renderer renderer(Path templates) {
        try {
            return new Renderer(ENGINE, templates, "test", FRAMEWORKS);
        } catch (RenderException e) {
            throw new IllegalStateException(e);
        }
    }

    static RenderOptions options(String stem, LocalDate asOf) {
        return new RenderOptions(stem, asOf, false, null);
    }

    static byte[] render(DocumentKind kind, String description, LocalDate asOf) throws RenderException {
        return render(kind, description, asOf, false);
    }

    static byte[] render(DocumentKind kind, String description, LocalDate asOf, boolean draft) throws RenderException {
        Analysis a = analyse(description, asOf);
        String stem = description.replaceFirst("\\.yaml$", "");
        return renderer().render(kind, a, options(stem, asOf).withDraft(draft)).pdf();
    }

    /** The text of the whole PDF with break opportunities (U+200B) removed and white space collapsed. */
    static String text(byte[] pdf) {
        return String.join(" ", pages(pdf));
    }

    /** The text of each page, normalised like {@link #text}. */
    static List<String> pages(byte[] pdf) {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            List<String> out = new ArrayList<>();
            PDFTextStripper s = new PDFTextStripper();
            for (int i = 1; i <= doc.getNumberOfPages(); i++) {
                s.setStartPage(i);
                s.setEndPage(i);
                out.add(normalise(s.getText(doc)));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String normalise(String s) {
        return s.replace("\u200B", "").replace('\u00A0', ' ').replaceAll("\\s+", " ").strip();
    }

    /** Outline titles, depth-first, each prefixed by two spaces per level below the top. */
    static List<String> outline(byte[] pdf) {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            List<String> out = new ArrayList<>();
            if (doc.getDocumentCatalog().getDocumentOutline() != null) {
                walk(doc.getDocumentCatalog().getDocumentOutline(), 0, out);
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void walk(PDOutlineNode node, int depth, List<String> out) {
        for (PDOutlineItem item : node.children()) {
            out.add("  ".repeat(depth) + normalise(item.getTitle()));
            walk(item, depth + 1, out);
        }
    }

    /** Font base names (subset prefix included) → embedded?, over every page. */
    static Map<String, Boolean> fonts(byte[] pdf) {
        Map<String, Boolean> out = new LinkedHashMap<>();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            for (PDPage page : doc.getPages()) {
                PDResources r = page.getResources();
                for (COSName n : r.getFontNames()) {
                    PDFont f = r.getFont(n);
                    boolean embedded = f instanceof PDType0Font t0 ? t0.getDescendantFont().isEmbedded() : f.isEmbedded();
                    out.put(f.getName(), embedded);
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Font names without their subset prefix, e.g. LiberationSerif-BoldItalic. */
    static TreeSet<String> fontNames(byte[] pdf) {
        TreeSet<String> out = new TreeSet<>();
        fonts(pdf).keySet().forEach(n -> out.add(n.replaceFirst("^[A-Z]{6}\\+", "")));
        return out;
    }

    /** Runs the command line in this JVM. */
    record Run(int code, String out, String err) {
    }

    /**
     * The text drawn past the right margin of an A4 page of {@code document.css} (18 mm), as "page: text", one
     * entry per run of text that crosses it: empty when every word stays inside its page.
     */
    /**
     * The English catalogue's texts under the keys {@code keys} accepts, cut at their placeholders, whitespace
     * folded: each fragment of at least 16 characters and {@code minWords} words, which a document in another
     * language must not show.
     */
    static List<String> englishFragments(java.util.function.Predicate<String> keys, int minWords) {
        List<String> out = new java.util.ArrayList<>();
        for (Map.Entry<String, Object> e : Catalogues.get("en").messages().entrySet()) {
            if (!keys.test(e.getKey())) {
                continue;
            }
            Object v = e.getValue();
            List<String> texts = v instanceof Map<?, ?> m ? m.values().stream().map(String::valueOf).toList() : List.of(String.valueOf(v));
            for (String s : texts) {
                for (String fragment : s.split("\\{[A-Za-z]+\\}")) {
                    String f = fragment.strip().replaceAll("\\s+", " ");
                    if (f.length() >= 16 && f.split(" ").length >= minWords) {
                        out.add(f);
                    }
                }
            }
        }
        return out;
    }

    static List<String> pastTheRightMargin(byte[] pdf) throws IOException {
        try (PDDocument d = Loader.loadPDF(pdf)) {
            List<String> outside = new ArrayList<>();
            float right = d.getPage(0).getMediaBox().getWidth() - 18f * 72f / 25.4f;
            PDFTextStripper s = new PDFTextStripper() {
                @Override
                protected void writeString(String text, List<org.apache.pdfbox.text.TextPosition> positions) {
                    for (org.apache.pdfbox.text.TextPosition p : positions) {
                        if (p.getXDirAdj() + p.getWidthDirAdj() > right + 1f) {
                            outside.add(getCurrentPageNo() + ": " + text);
                            return;
                        }
                    }
                }
            };
            s.getText(d);
            return outside;
        }
    }

    static Run cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Run(code, out.toString(), err.toString());
    }
}
