package dev.aidossier.sign;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * What signing needs to know of a PDF before it signs it: that it is a PDF at all, not encrypted, whether it
 * already carries a signature, and its title and subject (which say whether it is a declaration or a draft).
 */
public record PdfFacts(String title, String subject, int signatures) {

    /** Reads the facts; a file that is not a readable, unencrypted PDF is a {@link SignException} naming it. */
    public static PdfFacts of(byte[] pdf, String name) throws SignException {
        if (pdf.length < 5 || !new String(pdf, 0, 5, StandardCharsets.ISO_8859_1).equals("%PDF-")) {
            throw new SignException(name + ": not a PDF (it does not begin with %PDF-)");
        }
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            if (doc.isEncrypted()) {
                throw new SignException(name + ": the PDF is encrypted; dossier signs only the unencrypted PDFs it makes");
            }
            PDDocumentInformation info = doc.getDocumentInformation();
            return new PdfFacts(nz(info.getTitle()), nz(info.getSubject()), doc.getSignatureDictionaries().size());
        } catch (IOException e) {
            throw new SignException(name + ": not a readable PDF (" + e.getMessage() + ")", e);
        } catch (RuntimeException e) {
            throw new SignException(name + ": not a readable PDF (" + e + ")", e);
        }
    }

    public boolean signed() {
        return signatures > 0;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
