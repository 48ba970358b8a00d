package dev.aidossier.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.aidossier.analysis.Analysis;
import dev.aidossier.analysis.Engine;
import dev.aidossier.render.DocumentKind;
import dev.aidossier.render.RenderException;
import dev.aidossier.render.RenderLimits;
import dev.aidossier.render.RenderOptions;
import dev.aidossier.render.Renderer;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.interactive.action.PDAction;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionGoTo;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionURI;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import static dev.aidossier.fuzz.FuzzContract.check;

/**
 * Fuzz target "template": a template of the user's put together from pieces the fuzzer picks (loops with and
 * without end, recursion, growing strings, links with every kind of address, markup, FreeMarker built-ins),
 * rendered as the gap report under small limits. Whatever the template, the render ends in a PDF whose links
 * lead only to https:, http:, mailto: or a place of the document, or in a user error (exit 2) whose findings
 * name a place and leak no Java internals; never another exception, an out-of-memory or a stack overflow.
 */
class TemplateFuzzTest {

    private static final Engine ENGINE = FuzzContract.engine(List.of("eu-ai-act"), true);
    private static final LocalDate AS_OF = LocalDate.parse("2028-01-01");
    private static final Analysis ANALYSIS = ENGINE.analyse(Path.of("src/test/resources/render/complete.yaml"), "complete.yaml", AS_OF);
    private static final Path DIR = tempDir();
    private static final RenderLimits LIMITS = new RenderLimits(200_000, Duration.ofMillis(1500));

    private static final List<String> HREFS = List.of("https://example.com/a?b=1&amp;c=2", "http://example.org", "mailto:a@example.com",
            "#top", "#", "javascript:alert(1)", "JaVaScRiPt:alert(1)", "file:///etc/passwd", "data:text/html,x", "ftp://x/y", "x.pdf",
            "../x", "/etc/passwd", "//example.com", "&#9;javascript:x", "java&#10;script:x", "&#x200B;https://x", "https://", "mailto:",
            "vbscript:x", "ms-settings:x", "https://example.com/a b", "${system.name}", "${'java' + 'script:x'}", "");

    private static final List<String> PIECES = List.of(
            "<p>${system.name}</p>", "<h2 id=\"top\">t</h2>", "<#list 1..%d as i><p>${i}</p></#list>", "<#list 1.. as i></#list>",
            "<#list 1.. as i>${i}</#list>", "<#assign s = \"ab\"><#list 1..%d as i><#assign s = s + s></#list>${s?length}",
            "<#macro m n><@m n + 1/></#macro><@m 0/>", "<#function f n><#return f(n + 1)></#function>${f(0)}",
            "<a href=\"%s\">link</a>", "<a href=\"#top\" onclick=\"%s\">x</a>", "<span onmouseover=\"x\">y</span>",
            "<#list 1..%d as i><div></#list><#list 1..%d as i></div></#list>", "${(1..%d)?filter(i -> i %% 7 == 0)?size}",
            "<#attempt><#list 1.. as i></#list><#recover>r</#attempt>", "<table><#list 1..%d as i><tr><td>${i}</td></tr></#list></table>",
            "${\"x\"?left_pad(%d)}", "<#if system??>yes</#if>", "${spec.nothing!\"-\"}", "&#160;", "<br/>");

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("dossier-template-fuzz");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @FuzzTest
    void template(FuzzedDataProvider data) throws IOException {
        StringBuilder t = new StringBuilder("<html xmlns=\"http://www.w3.org/1999/xhtml\"><head><title>t</title></head><body>\n");
        int n = data.consumeInt(1, 6);
        for (int i = 0; i < n; i++) {
            String piece = data.pickValue(PIECES);
            int count = data.consumeInt(1, 100_000);
            String href = data.consumeBoolean() ? data.pickValue(HREFS) : data.consumeString(40).replace("\"", "&quot;").replace("<", "&lt;").replace("&", "&amp;");
            t.append(piece.contains("%s") ? String.format(Locale.ROOT, piece, href) : String.format(Locale.ROOT, piece, count, count)).append('\n');
        }
        t.append("</body></html>\n");
        Files.writeString(DIR.resolve("gap-report.ftlh"), t.toString(), StandardCharsets.UTF_8);
        Renderer renderer;
        try {
            renderer = new Renderer(ENGINE, DIR, "fuzz", null, List.of(), LIMITS);
        } catch (RenderException e) {
            throw new AssertionError("the renderer must accept the folder", e);
        }
        try {
            Renderer.Output o = renderer.render(DocumentKind.GAP_REPORT, ANALYSIS, new RenderOptions("fuzz", AS_OF, false, null));
            check(new String(o.pdf(), 0, 5, StandardCharsets.ISO_8859_1).equals("%PDF-"), "no PDF");
            linksAreAllowed(o.pdf(), t.toString());
        } catch (RenderException e) {
            check(e.userError(), "a template is the user's: " + e.getMessage() + "\n" + t);
            check(!e.getMessage().contains("\tat ") && !e.getMessage().contains("java.lang."), "a Java trace in the message: " + e.getMessage());
            FuzzContract.findingsAreClean(e.findings(), "", 1, t.toString());
        }
    }

    private static void linksAreAllowed(byte[] pdf, String template) throws IOException {
        try (PDDocument d = Loader.loadPDF(pdf)) {
            for (PDPage p : d.getPages()) {
                for (PDAnnotation a : p.getAnnotations()) {
                    if (!(a instanceof PDAnnotationLink l)) {
                        continue;
                    }
                    PDAction act = l.getAction();
                    if (act instanceof PDActionURI u) {
                        String s = u.getURI().toLowerCase(Locale.ROOT);
                        check(s.startsWith("https://") || s.startsWith("http://") || s.startsWith("mailto:"), "a link to " + u.getURI() + " reached the PDF:\n" + template);
                    } else {
                        check(act == null || act instanceof PDActionGoTo, "an action " + act.getClass().getSimpleName() + " reached the PDF:\n" + template);
                    }
                }
            }
        }
    }
}
