package dev.aidossier.render;

import org.w3c.dom.Element;
import org.xhtmlrenderer.css.sheet.StylesheetInfo;
import org.xhtmlrenderer.simple.extend.XhtmlNamespaceHandler;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Gives every style sheet an absolute {@code dossier-template:} address. Flying Saucer names a linked
 * style sheet by its raw {@code href} and an inline one by a private name; an {@code @import} inside
 * either is then resolved against a relative address, which Flying Saucer reports on standard output
 * (and which would resolve against nothing). With absolute addresses, imports resolve against the
 * templates folder like every other resource, and the output stays clean.
 */
final class LocalNamespaceHandler extends XhtmlNamespaceHandler {
    private final AtomicInteger inline = new AtomicInteger();
    private final RenderBudget budget;

    /** The budget is checked as elements are styled and laid out (Flying Saucer asks for each element's id and class). */
    LocalNamespaceHandler(RenderBudget budget) {
        this.budget = budget;
    }

    @Override
    public String getID(Element e) {
        budget.check();
        return super.getID(e);
    }

    @Override
    public String getClass(Element e) {
        budget.check();
        return super.getClass(e);
    }

    @Override
    protected StylesheetInfo readLinkElement(Element e) {
        StylesheetInfo i = super.readLinkElement(e);
        return i == null ? null : new StylesheetInfo(i.getOrigin(), absolute(i.getUri()), i.getMedia(), i.getContent().orElse(null));
    }

    @Override
    protected StylesheetInfo readStyleElement(Element e) {
        StylesheetInfo i = super.readStyleElement(e);
        return i == null ? null : new StylesheetInfo(i.getOrigin(), LocalUserAgent.BASE + "inline-style-" + inline.incrementAndGet() + ".css",
                i.getMedia(), i.getContent().orElse(null));
    }

    private static String absolute(String uri) {
        if (uri == null) {
            return null;
        }
        try {
            return new URI(LocalUserAgent.BASE).resolve(new URI(uri.strip())).toString();
        } catch (URISyntaxException | IllegalArgumentException e) {
            return uri; // refused by the user agent
        }
    }
}
