package dev.aidossier.render;

import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a link in a PDF may lead to: a web page ({@code https:}, {@code http:} with a host), an e-mail address
 * ({@code mailto:}) or a place in the same document ({@code #id}). Flying Saucer turns every {@code href} of an
 * {@code <a>} into a link annotation as written, and an {@code onclick} into a JavaScript action; a
 * {@code javascript:}, {@code file:}, {@code data:} or relative link would be opened by the reader's PDF
 * viewer. So every {@code href} of the XHTML (besides a {@code <link>}'s, which names a style sheet the
 * renderer's user agent serves or refuses) must be one of the four, written plainly: no white space or
 * control or invisible characters anywhere (which viewers strip, so {@code " java\tscript:"} would run), and
 * no event handler attribute ({@code on...}) at all.
 */
final class LinkPolicy {
    private LinkPolicy() {
    }

    /** A refused attribute: its name as written, its value, and why. */
    record Refused(String attribute, String value, String reason) {
    }

    /** Every refused link or event handler of the document, in document order; found without recursion. */
    static List<Refused> check(Document dom) {
        List<Refused> out = new ArrayList<>();
        if (dom.getDocumentElement() == null) {
            return out;
        }
        Deque<Node> todo = new ArrayDeque<>();
        todo.push(dom.getDocumentElement());
        while (!todo.isEmpty()) {
            Node n = todo.pop();
            if (n instanceof Element e) {
                String element = local(e);
                NamedNodeMap attrs = e.getAttributes();
                for (int i = 0; i < attrs.getLength(); i++) {
                    Attr a = (Attr) attrs.item(i);
                    String name = local(a).toLowerCase(Locale.ROOT);
                    if (name.startsWith("on")) {
                        out.add(new Refused(a.getName(), a.getValue(), "event handlers (" + a.getName()
                                + ") would become JavaScript in the PDF; documents run no scripts"));
                    } else if (name.equals("href") && !element.equalsIgnoreCase("link")) {
                        String why = refusal(a.getValue());
                        if (why != null) {
                            out.add(new Refused(a.getName(), a.getValue(), why));
                        }
                    }
                }
                // children in document order: push the last first
                List<Node> kids = new ArrayList<>();
                for (Node c = e.getFirstChild(); c != null; c = c.getNextSibling()) {
                    kids.add(c);
                }
                for (int i = kids.size() - 1; i >= 0; i--) {
                    todo.push(kids.get(i));
                }
            }
        }
        return out;
    }

    private static String local(Node n) {
        return n.getLocalName() != null ? n.getLocalName() : n.getNodeName().replaceFirst("^.*:", "");
    }

    /** Null when the link may stand in a PDF, else why not. */
    static String refusal(String href) {
        if (href.isEmpty()) {
            return "an empty link leads nowhere";
        }
        for (int i = 0; i < href.length(); ) {
            int cp = href.codePointAt(i);
            if (cp <= 0x20 || (cp >= 0x7F && cp <= 0xA0) || Character.getType(cp) == Character.FORMAT
                    || Character.isWhitespace(cp) || Character.isSpaceChar(cp) || cp == 0xFFFD) {
                return "it holds a space, control or invisible character (U+" + String.format("%04X", cp)
                        + "), which PDF viewers may drop; write it as %" + String.format("%02X", cp & 0xFF) + " if it belongs in the address";
            }
            i += Character.charCount(cp);
        }
        if (href.startsWith("#")) {
            return href.length() > 1 ? null : "'#' alone names no place; write #id of an element of the document";
        }
        int colon = href.indexOf(':');
        int slash = href.indexOf('/');
        if (colon < 0 || (slash >= 0 && slash < colon)) {
            return "a relative address would be opened as a file beside the PDF; links lead to https:, http:, mailto: or #id";
        }
        String scheme = href.substring(0, colon).toLowerCase(Locale.ROOT);
        URI u;
        try {
            u = new URI(href);
        } catch (URISyntaxException e) {
            return "it is not a well-formed address (" + e.getReason() + ")";
        }
        switch (scheme) {
            case "https", "http" -> {
                if (u.isOpaque() || u.getHost() == null || u.getHost().isEmpty()) {
                    return "a web address needs a host: " + scheme + "://host/...";
                }
                return null;
            }
            case "mailto" -> {
                return u.getSchemeSpecificPart() == null || u.getSchemeSpecificPart().isEmpty() ? "mailto: needs an address" : null;
            }
            default -> {
                return "the scheme '" + dev.aidossier.util.Names.clip(href.substring(0, colon), 30)
                        + ":' is not allowed in a PDF; links lead to https:, http:, mailto: or #id";
            }
        }
    }

    private static final Pattern ATTRIBUTE = Pattern.compile("\\s([A-Za-z_][\\w:.-]*)\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)')");

    /**
     * The offset in the XHTML text where the value of the first attribute with this name and (decoded) value
     * begins, or -1: the place a template wrote it.
     */
    static int offsetOf(String xhtml, String attribute, String value) {
        Matcher m = ATTRIBUTE.matcher(xhtml);
        while (m.find()) {
            if (!m.group(1).equals(attribute)) {
                continue;
            }
            int g = m.group(2) != null ? 2 : 3;
            if (decode(m.group(g)).equals(value)) {
                return m.start(g);
            }
        }
        return -1;
    }

    private static final Pattern REFERENCE = Pattern.compile("&(#[0-9]+|#x[0-9A-Fa-f]+|amp|lt|gt|quot|apos);");

    /** An attribute value as the XML parser reads it: white space normalised, references replaced. */
    static String decode(String raw) {
        String s = raw.replace('\t', ' ').replace('\n', ' ').replace('\r', ' ');
        Matcher m = REFERENCE.matcher(s);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String r = m.group(1);
            String rep = switch (r) {
                case "amp" -> "&";
                case "lt" -> "<";
                case "gt" -> ">";
                case "quot" -> "\"";
                case "apos" -> "'";
                default -> {
                    try {
                        int cp = r.startsWith("#x") ? Integer.parseInt(r.substring(2), 16) : Integer.parseInt(r.substring(1));
                        yield Character.isValidCodePoint(cp) ? new String(Character.toChars(cp)) : m.group();
                    } catch (NumberFormatException e) {
                        yield m.group();
                    }
                }
            };
            m.appendReplacement(sb, Matcher.quoteReplacement(rep));
        }
        m.appendTail(sb);
        return sb.toString();
    }
}
