package dev.aidossier.rules;

import dev.aidossier.TestSupport;
import dev.aidossier.util.Hashes;
import dev.aidossier.analysis.Engine;
import dev.aidossier.core.Finding;
import dev.aidossier.core.Status;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Evidence files (existence, hash, paths that try to leave the folder) and waivers (valid, expired, unknown, unused, beside the file). */
class EvidenceAndWaiverTest {

    static Engine engine;

    @TempDir
    Path dir;

    @BeforeAll
    static void load() throws Exception {
        engine = TestSupport.euEngine();
    }

    static final String HEAD = "apiVersion: dossier/v1\nkind: AISystem\nmetadata:\n  name: Demo\n  version: \"1\"\n"
            + "spec:\n  provider:\n    name: Demo GmbH\n  roles: [provider]\n  classification:\n    annexIII:\n      points: [AnxIII.4.a]\n";

    private List<Finding> analyse(String yaml, String asOf) throws Exception {
        Path p = dir.resolve("sys.yaml");
        Files.writeString(p, yaml);
        return engine.analyse(p, "sys.yaml", LocalDate.parse(asOf)).findings();
    }

    private static List<String> ids(List<Finding> fs, Status s) {
        return fs.stream().filter(f -> f.status() == s).map(Finding::ruleId).toList();
    }

    private String evidence(String id, String path, String sha) {
        return "  evidence:\n    - {id: " + id + ", title: Report, path: \"" + path + "\", sha256: " + sha + "}\n";
    }

    @Test
    void citedFileWithItsHashPasses() throws Exception {
        Files.createDirectories(dir.resolve("evidence"));
        Files.writeString(dir.resolve("evidence/report.md"), "signed report\n");
        String sha = Hashes.sha256(dir.resolve("evidence/report.md"));
        List<Finding> fs = analyse(HEAD + evidence("rep", "evidence/report.md", sha), "2026-11-23");
        assertThat(fs.stream().map(Finding::ruleId)).noneMatch(id -> id.startsWith("evidence."));
    }

    @Test
    void changedFileIsAHashMismatchAtTheHash() throws Exception {
        Files.writeString(dir.resolve("report.md"), "version 2\n");
        List<Finding> fs = analyse(HEAD + evidence("rep", "report.md", "0".repeat(64)), "2026-11-23");
        Finding f = fs.stream().filter(x -> x.ruleId().equals("evidence.hash-mismatch")).findFirst().orElseThrow();
        assertThat(f.location().line()).isEqualTo(14);
        assertThat(f.message()).contains("has SHA-256 " + Hashes.sha256(dir.resolve("report.md"))).contains("the file changed");
        // the provisions the evidence serves are the pack's (evidence.refs in pack.yaml)
        assertThat(f.refs()).containsExactly("Art11.1", "Art18.1");
    }

    @Test
    void missingFileIsReported() throws Exception {
        List<Finding> fs = analyse(HEAD + evidence("rep", "nowhere.md", "0".repeat(64)), "2026-11-23");
        assertThat(ids(fs, Status.failed)).contains("evidence.missing");
    }

    @Test
    void pathsLeavingTheFolderAreRefused() throws Exception {
        Path outside = Files.createTempFile("secret", ".txt");
        String sha = Hashes.sha256(outside);
        for (String path : List.of("../" + outside.getFileName(), outside.toString(), "a/../../x.md", "C:/Windows/win.ini", "evidence\\\\x.md")) {
            List<Finding> fs = analyse(HEAD + evidence("rep", path, sha), "2026-11-23");
            assertThat(ids(fs, Status.failed)).as(path).contains("evidence.path");
        }
        Files.createSymbolicLink(dir.resolve("link.txt"), outside);
        List<Finding> fs = analyse(HEAD + evidence("rep", "link.txt", sha), "2026-11-23");
        assertThat(fs.stream().filter(f -> f.ruleId().equals("evidence.path")).map(Finding::message).findFirst().orElseThrow())
                .contains("symbolic link that leads out of the description's folder");
        Files.delete(outside);
    }

