package dev.aidossier.render;

import com.lowagie.text.pdf.BaseFont;
import dev.aidossier.core.Finding;
import dev.aidossier.core.Location;
import dev.aidossier.load.YNode;
import dev.aidossier.load.YPath;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.Text;
import org.xhtmlrenderer.pdf.ITextFSFont;
import org.xhtmlrenderer.pdf.ITextOutputDevice;
import org.xhtmlrenderer.render.FSFont;
import org.xhtmlrenderer.render.JustificationInfo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Characters the fonts cannot draw. OpenPDF leaves out, without a word, every character the font in use has
 * no glyph for, so a Chinese or Arabic name would print as nothing. Two things prevent that:
 *
 * <ul>
 *   <li>{@link #useFallbacks}: before layout, runs of characters the bundled fonts lack are put into spans set
 *       in the first {@code --font} family that has them;
 *   <li>{@link CheckingDevice}: while the PDF is drawn, every character is checked against the font it is
 *       drawn with (the font actually in use, whatever the templates chose); those without a glyph are
 *       collected, and {@link #missing} turns them into findings at the places of the description that hold
 *       them, so the render fails instead of printing blanks.
 * </ul>
 */
final class Glyphs {
    private Glyphs() {
    }

    /** Characters drawn as nothing on purpose: controls, format characters (bidi, zero-width), spaces, variation selectors. */
    static boolean ignorable(int cp) {
        int t = Character.getType(cp);
        return t == Character.CONTROL || t == Character.FORMAT || t == Character.SPACE_SEPARATOR
                || t == Character.LINE_SEPARATOR || t == Character.PARAGRAPH_SEPARATOR
                || (cp >= 0xFE00 && cp <= 0xFE0F) || (cp >= 0xE0100 && cp <= 0xE01EF);
    }

    /**
     * Puts every run of characters that the bundled fonts lack and a user font has into a
     * {@code <span style="font-family: 'dossier-font-N'">}. White space and ignorable characters join the run
     * they are in, so a phrase stays one span.
     */
    static void useFallbacks(Document dom, FontSet fonts) {
        if (fonts.fallbacks.isEmpty() || dom.getDocumentElement() == null) {
            return;
        }
        List<Text> texts = new ArrayList<>();
        collect(dom.getDocumentElement(), texts);
        for (Text t : texts) {
            wrap(t, fonts);
        }
    }

    private static void collect(Node n, List<Text> out) {
        for (Node c = n.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (c instanceof Text t && c.getNodeType() == Node.TEXT_NODE) {
                out.add(t);
            } else if (c instanceof Element e) {
                String name = e.getLocalName() == null ? e.getTagName() : e.getLocalName();
                if (!name.equalsIgnoreCase("head") && !name.equalsIgnoreCase("style") && !name.equalsIgnoreCase("script")) {
                    collect(e, out);
                }
            }
        }
    }

    private static void wrap(Text t, FontSet fonts) {
        String s = t.getData();
        // which fallback each code point goes to: -1 the bundled fonts, else the index in fonts.fallbacks
        int n = s.length();
        int[] target = new int[n];
        boolean any = false;
        int current = -1;
        for (int i = 0; i < n; ) {
            int cp = s.codePointAt(i);
            int k = Character.charCount(cp);
            int g;
            if (ignorable(cp)) {
                g = current;
            } else if (fonts.bundledCovers(cp)) {
                g = -1;
            } else {
                g = -1;
                for (int f = 0; f < fonts.fallbacks.size(); f++) {
                    if (fonts.fallbacks.get(f).covers(cp)) {
                        g = f;
                        break;
                    }
                }
            }
            for (int j = 0; j < k; j++) {
                target[i + j] = g;
            }
            any |= g >= 0;
            current = g;
            i += k;
        }
        if (!any) {
            return;
        }
        Node parent = t.getParentNode();
        Document dom = t.getOwnerDocument();
        String ns = parent.getNamespaceURI();
        int start = 0;
        while (start < n) {
            int end = start;
            while (end < n && target[end] == target[start]) {
                end++;
            }
            String part = s.substring(start, end);
            Node piece;
            if (target[start] < 0) {
                piece = dom.createTextNode(part);
            } else {
                Element span = ns == null ? dom.createElement("span") : dom.createElementNS(ns, "span");
                span.setAttribute("style", "font-family: '" + fonts.fallbacks.get(target[start]).cssFamily() + "'");
                span.appendChild(dom.createTextNode(part));
                piece = span;
            }
            parent.insertBefore(piece, t);
            start = end;
        }
        parent.removeChild(t);
    }

    /** The output device that notes every character drawn with a font that has no glyph for it. */
    static final class CheckingDevice extends ITextOutputDevice {
        private final Set<Integer> missing = new LinkedHashSet<>();
        private BaseFont font;
        private final RenderBudget budget;

        CheckingDevice(float dotsPerPoint, RenderBudget budget) {
            super(dotsPerPoint);
            this.budget = budget;
        }

        @Override
        public void setFont(FSFont f) {
            super.setFont(f);
            font = f instanceof ITextFSFont it && it.getFontDescription() != null ? it.getFontDescription().getFont() : null;
        }

        @Override
        public void drawString(String s, float x, float y, JustificationInfo info) {
            budget.check();
            if (font != null) {
                for (int i = 0; i < s.length(); ) {
                    int cp = s.codePointAt(i);
                    if (!ignorable(cp) && !font.charExists(cp)) {
                        missing.add(cp);
                    }
                    i += Character.charCount(cp);
                }
            }
            super.drawString(s, x, y, info);
        }

        /** The characters drawn without a glyph, in the order first met. */
        Set<Integer> missing() {
            return missing;
        }
    }

    /** At most this many values are named; the rest are counted. */
    static final int MAX_VALUES = 20;
    /** At most this many characters are named per value. */
    static final int MAX_CHARS = 8;

    /**
     * The error for characters drawn without a glyph: a finding at each value of the description that holds
     * some of them (document order), one for those that come from elsewhere (templates, rule pack, waivers),
     * and a message that names the scripts and suggests {@code --font}.
     */
    static RenderException missing(Set<Integer> missing, YNode root, String file, String template, DocumentKind kind, boolean userFonts) {
        Map<String, Hit> hits = new LinkedHashMap<>();
        Set<Integer> found = new TreeSet<>();
        if (root != null) {
            walk(root, "", missing, hits, found);
        }
        List<Finding> findings = new ArrayList<>();
        int shown = 0;
        for (Hit h : hits.values()) {
            if (shown++ == MAX_VALUES) {
                break;
            }
            findings.add(Finding.error("render.glyphs", (h.path.isEmpty() ? "" : h.path + ": ") + "no glyph in the fonts for " + list(h.chars),
                    h.location, h.path.isEmpty() ? null : h.path));
        }
        Set<Integer> elsewhere = new TreeSet<>(missing);
        elsewhere.removeAll(found);
        if (!elsewhere.isEmpty()) {
            findings.add(Finding.error("render.glyphs", "no glyph in the fonts for " + list(elsewhere)
                    + ", in text that is not a value of " + file + " (the templates, the rule pack or a waivers file)", Location.ofFile(template), null));
        }
        Set<String> scripts = new TreeSet<>();
        for (int cp : missing) {
            Character.UnicodeScript sc = Character.UnicodeScript.of(cp);
            scripts.add(sc == Character.UnicodeScript.COMMON ? "symbols or emoji" : title(sc.name()));
        }
        String more = hits.size() > MAX_VALUES ? " (" + (hits.size() - MAX_VALUES) + " more values hold some, not listed)" : "";
        String message = "the " + kind.title().toLowerCase(Locale.ROOT) + " was not rendered: " + missing.size()
                + (missing.size() == 1 ? " character" : " characters") + " (" + String.join(", ", scripts) + ") "
                + (userFonts ? "have no glyph in the bundled fonts or the --font files" : "have no glyph in the bundled fonts (Liberation: Latin, Greek, Cyrillic)")
                + " and would print as blanks" + more + "; add a font that has them with --font FILE.ttf"
                + " (for example Noto Sans CJK for Chinese, Japanese and Korean, Noto Sans Arabic for Arabic)";
        return RenderException.withFindings(message, findings);
    }

    private static final class Hit {
        final String path;
        final Location location;
        final Set<Integer> chars = new LinkedHashSet<>();

        Hit(String path, Location location) {
            this.path = path;
            this.location = location;
        }
    }

    private static void walk(YNode node, String path, Set<Integer> missing, Map<String, Hit> hits, Set<Integer> found) {
        if (node instanceof YNode.YMap m) {
            for (YNode.Entry e : m.entries().values()) {
                String child = YPath.child(path, e.key());
                check(e.key(), child, e.keyLocation(), missing, hits, found);
                walk(e.value(), child, missing, hits, found);
            }
        } else if (node instanceof YNode.YList l) {
            for (int i = 0; i < l.items().size(); i++) {
                walk(l.items().get(i), YPath.index(path, i), missing, hits, found);
            }
        } else if (node instanceof YNode.YScalar s && s.value() instanceof String v) {
            check(v, path, s.location(), missing, hits, found);
        }
    }

    private static void check(String text, String path, Location where, Set<Integer> missing, Map<String, Hit> hits, Set<Integer> found) {
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            if (missing.contains(cp)) {
                hits.computeIfAbsent(where.toString(), k -> new Hit(path, where)).chars.add(cp);
                found.add(cp);
            }
            i += Character.charCount(cp);
        }
    }

    /** {@code U+4E2D '中', U+6587 '文' and 3 more}. */
    static String list(Set<Integer> cps) {
        StringBuilder sb = new StringBuilder();
        int n = 0;
        for (int cp : cps) {
            if (n == MAX_CHARS) {
                sb.append(" and ").append(cps.size() - MAX_CHARS).append(" more");
                break;
            }
            if (n++ > 0) {
                sb.append(", ");
            }
            sb.append(String.format("U+%04X", cp));
            if (Character.getType(cp) != Character.NON_SPACING_MARK && Character.getType(cp) != Character.ENCLOSING_MARK) {
                sb.append(" '").appendCodePoint(cp).append('\'');
            }
        }
        return sb.toString();
    }

    private static String title(String enumName) {
        String s = enumName.toLowerCase(Locale.ROOT).replace('_', ' ');
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
