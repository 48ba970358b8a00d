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
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Arrays;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Set;
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
 * <p>The bundled fonts are parsed once and shared by the threads, with a subset generator per thread (see
 * {@link FontSet}), so renders on several threads stay independent and deterministic.
 */
final class PdfOutput {

    /** The PDF date when neither SOURCE_DATE_EPOCH nor the description's documentDate gives one: 2000-01-01. */
    static final long FIXED_EPOCH = 946_684_800L;
    static final float DOTS_PER_POINT = ITextRenderer.DEFAULT_DOTS_PER_POINT;
    static final int DOTS_PER_PIXEL = ITextRenderer.DEFAULT_DOTS_PER_PIXEL;

    /**
     * The result of one conversion: the bytes, any resource the document asked for but did not get, and the
     * characters drawn with a font that has no glyph for them (printed as nothing).
     */
    record Result(byte[] pdf, List<String> refused, Set<Integer> missingGlyphs) {
    }

    private PdfOutput() {
    }

    /**
     * @param templateName the template as the user knows it ({@code templates/gap-report.ftlh}, or the file of
     *                     their --templates folder), for messages
     */
    /**
     * A file embedded in the PDF as a PDF/A-3 associated file: listed in the catalog's {@code /AF} array and in
     * the EmbeddedFiles name tree (what {@code pdfdetach -list} shows), with its MIME type as {@code /Subtype},
     * its size and dates in {@code /Params}, and how it relates to the document.
     *
     * @param relationship {@code Source} (what the document was made from) or {@code Data} (what it shows)
     */
    record Attachment(String name, String mime, String relationship, String description, byte[] bytes) {
    }

    /** What to do with the links and event handlers a PDF may not hold (found before layout): throw the error. */
    interface LinkRefusal {
        void refuse(List<LinkPolicy.Refused> refused) throws RenderException;
    }

    static Result write(String xhtml, Instant date, String producer, Path userTemplates, String templateName, FontSet fonts,
                        RenderBudget budget, LinkRefusal links) throws RenderException {
        return write(xhtml, date, producer, userTemplates, templateName, fonts, budget, links, List.of());
    }

    /** As above, with files embedded as PDF/A-3 associated files, in the order given. */
    static Result write(String xhtml, Instant date, String producer, Path userTemplates, String templateName, FontSet fonts,
                        RenderBudget budget, LinkRefusal links, List<Attachment> attachments) throws RenderException {
        try {
            Document dom = parse(xhtml, templateName);
            List<LinkPolicy.Refused> refused = LinkPolicy.check(dom);
            if (!refused.isEmpty()) {
                links.refuse(refused);
            }
            budget.checkNow();
            Glyphs.useFallbacks(dom, fonts);
            Glyphs.CheckingDevice device = new Glyphs.CheckingDevice(DOTS_PER_POINT, budget);
            LocalUserAgent ua = new LocalUserAgent(device, DOTS_PER_PIXEL, userTemplates);
            ITextRenderer renderer = new ITextRenderer(DOTS_PER_POINT, DOTS_PER_PIXEL, device, ua, fonts.resolver);
            byte[] id = fileId(xhtml, date, producer);
            renderer.setListener(new Reproducible(date, id, producer, fonts.resolver, Meta.of(dom), attachments));
            renderer.setPDFVersion(com.lowagie.text.pdf.PdfWriter.VERSION_1_7);
            ByteArrayOutputStream out = new ByteArrayOutputStream(256 * 1024);
            try {
                renderer.setDocument(dom, LocalUserAgent.BASE, new LocalNamespaceHandler(budget));
                dev.aidossier.util.Trace.mark(templateName, "styled");
                renderer.layout();
                dev.aidossier.util.Trace.mark(templateName, "laid out");
                budget.checkNow();
                renderer.createPDF(out);
            } finally {
                fonts.resolver.flushFontFaceFonts();
            }
            return new Result(out.toByteArray(), ua.refused(), java.util.Collections.unmodifiableSet(new java.util.LinkedHashSet<>(device.missing())));
        } catch (RenderBudget.Exhausted e) {
            throw layoutStopped(templateName, "render.timeout", "laying out the " + xhtml.length() + " characters of XHTML the template wrote took more than "
                    + budget.limits().timeoutText() + " s of processor time, the limit of --render-timeout (raise it if the document is really"
                    + " this large)", "it ran longer than --render-timeout allows");
        } catch (OutOfMemoryError e) {
            throw layoutStopped(templateName, "render.memory", "laying out the " + xhtml.length() + " characters of XHTML the template wrote used up"
                    + " the memory the tool has (" + Templates.heapMb() + " MB); lower --max-output-size, or give the tool more memory"
                    + " (DOSSIER_JAVA_OPTS=-Xmx1g)", "it used up the memory");
        } catch (StackOverflowError e) {
            throw layoutStopped(templateName, "render.recursion", "the template produced XHTML nested too deeply to lay out", "its XHTML is nested too deeply");
        } catch (RuntimeException e) {
            if (causeOf(e, RenderBudget.Exhausted.class)) {
                throw layoutStopped(templateName, "render.timeout", "laying out the " + xhtml.length() + " characters of XHTML the template wrote"
                        + " took more than " + budget.limits().timeoutText() + " s of processor time, the limit of --render-timeout",
                        "it ran longer than --render-timeout allows");
            }
            throw RenderException.internal("the PDF could not be produced from " + templateName + ": " + e, e);
        }
    }

