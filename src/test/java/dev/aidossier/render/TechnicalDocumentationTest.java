package dev.aidossier.render;

import dev.aidossier.analysis.Analysis;
import dev.aidossier.core.Finding;
import dev.aidossier.core.Status;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static dev.aidossier.render.RenderFixtures.AFTER;
import static dev.aidossier.render.RenderFixtures.analyse;
import static dev.aidossier.render.RenderFixtures.render;
import static dev.aidossier.render.RenderFixtures.text;
import static org.assertj.core.api.Assertions.assertThat;

/** The Annex IV technical documentation, read back from the PDF. */
class TechnicalDocumentationTest {

    /** Every heading of Annex IV points 1-9 and their sub-items, in the Annex's own numbering. */
    static final List<String> HEADINGS = List.of(
            "1. General description of the AI system",
            "1(a) Intended purpose, provider and version",
            "1(b) Interaction with other hardware, software and AI systems",
            "1(c) Versions of software and firmware; update requirements",
            "1(d) Forms in which the system is placed on the market or put into service",
            "1(e) Hardware on which the system is intended to run",
            "1(f) Products of which the system is a component",
            "1(g) User interface provided to the deployer",
            "1(h) Instructions for use for the deployer",
            "2. Elements of the AI system and process for its development",
            "2(a) Development methods and steps; pre-trained systems and third-party tools",
            "2(b) Design specifications",
            "2(c) System architecture and computational resources",
            "2(d) Data requirements and datasheets",
            "2(e) Assessment of the human oversight measures",
            "2(f) Pre-determined changes",
            "2(g) Validation and testing",
            "2(h) Cybersecurity measures",
            "3. Monitoring, functioning and control of the AI system",
            "3.1 Capabilities and limitations in performance",
            "3.2 Foreseeable unintended outcomes and sources of risk",
            "3.3 Human oversight measures",
            "3.4 Specifications on input data",
            "4. Appropriateness of the performance metrics",
            "5. Risk management system",
            "6. Relevant changes made through the lifecycle",
            "7. Harmonised standards and other specifications applied",
            "8. EU declaration of conformity",
            "9. Evaluation of performance in the post-market phase",
            "Annex A: Evidence cited");

    static byte[] complete;
    static byte[] incomplete;

    @BeforeAll
    static void renderBoth() throws RenderException {
        complete = render(DocumentKind.TECHNICAL_DOCUMENTATION, "complete.yaml", AFTER);
        incomplete = render(DocumentKind.TECHNICAL_DOCUMENTATION, "incomplete.yaml", AFTER);
    }

    @Test
    void everyAnnexIvHeadingIsPresentInOrder() {
        String t = text(complete);
        int body = t.indexOf("Annex IV point 1:"); // after the table of contents
        assertThat(body).isPositive();
        int at = body - 60;
        for (String h : HEADINGS) {
            int i = t.indexOf(h, at);
            assertThat(i).as("heading '%s' after position %d", h, at).isGreaterThan(at);
            at = i;
        }
    }

