package dev.aidossier.pack;

import dev.aidossier.TestSupport;
import dev.aidossier.report.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code pack --format sarif|junit|github|gitlab}: the CI report of the whole batch on standard output (the summary
 * table on standard error), the same findings {@code check} reports, whether a pack was built or kept.
 */
class PackCiFormatsTest {

    @Test
    void packWritesTheCiFormatItIsAskedForForTheWholeBatch(@TempDir Path dir) throws Exception {
        String examples = TestSupport.examples().toString();
        String out = dir.resolve("packs").toString();
        TestSupport.Run first = TestSupport.run("pack", "--no-pdf", "--format", "sarif", "--as-of", "2026-12-06", "-o", out, examples);
        assertThat(first.exit()).as(first.err()).isEqualTo(1); // the prohibited practice and the draft's open finding
        assertThat(first.err()).contains("FILE", "examples/cv-screening-draft.yaml", "high-risk", "packs written to");
        JsonNode sarif = Json.mapper().readTree(first.out());
        JsonNode run = sarif.get("runs").get(0);
        assertThat(sarif.get("runs").size()).isEqualTo(1);
        assertThat(run.get("artifacts").size()).isEqualTo(10);
        // the same results check gives for the same descriptions on the same date
        TestSupport.Run check = TestSupport.run("check", "--format", "sarif", "--as-of", "2026-12-06", examples);
        JsonNode checked = Json.mapper().readTree(check.out()).get("runs").get(0);
        assertThat(run.get("results")).isEqualTo(checked.get("results"));
        assertThat(run.get("results").toString()).contains("EUAIA-ART4-AI-LITERACY", "cv-screening-draft.yaml");

        // a second run keeps every pack; the report is the same (kept packs are analysed for it, not rendered)
        TestSupport.Run second = TestSupport.run("pack", "--no-pdf", "--format", "sarif", "--as-of", "2026-12-06", "-o", out, examples);
        assertThat(second.err()).contains("10 unchanged since the last run");
        assertThat(Json.mapper().readTree(second.out()).get("runs").get(0).get("results")).isEqualTo(run.get("results"));

        TestSupport.Run junit = TestSupport.run("pack", "--no-pdf", "--format", "junit", "--as-of", "2026-12-06", "-o", out, examples);
        assertThat(junit.out()).startsWith("<?xml").contains("<testsuite name=\"" + TestSupport.examples().resolve("cv-screening-draft.yaml"));
        assertThat(junit.out().split("<testsuite ", -1)).hasSize(11);
        TestSupport.Run github = TestSupport.run("pack", "--no-pdf", "--format", "github", "--as-of", "2026-12-06", "-o", out, examples);
        assertThat(github.out()).contains("title=EUAIA-ART4-AI-LITERACY::Art. 4(1) requires").doesNotContain("FILE ");
        TestSupport.Run gitlab = TestSupport.run("pack", "--no-pdf", "--format", "gitlab", "--as-of", "2026-12-06", "-o", out, examples);
        assertThat(Json.mapper().readTree(gitlab.out()).isArray()).isTrue();
        assertThat(gitlab.out()).contains("\"check_name\" : \"EUAIA-ART4-AI-LITERACY\"");
    }
}
