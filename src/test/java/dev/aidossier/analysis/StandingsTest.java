package dev.aidossier.analysis;

import dev.aidossier.TestSupport;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The standings are judged without a document: per framework, per section, in the crosswalk matrix and for
 * each action of the plan. The passport and the plan only show them (PassportTest reads the same figures
 * off the pages).
 */
class StandingsTest {

    private static final Path BORDER = Path.of("examples/border-biometrics.yaml");
    private static final Frameworks FW = TestSupport.frameworks();

    private static Standings of(Path file, LocalDate asOf) {
        Frameworks fw = FW;
        return Standings.of(fw, fw.engine().analyse(file, file.toString(), asOf), asOf);
    }

    @Test
    void eachFrameworkHasItsStandingUnitsAndOpenFindings() {
        Standings s = of(BORDER, LocalDate.parse("2026-12-02"));
        assertThat(s.frameworks()).extracting(Standings.Framework::id).containsExactly("eu-ai-act", "nist-ai-rmf", "iso-42001");
        Standings.Framework eu = s.frameworks().get(0);
        assertThat(eu.nature()).isEqualTo("binding");
        // articles and annexes in legal order, whatever the order of the rule files
        List<String> units = List.copyOf(eu.units().keySet());
        assertThat(units.indexOf("Art9")).isLessThan(units.indexOf("Art10"));
        assertThat(units.indexOf("Art10")).isLessThan(units.indexOf("AnxIV"));
        Standings.Framework nist = s.frameworks().get(1);
        assertThat(nist.gaps()).isNotEmpty().allSatisfy(f -> assertThat(f.ruleId()).startsWith("NIST-"));
        assertThat(nist.standing()).isIn("partly", "gap");
        assertThat(nist.all().applicable()).isEqualTo(nist.all().met() + nist.all().failed() + nist.all().upcoming());
    }

    @Test
    void actionsAreJudgedFromTheTypedPlanAndBecomeOverdueAfterTheirDate() {
        Standings before = of(BORDER, LocalDate.parse("2026-12-02"));
        assertThat(before.actions()).extracting(a -> a.action().gap())
                .containsExactly("NIST-MEASURE-2-12", "MEASURE-1.3", "A.5.5", "ISO/IEC 42001 certification");
        assertThat(before.actions()).extracting(Standings.Action::status).containsExactly("open", "open", "open", "unlinked");
        assertThat(before.actions().get(1).rules()).containsExactly("NIST-MEASURE-1-3");
        assertThat(before.overdue()).isZero();
        Standings after = of(BORDER, LocalDate.parse("2027-04-15"));
        assertThat(after.actions().get(0).overdue()).isTrue();
        assertThat(after.overdue()).isEqualTo(1);
        Standings.Unplanned nist = before.unplanned().get(1);
        assertThat(nist.open()).isEqualTo(5);
        assertThat(nist.planned()).isEqualTo(2);
        assertThat(nist.gaps()).extracting(f -> f.ruleId()).containsExactly("NIST-GOVERN-3-1", "NIST-MAP-1-2", "NIST-MEASURE-4-2");
    }

    @Test
    void aProhibitedPracticeStandsAsProhibitedUnderTheAct() {
        Standings s = of(Path.of("examples/social-scoring.yaml"), LocalDate.parse("2026-12-02"));
        assertThat(s.frameworks().get(0).standing()).isEqualTo("prohibited");
    }

    @Test
    void sectionsAndMatrixRowsCarryTalliesPerFramework() {
        Standings s = of(BORDER, LocalDate.parse("2026-12-02"));
        assertThat(s.sections()).isNotEmpty().allSatisfy(sec -> {
            assertThat(sec.byFramework().keySet()).containsExactly("eu-ai-act", "nist-ai-rmf", "iso-42001");
            assertThat(sec.serves()).isBetween(1, 3);
        });
        assertThat(Standings.section("spec.riskManagement.risks[2].measures")).isEqualTo("spec.riskManagement");
        assertThat(Standings.section("metadata.name")).isEqualTo("metadata");
        assertThat(s.columns().eu().id()).isEqualTo("eu-ai-act");
        assertThat(s.matrix()).isNotEmpty().allSatisfy(r -> assertThat(r.strength()).isIn("equivalent", "partial", "related"));
        Standings.MatrixRow art9 = s.matrix().stream().filter(r -> r.unit().equals("Art9")).findFirst().orElseThrow();
        assertThat(art9.nist()).isNotEmpty();
        assertThat(art9.tally().applicable()).isPositive();
    }
}
