package dev.aidossier.render;

import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.aidossier.render.RenderFixtures.AFTER;
import static dev.aidossier.render.RenderFixtures.BEFORE;
import static dev.aidossier.render.RenderFixtures.render;
import static dev.aidossier.render.RenderFixtures.text;
import static org.assertj.core.api.Assertions.assertThat;

/** The gap report for compliance officers. */
class GapReportTest {

    @Test
    void classificationSummariesAndOpenFindings() throws RenderException {
        String t = text(render(DocumentKind.GAP_REPORT, "incomplete.yaml", AFTER));
        assertThat(t).contains("1. Classification and legal basis", "High-risk",
                "Annex III 4(a): Recruitment and selection of natural persons", "Art. 6(2)", "2027-12-02");
        // completeness per Annex IV point: passed / applicable
        assertThat(t).contains("2. Annex IV: completeness by point", "Annex IV completeness 12 % (6 of 48)",
                "1. General description of the AI system 10 2 8 0 0 20 %", "Annex IV as a whole 48 6 41 0 1 12 %");
        assertThat(t).contains("3. Completeness by article and annex", "Art. 10", "Annex IV");
        // each open finding with its place, remediation and date
        long errors = RenderFixtures.analyse("incomplete.yaml", AFTER).findings().stream()
                .filter(f -> f.status() == dev.aidossier.core.Status.failed && f.severity() == dev.aidossier.core.Severity.error).count();
        assertThat(t).contains("4. Open findings", errors + " errors",
                "ERROR · EUAIA-ANXIV-1A-PURPOSE · Intended purpose is described",
                "incomplete.yaml:19:22 spec.general.intendedPurpose",
                "Remediation: Describe what the system is for",
                "Obligation: Annex IV 1(a); Art. 11(1); Art. 3(12). Applies from 2027-12-02.");
        // waived findings with reason, approver and expiry
        assertThat(t).contains("6. Waived findings", "EUAIA-ANXIV-7-STANDARDS",
                "ISO/IEC 42001 certification audit scheduled for 2027-03", "Head of Compliance, J. de Vries", "2028-06-30");
        assertThat(t).contains("EU declaration of conformity Refused until " + errors + " error-level finding(s) are resolved");
    }

    @Test
    void provisionsSetAsideAreListedWithTheFactThatSetThemAside(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path p = dir.resolve("fraud.yaml");
        java.nio.file.Files.writeString(p, "apiVersion: dossier/v1\nkind: AISystem\nmetadata:\n  name: Fraud screen\n  version: \"1\"\n"
                + "spec:\n  provider:\n    name: Bank AG\n  roles: [provider]\n  classification:\n    annexIII:\n      points: [AnxIII.5.b]\n"
                + "      financialFraudDetectionOnly: true\n");
        dev.aidossier.analysis.Analysis a = RenderFixtures.ENGINE.analyse(p, "fraud.yaml", AFTER);
        String t = text(RenderFixtures.renderer().render(DocumentKind.GAP_REPORT, a, RenderFixtures.options("fraud", AFTER)).pdf());
        assertThat(t).contains("Provisions considered and set aside", "Annex III, point 5(b)",
                "Detecting financial fraud is excluded from Annex III point 5(b)",
                "financialFraudDetectionOnly = true (line 13)");
        // the path may break across lines after a dot
        assertThat(t.replace(". ", ".")).contains("spec.classification.annexIII.financialFraudDetectionOnly = true (line 13)");
    }

    @Test
    void upcomingFindingsShowTheDateFromWhichTheyApply() throws RenderException {
        String t = text(render(DocumentKind.GAP_REPORT, "incomplete.yaml", BEFORE));
        assertThat(t).contains("0 errors, 0 warnings, 0 notes", "5. Upcoming findings",
                "ERROR · EUAIA-ANXIV-1G-UI · User interface for the deployer is described", "Applies from 2027-12-02.");
        List<String> pages = RenderFixtures.pages(render(DocumentKind.GAP_REPORT, "incomplete.yaml", BEFORE));
        assertThat(String.join(" ", pages)).contains("No finding is open.");
    }

    @Test
    void aCompleteDescriptionIsFullyCovered() throws RenderException {
        String t = text(render(DocumentKind.GAP_REPORT, "complete.yaml", AFTER));
        assertThat(t).contains("Annex IV completeness 100 % (47 of 47)", "No finding is open.", "No finding is waived.",
                "Can be issued: no error-level finding is open or upcoming");
    }

    @Test
    void aGeneralPurposeModelHasAGapReport() throws RenderException {
        String t = text(render(DocumentKind.GAP_REPORT, "gpai-model.yaml", AFTER));
        assertThat(t).contains("Tiny Foundation Model", "General-purpose AI model",
                "Annex IV concerns AI systems; this description is of a general-purpose AI model.");
    }
}
