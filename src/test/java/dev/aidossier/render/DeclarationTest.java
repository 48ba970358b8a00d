package dev.aidossier.render;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static dev.aidossier.render.RenderFixtures.AFTER;
import static dev.aidossier.render.RenderFixtures.BEFORE;
import static dev.aidossier.render.RenderFixtures.cli;
import static dev.aidossier.render.RenderFixtures.render;
import static dev.aidossier.render.RenderFixtures.resource;
import static dev.aidossier.render.RenderFixtures.text;
import static org.assertj.core.api.Assertions.assertThat;

/** The EU declaration of conformity (Annex V) and its gate. */
class DeclarationTest {

    static final String STAMP = "DRAFT – not a declaration of conformity";

    @Test
    void everyPointOfAnnexVIsPresentWithItsParticulars() throws RenderException {
        String t = text(render(DocumentKind.DECLARATION, "complete.yaml", AFTER));
        assertThat(t).contains(
                "1. AI system: name, type and unambiguous reference", "CrediLens Scoring", "creditworthiness assessment software", "CL-EU-3.1-2026",
                "2. Name and address of the provider or of its authorised representative", "Λεωφόρος Κηφισίας 44",
                "3. Sole responsibility", "issued under the sole responsibility of the provider",
                "4. Statement of conformity", "is in conformity with Regulation (EU) 2024/1689",
                "5. Personal data", "complies with Regulation (EU) 2016/679, Regulation (EU) 2018/1725 and Directive (EU) 2016/680",
                "6. Harmonised standards and common specifications", "EN ISO/IEC 23894:2024",
                "7. Notified body, conformity assessment procedure and certificate", "Internal control (Annex VI)",
                "8. Place and date of issue, signatory", "Αθήνα (Athens)", "2026-10-15", "Ελένη Παπαδοπούλου", "Chief Executive Officer");
        assertThat(t).doesNotContain("DRAFT").doesNotContain("not stated in the description");
    }

    @Test
    void refusedWithoutDraftWhileErrorsAreOpen(@TempDir Path out) {
        RenderFixtures.Run r = cli("render", resource("incomplete.yaml").toString(), "--doc", "declaration", "-o", out.toString(), "--as-of", "2028-01-01");
        assertThat(r.code()).isEqualTo(1);
        long n = openErrors(AFTER);
        assertThat(n).isGreaterThan(50);
        assertThat(r.err()).contains("the EU declaration of conformity was not rendered", n + " error-level findings remain (" + n + " open)",
                "--doc gap-report", "dossier check", "--draft");
        assertThat(out).isEmptyDirectory();
    }

    @Test
    void upcomingErrorsBlockTheDeclarationToo(@TempDir Path out) {
        // before the high-risk date the Annex IV findings are upcoming: still requirements not met
        RenderFixtures.Run r = cli("render", resource("incomplete.yaml").toString(), "--doc", "declaration", "-o", out.toString(), "--as-of", "2026-11-23");
        assertThat(r.code()).isEqualTo(1);
        long n = RenderFixtures.analyse("incomplete.yaml", BEFORE).findings().stream()
                .filter(f -> f.status() == dev.aidossier.core.Status.upcoming && f.severity() == dev.aidossier.core.Severity.error).count();
        assertThat(n).isEqualTo(openErrors(AFTER));
        assertThat(r.err()).contains(n + " error-level findings remain (" + n + " upcoming");
        assertThat(out).isEmptyDirectory();
    }

    @Test
    void aDraftIsStampedOnEveryPage(@TempDir Path out) throws Exception {
        RenderFixtures.Run r = cli("render", resource("incomplete.yaml").toString(), "--doc", "declaration", "--draft", "-o", out.toString(), "--as-of", "2028-01-01");
        assertThat(r.code()).as(r.err()).isZero();
        // its own name, never the real declaration's, and a title that says what it is
        assertThat(out.resolve("incomplete-declaration.pdf")).doesNotExist();
        byte[] pdf = Files.readAllBytes(out.resolve("incomplete-declaration.draft.pdf"));
        try (org.apache.pdfbox.pdmodel.PDDocument d = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            assertThat(d.getDocumentInformation().getTitle()).startsWith("DRAFT \u2013 not a declaration of conformity \u2013 EU declaration of conformity");
        }
        List<String> pages = RenderFixtures.pages(pdf);
        assertThat(pages).hasSizeGreaterThan(1).allSatisfy(p -> assertThat(p).contains(STAMP));
        String t = text(pdf);
        assertThat(t).contains("DRAFT · NOT A DECLARATION OF CONFORMITY", "may not be signed or used as a declaration");
        // what the description lacks is visible, never left out
        assertThat(t).contains("[not stated in the description: the type of the system,", "metadata.type",
                "[not stated in the description: whether the system processes personal data,", "spec.general.processesPersonalData");
        assertThat(t).contains("GAP · EUAIA-ANXIV-8-DECLARATION");
    }

    @Test
    void aCompleteDescriptionGetsItsDeclarationWithoutDraft(@TempDir Path out) {
        RenderFixtures.Run r = cli("render", resource("complete.yaml").toString(), "--doc", "declaration", "-o", out.toString(), "--as-of", "2028-01-01");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(out.resolve("complete-declaration.pdf")).isRegularFile();
    }

    @Test
    void theGateCountsFailedAndUpcomingErrorsOnly() {
        assertThat(DeclarationGate.of(RenderFixtures.analyse("complete.yaml", BEFORE)).blocked()).isFalse();
        DeclarationGate g = DeclarationGate.of(RenderFixtures.analyse("incomplete.yaml", AFTER));
        assertThat(g.failed()).isEqualTo(openErrors(AFTER)).isGreaterThan(50);
        assertThat(g.upcoming()).isZero();
        // the waived EUAIA-ANXIV-7-STANDARDS does not block
        assertThat(RenderFixtures.analyse("incomplete.yaml", AFTER).findings())
                .anyMatch(f -> f.ruleId().equals("EUAIA-ANXIV-7-STANDARDS") && f.status() == dev.aidossier.core.Status.waived);
    }

    /** Error-level findings of incomplete.yaml that are open on {@code asOf}, as the engine reports them. */
    private static long openErrors(java.time.LocalDate asOf) {
        return RenderFixtures.analyse("incomplete.yaml", asOf).findings().stream()
                .filter(f -> f.status() == dev.aidossier.core.Status.failed && f.severity() == dev.aidossier.core.Severity.error).count();
    }
}
