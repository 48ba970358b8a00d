package dev.aidossier.render;

import dev.aidossier.analysis.Analysis;
import org.junit.jupiter.api.Test;

import static dev.aidossier.render.RenderFixtures.AFTER;
import static dev.aidossier.render.RenderFixtures.analyse;
import static dev.aidossier.render.RenderFixtures.options;
import static dev.aidossier.render.RenderFixtures.renderer;
import static dev.aidossier.render.RenderFixtures.text;
import static org.assertj.core.api.Assertions.assertThat;

/** Values that look like markup, template code or XML syntax print literally. */
class EscapingTest {

    @Test
    void markupTemplateCodeAndEntitiesPrintLiterally() throws RenderException {
        for (DocumentKind k : DocumentKind.values()) {
            Analysis a = analyse("escaping.yaml", AFTER);
            if (!Renderer.applies(k, a)) {
                continue; // the model documents: gpai-escaping.yaml below
            }
            Renderer.Output o = renderer().render(k, a, options("escaping", AFTER).withDraft(true));
            String t = text(o.pdf());
            assertThat(t).as(k.id()).contains("Tricky <script>alert('x')</script> & Co ]]> ${7*7}");
            assertThat(t).as(k.id()).doesNotContain("Tricky 49").doesNotContain("${7*7}49");
            assertThat(o.refused()).as(k.id()).isEmpty();
        }
    }

    @Test
    void theModelDocumentsPrintMarkupAndTemplateCodeLiterally() throws RenderException {
        Analysis a = analyse("gpai-escaping.yaml", AFTER);
        for (DocumentKind k : DocumentKind.values()) {
            if (!k.modelsOnly()) {
                continue;
            }
            Renderer.Output o = renderer().render(k, a, options("gpai-escaping", AFTER).withDraft(true));
            String t = text(o.pdf());
            assertThat(t).as(k.id()).contains("Tricky <script>alert('x')</script> & Co ]]> ${7*7}")
                    .doesNotContain("Tricky 49");
            assertThat(o.refused()).as(k.id()).isEmpty();
        }
        String summary = text(renderer().render(DocumentKind.TRAINING_CONTENT_SUMMARY, a, options("gpai-escaping", AFTER)).pdf());
        assertThat(summary).contains("#{1+1} and [#if true]x[/#if] and <#-- comment --> are not interpreted.", "<crawl> & ${x}",
                "Crawled pages <br/> with ]]> inside.", "Top <10> & ${share} of domains.", "tokens &", "<words>",
                "Policy <p>text</p> & ]]> ${policy} here.", "Fetches <pages> & honours robots.txt.");
        String tech = text(renderer().render(DocumentKind.GPAI_TECHNICAL_DOCUMENTATION, a, options("gpai-escaping", AFTER)).pdf());
        assertThat(tech).contains("Template code ${spec.provider.name} and <#include \"/etc/passwd\"> and <@lib.gap f=x/> stay text.",
                "Entities &nbsp; &amp; &#160; &lt; stay text.", "<json> & ]]>", "ACME & Söhne <i>GmbH</i> &amp; &nbsp;");
        assertThat(tech.replace(" ", "")).contains("Markup<imgsrc=\"http://127.0.0.1:9/leak.png\"/>and<ahref=\"file:///etc/passwd\">link</a>staytext.");
    }

    @Test
    void everyTrickyValueOfTheDescription() throws RenderException {
        byte[] pdf = renderer().render(DocumentKind.TECHNICAL_DOCUMENTATION, analyse("escaping.yaml", AFTER), options("escaping", AFTER)).pdf();
        String t = text(pdf);
        assertThat(t).contains("ACME & Söhne <i>GmbH</i> &amp; &nbsp;",
                "Straße 1 ]]> <![CDATA[ x ]]>",
                "Template code ${spec.provider.name} and <#include \"/etc/passwd\"> and <@lib.gap f=x/> stay text.",
                "Entities &nbsp; &amp; &#160; &lt; stay text.",
                "#{1+1} and [#if true]x[/#if] and <#-- comment --> are not interpreted.",
                "First release with <tags> & ampersands.",
                "1.0 <b>bold</b>");
        // long tokens may wrap at their break opportunities: compare without white space
        assertThat(t.replace(" ", "")).contains("Markup<imgsrc=\"http://127.0.0.1:9/leak.png\"/>and<ahref=\"file:///etc/passwd\">link</a>staytext.");
    }

    @Test
    void greekCyrillicAndPolishSurvive() throws RenderException {
        String t = text(renderer().render(DocumentKind.TECHNICAL_DOCUMENTATION, analyse("escaping.yaml", AFTER), options("escaping", AFTER)).pdf());
        assertThat(t).contains("Greek Ελληνικά, Cyrillic Кириллица, Polish zażółć gęślą jaźń.");
    }

    @Test
    void theXhtmlCarriesValuesEscaped() throws RenderException {
        String x = renderer().xhtml(DocumentKind.TECHNICAL_DOCUMENTATION, analyse("escaping.yaml", AFTER), options("escaping", AFTER));
        assertThat(x).contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; Co ]]&gt;")
                .contains("&amp;nbsp;")
                .doesNotContain("<script>")
                .doesNotContain("&nbsp;");
    }

    @Test
    void charactersXmlCannotCarryAreReplaced() {
        assertThat(Plain.xmlSafe("a\u0000b\u0007c\uD800d\uFFFEe\tf\n")).isEqualTo("a\uFFFDb\uFFFDc\uFFFDd\uFFFDe\tf\n");
        assertThat(Plain.xmlSafe("Κ😀")).isEqualTo("Κ😀");
    }

    @Test
    void longTokensGetBreakOpportunitiesAndWordsDoNot() {
        assertThat(Breaks.insert("a short sentence stays as written")).isEqualTo("a short sentence stays as written");
        String url = "https://www.credilens.example/compliance/ai-act/index.html";
        String b = Breaks.insert(url);
        assertThat(b.replace("\u200B", "")).isEqualTo(url);
        assertThat(b).contains("/\u200B");
        String hash = "ed6a52a775e6e6ca52d475c6504f0caaeeca28ad0fddc073a4e03a9926259ab4";
        assertThat(Breaks.insert(hash).split("\u200B")).allMatch(part -> part.length() <= Breaks.CHUNK);
    }
}