    @Test
    void unknownEvidenceIdIsReported() throws Exception {
        Files.writeString(dir.resolve("r.md"), "x");
        String sha = Hashes.sha256(dir.resolve("r.md"));
        List<Finding> fs = analyse(HEAD + "  riskManagement:\n    evidence: risk-registr\n" + evidence("risk-register", "r.md", sha), "2026-11-23");
        Finding f = fs.stream().filter(x -> x.ruleId().equals("evidence.unknown-id")).findFirst().orElseThrow();
        assertThat(f.message()).contains("did you mean 'risk-register'?");
        assertThat(f.location().line()).isEqualTo(14);
    }

    @Test
    void validWaiverKeepsTheFindingVisibleAsWaived() throws Exception {
        String w = "waivers:\n  - {rule: EUAIA-ANXIV-1E-HARDWARE, reason: Hardware list follows the pilot, approver: CTO, expires: 2028-12-31}\n";
        List<Finding> fs = analyse(HEAD + w, "2028-09-01");
        Finding f = fs.stream().filter(x -> x.ruleId().equals("EUAIA-ANXIV-1E-HARDWARE")).findFirst().orElseThrow();
        assertThat(f.status()).isEqualTo(Status.waived);
        assertThat(f.waiver().approver()).isEqualTo("CTO");
        assertThat(f.waiver().expires()).isEqualTo(LocalDate.parse("2028-12-31"));
    }

    @Test
    void expiredWaiverWaivesNothingAndIsAnError() throws Exception {
        String w = "waivers:\n  - {rule: EUAIA-ANXIV-1E-HARDWARE, reason: Pilot, approver: CTO, expires: 2028-01-31}\n";
        List<Finding> fs = analyse(HEAD + w, "2028-09-01");
        assertThat(ids(fs, Status.failed)).contains("EUAIA-ANXIV-1E-HARDWARE", "waiver.expired");
        Finding e = fs.stream().filter(x -> x.ruleId().equals("waiver.expired")).findFirst().orElseThrow();
        assertThat(e.message()).contains("expired on 2028-01-31");
        assertThat(e.location().line()).isEqualTo(14);
    }

    @Test
    void unknownAndUnusedWaiversAreReported() throws Exception {
        String w = "waivers:\n  - {rule: EUAIA-ANXIV-1E-HARDWAR, reason: x y z, approver: CTO, expires: 2029-01-31}\n"
                + "  - {rule: EUAIA-ANXIV-1A-PROVIDER, reason: x y z, approver: CTO, expires: 2029-01-31}\n";
        List<Finding> fs = analyse(HEAD.replace("name: Demo GmbH", "{name: Demo GmbH, address: Main St 1, country: DE, email: a@b.de}")
                .replace("  provider:\n    {", "  provider: {") + w, "2028-09-01");
        assertThat(fs.stream().filter(x -> x.ruleId().equals("waiver.unknown-rule")).findFirst().orElseThrow().message())
                .contains("did you mean 'EUAIA-ANXIV-1E-HARDWARE'?");
        assertThat(ids(fs, Status.failed)).contains("waiver.unused");
    }

    @Test
    void waiversBesideTheDescriptionApply() throws Exception {
        Files.writeString(dir.resolve("sys.waivers.yaml"), "apiVersion: dossier/v1\nkind: Waivers\nwaivers:\n"
                + "  - {rule: EUAIA-ANXIV-1E-HARDWARE, reason: Hardware list follows the pilot, approver: CTO, expires: 2028-12-31}\n");
        List<Finding> fs = analyse(HEAD, "2028-09-01");
        assertThat(fs.stream().filter(x -> x.ruleId().equals("EUAIA-ANXIV-1E-HARDWARE")).findFirst().orElseThrow().status()).isEqualTo(Status.waived);
    }
}
