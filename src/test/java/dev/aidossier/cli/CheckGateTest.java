package dev.aidossier.cli;

import dev.aidossier.TestSupport;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The officer's gate: check shows the requirements that are not met but apply only later, each at its line
 * with its date, counts every status, and --include-upcoming gates on them.
 */
class CheckGateTest {

    static final String GAPS = "src/test/resources/gaps/cv-screening-gaps.yaml";

    @Test
    void upcomingFindingsArePrintedAtTheirLineWithTheirDate() {
        TestSupport.Run r = TestSupport.run("check", "--as-of", "2026-12-02", GAPS);
        assertThat(r.exit()).as(r.toString()).isZero();
        List<String> lines = r.out().lines().toList();
        assertThat(lines).contains(GAPS + ":45:22: upcoming error [EUAIA-ANXIV-1A-PURPOSE] Annex IV 1(a) requires the intended purpose,"
                + " including context and conditions of use; spec.general.intendedPurpose is a placeholder ('TBD'). (applies from 2027-12-02)");
        assertThat(lines.get(lines.size() - 1))
                .isEqualTo("1 file: 0 errors, 0 warnings, 0 notes open; 4 upcoming (applying from 2027-12-02), 0 waived, 113 passed");
    }

    @Test
    void includeUpcomingGatesOnThem() {
        assertThat(TestSupport.run("check", "--as-of", "2026-12-02", "--include-upcoming", GAPS).exit()).isEqualTo(1);
        assertThat(TestSupport.run("check", "--as-of", "2026-12-02", "--include-upcoming", "--fail-on", "never", GAPS).exit()).isZero();
        // only at or above --fail-on: the upcoming gaps are errors, so a warning threshold gates too
        assertThat(TestSupport.run("check", "--as-of", "2026-12-02", "--include-upcoming", "--fail-on", "warning", GAPS).exit()).isEqualTo(1);
    }

    @Test
    void onceTheyApplyTheyAreOpenErrors() {
        TestSupport.Run r = TestSupport.run("check", "--as-of", "2028-09-01", GAPS);
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).contains(GAPS + ":45:22: error [EUAIA-ANXIV-1A-PURPOSE]").doesNotContain(": upcoming ");
        assertThat(r.out().lines().reduce((a, b) -> b).orElseThrow()).startsWith("1 file: 4 errors, 0 warnings, 0 notes open; 0 upcoming, 0 waived, ");
    }

    @Test
    void packSummaryHasAnUpcomingColumnAndFitsLongNames(@org.junit.jupiter.api.io.TempDir java.nio.file.Path out) {
        TestSupport.Run r = TestSupport.run("pack", "--no-pdf", "--as-of", "2026-12-02", "--fail-on", "never", "-o", out.toString(), GAPS);
        assertThat(r.exit()).as(r.toString()).isZero();
        List<String> lines = r.out().lines().toList();
        // the file column is as wide as the longest name: nothing cut, the columns line up
        assertThat(lines.get(0)).startsWith("FILE ").contains("ERRORS WARNINGS UPCOMING  PACK");
        assertThat(lines.get(0).indexOf("TIER")).isEqualTo(GAPS.length() + 2);
        assertThat(lines.get(1)).matches(java.util.regex.Pattern.quote(GAPS) + "  high-risk +0 +0 +4  .*cv-screening-gaps");
    }

    @Test
    void classifyFailsOnAProhibitedPractice() {
        String prohibited = TestSupport.examples().resolve("social-scoring.yaml").toString();
        String allowed = TestSupport.examples().resolve("customer-chatbot.yaml").toString();
        assertThat(TestSupport.run("classify", prohibited).exit()).isEqualTo(1);
        assertThat(TestSupport.run("classify", "--fail-on", "warning", prohibited).exit()).isEqualTo(1);
        assertThat(TestSupport.run("classify", "--fail-on", "never", prohibited).exit()).isZero();
        assertThat(TestSupport.run("classify", allowed).exit()).isZero();
        assertThat(TestSupport.run("classify", prohibited).out()).contains(": prohibited");
    }
}