    @Test
    void filledValuesArePrinted() {
        String t = text(complete);
        assertThat(t).contains(
                "Assesses the creditworthiness of natural persons",   // 1(a) intended purpose
                "Κρεντιλένς Α.Ε. (CrediLens S.A.)",                    // provider, Greek
                "Version 3.1.0 replaces 3.0.2",                        // version relation
                "Credit bureau gateway",                               // 1(b)
                "LightGBM",                                            // 1(c), 2(a)
                "Container image for banks",                           // 1(d)
                "Four vCPUs and 8 GB RAM",                             // 1(e)
                "web console shows the score band",                    // 1(g)
                "five-fold cross-validation",                          // 2(a), 2(d)
                "No postcode feature",                                 // 2(b) key choice
                "API gateway → feature service",                       // 2(c)
                "Applications 2019-2024", "1,200,000",                 // 2(d) datasets
                "Out-of-time validation on 2025 data",                 // 2(g)
                "applicants aged 18-25", "selection-rate ratio women/men", "meets threshold", // metrics per group
                "Validation report CrediLens 3.1.0",                   // test report
                "Data poisoning",                                      // 2(h)
                "TreeSHAP",                                            // 3.3
                "JSON application record",                             // 3.4
                "four-fifths rule",                                    // 4
                "Indirect discrimination by nationality",              // 5 risk register
                "Security patch of the API gateway",                   // 6 change log
                "EN ISO/IEC 23894:2024", "ISO/IEC 42001:2023",          // 7
                "Ελένη Παπαδοπούλου",                                  // 8 signatory
                "Monthly performance and drift dashboard");            // 9
        // hashes wrap inside their table cell: compare without white space
        assertThat(t.replace(" ", "")).contains("ed6a52a775e6e6ca52d475c6504f0caaeeca28ad0fddc073a4e03a9926259ab4");
        assertThat(t).doesNotContain("GAP ·");
        assertThat(t).contains("Every item the rule pack requires for this system is documented");
    }

    @Test
    void cyrillicSurvives() {
        assertThat(text(complete)).contains("кредитен рейтинг");
    }

    @Test
    void everyOpenFindingOfAnIncompleteDescriptionIsMarkedWithItsRuleId() {
        Analysis a = analyse("incomplete.yaml", AFTER);
        Set<String> failed = new TreeSet<>();
        for (Finding f : a.findings()) {
            if (f.status() == Status.failed && f.refs().stream().anyMatch(r -> r.startsWith("AnxIV."))) {
                failed.add(f.ruleId());
            }
        }
        assertThat(failed).hasSizeGreaterThan(30);
        String t = text(incomplete);
        for (String id : failed) {
            assertThat(t).as("gap marker of %s", id).contains("GAP · " + id);
        }
        assertThat(t).contains("WAIVED UNTIL 2028-06-30 · EUAIA-ANXIV-7-STANDARDS");
        assertThat(t).contains("This documentation is not complete.");
        // a placeholder answer is shown as written and flagged
        assertThat(t).contains("spec.general.intendedPurpose is a placeholder");
        // with its place in the description
        assertThat(t).contains("incomplete.yaml:19:22");
    }

    @Test
    void nothingIsLeftOutSilently() {
        String t = text(incomplete);
        // every heading is there even when the description says nothing about it
        for (String h : HEADINGS) {
            assertThat(t).contains(h);
        }
        assertThat(t).contains("Not stated in the description.");
        assertThat(t).contains("No interactions are stated in the description.");
    }

    @Test
    void bookmarksFollowTheHeadings() {
        List<String> o = RenderFixtures.outline(complete);
        assertThat(o).contains("1. General description of the AI system", "  1(a) Intended purpose, provider and version",
                "  3.4 Specifications on input data", "9. Evaluation of performance in the post-market phase", "Annex A: Evidence cited");
        assertThat(o.indexOf("2. Elements of the AI system and process for its development"))
                .isGreaterThan(o.indexOf("  1(h) Instructions for use for the deployer"));
    }

    @Test
    void metadataPageSizeAndRunningHeaderAndFooter() throws IOException {
        try (PDDocument doc = Loader.loadPDF(complete)) {
            PDDocumentInformation info = doc.getDocumentInformation();
            assertThat(info.getTitle()).isEqualTo("Technical documentation – CrediLens Scoring");
            assertThat(info.getAuthor()).isEqualTo("Κρεντιλένς Α.Ε. (CrediLens S.A.)");
            assertThat(info.getSubject()).contains("Annex IV of Regulation (EU) 2024/1689");
            assertThat(info.getKeywords()).contains("Annex IV", "CrediLens Scoring", "High-risk");
            assertThat(info.getProducer()).isEqualTo("AI Dossier test (Flying Saucer, OpenPDF)");
            assertThat(info.getCreationDate().toInstant().toString()).isEqualTo("2026-10-15T00:00:00Z");
            PDRectangle box = doc.getPage(0).getMediaBox();
            assertThat(box.getWidth()).isCloseTo(595.3f, org.assertj.core.data.Offset.offset(0.5f));
            assertThat(box.getHeight()).isCloseTo(841.9f, org.assertj.core.data.Offset.offset(0.5f));
            int n = doc.getNumberOfPages();
            List<String> pages = RenderFixtures.pages(complete);
            for (int i = 0; i < n; i++) {
                assertThat(pages.get(i)).contains("Page " + (i + 1) + " of " + n);
            }
            assertThat(pages.get(3)).contains("CrediLens Scoring", "Technical documentation", "System version 3.1.0", "Document version 2.0");
        }
    }

