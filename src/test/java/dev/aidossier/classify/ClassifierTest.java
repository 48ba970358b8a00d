package dev.aidossier.classify;

import dev.aidossier.TestSupport;
import dev.aidossier.analysis.Engine;
import dev.aidossier.load.DescriptionLoader;
import dev.aidossier.load.Loaded;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/** The classification data (rules/eu-ai-act/classification.yaml) applied to the hard cases of the Act. */
class ClassifierTest {

    static Engine engine;
    static final LocalDate TODAY = LocalDate.parse("2026-11-23");

    @BeforeAll
    static void load() throws Exception {
        engine = TestSupport.euEngine();
    }

    static Classification classify(String kind, String facts, String extraSpec, LocalDate asOf) {
        return classify(kind, "[provider]", facts, extraSpec, asOf);
    }

    static Classification classify(String kind, String roles, String facts, String extraSpec, LocalDate asOf) {
        String yaml = "apiVersion: dossier/v1\nkind: " + kind + "\nmetadata:\n  name: Test system\n  version: \"1\"\n"
                + "spec:\n  provider:\n    name: Test GmbH\n  roles: " + roles + "\n" + extraSpec
                + (facts.isEmpty() ? "" : "  classification:\n" + facts.indent(4));
        Loaded l = new DescriptionLoader().load(yaml.getBytes(StandardCharsets.UTF_8), "t.yaml", null);
        assertThat(l.findings()).as("structural findings").isEmpty();
        Classification c = engine.classifier().classify(l, asOf);
        assertThat(c.findings()).as("classification findings").isEmpty();
        return c;
    }

    static Classification system(String facts) {
        return classify("AISystem", facts, "", TODAY);
    }

    @Test
    void noFactsIsMinimalRisk() {
        Classification c = system("");
        assertThat(c.tier()).isEqualTo("minimal-risk");
        assertThat(c.basis()).isEmpty();
        assertThat(c.gpai()).isEqualTo("none");
    }

    @Test
    void annexIIIUseIsHighRiskWithObligationsFromDecember2027() {
        Classification c = system("annexIII:\n  points: [AnxIII.4.a]");
        assertThat(c.tier()).isEqualTo("high-risk");
        assertThat(c.basis()).containsExactly("Art6.2", "AnxIII.4.a");
        assertThat(c.routes()).containsExactly("annex-iii");
        assertThat(c.obligationsFrom()).isEqualTo(LocalDate.parse("2027-12-02"));
    }

    @Test
    void annexIIIOwnExclusionsTakeAPointOut() {
        assertThat(system("annexIII:\n  points: [AnxIII.5.b]\n  financialFraudDetectionOnly: true").tier()).isEqualTo("minimal-risk");
        assertThat(system("annexIII:\n  points: [AnxIII.1.a]\n  biometricVerificationOnly: true").tier()).isEqualTo("minimal-risk");
        Classification both = system("annexIII:\n  points: [AnxIII.1.a, AnxIII.7.d]\n  biometricVerificationOnly: true");
        assertThat(both.tier()).isEqualTo("high-risk");
        assertThat(both.annexIII()).containsExactly("AnxIII.7.d");
    }

    @Test
    void derogationNeedsAConditionAndNoSignificantRisk() {
        Classification d = system("annexIII:\n  points: [AnxIII.3.a]\nderogation:\n  narrowProceduralTask: true\n  noSignificantRisk: true");
        assertThat(d.tier()).isEqualTo("minimal-risk");
        assertThat(d.derogation()).isTrue();
        assertThat(d.basis()).containsExactly("Art6.3.sub1", "Art6.4", "Art49.2", "Art6.3.sub2.a", "AnxIII.3.a");
        assertThat(d.cite("Art6.3.sub2.a")).isEqualTo("Art. 6(3), second subparagraph, point (a)");
        assertThat(d.obligationsFrom()).isEqualTo(LocalDate.parse("2027-12-02"));

        Classification noRiskOnly = system("annexIII:\n  points: [AnxIII.3.a]\nderogation:\n  noSignificantRisk: true");
        assertThat(noRiskOnly.tier()).isEqualTo("high-risk");
        Classification conditionOnly = system("annexIII:\n  points: [AnxIII.3.a]\nderogation:\n  preparatoryTask: true");
        assertThat(conditionOnly.tier()).isEqualTo("high-risk");
    }

    @Test
    void profilingOverridesTheDerogation() {
        Classification c = system("annexIII:\n  points: [AnxIII.4.a]\n  profiling: true\nderogation:\n  narrowProceduralTask: true\n  noSignificantRisk: true");
        assertThat(c.tier()).isEqualTo("high-risk");
        assertThat(c.derogation()).isFalse();
        assertThat(c.basis()).contains("Art6.3.sub3");
    }

