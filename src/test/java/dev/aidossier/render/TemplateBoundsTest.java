package dev.aidossier.render;

import dev.aidossier.core.Finding;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.interactive.action.PDAction;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionGoTo;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionURI;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static dev.aidossier.render.RenderFixtures.AFTER;
import static dev.aidossier.render.RenderFixtures.analyse;
import static dev.aidossier.render.RenderFixtures.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A template of the user's is bounded: the size of its output and the processor time of a document (loops
 * with and without output, in the template and in the layout), links that the PDF may hold, and a template
 * that exhausts the memory or the stack. Each is an error at the template's line, never a stack trace.
 */
class TemplateBoundsTest {

    @TempDir
    Path dir;

    private static final String HEAD = "<html xmlns=\"http://www.w3.org/1999/xhtml\"><head><title>t</title></head><body>\n";
    private static final String TAIL = "</body></html>\n";

    private Renderer renderer(RenderLimits limits) throws RenderException {
        return new Renderer(RenderFixtures.ENGINE, dir, "test", RenderFixtures.FRAMEWORKS, List.of(), limits);
    }

    private Renderer.Output render(String template, RenderLimits limits) throws Exception {
        Files.writeString(dir.resolve("gap-report.ftlh"), template, StandardCharsets.UTF_8);
        return renderer(limits).render(DocumentKind.GAP_REPORT, analyse("complete.yaml", AFTER), options("complete", AFTER));
    }

    private RenderException refused(String template, RenderLimits limits) {
        Throwable t = org.assertj.core.api.Assertions.catchThrowable(() -> render(template, limits));
        assertThat(t).isInstanceOf(RenderException.class);
        RenderException e = (RenderException) t;
        assertThat(e.userError()).as(e.getMessage()).isTrue();
        return e;
    }

    private String at(int line, int column) {
        return dir.resolve("gap-report.ftlh") + ":" + line + ":" + column;
    }

    private static RenderLimits limits(long chars, double seconds) {
        return new RenderLimits(chars, Duration.ofNanos((long) (seconds * 1e9)));
    }

    // --- output size ---

    /** A template that writes exactly this many characters of XHTML. */
    private static String ofSize(int chars) {
        int fill = chars - HEAD.length() - TAIL.length() - "<p></p>".length();
        return HEAD + "<p>" + "x".repeat(fill) + "</p>" + TAIL;
    }

    @Test
    void outputOfExactlyTheLimitPassesAndOneMoreCharacterFails() throws Exception {
        int size = 5000;
        assertThatThrownBy(() -> renderer(limits(size, 60)).xhtml(DocumentKind.GAP_REPORT, analyse("complete.yaml", AFTER), options("complete", AFTER)))
                .as("the bundled gap report is larger").hasMessageEndingWith("templates/gap-report.ftlh was stopped: it wrote more XHTML than --max-output-size allows");
        Files.writeString(dir.resolve("gap-report.ftlh"), ofSize(size));
        assertThat(renderer(limits(size, 60)).xhtml(DocumentKind.GAP_REPORT, analyse("complete.yaml", AFTER), options("complete", AFTER)))
                .hasSize(size);
        assertThat(RenderFixtures.text(render(ofSize(size), limits(size, 60)).pdf())).contains("xxxx");
        RenderException e = refused(ofSize(size + 1), limits(size, 60));
        assertThat(e.findings()).extracting(Finding::toText).containsExactly(at(1, 1) + ": error [render.output-limit] the template wrote more than "
                + size + " characters of XHTML, the limit of --max-output-size (a #list or macro without end? raise the limit if the document is really this large)");
        assertThat(e.getMessage()).isEqualTo(dir.resolve("gap-report.ftlh") + " was stopped: it wrote more XHTML than --max-output-size allows");
    }