    private static boolean causeOf(Throwable t, Class<? extends Throwable> type) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (type.isInstance(c)) {
                return true;
            }
        }
        return false;
    }

    private static RenderException layoutStopped(String templateName, String rule, String finding, String summary) {
        return RenderException.withFindings(templateName + " was stopped: " + summary,
                List.of(dev.aidossier.core.Finding.error(rule, finding, dev.aidossier.core.Location.ofFile(templateName), null)));
    }

    /** Parses the XHTML as XML with no DTDs, no external entities and no XInclude. */
    static Document parse(String xhtml, String templateName) throws RenderException {
        try {
            DocumentBuilder b = BUILDER.get();
            if (b == null) {
                b = newBuilder();
                BUILDER.set(b);
            }
            b.reset();
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

    /** One parser per thread: finding and configuring the JAXP factory costs about as much as parsing a short document. */
    private static final ThreadLocal<DocumentBuilder> BUILDER = new ThreadLocal<>();

    private static DocumentBuilder newBuilder() throws ParserConfigurationException {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        f.setFeature("http://xml.org/sax/features/external-general-entities", false);
        f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        f.setXIncludeAware(false);
        f.setExpandEntityReferences(false);
        return f.newDocumentBuilder();
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
        MessageDigest md = dev.aidossier.util.Hashes.sha256();
        md.update(xhtml.getBytes(StandardCharsets.UTF_8));
        md.update((byte) 0);
        md.update(Long.toString(date.getEpochSecond()).getBytes(StandardCharsets.US_ASCII));
        md.update((byte) 0);
        md.update(producer.getBytes(StandardCharsets.UTF_8));
        return Arrays.copyOf(md.digest(), 16);
    }

    /** The document's title, author, subject, keywords and language, from its {@code <title>}, {@code <meta>} and {@code lang}. */
    record Meta(String title, String author, String subject, String keywords, String language) {
        static Meta of(Document dom) {
            String title = "";
            org.w3c.dom.NodeList t = dom.getElementsByTagNameNS("*", "title");
            if (t.getLength() > 0) {
                title = t.item(0).getTextContent().strip();
            }
            java.util.Map<String, String> meta = new java.util.HashMap<>();
            org.w3c.dom.NodeList m = dom.getElementsByTagNameNS("*", "meta");
            for (int i = 0; i < m.getLength(); i++) {
                org.w3c.dom.Element e = (org.w3c.dom.Element) m.item(i);
                meta.putIfAbsent(e.getAttribute("name").toLowerCase(java.util.Locale.ROOT), e.getAttribute("content"));
            }
            String lang = dom.getDocumentElement() == null ? "" : dom.getDocumentElement().getAttribute("lang");
            return new Meta(title, meta.getOrDefault("author", ""), meta.getOrDefault("subject", ""), meta.getOrDefault("keywords", ""), lang);
        }
    }

    /**
     * The XMP metadata of a PDF/A-3B file: its identification (part 3, conformance B) and the same title,
     * author, subject, keywords, producer and dates as the Info dictionary.
     */
    static byte[] xmp(Meta meta, String producer, Instant date) {
        String when = java.time.format.DateTimeFormatter.ISO_INSTANT.format(date.truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
        String lang = meta.language().isBlank() ? "x-default" : meta.language();
        StringBuilder x = new StringBuilder();
        x.append("<?xpacket begin=\"\uFEFF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n")
                .append("<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n")
                .append("<rdf:Description rdf:about=\"\" xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\"")
                .append(" xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\" xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\">\n")
                .append("<pdfaid:part>3</pdfaid:part>\n<pdfaid:conformance>B</pdfaid:conformance>\n")
                .append("<dc:format>application/pdf</dc:format>\n");
        if (!meta.title().isEmpty()) {
            x.append("<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">").append(esc(meta.title())).append("</rdf:li></rdf:Alt></dc:title>\n");
        }
        if (!meta.author().isEmpty()) {
            x.append("<dc:creator><rdf:Seq><rdf:li>").append(esc(meta.author())).append("</rdf:li></rdf:Seq></dc:creator>\n");
        }
        if (!meta.subject().isEmpty()) {
            x.append("<dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">").append(esc(meta.subject())).append("</rdf:li></rdf:Alt></dc:description>\n");
        }
        if (!meta.language().isBlank()) {
            x.append("<dc:language><rdf:Bag><rdf:li>").append(esc(lang)).append("</rdf:li></rdf:Bag></dc:language>\n");
        }
        if (!meta.keywords().isEmpty()) {
            x.append("<pdf:Keywords>").append(esc(meta.keywords())).append("</pdf:Keywords>\n");
        }
        x.append("<pdf:Producer>").append(esc(producer)).append("</pdf:Producer>\n")
                .append("<xmp:CreatorTool>").append(esc(producer)).append("</xmp:CreatorTool>\n")
                .append("<xmp:CreateDate>").append(when).append("</xmp:CreateDate>\n")
                .append("<xmp:ModifyDate>").append(when).append("</xmp:ModifyDate>\n")
                .append("<xmp:MetadataDate>").append(when).append("</xmp:MetadataDate>\n")
                .append("</rdf:Description>\n</rdf:RDF>\n</x:xmpmeta>\n<?xpacket end=\"w\"?>");
        return x.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String esc(String s) {
        StringBuilder b = new StringBuilder(s.length());
        s.codePoints().forEach(c -> {
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                default -> {
                    if (c >= 0x20 || c == '\t' || c == '\n') {
                        b.appendCodePoint(c);
                    }
                }
            }
        });
        return b.toString();
    }

    /** Fixes dates, file id, producer and subset prefixes (see the class comment), and makes the file PDF/A-3B. */
    private static final class Reproducible implements PDFCreationListener {
        private final Instant date;
        private final byte[] id;
        private final String producer;
        private final ITextFontResolver resolver;
        private final Meta meta;
        private final List<Attachment> attachments;

        Reproducible(Instant date, byte[] id, String producer, ITextFontResolver resolver, Meta meta, List<Attachment> attachments) {
            this.date = date;
            this.id = id;
            this.producer = producer;
            this.resolver = resolver;
            this.meta = meta;
            this.attachments = List.copyOf(attachments);
        }

        @Override
        public void preOpen(ITextRenderer renderer) {
            for (FontFamily family : resolver.getFonts().values()) {
                for (FontDescription d : family.getFontDescriptions()) {
                    BaseFont bf = d.getFont();
                    // a bundled font, shared by the threads, draws from this thread's generator; another gets a fresh one
                    if (bf != null && !FontSet.reseedShared(bf)) {
                        bf.setSecureRandom(seeded(bf.getPostscriptFontName()));
                        bf.setIncludeCidSet(false); // PDF/A: an incomplete CIDSet is an error, none is allowed
                    }
                }
            }
            renderer.getWriter().setXmpMetadata(xmp(meta, producer, date));
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
            // the same values as the XMP metadata (PDF/A)
            info.put(PdfName.CREATOR, new PdfString(producer, PdfString.TEXT_UNICODE));
            putOrRemove(info, PdfName.TITLE, meta.title());
            putOrRemove(info, PdfName.AUTHOR, meta.author());
            putOrRemove(info, PdfName.SUBJECT, meta.subject());
            putOrRemove(info, PdfName.KEYWORDS, meta.keywords());
            // PDF/A: an sRGB output intent for the colours the documents use
            com.lowagie.text.pdf.PdfWriter w = renderer.getWriter();
            try {
                w.setOutputIntents("sRGB IEC61966-2.1", "", "http://www.color.org", "sRGB IEC61966-2.1",
                        java.awt.color.ICC_Profile.getInstance(java.awt.color.ColorSpace.CS_sRGB));
            } catch (IOException e) {
                throw new IllegalStateException("the JDK's sRGB profile cannot be embedded", e);
            }
            com.lowagie.text.pdf.PdfArray intents = (com.lowagie.text.pdf.PdfArray) w.getExtraCatalog().get(PdfName.OUTPUTINTENTS);
            for (int i = 0; i < intents.size(); i++) {
                ((PdfDictionary) intents.getDirectObject(i)).put(PdfName.S, PdfName.GTS_PDFA1);
            }
            embed(w, new PdfDate(cal));
            // PdfWriter takes the trailer /ID from this entry when present
            info.put(PdfName.FILEID, PdfEncryption.createInfoId(id, id));
        }

        /** The attachments as associated files (PDF/A-3, ISO 19005-3 6.8): file specs in /AF and in the name tree. */
        private void embed(com.lowagie.text.pdf.PdfWriter w, PdfDate when) {
            if (attachments.isEmpty()) {
                return;
            }
            com.lowagie.text.pdf.PdfArray af = new com.lowagie.text.pdf.PdfArray();
            try {
                for (Attachment a : attachments) {
                    PdfDictionary params = new PdfDictionary();
                    params.put(PdfName.CREATIONDATE, when);
                    params.put(PdfName.MODDATE, when);
                    com.lowagie.text.pdf.PdfFileSpecification fs = com.lowagie.text.pdf.PdfFileSpecification.fileEmbedded(
                            w, null, a.name(), a.bytes(), a.mime(), params, java.util.zip.Deflater.BEST_COMPRESSION);
                    fs.setUnicodeFileName(a.name(), true);
                    fs.put(AF_RELATIONSHIP, new PdfName(a.relationship()));
                    fs.addDescription(a.description(), true);
                    com.lowagie.text.pdf.PdfIndirectReference ref = fs.getReference();
                    af.add(ref);
                    w.addFileAttachment(a.description(), fs);
                }
            } catch (IOException e) {
                throw new IllegalStateException("a file could not be embedded in the PDF", e);
            }
            w.getExtraCatalog().put(AF, af);
        }
    }

    private static final PdfName AF = new PdfName("AF");
    private static final PdfName AF_RELATIONSHIP = new PdfName("AFRelationship");

    private static void putOrRemove(PdfDictionary d, PdfName key, String value) {
        if (value == null || value.isEmpty()) {
            d.remove(key);
        } else {
            d.put(key, new PdfString(value, PdfString.TEXT_UNICODE));
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

}
