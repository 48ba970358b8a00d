package dev.aidossier.render;

import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfDate;
import com.lowagie.text.pdf.PdfDictionary;
import com.lowagie.text.pdf.PdfEncryption;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfString;
import org.w3c.dom.Document;
import org.xhtmlrenderer.pdf.FontDescription;
import org.xhtmlrenderer.pdf.FontFamily;
import org.xhtmlrenderer.pdf.ITextFontResolver;
import org.xhtmlrenderer.pdf.ITextOutputDevice;
import org.xhtmlrenderer.pdf.ITextRenderer;
import org.xhtmlrenderer.pdf.PDFCreationListener;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.TimeZone;

/**
 * XHTML to PDF with Flying Saucer and OpenPDF: A4 pages (from the style sheet), embedded Liberation fonts,
 * and reproducible bytes. Three things would otherwise differ between two renders of the same XHTML, and
 * all three are fixed here from a {@link PDFCreationListener}:
 *
 * <ul>
 *   <li>the creation and modification dates: set to the instant the caller chose;
 *   <li>the trailer's file /ID: derived from a hash of the XHTML, the date and the producer;
 *   <li>the six-letter font-subset prefixes (ABCDEF+LiberationSans): OpenPDF draws them from a random
 *       generator per font; each font gets a fresh generator seeded from its name before every render.
 * </ul>
 *
 * <p>Fonts are parsed once per thread and reused (they are not thread-safe to share, and the subset
 * generator is per font), so renders on several threads stay independent and deterministic.
 */
final class PdfOutput {

    /** The PDF date when neither SOURCE_DATE_EPOCH nor the description's documentDate gives one: 2000-01-01. */
    static final long FIXED_EPOCH = 946_684_800L;
    static final float DOTS_PER_POINT = ITextRenderer.DEFAULT_DOTS_PER_POINT;
    static final int DOTS_PER_PIXEL = ITextRenderer.DEFAULT_DOTS_PER_PIXEL;

    static final List<String> FAMILIES = List.of("Sans", "Serif", "Mono");
    static final List<String> STYLES = List.of("Regular", "Bold", "Italic", "BoldItalic");

    private static final ThreadLocal<FontSet> FONTS = ThreadLocal.withInitial(FontSet::load);

    /** The result of one conversion: the bytes and any resource the document asked for but did not get. */
    record Result(byte[] pdf, List<String> refused) {
    }

    private PdfOutput() {
    }

    /**
     * @param templateName the template as the user knows it ({@code templates/gap-report.ftlh}, or the file of
     *                     their --templates folder), for messages
     */
    static Result write(String xhtml, Instant date, String producer, Path userTemplates, String templateName) throws RenderException {
        Document dom = parse(xhtml, templateName);
        FontSet fonts = FONTS.get();
        ITextOutputDevice device = new ITextOutputDevice(DOTS_PER_POINT);
        LocalUserAgent ua = new LocalUserAgent(device, DOTS_PER_PIXEL, userTemplates);
        ITextRenderer renderer = new ITextRenderer(DOTS_PER_POINT, DOTS_PER_PIXEL, device, ua, fonts.resolver);
        byte[] id = fileId(xhtml, date, producer);
        renderer.setListener(new Reproducible(date, id, producer, fonts.resolver));
        ByteArrayOutputStream out = new ByteArrayOutputStream(256 * 1024);
        try {
            renderer.setDocument(dom, LocalUserAgent.BASE, new LocalNamespaceHandler());
            renderer.layout();
            renderer.createPDF(out);
        } catch (RuntimeException e) {
            throw RenderException.internal("the PDF could not be produced from " + templateName + ": " + e, e);
        } catch (StackOverflowError e) {
            throw RenderException.template(templateName + " produced XHTML nested too deeply to lay out", null);
        } finally {
            fonts.resolver.flushFontFaceFonts();
        }
        return new Result(out.toByteArray(), ua.refused());
    }

