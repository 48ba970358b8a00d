package dev.aidossier.cli;

import dev.aidossier.TestSupport;
import dev.aidossier.report.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The command line contract: usage, exit codes, output formats. Runs in this JVM through Main.run. */
class CliTest {

    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    private static final String CV = "apiVersion: dossier/v1\nkind: AISystem\nmetadata:\n  name: Screening\n  version: \"1\"\n"
            + "spec:\n  provider:\n    name: Screening BV\n  roles: [provider]\n  classification:\n    annexIII:\n      points: [AnxIII.4.a]\n";

    @Test
    void versionAndHelp() {
        TestSupport.Run v = TestSupport.run("--version");
        assertThat(v.exit()).isZero();
        assertThat(v.out()).startsWith("dossier ");
        TestSupport.Run h = TestSupport.run("--help");
        assertThat(h.exit()).isZero();
        assertThat(h.out()).contains("classify", "check", "rules", "schema", "Exit codes:");
    }

    @Test
    void missingCommandAndUnknownOptionAreUsageErrors() {
        TestSupport.Run none = TestSupport.run();
        assertThat(none.exit()).isEqualTo(2);
        assertThat(none.err()).contains("a command is required");
        TestSupport.Run bad = TestSupport.run("classify", "--frobnicate", "x.yaml");
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err()).contains("Unknown option: '--frobnicate'").contains("dossier classify --help");
        TestSupport.Run date = TestSupport.run("classify", "--as-of", "23.11.2026", "x.yaml");
        assertThat(date.exit()).isEqualTo(2);
        assertThat(date.err()).contains("--as-of: '23.11.2026' is not a date like 2026-11-23");
        TestSupport.Run fmt = TestSupport.run("classify", "--format", "xml", "x.yaml");
        assertThat(fmt.exit()).isEqualTo(2);
    }

    @Test
    void missingFileIsUnreadableInput() {
        TestSupport.Run r = TestSupport.run("classify", dir.resolve("nope.yaml").toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.out()).contains("nope.yaml:1:1: error [yaml.io] file not found");
    }

    @Test
    void classifyPrintsTierAndBasisAsText() throws IOException {
        Path p = write("cv.yaml", CV);
        TestSupport.Run r = TestSupport.run("classify", "--as-of", "2026-11-23", p.toString());
        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.out()).contains(p + ": high-risk")
                .contains("legal basis:     Art6.2 (Art. 6(2)), AnxIII.4.a (Annex III, point 4(a))")
                .contains("Annex III:       AnxIII.4.a Recruitment and selection of natural persons")
                .contains("obligations from 2027-12-02");
    }

    @Test
    void classifyJsonHasOneObjectPerFile() throws IOException {
        Path a = write("a.yaml", CV);
        Path b = write("b.yaml", CV.replace("[AnxIII.4.a]", "[]"));
        TestSupport.Run r = TestSupport.run("classify", "--format", "json", "--as-of", "2026-11-23", a.toString(), b.toString());
        assertThat(r.exit()).isZero();
        JsonNode arr = Json.mapper().readTree(r.out());
        assertThat(arr.isArray()).isTrue();
        assertThat(arr.size()).isEqualTo(2);
        assertThat(arr.get(0).get("file").asString()).isEqualTo(a.toString());
        assertThat(arr.get(0).get("tier").asString()).isEqualTo("high-risk");
        assertThat(arr.get(0).get("gpai").asString()).isEqualTo("none");
        assertThat(arr.get(0).get("transparency").isArray()).isTrue();
        assertThat(arr.get(0).get("basis").toString()).isEqualTo("[\"Art6.2\",\"AnxIII.4.a\"]");
        assertThat(arr.get(0).get("findings").isArray()).isTrue();
        assertThat(arr.get(1).get("tier").asString()).isEqualTo("minimal-risk");
    }

    @Test
    void classifyNamesWhatItSetAsideAndTheFactThatDidIt() throws IOException {
        Path p = write("fraud.yaml", CV.replace("[AnxIII.4.a]", "[AnxIII.5.b]\n      financialFraudDetectionOnly: true"));
        TestSupport.Run r = TestSupport.run("classify", "--as-of", "2026-11-23", p.toString());
        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.out().lines().toList()).containsExactly(
                p + ": minimal-risk",
                "  legal basis:     none",
                "  transparency:    none",
                "  general-purpose: none",
                "  set aside:       AnxIII.5.b (Annex III, point 5(b)): Detecting financial fraud is excluded from Annex III point 5(b)",
                "                     because spec.classification.annexIII.financialFraudDetectionOnly = true (" + p + ":13:36)");
        TestSupport.Run j = TestSupport.run("classify", "--format", "json", "--as-of", "2026-11-23", p.toString());
        JsonNode aside = Json.mapper().readTree(j.out()).get(0).get("setAside");
        assertThat(aside.toString()).isEqualTo("[{\"id\":\"set-aside.annex-iii-5b-fraud\",\"basis\":[\"AnxIII.5.b\"],"
                + "\"title\":\"Detecting financial fraud is excluded from Annex III point 5(b)\",\"because\":[{\"fact\":"
                + "\"spec.classification.annexIII.financialFraudDetectionOnly\",\"value\":true,\"line\":13,\"column\":36}]}]");
    }

    @Test
    void anAnnexISectionBProductIsBoundOnlyByTheProvisionsOfArticle2Paragraph2() throws IOException {
        String sectionB = "apiVersion: dossier/v1\nkind: AISystem\nmetadata:\n  name: Shuttle\n  version: \"1\"\n"
                + "spec:\n  provider:\n    name: Shuttle GmbH\n  roles: [provider]\n  classification:\n    annexI:\n"
                + "      legislation: [AnxI.B.18]\n      isProduct: true\n      thirdPartyAssessment: true\n"
                + "    transparency:\n      interactsWithNaturalPersons: true\n";
        Path p = write("shuttle.yaml", sectionB);
        TestSupport.Run r = TestSupport.run("classify", "--as-of", "2028-09-01", p.toString());
        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.out().lines().toList()).containsExactly(
                p + ": high-risk",
                "  legal basis:     Art6.1 (Art. 6(1)), Art6.1.a (Art. 6(1), point (a)), Art6.1.b (Art. 6(1), point (b)), Art2.2 (Art. 2(2)), "
                        + "AnxI.B.18 (Annex I, Section B, point 18)",
                "  obligations from 2028-08-02",
                "  only applies:    Art6.1 (Art. 6(1)), Art60a (Art. 60a), Art102 (Art. 102), Art103 (Art. 103), Art104 (Art. 104), "
                        + "Art105 (Art. 105), Art106 (Art. 106), Art107 (Art. 107), Art108 (Art. 108), Art109 (Art. 109), Art110 (Art. 110), "
                        + "Art111 (Art. 111), Art112 (Art. 112)",
                "  transparency:    none",
                "  general-purpose: none",
                "  set aside:       Art50.1 (Art. 50(1)): Persons must be told they are interacting with an AI system",
                "                     because spec.classification.annexI.legislation = [AnxI.B.18] (" + p + ":12:20)");
        JsonNode c = Json.mapper().readTree(TestSupport.run("classify", "--format", "json", "--as-of", "2028-09-01", p.toString()).out()).get(0);
        assertThat(c.get("routes").toString()).isEqualTo("[\"annex-i-section-b\"]");
        assertThat(c.get("onlyProvisions").get(1).asString()).isEqualTo("Art60a");
        // check: no rule of the Act applies (Annex IV, Art. 9-15, 50 ...): every one is not applicable
        JsonNode f = Json.mapper().readTree(TestSupport.run("check", "--format", "json", "--as-of", "2028-09-01", "--fail-on", "never", p.toString()).out());
        java.util.List<String> statuses = new java.util.ArrayList<>();
        f.get("files").get(0).get("findings").forEach(x -> {
            if (x.get("ruleId").asString().startsWith("EUAIA-")) {
                statuses.add(x.get("status").asString());
            }
        });
        assertThat(statuses).isNotEmpty().containsOnly("notApplicable");
        // a Section A act beside it brings the whole Act back
        Path both = write("both.yaml", sectionB.replace("[AnxI.B.18]", "[AnxI.B.18, AnxI.A.11]"));
        JsonNode c2 = Json.mapper().readTree(TestSupport.run("classify", "--format", "json", "--as-of", "2028-09-01", both.toString()).out()).get(0);
        assertThat(c2.get("onlyProvisions").size()).isZero();
        assertThat(c2.get("transparency").toString()).isEqualTo("[\"Art50.1\"]");
    }

    @Test
    void noDeclarationOfConformityForASystemTheActAsksNoneOf() throws IOException {
        Path out = dir.resolve("out");
        // limited risk (Art. 50 only): Art. 47 does not apply, so no declaration, unless asked for as a draft
        TestSupport.Run one = TestSupport.run("render", "examples/customer-chatbot.yaml", "--doc", "declaration", "--as-of", "2028-09-01", "-o", out.toString());
        assertThat(one.exit()).as(one.toString()).isEqualTo(1);
        assertThat(one.err()).contains("the EU declaration of conformity was not rendered: no rule of the pack requires an EU declaration of conformity "
                + "for examples/customer-chatbot.yaml (classified limited-risk); add --draft");
        assertThat(out.resolve("customer-chatbot-declaration.pdf")).doesNotExist();
        TestSupport.Run draft = TestSupport.run("render", "examples/customer-chatbot.yaml", "--doc", "declaration", "--draft", "--as-of", "2028-09-01", "-o", out.toString());
        assertThat(draft.exit()).as(draft.toString()).isZero();
        assertThat(out.resolve("customer-chatbot-declaration.draft.pdf")).exists();
        TestSupport.Run all = TestSupport.run("render", "examples/customer-chatbot.yaml", "--doc", "all", "--as-of", "2028-09-01", "-o", dir.resolve("all").toString());
        assertThat(all.exit()).as(all.toString()).isZero();
        assertThat(all.out()).contains("skipped declaration: no rule of the pack requires an EU declaration of conformity");
        assertThat(dir.resolve("all/customer-chatbot-technical-documentation.pdf")).exists();
        assertThat(dir.resolve("all/customer-chatbot-declaration.pdf")).doesNotExist();
        // an Annex I Section B product (Art. 2(2)) gets none in its pack; a high-risk Annex III system does
        TestSupport.Run pack = TestSupport.run("pack", "src/test/resources/readme/shuttle.yaml", "examples/cv-screening.yaml", "--as-of", "2026-12-06",
                "--fail-on", "never", "-o", dir.resolve("packs").toString());
        assertThat(pack.exit()).as(pack.toString()).isZero();
        assertThat(dir.resolve("packs/shuttle/shuttle-declaration.pdf")).doesNotExist();
        assertThat(dir.resolve("packs/shuttle/shuttle-gap-report.pdf")).exists();
        assertThat(dir.resolve("packs/cv-screening/cv-screening-declaration.pdf")).exists();
    }

    @Test
    void classifyPrintsNoObligationDateForADerogation() throws IOException {
        Path p = write("derog.yaml", CV.replace("[AnxIII.4.a]", "[AnxIII.3.a]") + "    derogation:\n      preparatoryTask: true\n      noSignificantRisk: true\n");
        TestSupport.Run r = TestSupport.run("classify", "--as-of", "2026-11-23", p.toString());
        assertThat(r.out()).contains(p + ": minimal-risk")
                .contains("Art6.3.sub2.d (Art. 6(3), second subparagraph, point (d))")
                .contains("  derogation:      Annex III system not high-risk under the Art. 6(3) derogation; the assessment must be documented "
                        + "(Art. 6(4)) and the system registered (Art. 49(2)), from 2027-12-02")
                .doesNotContain("obligations from");
    }

    @Test
    void folderArgumentFindsYamlFilesInOrder() throws IOException {
        write("b.yaml", CV);
        write("a.yml", CV);
        write("notes.txt", "not yaml");
        TestSupport.Run r = TestSupport.run("classify", "--format", "json", dir.toString());
        JsonNode arr = Json.mapper().readTree(r.out());
        assertThat(arr.size()).isEqualTo(2);
        assertThat(arr.get(0).get("file").asString()).endsWith("a.yml");
        assertThat(arr.get(1).get("file").asString()).endsWith("b.yaml");
    }

    @Test
    void checkFailOnDecidesTheExitCode() throws IOException {
        Path p = write("cv.yaml", CV);
        // an almost empty high-risk description has many error-level gaps once obligations apply
        TestSupport.Run r = TestSupport.run("check", "--as-of", "2028-01-01", p.toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).contains(p + ":").contains("error [EUAIA-ANXIV-1A-PURPOSE]");
        assertThat(TestSupport.run("check", "--as-of", "2028-01-01", "--fail-on", "never", p.toString()).exit()).isZero();
        TestSupport.Run bad = TestSupport.run("check", "--fail-on", "fatal", p.toString());
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err()).contains("--fail-on: 'fatal' is not one of error, warning, info, never");
    }

    @Test
    void obligationsNotYetApplicableAreUpcomingNotFailures() throws IOException {
        Path p = write("cv.yaml", CV);
        TestSupport.Run r = TestSupport.run("check", "--as-of", "2026-11-23", "--format", "json", p.toString());
        JsonNode f = Json.mapper().readTree(r.out()).get("files").get(0).get("findings");
        // only what already applies fails: Art. 4 (AI literacy, since 2 Feb 2025); Annex IV waits for 2 Dec 2027
        for (JsonNode n : f) {
            if (n.get("status").asString().equals("failed")) {
                assertThat(n.get("ruleId").asString()).isEqualTo("EUAIA-ART4-AI-LITERACY");
            }
        }
        assertThat(r.exit()).as(r.toString()).isEqualTo(1);
        boolean upcoming = false;
        for (JsonNode n : f) {
            if (n.get("ruleId").asString().equals("EUAIA-ANXIV-1A-PURPOSE")) {
                assertThat(n.get("status").asString()).isEqualTo("upcoming");
                assertThat(n.get("appliesFrom").asString()).isEqualTo("2027-12-02");
                upcoming = true;
            }
        }
        assertThat(upcoming).isTrue();
    }

    @Test
    void schemaIsJsonSchemaWithTheClassificationFacts() {
        TestSupport.Run r = TestSupport.run("schema");
        assertThat(r.exit()).isZero();
        JsonNode s = Json.mapper().readTree(r.out());
        assertThat(s.get("$schema").asString()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
        assertThat(s.get("$defs").get("SystemSpec").get("properties").has("datasets")).isTrue();
        assertThat(s.get("$defs").get("ClassificationFacts").get("properties").get("annexIII").get("properties")
                .get("points").get("items").get("enum").toString()).contains("AnxIII.4.a");
    }

    @Test
    void brokenRulePackIsReportedAtItsOwnLine() throws IOException {
        Path rules = dir.resolve("rules/eu-ai-act");
        Files.createDirectories(rules);
        for (String f : new String[]{"pack.yaml", "classification.yaml"}) {
            Files.writeString(rules.resolve(f), Files.readString(TestSupport.root().resolve("rules/eu-ai-act").resolve(f)));
        }
        Files.writeString(rules.resolve("pack.yaml"), Files.readString(rules.resolve("pack.yaml"))
                .replaceAll("(?s)ruleFiles:.*?\\n\\n", "ruleFiles: [broken.yaml]\n\n"));
        Files.writeString(rules.resolve("broken.yaml"), "apiVersion: dossier/rules/v1\nkind: RuleSet\ntitle: Broken\nrules:\n"
                + "  - id: EUAIA-TEST-ONE\n    title: A rule\n    refs: [Art9.1]\n    status: binding\n    severity: fatal\n"
                + "    applies: {tiers: [high-risk]}\n    check: \"spec.x ==\"\n    message: m\n    remediation: r\n    colour: red\n");
        Path p = write("cv.yaml", CV);
        TestSupport.Run r = TestSupport.run("check", "--rules", dir.resolve("rules").toString(), p.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("rule pack 'eu-ai-act' cannot be used")
                .contains("broken.yaml:9:15: error [schema.constraint] rules[0].severity must be error, warning or info")
                .contains("broken.yaml:14:5: error [schema.unknown-key] unknown key 'colour'");
    }

    /** What diff says of a change comes from the pack's modification.yaml: the places compared and the legal texts. */
    @Test
    void diffWeighsChangesWithThePacksModificationData() throws IOException {
        String cv = Files.readString(TestSupport.root().resolve("examples/cv-screening.yaml"));
        Path v1 = write("v1.yaml", cv);
        String newModel = cv.replace("xlm-roberta-large, revision 2022-09", "xlm-roberta-large, revision 2024-01");
        Path v2 = write("v2.yaml", newModel);
        TestSupport.Run r = TestSupport.run("diff", "--as-of", "2026-12-02", v1.toString(), v2.toString());
        assertThat(r.exit()).as(r.toString()).isEqualTo(1);
        assertThat(r.out()).contains("changes to weigh as a substantial modification (Art. 3(23), Art. 43(4)):")
                .contains("  ! pre-trained model replaced ([XLM-RoBERTa large xlm-roberta-large, revision 2022-09] -> "
                        + "[XLM-RoBERTa large xlm-roberta-large, revision 2024-01]): may be a substantial modification: a new conformity "
                        + "assessment may be needed (Art. 43(4))");
        // the newest change-log entry marked pre-determined (Annex IV 2(f)) covers it
        Path v3 = write("v3.yaml", newModel.replace("  changeLog:\n", "  changeLog:\n    - version: \"2.4.0\"\n      date: 2026-12-01\n"
                + "      description: Encoder revision within the pre-determined change plan.\n      predetermined: true\n      substantial: false\n"));
        TestSupport.Run covered = TestSupport.run("diff", "--as-of", "2026-12-02", v1.toString(), v3.toString());
        assertThat(covered.out()).as(covered.toString()).contains("within the pre-determined changes documented under Annex IV 2(f): "
                + "not a substantial modification (Art. 43(4))").doesNotContain("may be a substantial modification");
        // another text in the data, another text in the output
        Path rules = dir.resolve("rules");
        TestSupport.copyTree(TestSupport.root().resolve("rules"), rules);
        Path mod = rules.resolve("eu-ai-act/modification.yaml");
        Files.writeString(mod, Files.readString(mod).replace("heading: \"changes to weigh as a substantial modification (Art. 3(23), Art. 43(4)):\"",
                "heading: \"to weigh:\""));
        TestSupport.Run own = TestSupport.run("diff", "--rules", rules.toString(), "--as-of", "2026-12-02", v1.toString(), v2.toString());
        assertThat(own.out()).as(own.toString()).contains("\nto weigh:\n  ! pre-trained model replaced");
        TestSupport.Run same = TestSupport.run("diff", "--rules", rules.toString(), v1.toString(), v1.toString());
        assertThat(same.out()).contains("substantial modification: no change to intended purpose, Annex III use, model or training data");
    }

    /** registration.json follows the pack's registration.yaml (Art. 49 routing and texts), not texts in Java. */
    @Test
    void registrationFollowsThePacksRegistrationData() throws IOException {
        Path rules = dir.resolve("rules");
        TestSupport.copyTree(TestSupport.root().resolve("rules"), rules);
        Path reg = rules.resolve("eu-ai-act/registration.yaml");
        Files.writeString(reg, Files.readString(reg).replace("otherwise: \"Only Annex III high-risk systems", "otherwise: \"Not registered: only Annex III high-risk systems"));
        String chatbot = TestSupport.root().resolve("examples/customer-chatbot.yaml").toString();
        TestSupport.Run r = TestSupport.run("pack", "--rules", rules.toString(), "--no-pdf", "--fail-on", "never", "-o", dir.resolve("out").toString(), chatbot);
        assertThat(r.exit()).as(r.toString()).isZero();
        JsonNode j = Json.mapper().readTree(dir.resolve("out/customer-chatbot/registration.json").toFile());
        assertThat(j.get("required").asBoolean()).isFalse();
        assertThat(j.get("reason").asString()).startsWith("Not registered: only Annex III high-risk systems (Art. 49(1))");
        assertThat(j.get("legalBasis").asString()).isEqualTo("Regulation (EU) 2024/1689, Art. 49 and Annex VIII");
    }

    /** A --format a command does not write is refused, not ignored (the issue saw crosswalk, diff and rules accept sarif). */
    @Test
    void commandsRefuseFormatsTheyDoNotWrite() {
        String cv = "examples/cv-screening.yaml";
        for (String[] args : new String[][]{{"crosswalk"}, {"rules", "list"}, {"diff", cv, cv}, {"classify", cv}}) {
            for (String format : new String[]{"sarif", "junit", "github", "gitlab"}) {
                String[] all = java.util.stream.Stream.concat(java.util.Arrays.stream(args), java.util.stream.Stream.of("--format", format)).toArray(String[]::new);
                TestSupport.Run r = TestSupport.run(all);
                assertThat(r.exit()).as(String.join(" ", all)).isEqualTo(2);
                assertThat(r.err()).as(String.join(" ", all)).contains("--format " + format + " is not available for").contains("use text or json");
            }
        }
        assertThat(TestSupport.run("rules", "list", "--format", "json").exit()).isZero();
    }

    /** diff says when the two sides are two systems, not two versions of one, and compares upcoming findings and counts too. */
    @Test
    void diffSaysWhenTwoSystemsAreComparedAndCountsUpcomingAndWaived() throws IOException {
        String cv = TestSupport.root().resolve("examples/cv-screening.yaml").toString();
        String credit = TestSupport.root().resolve("examples/credit-scoring.yaml").toString();
        TestSupport.Run two = TestSupport.run("diff", "--as-of", "2026-12-01", cv, credit);
        assertThat(two.exit()).as(two.toString()).isEqualTo(1);
        assertThat(two.out()).contains("different systems: 'TalentLens Screening' (TLS-EU-2.3) and 'NHB Retail Credit Score' (NHB-RCS-5): "
                + "neither the name nor the identifier matches, so this compares two systems, not two versions of one",
                "substantial modification: not assessed for two different systems").doesNotContain("changes to weigh");
        TestSupport.Run json = TestSupport.run("diff", "--format", "json", "--as-of", "2026-12-01", cv, credit);
        assertThat(json.out()).contains("\"sameSystem\" : false", "\"identifier\" : \"NHB-RCS-5\"", "\"substantialModification\" : [ ]");

        // a renamed version keeps its identifier: one system
        Path renamed = write("renamed.yaml", Files.readString(Path.of(cv)).replace("name: TalentLens Screening", "name: TalentLens Match"));
        assertThat(TestSupport.run("diff", "--as-of", "2026-12-01", cv, renamed.toString()).out()).doesNotContain("different systems");

        // the gaps version against the complete one: the upcoming findings it resolves, and the counts of both
        String gaps = TestSupport.root().resolve("src/test/resources/gaps/cv-screening-gaps.yaml").toString();
        TestSupport.Run up = TestSupport.run("diff", "--as-of", "2026-12-01", gaps, cv);
        assertThat(up.out()).contains("upcoming (applying later, not counted for the exit code): 0 added, 4 resolved",
                "  - [EUAIA-ANXIV-1E-HARDWARE] Annex IV 1(e) requires a description of the hardware the system is intended to run on; spec.general.hardware is missing.",
                "counts: 0 open, 4 upcoming, 0 waived, 113 passed -> 0 open, 0 upcoming, 0 waived, 119 passed");
        TestSupport.Run back = TestSupport.run("diff", "--as-of", "2026-12-01", cv, gaps);
        assertThat(back.out()).contains("upcoming (applying later, not counted for the exit code): 4 added, 0 resolved")
                .containsPattern("  \\+ .*cv-screening-gaps\\.yaml:\\d+:\\d+: error \\[EUAIA-ANXIV-1E-HARDWARE\\] .*\\(applies from 2027-12-02\\)");
    }

    /**
     * Each command's help lists only the shared options that mean something for it; passing one that does not is
     * a usage error naming it, not silently ignored; --format says which formats the command takes.
     */
    @Test
    void eachCommandTakesOnlyTheOptionsThatMeanSomethingForIt() {
        TestSupport.Run help = TestSupport.run("schema", "--help");
        assertThat(help.out()).contains("--draft", "--rules").doesNotContain("--as-of", "--max-nodes", "--format");
        for (String[] args : new String[][]{{"schema", "--as-of", "2026-01-01"}, {"schema", "--format", "json"}, {"crosswalk", "--pack", "all"},
                {"crosswalk", "--max-nodes", "5"}, {"rules", "list", "--as-of", "2026-01-01"}}) {
            TestSupport.Run r = TestSupport.run(args);
            assertThat(r.exit()).as(String.join(" ", args)).isEqualTo(2);
            assertThat(r.err()).as(String.join(" ", args)).containsPattern("dossier: Unknown options?: '" + args[args.length - 2] + "'");
        }
        assertThat(TestSupport.run("crosswalk", "--help").out()).contains("Output format: text or json (default: text).")
                .doesNotContain("--as-of", "sarif");
        assertThat(TestSupport.run("check", "--help").out()).contains("--as-of", "--max-nodes", "sarif, junit, github");
        assertThat(TestSupport.run("render", "--help").out()).contains("--as-of", "Output format: text or json (default: text).");
        // what the options still do where they mean something
        assertThat(TestSupport.run("rules", "list", "--format", "json").exit()).isZero();
        assertThat(TestSupport.run("schema", "--draft", "07").exit()).isZero();
    }
}