    @Test
    void annexIProductRouteFollowsTheOmnibusSafetyComponentTest() {
        String mdr = "annexI:\n  legislation: [AnxI.A.11]\n  safetyComponent: true\n  thirdPartyAssessment: true";
        Classification c = system(mdr);
        assertThat(c.tier()).isEqualTo("high-risk");
        assertThat(c.basis()).containsExactly("Art6.1", "Art6.1.a", "Art6.1.b", "AnxI.A.11");
        assertThat(c.obligationsFrom()).isEqualTo(LocalDate.parse("2028-08-02"));
        assertThat(system(mdr + "\n  solelyNonSafetyAspects: true").tier()).isEqualTo("minimal-risk");
        assertThat(system(mdr + "\n  solelyNonSafetyAspects: true\n  failureEndangersHealthOrSafety: true").tier()).isEqualTo("high-risk");
        Classification radio = system(mdr + "\n  thirdPartyOnlyForNonSafetyRisks: true");
        assertThat(radio.tier()).isEqualTo("minimal-risk");
        assertThat(radio.setAside()).singleElement().satisfies(a -> {
            assertThat(a.id()).isEqualTo("set-aside.annex-i-non-safety-assessment");
            assertThat(a.basis()).containsExactly("Art6.1c", "Art6.1.b", "AnxI.A.11");
            assertThat(a.because()).extracting(Classification.Reason::path, Classification.Reason::value)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("spec.classification.annexI.thirdPartyOnlyForNonSafetyRisks", true));
            // where the description states the fact: the fifth line of annexI (line 11)
            assertThat(a.because().get(0).location().line()).isEqualTo(15);
        });
        assertThat(system("annexI:\n  legislation: [AnxI.A.11]\n  safetyComponent: true").tier()).isEqualTo("minimal-risk");
    }

    @Test
    void socialScoringNeedsDetrimentalTreatment() {
        assertThat(system("prohibited:\n  socialScoring: true").tier()).isEqualTo("minimal-risk");
        Classification c = system("prohibited:\n  socialScoring: true\n  detrimentalTreatmentDisproportionate: true");
        assertThat(c.tier()).isEqualTo("prohibited");
        assertThat(c.basis()).containsExactly("Art5.1.c");
    }

    @Test
    void realTimeRbiIsAllowedOnlyForTheListedObjectives() {
        assertThat(system("prohibited:\n  realTimeRemoteBiometricIdentification: true").tier()).isEqualTo("prohibited");
        // the objective alone does not lift the ban: Art. 5(2), 5(3) and 5(5) must hold too
        assertThat(system("prohibited:\n  realTimeRemoteBiometricIdentification: true\n  realTimeRbiException: victimSearch").tier())
                .isEqualTo("prohibited");
        Classification lifted = system("prohibited:\n  realTimeRemoteBiometricIdentification: true\n  realTimeRbiException: victimSearch\n"
                + "  rbiFriaAndRegistration: true\n  rbiPriorAuthorisation: true\n  rbiNationalLawPermits: true");
        assertThat(lifted.tier()).isEqualTo("minimal-risk");
        assertThat(lifted.setAside()).extracting(Classification.SetAside::id).containsExactly("set-aside.realtime-rbi-ban-lifted");
        assertThat(lifted.setAside().get(0).basis()).contains("Art5.1.h", "Art5.1.h.i");
    }

    @Test
    void omnibusProhibitionsApplyFromSecondDecember2026() {
        String f = "prohibited:\n  nonConsensualIntimateImagery: true\ntransparency:\n  interactsWithNaturalPersons: true";
        Classification before = classify("AISystem", f, "", LocalDate.parse("2026-12-01"));
        assertThat(before.tier()).isEqualTo("limited-risk");
        assertThat(before.upcoming()).extracting(Classification.Conclusion::id).containsExactly("prohibited.intimate-imagery");
        assertThat(before.upcoming().get(0).appliesFrom()).isEqualTo(LocalDate.parse("2026-12-02"));
        Classification after = classify("AISystem", f, "", LocalDate.parse("2026-12-02"));
        assertThat(after.tier()).isEqualTo("prohibited");
        assertThat(after.basis()).contains("Art5.1.ba", "Art5.1a");
    }

    @Test
    void transparencyDutiesStackOnHighRisk() {
        String f = "annexIII:\n  points: [AnxIII.1.c]\ntransparency:\n  emotionRecognition: true\n  interactsWithNaturalPersons: true";
        Classification c = classify("AISystem", "[provider, deployer]", f, "", TODAY);
        assertThat(c.tier()).isEqualTo("high-risk");
        assertThat(c.transparency()).containsExactly("Art50.1", "Art50.3");
    }

    @Test
    void transparencyDutiesFollowTheRoles() {
        String f = "transparency:\n  emotionRecognition: true\n  interactsWithNaturalPersons: true";
        Classification provider = classify("AISystem", "[provider]", f, "", TODAY);
        assertThat(provider.transparency()).containsExactly("Art50.1");
        assertThat(provider.setAside()).singleElement().satisfies(a -> {
            assertThat(a.id()).isEqualTo("transparency.emotion-biometric");
            assertThat(a.roles()).containsExactly("deployer");
            assertThat(a.because().get(0).path()).isEqualTo("spec.roles");
            assertThat(a.because().get(0).value()).isEqualTo(java.util.List.of("provider"));
        });
        Classification deployer = classify("AISystem", "[deployer]", f, "", TODAY);
        assertThat(deployer.transparency()).containsExactly("Art50.3");
        assertThat(deployer.setAside()).extracting(Classification.SetAside::id).containsExactly("transparency.interaction");
    }

    @Test
    void personalUseLiftsOnlyTheDeployerDuties() {
        String f = "scope:\n  personalNonProfessionalUse: true\nprohibited:\n  socialScoring: true\n  detrimentalTreatmentDisproportionate: true";
        Classification c = classify("AISystem", "[provider, deployer]", f, "", TODAY);
        assertThat(c.tier()).isEqualTo("prohibited");
        assertThat(c.roles()).containsExactly("provider");
        assertThat(c.setAside()).extracting(Classification.SetAside::id).containsExactly("scope.personal");
    }

    @Test
    void art50ExceptionsAreOneFactPerParagraph() {
        // 50(1) carve-back: authorised for criminal offences, but open to the public to report one
        assertThat(system("transparency:\n  interactsWithNaturalPersons: true\n  authorisedByLawForCriminalOffences: true").transparency()).isEmpty();
        assertThat(system("transparency:\n  interactsWithNaturalPersons: true\n  authorisedByLawForCriminalOffences: true\n"
                + "  availableToPublicToReportOffences: true").transparency()).containsExactly("Art50.1");
        // 50(3) has its own wording ("detect, prevent or investigate"): the 50(1)/(2) fact does not lift it
        String bio = "transparency:\n  biometricCategorisation: true\n  ";
        assertThat(classify("AISystem", "[deployer]", bio + "authorisedByLawForCriminalOffences: true", "", TODAY).transparency()).containsExactly("Art50.3");
        assertThat(classify("AISystem", "[deployer]", bio + "permittedByLawToDetectPreventOrInvestigate: true", "", TODAY).transparency()).isEmpty();
    }

    @Test
    void transparencyExceptionsAreHonoured() {
        assertThat(system("transparency:\n  interactsWithNaturalPersons: true\n  interactionObvious: true").tier()).isEqualTo("minimal-risk");
        assertThat(classify("AISystem", "[deployer]", "transparency:\n  publicInterestText: true\n  editorialResponsibility: true", "", TODAY).transparency()).isEmpty();
        assertThat(system("transparency:\n  generatesSyntheticContent: true\n  inputNotSubstantiallyAltered: true").transparency()).isEmpty();
        assertThat(system("transparency:\n  generatesSyntheticContent: true\n  assistiveEditingOnly: true").transparency()).isEmpty();
    }

    @Test
    void scopeExclusionsAndTheLimitsOfOpenSource() {
        Classification mil = system("scope:\n  militaryDefenceOrNationalSecurity: true\nannexIII:\n  points: [AnxIII.6.a]");
        assertThat(mil.tier()).isEqualTo("out-of-scope");
        assertThat(mil.basis()).containsExactly("Art2.3");
        assertThat(mil.annexIII()).isEmpty();
        assertThat(system("scope:\n  freeAndOpenSourceLicence: true").tier()).isEqualTo("out-of-scope");
        assertThat(system("scope:\n  freeAndOpenSourceLicence: true\nannexIII:\n  points: [AnxIII.4.a]").tier()).isEqualTo("high-risk");
        assertThat(classify("AISystem", "[deployer]", "scope:\n  freeAndOpenSourceLicence: true\ntransparency:\n  deepFakes: true", "", TODAY).tier())
                .isEqualTo("limited-risk");
        // Art. 2(12) asks whether the system falls under Art. 50, whoever bears the duty
        Classification provider = system("scope:\n  freeAndOpenSourceLicence: true\ntransparency:\n  deepFakes: true");
        assertThat(provider.tier()).isEqualTo("minimal-risk");
        assertThat(provider.setAside()).extracting(Classification.SetAside::id)
                .containsExactly("transparency.deep-fakes", "set-aside.open-source-exclusion");
    }

    @Test
    void gpaiSystemicRiskPresumptionIsStrictlyAbove1e25() {
        assertThat(classify("GPAIModel", "", "  training:\n    computeFlops: 1.0e25\n", TODAY).gpai()).isEqualTo("gpai");
        Classification above = classify("GPAIModel", "", "  training:\n    computeFlops: 1.0000001e25\n", TODAY);
        assertThat(above.gpai()).isEqualTo("gpai-systemic-risk");
        assertThat(above.tier()).isEqualTo("none");
        assertThat(above.basis()).contains("Art51.2", "Art55");
        assertThat(classify("GPAIModel", "gpai:\n  designatedSystemicRisk: true", "", TODAY).gpai()).isEqualTo("gpai-systemic-risk");
        assertThat(classify("GPAIModel", "gpai:\n  researchPrototypeOnly: true", "  training:\n    computeFlops: 5.0e25\n", TODAY).gpai()).isEqualTo("none");
    }
}
