package dev.aidossier.load;

import com.lowagie.text.pdf.PRStream;
import com.lowagie.text.pdf.PdfArray;
import com.lowagie.text.pdf.PdfDictionary;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfObject;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.PdfString;
import dev.aidossier.core.Finding;
import dev.aidossier.core.Location;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * The description a document carries inside it: the PDF/A-3 associated file with {@code /AFRelationship
 * /Source} that the renderer embeds ({@code dossier check doc.pdf}). It is read as the YAML file it was,
 * under the name {@code doc.pdf#name.yaml}, with the same limits; evidence is looked for beside the PDF.
 *
 * <p>The PDF is bounded ({@link #MAX_PDF_BYTES}) and the embedded file is inflated by hand, never past the
 * description's size limit, so a compressed bomb cannot exhaust memory.
 */
final class EmbeddedDescription {

    /** The largest PDF read for its embedded description. */
    static final long MAX_PDF_BYTES = 256L * 1024 * 1024;

    private static final PdfName AF = new PdfName("AF");
    private static final PdfName AF_RELATIONSHIP = new PdfName("AFRelationship");
    private static final PdfName SOURCE = new PdfName("Source");

    private EmbeddedDescription() {
    }

    static boolean isPdf(Path path) {
        Path n = path.getFileName();
        return n != null && n.toString().toLowerCase(Locale.ROOT).endsWith(".pdf");
    }

    /** The embedded description, loaded; or an unreadable result with one finding that says why. */
    static Loaded load(DescriptionLoader loader, Limits limits, Path pdf, String display) {
        byte[] bytes;
        try {
            if (!Files.isRegularFile(pdf)) {
                return problem(display, pdf, "yaml.io", "cannot read " + display + ": no such file");
            }
            if (Files.size(pdf) > MAX_PDF_BYTES) {
                return problem(display, pdf, "yaml.limit", display + " is larger than " + MAX_PDF_BYTES
                        + " bytes; the largest PDF read for its embedded description");
            }
            bytes = Files.readAllBytes(pdf);
        } catch (IOException e) {
            return problem(display, pdf, "yaml.io", "cannot read " + display + ": " + e.getMessage());
        }
        PdfReader reader;
        try {
            reader = new PdfReader(bytes);
        } catch (StackOverflowError e) {
            return problem(display, pdf, "pdf.source", display + " is not a readable PDF (its objects nest too deeply)");
        } catch (IOException | RuntimeException e) {
            return problem(display, pdf, "pdf.source", display + " is not a readable PDF (" + e.getMessage()
                    + "); give a description (.yaml) or a PDF rendered by dossier");
        }
        try {
            List<PdfDictionary> specs = sourceSpecs(reader);
            if (specs.isEmpty()) {
                return problem(display, pdf, "pdf.source", display + " embeds no description (no associated file with"
                        + " /AFRelationship /Source); only PDFs rendered by dossier carry the YAML they were made from");
            }
            PdfDictionary spec = specs.get(0);
            String name = fileName(spec);
            if (name == null || name.isBlank() || name.contains("/") || name.contains("\\")) {
                return problem(display, pdf, "pdf.source", display + " embeds its description under an unusable name");
            }
            String shown = display + "#" + name;
            PdfDictionary ef = spec.getAsDict(PdfName.EF);
            PdfObject f = ef == null ? null : PdfReader.getPdfObject(ef.get(PdfName.F));
            if (!(f instanceof PRStream stream)) {
                return problem(display, pdf, "pdf.source", display + ": the embedded description " + name + " has no content");
            }
            byte[] yaml = content(stream, limits.maxFileBytes());
            if (yaml == null) {
                return problem(shown, pdf, "yaml.limit", "the embedded description " + name + " is larger than "
                        + limits.maxFileBytes() + " bytes (--max-file-size)");
            }
            return loader.load(yaml, shown, pdf.resolveSibling(name));
        } catch (StackOverflowError e) {
            return problem(display, pdf, "pdf.source", display + ": the embedded description cannot be read (its objects nest too deeply)");
        } catch (IOException | DataFormatException | RuntimeException e) {
            return problem(display, pdf, "pdf.source", display + ": the embedded description cannot be read (" + e.getMessage() + ")");
        } finally {
            reader.close();
        }
    }

    /** The file specifications marked as the document's source: from the catalog's /AF, else the EmbeddedFiles names. */
    private static List<PdfDictionary> sourceSpecs(PdfReader reader) {
        List<PdfDictionary> out = new ArrayList<>();
        PdfDictionary catalog = reader.getCatalog();
        PdfObject af = PdfReader.getPdfObject(catalog.get(AF));
        if (af instanceof PdfArray list) {
            for (int i = 0; i < list.size(); i++) {
                if (PdfReader.getPdfObject(list.getPdfObject(i)) instanceof PdfDictionary d && SOURCE.equals(d.getAsName(AF_RELATIONSHIP))) {
                    out.add(d);
                }
            }
        }
        return out;
    }

    private static String fileName(PdfDictionary spec) {
        PdfString uf = spec.getAsString(PdfName.UF);
        if (uf != null) {
            return uf.toUnicodeString();
        }
        PdfString f = spec.getAsString(PdfName.F);
        return f == null ? null : f.toUnicodeString();
    }

    /** The stream's decoded bytes, or null when they would pass {@code max}; only FlateDecode or no filter. */
    private static byte[] content(PRStream stream, long max) throws IOException, DataFormatException {
        byte[] raw = PdfReader.getStreamBytesRaw(stream);
        PdfObject filter = PdfReader.getPdfObject(stream.get(PdfName.FILTER));
        if (filter instanceof PdfArray a && a.size() == 1) {
            filter = PdfReader.getPdfObject(a.getPdfObject(0));
        }
        if (filter == null) {
            return raw.length > max ? null : raw;
        }
        if (!PdfName.FLATEDECODE.equals(filter)) {
            throw new IOException("filter " + filter + " is not supported");
        }
        Inflater inf = new Inflater();
        try {
            inf.setInput(raw);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buf = new byte[64 * 1024];
            while (!inf.finished()) {
                int n = inf.inflate(buf);
                if (n == 0 && (inf.needsInput() || inf.needsDictionary())) {
                    throw new IOException("the compressed data ends early");
                }
                out.write(buf, 0, n);
                if (out.size() > max) {
                    return null;
                }
            }
            return out.toByteArray();
        } finally {
            inf.end();
        }
    }

    private static Loaded problem(String display, Path pdf, String rule, String message) {
        List<Finding> fs = new ArrayList<>();
        fs.add(Finding.error(rule, message, Location.ofFile(display), null));
        return new Loaded(display, pdf, null, null, fs, null);
    }
}
