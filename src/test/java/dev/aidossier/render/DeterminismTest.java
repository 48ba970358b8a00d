package dev.aidossier.render;

import dev.aidossier.analysis.Analysis;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static dev.aidossier.render.RenderFixtures.AFTER;
import static dev.aidossier.render.RenderFixtures.analyse;
import static dev.aidossier.render.RenderFixtures.renderer;
import static org.assertj.core.api.Assertions.assertThat;

/** Same input, same bytes: dates, file id and font-subset prefixes are fixed. */
class DeterminismTest {

    static byte[] render(DocumentKind kind, String file, Long epoch) throws RenderException {
        Analysis a = analyse(file, AFTER);
        return renderer().render(kind, a, new RenderOptions("x", AFTER, false, epoch)).pdf();
    }

    @Test
    void twoRendersAreByteIdentical() throws RenderException {
        for (DocumentKind k : DocumentKind.values()) {
            if (k.modelsOnly()) {
                continue; // GpaiDocumentsTest.sameBytesTwice
            }
            // a fresh renderer each time: nothing may depend on what a previous render cached
            assertThat(render(k, "complete.yaml", null)).as(k.id()).isEqualTo(render(k, "complete.yaml", null));
        }
    }

    /**
     * The renderer keeps the data model (and the all-framework analysis) of the description it rendered last
     * on a thread: one renderer alternating between descriptions and dates must give what fresh renderers give.
     */
    @Test
    void aRendererReusedAcrossDescriptionsAndDatesGivesWhatFreshRenderersGive() throws RenderException {
        Renderer shared = renderer();
        Analysis complete = analyse("complete.yaml", AFTER);
        Analysis incomplete = analyse("incomplete.yaml", AFTER);
        Analysis before = analyse("incomplete.yaml", RenderFixtures.BEFORE);
        RenderOptions after = new RenderOptions("x", AFTER, false, null);
        RenderOptions early = new RenderOptions("x", RenderFixtures.BEFORE, false, null);
        for (DocumentKind k : DocumentKind.values()) {
            if (k.modelsOnly()) {
                continue;
            }
            for (int round = 0; round < 2; round++) {
                assertThat(shared.xhtml(k, complete, after)).as(k.id() + " complete").isEqualTo(renderer().xhtml(k, complete, after));
                assertThat(shared.xhtml(k, incomplete, after)).as(k.id() + " incomplete").isEqualTo(renderer().xhtml(k, incomplete, after));
                assertThat(shared.xhtml(k, before, early)).as(k.id() + " earlier date").isEqualTo(renderer().xhtml(k, before, early));
            }
        }
        // and the cached model really differs where the descriptions do
        assertThat(shared.xhtml(DocumentKind.GAP_REPORT, complete, after)).isNotEqualTo(shared.xhtml(DocumentKind.GAP_REPORT, incomplete, after));
    }