    @Test
    void tableOfContentsHasPageNumbers() {
        // page 1 is the cover, page 2 the document control, page 3 the contents
        String toc = RenderFixtures.pages(complete).get(2);
        assertThat(toc).containsPattern("Contents 1\\. General description of the AI system[ .]+ 4 1\\(a\\)");
        assertThat(toc).containsPattern("Annex A: Evidence cited[ .]+ 15 Annex B: Quality management system \\(Art\\. 17\\) and AI literacy \\(Art\\. 4\\)[ .]+ 16$");
    }

    @Test
    void fontsAreEmbeddedInAllFourStyles() {
        assertThat(RenderFixtures.fonts(complete)).allSatisfy((name, embedded) -> assertThat(embedded).as(name).isTrue());
        assertThat(RenderFixtures.fonts(incomplete)).allSatisfy((name, embedded) -> assertThat(embedded).as(name).isTrue());
        TreeSet<String> names = RenderFixtures.fontNames(complete);
        names.addAll(RenderFixtures.fontNames(incomplete)); // bold serif marks the remediation of a gap
        assertThat(names).contains("LiberationSerif", "LiberationSerif-Bold", "LiberationSerif-Italic", "LiberationSerif-BoldItalic",
                "LiberationSans", "LiberationSans-Bold", "LiberationMono");
        assertThat(names).allMatch(n -> n.startsWith("Liberation"));
    }

    @Test
    void longTablesRepeatTheirHeaderAndLongTokensWrapInsideThePage(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        StringBuilder y = new StringBuilder(java.nio.file.Files.readString(RenderFixtures.resource("minimal-risk.yaml")));
        y.append("  changeLog:\n");
        for (int i = 1; i <= 90; i++) {
            y.append("    - {version: \"2.0.").append(i).append("\", date: 2026-01-01, description: \"Release ").append(i).append(" with fixes\"}\n");
        }
        String token = "x".repeat(40) + "/" + "0123456789abcdef".repeat(12);
        y.append("  development:\n    architecture: \"").append(token).append("\"\n");
        java.nio.file.Path f = dir.resolve("long.yaml");
        java.nio.file.Files.writeString(f, y);
        Analysis a = RenderFixtures.ENGINE.analyse(f, "long.yaml", AFTER);
        byte[] pdf = RenderFixtures.renderer().render(DocumentKind.TECHNICAL_DOCUMENTATION, a, RenderFixtures.options("long", AFTER)).pdf();
        List<String> pages = RenderFixtures.pages(pdf);
        long withHeader = pages.stream().filter(p -> p.contains("Version Date Change Pre-determined Substantial modification")).count();
        assertThat(withHeader).as("pages that show the change log's header row").isGreaterThanOrEqualTo(2);
        assertThat(text(pdf).replace(" ", "")).contains(token);
        assertThat(rightmostGlyph(pdf)).as("rightmost glyph, in points (A4 is 595 wide, the right margin 18 mm)").isLessThan(595f - 48f);
    }