    /** Parses the XHTML as XML with no DTDs, no external entities and no XInclude. */
    static Document parse(String xhtml, String templateName) throws RenderException {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature("http://xml.org/sax/features/external-general-entities", false);
            f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            f.setXIncludeAware(false);
            f.setExpandEntityReferences(false);
            DocumentBuilder b = f.newDocumentBuilder();
            b.setErrorHandler(null);
            b.setEntityResolver((publicId, systemId) -> {
                throw new SAXException("external entities are not allowed: " + systemId);
            });
            return b.parse(new InputSource(new StringReader(xhtml)));
        } catch (SAXParseException e) {
            throw RenderException.template(templateName + " produced malformed XHTML (line " + e.getLineNumber()
                    + ", column " + e.getColumnNumber() + " of the output" + excerpt(xhtml, e.getLineNumber(), e.getColumnNumber())
                    + "): " + e.getMessage() + "; templates must produce well-formed XML (e.g. &#160; rather than &nbsp;)", e);
        } catch (SAXException | IOException | ParserConfigurationException e) {
            throw RenderException.internal("cannot parse the XHTML of " + templateName + ": " + e.getMessage(), e);
        }
    }

    /** The output line up to the column where the XML parser stopped (its last 60 characters), to find it in the template. */
    static String excerpt(String xhtml, int line, int column) {
        if (line < 1) {
            return "";
        }
        String[] lines = xhtml.split("\n", -1);
        if (line > lines.length) {
            return "";
        }
        String l = lines[line - 1];
        String upTo = l.substring(0, Math.max(0, Math.min(l.length(), column - 1)));
        if (upTo.isBlank()) {
            return "";
        }
        String tail = upTo.length() > 60 ? "\u2026" + upTo.substring(upTo.length() - 60) : upTo;
        return ", after '" + dev.aidossier.util.Names.visible(tail.strip()) + "'";
    }

    private static byte[] fileId(String xhtml, Instant date, String producer) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(xhtml.getBytes(StandardCharsets.UTF_8));
            md.update((byte) 0);
            md.update(Long.toString(date.getEpochSecond()).getBytes(StandardCharsets.US_ASCII));
            md.update((byte) 0);
            md.update(producer.getBytes(StandardCharsets.UTF_8));
            return Arrays.copyOf(md.digest(), 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Fixes dates, file id, producer and subset prefixes (see the class comment). */
    private static final class Reproducible implements PDFCreationListener {
        private final Instant date;
        private final byte[] id;
        private final String producer;
        private final ITextFontResolver resolver;

        Reproducible(Instant date, byte[] id, String producer, ITextFontResolver resolver) {
            this.date = date;
            this.id = id;
            this.producer = producer;
            this.resolver = resolver;
        }

        @Override
        public void preOpen(ITextRenderer renderer) {
            for (FontFamily family : resolver.getFonts().values()) {
                for (FontDescription d : family.getFontDescriptions()) {
                    BaseFont bf = d.getFont();
                    if (bf != null) {
                        bf.setSecureRandom(seeded(bf.getPostscriptFontName()));
                    }
                }
            }
        }

        @Override
        public void preWrite(ITextRenderer renderer, int pageCount) {
            // nothing to do per page
        }

        @Override
        public void onClose(ITextRenderer renderer) {
            PdfDictionary info = renderer.getWriter().getInfo();
            Calendar cal = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
            cal.setTimeInMillis(date.toEpochMilli());
            info.put(PdfName.CREATIONDATE, new PdfDate(cal));
            info.put(PdfName.MODDATE, new PdfDate(cal));
            info.put(PdfName.PRODUCER, new PdfString(producer, PdfString.TEXT_UNICODE));
            // PdfWriter takes the trailer /ID from this entry when present
            info.put(PdfName.FILEID, PdfEncryption.createInfoId(id, id));
        }
    }

    /**
     * Remembers the font chosen for each font specification. Flying Saucer's resolver builds a cache key
     * with String.format on every lookup, which took about a tenth of a render; this key is a record.
     * The fonts of @font-face rules are dropped after each render, and with them this cache.
     */
    private static final class CachingFontResolver extends ITextFontResolver {
        private record Key(List<String> families, float size, org.xhtmlrenderer.css.constants.IdentValue weight,
                           org.xhtmlrenderer.css.constants.IdentValue style) {
        }

        private final java.util.Map<Key, org.xhtmlrenderer.render.FSFont> chosen = new java.util.HashMap<>();

        @Override
        public org.xhtmlrenderer.render.FSFont resolveFont(org.xhtmlrenderer.layout.SharedContext ctx,
                                                          org.xhtmlrenderer.css.value.FontSpecification spec) {
            Key k = new Key(spec.families == null ? List.of() : List.of(spec.families), spec.size, spec.fontWeight, spec.fontStyle);
            org.xhtmlrenderer.render.FSFont f = chosen.get(k);
            if (f == null) {
                f = super.resolveFont(ctx, spec);
                if (f != null) {
                    chosen.put(k, f);
                }
            }
            return f;
        }

        @Override
        public void flushFontFaceFonts() {
            chosen.clear();
            super.flushFontFaceFonts();
        }

        @Override
        public void flushCache() {
            chosen.clear();
            super.flushCache();
        }
    }

    /** A generator whose output depends only on the seed (SHA1PRNG seeded before first use). */
    static SecureRandom seeded(String seed) {
        try {
            SecureRandom r = SecureRandom.getInstance("SHA1PRNG");
            r.setSeed(("dossier:" + seed).getBytes(StandardCharsets.UTF_8));
            return r;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA1PRNG is part of every Java 17 runtime", e);
        }
    }

    /** The Liberation fonts of one thread, registered under the families Liberation Sans, Serif and Mono. */
    private static final class FontSet {
        final ITextFontResolver resolver;

        private FontSet(ITextFontResolver resolver) {
            this.resolver = resolver;
        }

        static FontSet load() {
            ITextFontResolver resolver = new CachingFontResolver();
            List<String> missing = new ArrayList<>();
            for (String family : FAMILIES) {
                for (String style : STYLES) {
                    String path = "liberation/Liberation" + family + "-" + style + ".ttf";
                    try (InputStream in = PdfOutput.class.getClassLoader().getResourceAsStream(path)) {
                        if (in == null) {
                            missing.add(path);
                            continue;
                        }
                        byte[] ttf = in.readAllBytes();
                        BaseFont bf = BaseFont.createFont(path, BaseFont.IDENTITY_H, BaseFont.EMBEDDED, false, ttf, null);
                        resolver.addFont(bf, path, "Liberation " + family);
                    } catch (IOException | com.lowagie.text.DocumentException e) {
                        throw new IllegalStateException("cannot load the bundled font " + path + ": " + e.getMessage(), e);
                    }
                }
            }
            if (!missing.isEmpty()) {
                throw new IllegalStateException("bundled fonts missing from the classpath: " + missing);
            }
            return new FontSet(resolver);
        }
    }
}
