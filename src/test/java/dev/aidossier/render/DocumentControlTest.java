package dev.aidossier.render;

import dev.aidossier.TestSupport;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Document control as the reader of the PDF sees it: the control page after the cover, the confidentiality
 * marking and the document's version and date on every page (never the tool), the date the obligations were
 * judged on as an input of the document, and a declaration with Annex V content only.
 */
class DocumentControlTest {

    static Path out;
    static final Path CV = TestSupport.examples().resolve("cv-screening.yaml");

    /** cv-screening is approved, confidential, with three revisions; rendered without --as-of. */
    @BeforeAll
    static void render() throws IOException {
        out = Files.createTempDirectory("dossier-control");
        TestSupport.Run r = TestSupport.run("render", CV.toString(), "--doc", "all", "-o", out.toString());
        assertThat(r.exit()).as(r.toString()).isZero();
    }

    static List<String> pages(String doc) throws IOException {
        return RenderFixtures.pages(Files.readAllBytes(out.resolve("cv-screening-" + doc + ".pdf")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"technical-documentation", "instructions", "passport", "interoperability-plan"})
    void theControlPageFollowsTheCover(String doc) throws IOException {
        List<String> pages = pages(doc);
        // (Flying Saucer also draws the next page's first heading, clipped, in a page's bottom margin: the table tells)
        assertThat(pages.get(0)).doesNotContain("Prepared by").contains("TalentLens Screening");
        String control = pages.get(1);
        assertThat(control).contains("Document control",
                "Document version 1.4", "Document date 2026-10-15", "Status Approved", "Confidentiality Confidential",
                "Obligations judged as of 2026-10-15 (the document date)",
                "Source description cv-screening.yaml, embedded in this PDF with the findings it was judged with",
                "Prepared by Sanne de Wit Compliance Lead 2026-10-12",
                "Reviewed by Dr. Pieter Jansen Head of Data Science 2026-10-13",
                "Approved by Marloes Bakker Chief Executive Officer 2026-10-15",
                "Revision history", "1.3 2026-03-10", "Updated for release 2.2.4 and the Q1 2026 bias audit.",
                "1.4 2026-10-12",
                "Distribution", "Procurement office of the contracting authority (bid annex)");
        assertThat(control).containsPattern("SHA-256 of the description " + sha256(CV));
    }

    @ParameterizedTest
    @ValueSource(strings = {"technical-documentation", "declaration", "gap-report", "instructions", "passport", "interoperability-plan"})
    void everyPageIsMarkedAndNamesTheDocumentNotTheTool(String doc) throws IOException {
        List<String> pages = pages(doc);
        for (int i = 0; i < pages.size(); i++) {
            assertThat(pages.get(i)).as("page " + (i + 1)).contains("CONFIDENTIAL · ")
                    .contains("· document version 1.4 · 2026-10-15");
            // the footer used to name the description file and the tool; the gap report's cover still says what made it
            if (!(doc.equals("gap-report") && i == 0)) {
                assertThat(pages.get(i)).as("page " + (i + 1)).doesNotContain("AI Dossier");
            }
        }
        try (PDDocument d = Loader.loadPDF(out.resolve("cv-screening-" + doc + ".pdf").toFile())) {
            // the tool stays where tools belong: the producer
            assertThat(d.getDocumentInformation().getProducer()).startsWith("AI Dossier ");
        }
    }

    @Test
    void withoutDocumentControlDataThePageSaysWhatIsMissing() throws RenderException {
        // incomplete.yaml states no status, marking, revisions, people or distribution
        List<String> pages = RenderFixtures.pages(RenderFixtures.render(DocumentKind.TECHNICAL_DOCUMENTATION, "incomplete.yaml", RenderFixtures.AFTER));
        assertThat(pages.get(1)).contains("Document control", "Status Not stated in the description.",
                "Prepared by Not stated in the description (metadata.preparedBy).",
                "Approved by Not stated in the description (metadata.approvedBy).",
                "Not stated in the description (metadata.revisions).", "Not stated in the description (metadata.distribution).",
                "Obligations judged as of 2028-01-01");
        assertThat(pages.get(1)).doesNotContain("CONFIDENTIAL");
    }

    @Test
    void asOfGivenOnTheCommandLineIsStatedAsGiven(@TempDir Path dir) throws IOException {
        TestSupport.Run r = TestSupport.run("render", CV.toString(), "--doc", "technical-documentation", "--as-of", "2027-12-02", "-o", dir.toString());
        assertThat(r.exit()).as(r.toString()).isZero();
        String cover = RenderFixtures.pages(Files.readAllBytes(dir.resolve("cv-screening-technical-documentation.pdf"))).get(0);
        assertThat(cover).contains("Obligations judged as of 2027-12-02 Rule pack").doesNotContain("(the document date)");
    }

    @Test
    void theSameInputRendersTheSameDocumentOnAnyDay(@TempDir Path dir) throws IOException {
        // no --as-of: the document date is the date of judgement, whatever today is
        TestSupport.Run r = TestSupport.run("render", CV.toString(), "--doc", "technical-documentation", "-o", dir.toString());
        assertThat(r.exit()).isZero();
        assertThat(Files.readAllBytes(dir.resolve("cv-screening-technical-documentation.pdf")))
                .isEqualTo(Files.readAllBytes(out.resolve("cv-screening-technical-documentation.pdf")));
        TestSupport.Run explicit = TestSupport.run("render", CV.toString(), "--doc", "technical-documentation", "--as-of", "2026-10-15",
                "-o", dir.resolve("explicit").toString());
        assertThat(explicit.exit()).isZero();
        assertThat(Files.readAllBytes(dir.resolve("explicit/cv-screening-technical-documentation.pdf")))
                .isEqualTo(Files.readAllBytes(out.resolve("cv-screening-technical-documentation.pdf")));
    }

    @Test
    void theDeclarationHoldsAnnexVContentOnlyInItsOrder() throws IOException {
        String t = String.join(" ", pages("declaration"));
        String[] points = {"1. AI system: name, type and unambiguous reference", "2. Name and address of the provider",
                "3. Sole responsibility", "4. Statement of conformity", "5. Personal data", "6. Harmonised standards and common specifications",
                "7. Notified body, conformity assessment procedure and certificate", "8. Place and date of issue, signatory"};
        int at = -1;
        for (String p : points) {
            int i = t.indexOf(p);
            assertThat(i).as(p).isGreaterThan(at);
            at = i;
        }
        assertThat(t.substring(at)).contains("Place of issue Amsterdam, Netherlands", "Date of issue 2026-10-12",
                "Signed for and on behalf of TalentLens B.V.", "Signature Marloes Bakker, Chief Executive Officer");
        assertThat(t).doesNotContain("Keeping and updating", "Generated by", "SHA-256", "cv-screening.yaml", "AI Dossier", "rule pack", "GAP");
        try (PDDocument d = Loader.loadPDF(out.resolve("cv-screening-declaration.pdf").toFile())) {
            // what the provider must do with it is the document's subject, not its content
            assertThat(d.getDocumentInformation().getSubject()).contains("under Article 47 and Annex V",
                    "for 10 years after the AI system has been placed on the market or put into service (Art. 47(1))",
                    "keeps it up to date (Art. 47(4))", "it is available in: en, nl, de, fr.");
        }
    }

    @Test
    void thePackManifestCarriesEachDocumentsSubjectAndProducer(@TempDir Path dir) throws IOException {
        TestSupport.Run r = TestSupport.run("pack", CV.toString(), "--as-of", "2026-12-02", "-o", dir.toString());
        assertThat(r.exit()).as(r.toString()).isZero();
        String manifest = Files.readString(dir.resolve("cv-screening/manifest.json"));
        assertThat(manifest).contains("\"name\" : \"cv-screening-declaration.pdf\"",
                "\"title\" : \"EU declaration of conformity – TalentLens Screening\"",
                "keeps it up to date (Art. 47(4))", "\"producer\" : \"AI Dossier ", "\"file\" : \"" + CV + "\"",
                "\"sha256\" : \"" + sha256(CV) + "\"");
    }

    private static String sha256(Path p) throws IOException {
        return dev.aidossier.util.Hashes.sha256(Files.readAllBytes(p));
    }
}
