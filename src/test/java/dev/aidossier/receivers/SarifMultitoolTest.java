package dev.aidossier.receivers;

import dev.aidossier.TestSupport;
import dev.aidossier.report.Json;
import dev.aidossier.report.Sarif;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SARIF as GitHub code scanning ingests it: Microsoft's SARIF Multitool ({@code validate}) with its default SARIF rules
 * and GitHub's ingestion rules ({@code --rule-kind Sarif;Gh;Ghas}) reports nothing on the SARIF of every example, of a
 * description with open, upcoming and waived findings, of an absolute path outside the working folder, and of a pack.
 */
class SarifMultitoolTest {

    static Path multitool;

    @BeforeAll
    static void find() {
        multitool = Receivers.require("Microsoft SARIF Multitool",
                Path.of("@microsoft", "sarif-multitool-linux", "Sarif.Multitool"));
    }

    /** The Multitool's own log of what it found (results of level error, warning or note), as "RULE level: message". */
    static List<String> validate(Path sarif, Path dir) throws Exception {
        Path out = dir.resolve("validation.sarif");
        Receivers.Result r = Receivers.run(List.of(multitool.toString(), "validate", "--rule-kind", "Sarif;Gh;Ghas",
                        "--log", "ForceOverwrite", "-o", out.toString(), sarif.toString()),
                Map.of("DOTNET_SYSTEM_GLOBALIZATION_INVARIANT", "1", "DOTNET_CLI_TELEMETRY_OPTOUT", "1"), 180);
        assertThat(r.exit()).as(r.output()).isZero();
        assertThat(out).as(r.output()).exists();
        JsonNode log = Json.mapper().readTree(out.toFile());
        List<String> problems = new ArrayList<>();
        for (JsonNode run : log.get("runs")) {
            // a tool error (the file could not be read, a rule crashed) is a notification, not a result
            JsonNode inv = run.path("invocations");
            for (JsonNode i : inv) {
                assertThat(i.path("executionSuccessful").asBoolean(true)).as(r.output()).isTrue();
                for (JsonNode n : i.path("toolExecutionNotifications")) {
                    if ("error".equals(n.path("level").asString(""))) {
                        problems.add("tool error: " + n.path("message").path("text").asString(""));
                    }
                }
            }
            for (JsonNode res : run.path("results")) {
                problems.add(res.path("ruleId").asString("") + " " + res.path("level").asString("warning") + ": " + r.output());
            }
        }
        return problems;
    }

    @Test
    void everyExampleAndTheGapsFixtureHaveNoProblem(@TempDir Path dir) throws Exception {
        List<String> args = new ArrayList<>(List.of("check", "--as-of", "2026-12-06", "--fail-on", "never", "--format", "sarif"));
        try (var s = Files.list(Path.of("examples"))) {
            s.filter(dev.aidossier.TestSupport::isDescription).sorted().forEach(p -> args.add(p.toString()));
        }
        args.add("src/test/resources/gaps");
        args.add("src/test/resources/render/incomplete.yaml"); // has a waiver
        TestSupport.Run run = TestSupport.run(args.toArray(String[]::new));
        assertThat(run.exit()).as(run.err()).isZero();
        Path sarif = dir.resolve("all.sarif");
        Files.writeString(sarif, run.out());
        JsonNode results = Json.mapper().readTree(run.out()).get("runs").get(0).get("results");
        // the log carries open, upcoming and waived findings, so every kind of result is validated
        List<String> statuses = new ArrayList<>();
        results.forEach(r -> statuses.add(r.get("properties").get("status").asString()));
        assertThat(statuses).contains("failed", "upcoming", "waived");
        assertThat(validate(sarif, dir)).isEmpty();
    }

    @Test
    void anAbsolutePathOutsideTheWorkingFolderIsAFileUriAndPasses(@TempDir Path dir) throws Exception {
        Path gaps = dir.resolve("my gaps.yaml");
        Files.copy(Path.of("src/test/resources/gaps/cv-screening-gaps.yaml"), gaps);
        TestSupport.Run run = TestSupport.run("check", "--as-of", "2028-01-01", "--fail-on", "never", "--format", "sarif",
                gaps.toString(), Path.of("examples/cv-screening.yaml").toAbsolutePath().toString());
        JsonNode runNode = Json.mapper().readTree(run.out()).get("runs").get(0);
        JsonNode artifacts = runNode.get("artifacts");
        assertThat(artifacts.get(0).get("location").get("uri").asString()).isEqualTo(gaps.toUri().toString()).contains("my%20gaps.yaml");
        assertThat(artifacts.get(0).get("location").has("uriBaseId")).isFalse();
        // inside the working folder an absolute path becomes relative to it, under SRCROOT
        assertThat(artifacts.get(1).get("location").get("uri").asString()).isEqualTo("examples/cv-screening.yaml");
        assertThat(artifacts.get(1).get("location").get("uriBaseId").asString()).isEqualTo(Sarif.SRCROOT);
        assertThat(runNode.get("originalUriBaseIds").has(Sarif.SRCROOT)).isTrue();
        Path sarif = dir.resolve("abs.sarif");
        Files.writeString(sarif, run.out());
        assertThat(validate(sarif, dir)).isEmpty();
    }