    @Test
    void rendersOnSeveralThreadsAreByteIdentical() throws Exception {
        byte[] expected = render(DocumentKind.TECHNICAL_DOCUMENTATION, "incomplete.yaml", null);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<byte[]>> fs = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                fs.add(pool.submit(() -> render(DocumentKind.TECHNICAL_DOCUMENTATION, "incomplete.yaml", null)));
            }
            for (Future<byte[]> f : fs) {
                assertThat(f.get()).isEqualTo(expected);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * The bundled fonts are parsed once and shared by every thread (FontSet): documents of different kinds laid out
     * at once on four threads, each writing its own subsets of the same fonts, give the bytes of one thread alone.
     */
    @Test
    void documentsOfSeveralKindsRenderedAtOnceOverTheSharedFontsAreByteIdentical() throws Exception {
        List<DocumentKind> kinds = List.of(DocumentKind.TECHNICAL_DOCUMENTATION, DocumentKind.GAP_REPORT, DocumentKind.INSTRUCTIONS,
                DocumentKind.DECLARATION);
        java.util.Map<DocumentKind, byte[]> expected = new java.util.EnumMap<>(DocumentKind.class);
        for (DocumentKind k : kinds) {
            expected.put(k, render(k, "complete.yaml", null));
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<byte[]>> fs = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                DocumentKind k = kinds.get(i % kinds.size());
                fs.add(pool.submit(() -> render(k, "complete.yaml", null)));
            }
            for (int i = 0; i < fs.size(); i++) {
                assertThat(fs.get(i).get()).as(kinds.get(i % kinds.size()).id()).isEqualTo(expected.get(kinds.get(i % kinds.size())));
            }
        } finally {
            pool.shutdownNow();
        }
        // the fonts really are shared: two threads' sets hold the very same parsed fonts, each in its own resolver
        FontSet here = FontSet.perThread(List.of()).get();
        ExecutorService other = Executors.newSingleThreadExecutor();
        FontSet there;
        try {
            there = other.submit(() -> FontSet.perThread(List.of()).get()).get();
        } finally {
            other.shutdownNow();
        }
        assertThat(there).isNotSameAs(here);
        assertThat(there.resolver).isNotSameAs(here.resolver);
        assertThat(fonts(there)).hasSize(12).containsExactlyElementsOf(fonts(here));
        for (int i = 0; i < 12; i++) {
            assertThat(fonts(there).get(i)).isSameAs(fonts(here).get(i));
        }
    }

    private static List<com.lowagie.text.pdf.BaseFont> fonts(FontSet set) {
        List<com.lowagie.text.pdf.BaseFont> out = new ArrayList<>();
        for (String family : List.of("Liberation Sans", "Liberation Serif", "Liberation Mono")) {
            set.resolver.getFonts().get(family).getFontDescriptions().forEach(d -> out.add(d.getFont()));
        }
        return out;
    }

    @Test
    void sourceDateEpochSetsTheDatesAndKeepsTheBytesStable() throws Exception {
        byte[] a = render(DocumentKind.GAP_REPORT, "complete.yaml", 1_700_000_000L);
        byte[] b = render(DocumentKind.GAP_REPORT, "complete.yaml", 1_700_000_000L);
        byte[] c = render(DocumentKind.GAP_REPORT, "complete.yaml", 1_700_000_001L);
        assertThat(a).isEqualTo(b);
        assertThat(a).isNotEqualTo(c);
        assertThat(dates(a)).containsExactly(Instant.ofEpochSecond(1_700_000_000L), Instant.ofEpochSecond(1_700_000_000L));
    }

    @Test
    void withoutSourceDateEpochTheDocumentDateIsUsedElseAFixedEpoch() throws Exception {
        assertThat(dates(render(DocumentKind.GAP_REPORT, "complete.yaml", null)))
                .containsExactly(Instant.parse("2026-10-15T00:00:00Z"), Instant.parse("2026-10-15T00:00:00Z"));
        // minimal-risk.yaml has no documentDate
        assertThat(dates(render(DocumentKind.GAP_REPORT, "minimal-risk.yaml", null)))
                .containsExactly(Instant.parse("2000-01-01T00:00:00Z"), Instant.parse("2000-01-01T00:00:00Z"));
    }

    @Test
    void theFileIdDependsOnTheContent() throws Exception {
        assertThat(fileId(render(DocumentKind.GAP_REPORT, "complete.yaml", null)))
                .isEqualTo(fileId(render(DocumentKind.GAP_REPORT, "complete.yaml", null)))
                .isNotEqualTo(fileId(render(DocumentKind.GAP_REPORT, "incomplete.yaml", null)));
    }

    private static List<Instant> dates(byte[] pdf) throws IOException {
        try (PDDocument d = Loader.loadPDF(pdf)) {
            return List.of(d.getDocumentInformation().getCreationDate().toInstant(), d.getDocumentInformation().getModificationDate().toInstant());
        }
    }

    private static String fileId(byte[] pdf) throws IOException {
        try (PDDocument d = Loader.loadPDF(pdf)) {
            return d.getDocument().getDocumentID().toString();
        }
    }
}
