package dev.aidossier.report;

import dev.aidossier.TestSupport;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** check --format github and --format gitlab: what GitHub's workflow commands and GitLab's Code Quality read. */
class CiAnnotationsTest {

    static final String GAPS = "src/test/resources/gaps";

    @Test
    void githubAnnotatesEachOpenAndUpcomingFindingAtItsLine() {
        TestSupport.Run json = TestSupport.run("check", "--as-of", "2026-12-02", "--fail-on", "never", "--format", "json", GAPS);
        TestSupport.Run gh = TestSupport.run("check", "--as-of", "2026-12-02", "--format", "github", GAPS);
        assertThat(gh.exit()).isEqualTo(TestSupport.run("check", "--as-of", "2026-12-02", GAPS).exit());
        List<String> lines = gh.out().lines().toList();
        assertThat(lines).isNotEmpty().allSatisfy(l -> assertThat(l).matches("::(error|warning|notice) file=[^,:]+,line=\\d+,col=\\d+,title=[^:]+::.+"));
        // one annotation per open or upcoming finding of the JSON output
        long open = json.out().lines().filter(l -> l.contains("\"status\" : \"failed\"")).count();
        long upcoming = json.out().lines().filter(l -> l.contains("\"status\" : \"upcoming\"")).count();
        assertThat(lines).hasSize((int) (open + upcoming));
        assertThat(lines).anyMatch(l -> l.startsWith("::notice ") && l.contains("(upcoming%3A applies from 20"));
        assertThat(lines.get(0)).contains("file=" + GAPS + "/");
    }

    @Test
    void escapesAsTheRunnerExpects() {
        assertThat(CiAnnotations.data("50% done\r\nnext")).isEqualTo("50%25 done%0D%0Anext");
        assertThat(CiAnnotations.property("a:b,c%")).isEqualTo("a%3Ab%2Cc%25");
        assertThat(CiAnnotations.relative("/work/repo/ai/x.yaml", java.nio.file.Path.of("/work/repo"))).isEqualTo("ai/x.yaml");
        assertThat(CiAnnotations.relative("./ai/x.yaml", java.nio.file.Path.of("/elsewhere"))).isEqualTo("ai/x.yaml");
    }

    @Test
    void gitlabCodeQualityHasStableUniqueFingerprints() throws Exception {
        TestSupport.Run a = TestSupport.run("check", "--as-of", "2026-12-02", "--format", "gitlab", GAPS);
        TestSupport.Run b = TestSupport.run("check", "--as-of", "2026-12-02", "--format", "gitlab", GAPS);
        assertThat(a.out()).isEqualTo(b.out());
        tools.jackson.databind.JsonNode issues = Json.mapper().readTree(a.out());
        assertThat(issues.isArray()).isTrue();
        assertThat(issues.size()).isGreaterThan(3);
        java.util.Set<String> fingerprints = new java.util.HashSet<>();
        for (tools.jackson.databind.JsonNode i : issues) {
            assertThat(i.path("check_name").asString()).isNotBlank();
            assertThat(i.path("description").asString()).isNotBlank();
            assertThat(i.path("severity").asString()).isIn("info", "minor", "major", "critical", "blocker");
            assertThat(i.path("location").path("path").asString()).startsWith(GAPS + "/");
            assertThat(i.path("location").path("lines").path("begin").asInt()).isPositive();
            assertThat(fingerprints.add(i.path("fingerprint").asString())).as("unique fingerprint").isTrue();
        }
        assertThat(a.out()).contains("\"severity\" : \"info\"").doesNotContain("\"severity\" : \"major\"");
        // once the obligations apply, the same gaps are open errors: major, with the same fingerprints
        TestSupport.Run later = TestSupport.run("check", "--as-of", "2028-09-01", "--format", "gitlab", GAPS);
        assertThat(later.out()).contains("\"severity\" : \"major\"");
        tools.jackson.databind.JsonNode laterIssues = Json.mapper().readTree(later.out());
        java.util.Set<String> laterPrints = new java.util.HashSet<>();
        laterIssues.forEach(i -> laterPrints.add(i.path("fingerprint").asString()));
        assertThat(laterPrints).containsAll(fingerprints);
    }

    /** pack writes the annotations of the batch it packs: the same lines check prints for the same file and date. */
    @Test
    void packAnnotatesLikeCheck(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        TestSupport.Run r = TestSupport.run("pack", "--format", "github", "--no-pdf", "--as-of", "2026-11-23", "-o", dir.toString(), GAPS);
        assertThat(r.exit()).as(r.err()).isZero();
        TestSupport.Run c = TestSupport.run("check", "--format", "github", "--as-of", "2026-11-23", GAPS);
        assertThat(r.out()).isEqualTo(c.out()).contains("::notice file=");
    }
}
