package dev.aidossier.receivers;

import dev.aidossier.TestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The published schemas of a pack's findings.json and manifest.json ({@code dossier schema findings|manifest}) hold
 * for the packs of every example, of a description with open, upcoming and waived findings, and of a run with every
 * rule pack; ajv in strict mode is the judge, and it refuses a file that lacks what the schema requires.
 */
class OutputSchemasTest {

    static Receivers.Result ajv(Path schema, List<Path> data) throws Exception {
        Path ajv = Receivers.require("ajv-cli", Path.of(".bin", "ajv"));
        List<String> cmd = new ArrayList<>(List.of(ajv.toString(), "validate", "--spec=draft2020", "--strict=true", "--allow-union-types",
                "-c", "ajv-formats", "-s", schema.toString()));
        data.forEach(d -> {
            cmd.add("-d");
            cmd.add(d.toString());
        });
        return Receivers.run(cmd, Map.of(), 300);
    }

    static Path schema(Path dir, String of) throws Exception {
        TestSupport.Run r = TestSupport.run("schema", of);
        assertThat(r.exit()).as(r.toString()).isZero();
        return Files.writeString(dir.resolve(of + ".schema.json"), r.out());
    }

    static List<Path> named(Path root, String name) throws Exception {
        try (var s = Files.walk(root)) {
            return s.filter(p -> p.getFileName().toString().equals(name)).sorted().toList();
        }
    }

    @Test
    void packsOfEveryExampleFollowTheirSchemas(@TempDir Path dir) throws Exception {
        TestSupport.Run one = TestSupport.run("pack", "--as-of", "2026-12-06", "--fail-on", "never", "--no-pdf", "-o", dir.resolve("eu").toString(),
                "examples", "src/test/resources/gaps/cv-screening-gaps.yaml", "src/test/resources/render/incomplete.yaml");
        assertThat(one.exit()).as(one.toString()).isZero();
        TestSupport.Run all = TestSupport.run("pack", "--as-of", "2026-12-06", "--fail-on", "never", "--no-pdf", "--pack", "all",
                "-o", dir.resolve("all").toString(), "examples/border-biometrics.yaml");
        assertThat(all.exit()).as(all.toString()).isZero();
        List<Path> findings = named(dir, "findings.json");
        List<Path> manifests = named(dir, "manifest.json");
        assertThat(findings).hasSizeGreaterThan(9).hasSameSizeAs(manifests);
        Receivers.Result f = ajv(schema(dir, "findings"), findings);
        assertThat(f.output()).doesNotContain(" invalid");
        assertThat(f.exit()).as(f.output()).isZero();
        Receivers.Result m = ajv(schema(dir, "manifest"), manifests);
        assertThat(m.output()).doesNotContain(" invalid");
        assertThat(m.exit()).as(m.output()).isZero();
        // the check can fail: a manifest without its file list, a finding with an unknown status
        Path broken = Files.writeString(dir.resolve("broken-manifest.json"), Files.readString(manifests.get(0)).replace("\"files\"", "\"filez\""));
        assertThat(ajv(dir.resolve("manifest.schema.json"), List.of(broken)).output()).contains(broken + " invalid");
        Path badStatus = Files.writeString(dir.resolve("broken-findings.json"), Files.readString(findings.get(0)).replace("\"status\" : \"passed\"", "\"status\" : \"ok\""));
        assertThat(ajv(dir.resolve("findings.schema.json"), List.of(badStatus)).output()).contains(badStatus + " invalid");
    }

    @Test
    void schemaOfWhatIsAUsageError() {
        TestSupport.Run r = TestSupport.run("schema", "manifests");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("description, findings or manifest, not 'manifests'");
    }
}
