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
 * rule pack, and of a signed pack; ajv in strict mode is the judge, and it refuses a file that lacks what the schema requires.
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
        // a signed pack: its manifest has the signature object (a high-risk system: only it has a declaration to sign)
        Path pw = Files.writeString(dir.resolve("pw.txt"), dev.aidossier.sign.TestKeys.PASSWORD);
        TestSupport.Run signed = TestSupport.run("pack", "--as-of", "2026-12-06", "-o", dir.resolve("signed").toString(), "examples/cv-screening.yaml",
                "--sign", "--keystore", dev.aidossier.sign.TestKeys.signer().toString(), "--keystore-password-file", pw.toString());
        assertThat(signed.exit()).as(signed.toString()).isZero();
        assertThat(Files.readString(dir.resolve("signed/cv-screening/manifest.json"))).contains("\"signedFiles\" : [ \"cv-screening-declaration.pdf\"");
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
        Path badLevel = Files.writeString(dir.resolve("broken-signature.json"),
                Files.readString(dir.resolve("signed/cv-screening/manifest.json")).replace("\"level\" : \"B-B\"", "\"level\" : \"B-LTA\""));
        assertThat(ajv(dir.resolve("manifest.schema.json"), List.of(badLevel)).output()).contains(badLevel + " invalid");
        Path badStatus = Files.writeString(dir.resolve("broken-findings.json"), Files.readString(findings.get(0)).replace("\"status\" : \"passed\"", "\"status\" : \"ok\""));
        assertThat(ajv(dir.resolve("findings.schema.json"), List.of(badStatus)).output()).contains(badStatus + " invalid");
    }

    /**
     * The overlay schema, with ajv: the example's German overlay is valid; a name (never translated), a date and an
     * unknown key are not. The copy beside the examples (draft-07, for editors) is the current one.
     */
    @Test
    void theExampleOverlayFollowsTheOverlaySchema(@TempDir Path dir) throws Exception {
        Path schema = schema(dir, "overlay");
        String overlay = Files.readString(Path.of("examples/admissions-completeness-check.de.yaml"));
        Path good = Files.writeString(dir.resolve("good.json"), dev.aidossier.report.Json.write(
                tools.jackson.dataformat.yaml.YAMLMapper.builder().build().readValue(overlay, Object.class)));
        Receivers.Result ok = ajv(schema, List.of(good));
        assertThat(ok.exit()).as(ok.output()).isZero();
        for (String bad : List.of("{\"metadata\": {\"name\": \"DocCheck auf Deutsch\"}}", "{\"metadata\": {\"documentDate\": \"2026-01-01\"}}",
                "{\"spec\": {\"general\": {\"intendedPurpos\": \"x\"}}}", "{\"spec\": {\"general\": {\"intendedPurpose\": \"\"}}}")) {
            Path p = Files.writeString(dir.resolve("bad.json"), bad);
            Receivers.Result r = ajv(schema, List.of(p));
            assertThat(r.output()).as(bad).contains(p + " invalid");
        }
        TestSupport.Run d07 = TestSupport.run("schema", "overlay", "--draft", "07");
        assertThat(Files.readString(Path.of("examples/dossier.overlay.schema.json"))).as("regenerate with dossier schema overlay --draft 07")
                .isEqualTo(d07.out());
    }

    @Test
    void schemaOfWhatIsAUsageError() {
        TestSupport.Run r = TestSupport.run("schema", "manifests");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("description, overlay, findings or manifest, not 'manifests'");
    }
}