    @Test
    void aLoopThatWritesWithoutEndStopsAtTheSizeLimitAtItsLine() {
        RenderException e = refused(HEAD + "<#list 1.. as i>\n  <p>${i}</p>\n</#list>\n" + TAIL, limits(100_000, 60));
        assertThat(e.findings()).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("render.output-limit");
            assertThat(f.location().toString()).startsWith(dir.resolve("gap-report.ftlh") + ":").matches(".*:(2|3):\\d+");
        });
    }

    // --- time ---

    @Test
    void aLoopWithoutOutputStopsAtTheTimeLimitAtItsLine() {
        long t0 = System.nanoTime();
        RenderException e = refused(HEAD + "<#assign n = 0>\n<#list 1.. as i>\n<#assign n = n + 1>\n</#list>\n" + TAIL, limits(1_000_000, 0.3));
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).as("wall time, on a loaded machine").isLessThan(Duration.ofSeconds(180));
        // the loop (3:1, where each iteration starts) or the instruction in it (4:1)
        assertThat(e.findings()).singleElement().satisfies(f -> {
            assertThat(f.location().toString()).isIn(at(3, 1), at(4, 1));
            assertThat(f.toText()).contains(": error [render.timeout] the template was still running after 0.3 s of processor time, the limit of --render-timeout");
        });
        assertThat(e.getMessage()).endsWith("was stopped: it ran longer than --render-timeout allows");
    }

    @Test
    void anEmptyLoopStopsToo() {
        // no instruction in the body: the check FreeMarker's interruption support inserts is what runs
        RenderException e = refused(HEAD + "<#list 1.. as i></#list>\n" + TAIL, limits(1_000_000, 0.3));
        assertThat(e.findings()).extracting(Finding::ruleId).containsExactly("render.timeout");
        assertThat(e.findings().get(0).location().toString()).startsWith(at(2, 1).replaceFirst(":1$", ":"));
    }

    @Test
    void aLoopWithOutputStopsAtTheTimeLimit() {
        RenderException e = refused(HEAD + "<#list 1.. as i>${i % 2}<#if i % 1000 == 0>\n</#if></#list>\n" + TAIL, limits(Long.MAX_VALUE, 0.3));
        assertThat(e.findings()).extracting(Finding::ruleId).containsExactly("render.timeout");
    }

    @Test
    void aRecursiveFunctionWithoutEndStopsAtTheTimeLimitOrTheStack() {
        RenderException e = refused(HEAD + "<#function f n><#return f(n + 1)></#function>\n${f(0)}\n" + TAIL, limits(1_000_000, 2));
        assertThat(e.findings()).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isIn("render.recursion", "render.timeout");
            assertThat(f.location().file()).isEqualTo(dir.resolve("gap-report.ftlh").toString());
            assertThat(f.location().line()).isIn(2, 3);
        });
    }

    @Test
    void aDocumentWellWithinTheTimeLimitRenders() throws Exception {
        Renderer.Output o = render(HEAD + "<#list 1..2000 as i><p>${i}</p></#list>\n" + TAIL, limits(1_000_000, 30));
        assertThat(RenderFixtures.text(o.pdf())).contains("1999", "2000");
    }

    @Test
    void theLayoutIsTimedToo() {
        // small output per character of template, but much to lay out: the budget runs out in Flying Saucer
        RenderException e = refused(HEAD + "<#list 1..20000 as i><table><tr><td>${i}</td><td>cell</td></tr></table></#list>\n" + TAIL,
                limits(10_000_000, 0.3));
        assertThat(e.findings()).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("render.timeout");
            assertThat(f.message()).satisfiesAnyOf(m -> assertThat(m).startsWith("laying out the "), m -> assertThat(m).startsWith("the template was still running"));
        });
    }

    // --- memory and stack ---

    // a string doubled without end (render.memory) is a case of the bad-input corpus, run in a small heap of its own

    @Test
    void anInstructionThatCannotBeInterruptedEndsTheCommandAtTheTimeLimit() throws IOException {
        // a built-in over a huge sequence is one instruction that never reaches a check: the watchdog of the
        // command line ends the process, with the error at the template's line and nothing written
        writeTemplate(dir, HEAD + "<p>${(1..2000000000)?filter(i -> i < 0)?size}</p>\n" + TAIL);
        Path out = dir.resolveSibling(dir.getFileName() + "-out");
        dev.aidossier.TestSupport.Run r = dev.aidossier.TestSupport.runProcess(List.of("-Xmx256m"), List.of("render", "--as-of", "2028-01-01",
                "--doc", "gap-report", "--templates", dir.toString(), "--render-timeout", "0.5", "-o", out.toString(),
                RenderFixtures.resource("complete.yaml").toString()));
        assertThat(r.exit()).as(r.toString()).isEqualTo(2);
        assertThat(r.err()).as(r.toString()).startsWith(at(2, 4) + ": error [render.timeout] the template was still running after 0.5 s of processor time,"
                + " the limit of --render-timeout, in one instruction that cannot be interrupted")
                .endsWith("dossier: " + dir.resolve("gap-report.ftlh") + " was stopped: it ran longer than --render-timeout allows; nothing was written\n")
                .doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(out).doesNotExist();
    }

    @Test
    void aMacroThatCallsItselfIsARecursionErrorAtItsLine() {
        RenderException e = refused(HEAD + "<#macro m>\n<@m/>\n</#macro>\n<@m/>\n" + TAIL, limits(1_000_000, 600));
        assertThat(e.findings()).extracting(Finding::toText).singleElement().asString()
                .startsWith(dir.resolve("gap-report.ftlh") + ":").contains("error [render.recursion] macros or functions call each other too deeply");
        assertThat(e.findings().get(0).location().line()).isIn(3, 5);
    }

    // --- links ---

    @Test
    void allowedLinksReachThePdfAndNothingElse() throws Exception {
        Renderer.Output o = render(HEAD + """
                <h2 id="top">Top</h2>
                <p><a href="https://example.com/a?b=c&amp;d=e">web</a> <a href="http://example.org/">plain web</a>
                <a href="mailto:compliance@example.com?subject=Dossier">mail</a> <a href="#top">up</a>
                <a href="HTTPS://EXAMPLE.NET/">upper</a></p>
                """ + TAIL, RenderLimits.DEFAULT);
        List<String> uris = new ArrayList<>();
        int gotos = 0;
        try (PDDocument d = Loader.loadPDF(o.pdf())) {
            for (PDPage p : d.getPages()) {
                for (PDAnnotation a : p.getAnnotations()) {
                    assertThat(a).isInstanceOf(PDAnnotationLink.class);
                    PDAction act = ((PDAnnotationLink) a).getAction();
                    if (act instanceof PDActionURI u) {
                        uris.add(u.getURI());
                    } else if (act instanceof PDActionGoTo || act == null && ((PDAnnotationLink) a).getDestination() != null) {
                        gotos++;
                    } else {
                        throw new AssertionError("unexpected action " + act);
                    }
                }
            }
        }
        assertThat(uris).containsExactly("https://example.com/a?b=c&d=e", "http://example.org/", "mailto:compliance@example.com?subject=Dossier",
                "HTTPS://EXAMPLE.NET/");
        assertThat(gotos).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"javascript:alert(1)", "JaVaScRiPt:alert(1)", "file:///etc/passwd", "data:text/html,x", "ftp://example.com/x",
            "evidence/report.pdf", "../report.pdf", "/etc/passwd", "report.pdf#page=2", "vbscript:x", "x-unknown:thing", "#",
            "https:/example.com", "http://", "mailto:", "&#9;javascript:alert(1)", " https://example.com/", "java&#10;script:alert(1)",
            "&#x200B;javascript:alert(1)", "https://example.com/a b", "//example.com/x"})
    void everyOtherLinkIsRefusedAtTheTemplateLineThatWroteIt(String href) {
        RenderException e = refused(HEAD + "<p>before</p>\n<p>see <a href=\"" + href + "\">here</a></p>\n" + TAIL, RenderLimits.DEFAULT);
        assertThat(e.findings()).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("render.link");
            assertThat(f.location().toString()).isEqualTo(at(3, 17));
            assertThat(f.message()).startsWith("href='").contains("' is refused: ");
        });
        assertThat(e.getMessage()).endsWith("was not rendered: 1 link or event handler the PDF may not hold (links lead to https:, http:, mailto: or #id of the document)");
    }

    @Test
    void aComputedLinkIsRefusedAtItsInterpolation() {
        RenderException e = refused(HEAD + "<#assign target = \"java\" + \"script:alert(1)\">\n<#list 1..2 as i>\n<p><a href=\"${target}\">x</a></p>\n</#list>\n" + TAIL,
                RenderLimits.DEFAULT);
        assertThat(e.findings()).hasSize(2).allSatisfy(f -> assertThat(f.toText()).isEqualTo(at(4, 13)
                + ": error [render.link] href='javascript:alert(1)' is refused: the scheme 'javascript:' is not allowed in a PDF; links lead to https:, http:, mailto: or #id"));
    }

    @Test
    void eventHandlersAreRefused() {
        RenderException e = refused(HEAD + "<h2 id=\"top\">t</h2>\n<p><a href=\"#top\" onclick=\"app.alert(1)\">up</a></p>\n" + TAIL, RenderLimits.DEFAULT);
        assertThat(e.findings()).extracting(Finding::toText).containsExactly(at(3, 28)
                + ": error [render.link] onclick='app.alert(1)' is refused: event handlers (onclick) would become JavaScript in the PDF; documents run no scripts");
    }

    @Test
    void theBundledTemplatesLinkOnlyInsideTheirDocuments() throws Exception {
        dev.aidossier.analysis.Analysis model = dev.aidossier.TestSupport.euEngine().analyse(
                dev.aidossier.TestSupport.examples().resolve("gpai-frontier-model.yaml"), "gpai-frontier-model.yaml", AFTER);
        for (DocumentKind k : DocumentKind.values()) {
            // the documents of a general-purpose AI model from the model example, the others from an AI system
            Renderer.Output o = k.modelsOnly()
                    ? RenderFixtures.renderer().render(k, model, options("gpai-frontier-model", AFTER).withDraft(true))
                    : RenderFixtures.renderer().render(k, analyse("complete.yaml", AFTER), options("complete", AFTER).withDraft(true));
            try (PDDocument d = Loader.loadPDF(o.pdf())) {
                for (PDPage p : d.getPages()) {
                    for (PDAnnotation a : p.getAnnotations()) {
                        assertThat(((PDAnnotationLink) a).getAction()).as(k.id()).isNotInstanceOf(PDActionURI.class);
                    }
                }
            }
        }
    }

    @Test
    void linkPolicyInWords() {
        assertThat(LinkPolicy.refusal("https://example.com")).isNull();
        assertThat(LinkPolicy.refusal("mailto:a@example.com")).isNull();
        assertThat(LinkPolicy.refusal("#a")).isNull();
        assertThat(LinkPolicy.refusal("javascript:x")).isEqualTo("the scheme 'javascript:' is not allowed in a PDF; links lead to https:, http:, mailto: or #id");
        assertThat(LinkPolicy.refusal("\u0001javascript:x")).startsWith("it holds a space, control or invisible character (U+0001)");
        assertThat(LinkPolicy.refusal("report.pdf")).startsWith("a relative address would be opened as a file beside the PDF");
        assertThat(LinkPolicy.decode("a&#x41;&amp;&#66;\tb")).isEqualTo("aA&B b");
    }

    @Test
    void packStopsAHostileTemplateWithTheSameErrorAndWritesNoPack() throws IOException {
        writeTemplate(dir, HEAD + "<p><a href=\"file:///etc/passwd\">x</a></p>\n" + TAIL);
        Path out = dir.resolveSibling(dir.getFileName() + "-packs");
        dev.aidossier.TestSupport.Run r = dev.aidossier.TestSupport.run("pack", "--as-of", "2028-01-01", "--templates", dir.toString(),
                "-o", out.toString(), RenderFixtures.resource("complete.yaml").toString());
        assertThat(r.exit()).as(r.toString()).isEqualTo(2);
        assertThat(r.out()).as(r.toString()).contains("NOT WRITTEN: cannot render: " + dir.resolve("gap-report.ftlh") + " was not rendered: 1 link")
                .contains(at(2, 13) + ": error [render.link] href='file:///etc/passwd' is refused: the scheme 'file:' is not allowed in a PDF");
        assertThat(out.resolve("complete")).doesNotExist();
        writeTemplate(dir, HEAD + "<#list 1.. as i></#list>\n" + TAIL);
        // one document at a time, and time enough for the bundled ones (the collector's time counts too)
        r = dev.aidossier.TestSupport.run("pack", "--as-of", "2028-01-01", "--templates", dir.toString(), "--render-timeout", "4", "--jobs", "1",
                "-o", out.toString(), RenderFixtures.resource("complete.yaml").toString());
        assertThat(r.exit()).as(r.toString()).isEqualTo(2);
        assertThat(r.out()).as(r.toString()).contains(at(2, 1) + ": error [render.timeout] the template was still running after 4 s of processor time");
        assertThat(out.resolve("complete")).doesNotExist();
    }

    @Test
    void badLimitsAreUsageErrors() {
        for (String[] a : new String[][]{{"--max-output-size", "0", "--max-output-size must be at least 1, not 0"},
                {"--render-timeout", "0", "--render-timeout must be more than 0 and at most 86400 seconds, not 0"},
                {"--render-timeout", "-1", "--render-timeout must be more than 0"},
                {"--render-timeout", "0.0001", "--render-timeout must be at least 0.001 seconds, not 0.0001"}}) {
            dev.aidossier.TestSupport.Run r = dev.aidossier.TestSupport.run("render", a[0], a[1], "--doc", "gap-report", "-o", dir.resolve("o").toString(),
                    RenderFixtures.resource("complete.yaml").toString());
            assertThat(r.exit()).as(r.toString()).isEqualTo(2);
            assertThat(r.err()).as(r.toString()).contains(a[2]);
        }
    }

    @Test
    void limitsAreStatedInSeconds() {
        assertThat(limits(1, 0.5).timeoutText()).isEqualTo("0.5");
        assertThat(RenderLimits.DEFAULT.timeoutText()).isEqualTo("120");
        assertThat(RenderLimits.DEFAULT.maxOutputChars()).isEqualTo(16L * 1024 * 1024);
    }

    static void writeTemplate(Path dir, String text) throws IOException {
        Files.writeString(dir.resolve("gap-report.ftlh"), text, StandardCharsets.UTF_8);
    }
}