    @Test
    void aPacksSarifHasNoProblem(@TempDir Path dir) throws Exception {
        TestSupport.Run run = TestSupport.run("pack", "--as-of", "2028-01-01", "--fail-on", "never", "--no-pdf",
                "-o", dir.resolve("out").toString(), "src/test/resources/gaps/cv-screening-gaps.yaml");
        assertThat(run.exit()).as(run.toString()).isZero();
        Path sarif;
        try (var s = Files.walk(dir.resolve("out"))) {
            sarif = s.filter(p -> p.getFileName().toString().equals("findings.sarif")).findFirst().orElseThrow();
        }
        JsonNode runNode = Json.mapper().readTree(sarif.toFile()).get("runs").get(0);
        assertThat(runNode.get("automationDetails").get("id").asString()).isEqualTo("ai-dossier/eu-ai-act/");
        assertThat(runNode.get("invocations").get(0).get("executionSuccessful").asBoolean()).isTrue();
        assertThat(validate(sarif, dir)).isEmpty();
    }

    /** verify's SARIF: findings inside a folder pack, inside a zip (ZIP!/ENTRY) and on the zip itself. */
    @Test
    void verifysSarifHasNoProblem(@TempDir Path dir) throws Exception {
        TestSupport.Run run = TestSupport.run("verify", "--format", "sarif", "src/test/resources/bad-input/pack-02-one-byte-changed",
                "src/test/resources/bad-input/pack-23-intact.zip", "src/test/resources/bad-input/pack-07-duplicate-entry.zip");
        assertThat(run.exit()).as(run.toString()).isEqualTo(2);
        JsonNode runNode = Json.mapper().readTree(run.out()).get("runs").get(0);
        assertThat(runNode.get("automationDetails").get("id").asString()).isEqualTo("ai-dossier/verify/");
        assertThat(runNode.get("results").size()).isEqualTo(4);
        Path sarif = dir.resolve("verify.sarif");
        Files.writeString(sarif, run.out());
        assertThat(validate(sarif, dir)).isEmpty();
    }

    /** The check can fail: without a rule's fullDescription GitHub's rules report GH2012 (what the tool did before). */
    @Test
    void theReceiverCatchesWhatGitHubRejects(@TempDir Path dir) throws Exception {
        TestSupport.Run run = TestSupport.run("check", "--as-of", "2028-01-01", "--fail-on", "never", "--format", "sarif", "examples/cv-screening.yaml");
        tools.jackson.databind.node.ObjectNode log = (tools.jackson.databind.node.ObjectNode) Json.mapper().readTree(run.out());
        ((tools.jackson.databind.node.ObjectNode) log.get("runs").get(0).get("tool").get("driver").get("rules").get(0)).remove("fullDescription");
        Path sarif = dir.resolve("broken.sarif");
        Files.writeString(sarif, Json.mapper().writeValueAsString(log));
        assertThat(validate(sarif, dir)).hasSize(1).first().asString().startsWith("GH2012 error");
    }

    /** Every helpUri that points into the README names a heading that exists there (GitHub's anchor rules). */
    @Test
    void readmeAnchorsOfHelpUrisExist() throws Exception {
        TestSupport.Run run = TestSupport.run("check", "--as-of", "2028-01-01", "--fail-on", "never", "--format", "sarif", "examples/cv-screening.yaml");
        List<String> anchors = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of("README.md"))) {
            Matcher m = Pattern.compile("^#{1,6} (.+)$").matcher(line);
            if (m.matches()) {
                anchors.add(m.group(1).trim().toLowerCase().replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-'));
            }
        }
        int checked = 0;
        for (JsonNode rule : Json.mapper().readTree(run.out()).get("runs").get(0).get("tool").get("driver").get("rules")) {
            assertThat(rule.has("fullDescription")).as(rule.get("id").asString()).isTrue();
            String uri = rule.path("helpUri").asString("");
            if (uri.startsWith(Sarif.INFO_URI + "#")) {
                assertThat(anchors).as(uri).contains(uri.substring(uri.indexOf('#') + 1));
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(20);
    }
}