    /** The right edge of the rightmost glyph on any page. */
    static float rightmostGlyph(byte[] pdf) throws IOException {
        float[] max = {0};
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            org.apache.pdfbox.text.PDFTextStripper s = new org.apache.pdfbox.text.PDFTextStripper() {
                @Override
                protected void processTextPosition(org.apache.pdfbox.text.TextPosition t) {
                    max[0] = Math.max(max[0], t.getXDirAdj() + t.getWidthDirAdj());
                }
            };
            s.getText(doc);
        }
        return max[0];
    }

    @Test
    void theQualityManagementSystemLoggingAndRegistrationDetailsArePrinted() {
        String t = text(complete);
        // Annex B, after the evidence: Art. 17(1)(a)-(m), retention (Art. 18) and AI literacy (Art. 4)
        assertThat(t).containsSubsequence("Annex A: Evidence cited", "Annex B: Quality management system (Art. 17) and AI literacy (Art. 4)",
                "Strategy for regulatory compliance, incl. management of modifications Art17.1.a Regulatory compliance is planned per release",
                "Accountability framework Art17.1.m The chief executive owns AI compliance",
                "Documentation kept for Art18.1 10 years after placing on the market",
                "AI literacy measures Art4 Staff building or operating the system complete annual AI-literacy training");
        // Art. 12(2) in the logging table, the operating logic in 1(a), CE marking and registration in point 8, the reporting contact in point 9
        assertThat(t).contains("How the logs identify risk situations and substantial modifications Art12.2.a",
                "Information used and operating logic AnxVIII.A.6 The system reads the application record",
                "Digital CE marking: how it is reached Art48.2 Shown in the console's About page.",
                "Registration in the EU database Art49 EU-AIDB-HR-2026-004211, registered on 2026-10-20",
                "Responsible for reporting serious incidents The group compliance officer");
    }

    @Test
    void aSystemThatIsNotHighRiskSaysWhyNothingIsRequired() throws RenderException {
        String t = text(render(DocumentKind.TECHNICAL_DOCUMENTATION, "minimal-risk.yaml", AFTER));
        assertThat(t).contains("Annex IV applies to high-risk AI systems. This system is classified as", "Minimal risk",
                "this documentation is drawn up voluntarily");
        assertThat(t).contains("The rule pack does not require this item for this system");
        assertThat(t).doesNotContain("GAP ·");
        assertThat(t).contains("Article 17 applies to providers of high-risk AI systems: for this system the rule pack requires none of these points.");
        for (String h : HEADINGS) {
            assertThat(t).contains(h);
        }
    }

    /** A unit follows its value after a no-break space ("0.91 ratio"), a percent sign directly ("99.1%"), in every language. */
    @Test
    void unitsStandAfterTheirValuesAsWritten(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        String cv = dev.aidossier.TestSupport.examples().resolve("cv-screening.yaml").toString();
        String adm = dev.aidossier.TestSupport.examples().resolve("admissions-completeness-check.yaml").toString();
        for (String[] args : new String[][]{{cv, "technical-documentation", "en"}, {cv, "instructions", "de"}, {adm, "instructions", "en"}}) {
            RenderFixtures.Run r = RenderFixtures.cli("render", args[0], "--doc", args[1], "--lang", args[2], "--as-of", "2026-12-06", "-o", dir.toString());
            assertThat(r.code()).as(r.err()).isZero();
        }
        String td = text(java.nio.file.Files.readAllBytes(dir.resolve("cv-screening-technical-documentation.en.pdf"))).replace('\u00A0', ' ');
        assertThat(td).contains("0.91 ratio").doesNotContain("0.91ratio");
        String de = text(java.nio.file.Files.readAllBytes(dir.resolve("cv-screening-instructions.de.pdf"))).replace('\u00A0', ' ');
        assertThat(de).contains("0,91 ratio").doesNotContain("0,91ratio");
        String pct = text(java.nio.file.Files.readAllBytes(dir.resolve("admissions-completeness-check-instructions.en.pdf")));
        assertThat(pct).contains("99.1%").doesNotContain("99.1 %");
    }
}
