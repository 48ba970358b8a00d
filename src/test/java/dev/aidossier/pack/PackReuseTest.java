package dev.aidossier.pack;

import dev.aidossier.TestSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code pack} keeps a pack already in the output folder when its manifest records the same reuse key and
 * its files are intact, and builds it again whenever anything the bytes depend on changed.
 */
class PackReuseTest {

    @TempDir
    Path dir;

    Path description;
    Path out;

    @BeforeEach
    void copyExample() throws IOException {
        Path src = TestSupport.examples();
        Files.createDirectories(dir.resolve("in/evidence"));
        TestSupport.copyTree(src.resolve("evidence/customer-chatbot"), dir.resolve("in/evidence/customer-chatbot"));
        description = dir.resolve("in/customer-chatbot.yaml");
        Files.copy(src.resolve("customer-chatbot.yaml"), description);
        out = dir.resolve("out");
    }

    private TestSupport.Run pack(String... extra) {
        List<String> args = new ArrayList<>(List.of("pack", "--as-of", "2026-12-02", "--fail-on", "never", "-o", out.toString()));
        args.addAll(List.of(extra));
        args.add(description.toString());
        return TestSupport.run(args.toArray(String[]::new));
    }

    private static FileTime time(Path p) throws IOException {
        return Files.getLastModifiedTime(p);
    }

    @Test
    void anUnchangedPackIsKeptAndEqualsAFreshOne() throws Exception {
        TestSupport.Run first = pack();
        assertThat(first.exit()).as(first.toString()).isZero();
        assertThat(first.out()).endsWith("1 of 1 pack written to " + out + "\n");
        Path pack = out.resolve("customer-chatbot");
        String manifest = Files.readString(pack.resolve("manifest.json"));
        assertThat(manifest).containsPattern("\"reuseKey\" : \"sha256:[0-9a-f]{64}\"");
        Files.setLastModifiedTime(pack.resolve("manifest.json"), FileTime.fromMillis(0));

        TestSupport.Run second = pack();
        assertThat(second.exit()).as(second.toString()).isZero();
        assertThat(second.out()).contains("1 of 1 pack written to " + out + " (1 unchanged since the last run, kept as they were");
        assertThat(second.out()).contains("customer-chatbot.yaml").contains("limited-risk");
        assertThat(time(pack.resolve("manifest.json"))).as("not rewritten").isEqualTo(FileTime.fromMillis(0));

        // a fresh pack of the same input (another folder) has the very same bytes
        Path fresh = dir.resolve("fresh");
        TestSupport.Run f = TestSupport.run("pack", "--as-of", "2026-12-02", "--fail-on", "never", "-o", fresh.toString(), description.toString());
        assertThat(f.exit()).isZero();
        assertThat(TestSupport.files(fresh.resolve("customer-chatbot"))).containsExactlyEntriesOf(TestSupport.files(pack));

        // the JSON summary says which packs were kept
        TestSupport.Run json = pack("--format", "json");
        assertThat(json.out()).contains("\"reused\" : true");
        // the manifest lists the evidence the key covered, and a kept pack's summary equals a fresh one's
        assertThat(manifest).contains("\"evidence\" : [ {", "\"path\" : \"evidence/customer-chatbot/");
        TestSupport.Run freshJson = TestSupport.run("pack", "--as-of", "2026-12-02", "--fail-on", "never", "--format", "json",
                "-o", dir.resolve("fresh2").toString(), description.toString());
        assertThat(json.out().replace(out.toString(), "OUT").replace("\"reused\" : true", "\"reused\" : false"))
                .isEqualTo(freshJson.out().replace(dir.resolve("fresh2").toString(), "OUT"));
    }

    @Test
    void anyChangeBuildsThePackAgain() throws Exception {
        assertThat(pack("--no-pdf").exit()).isZero();
        Path manifest = out.resolve("customer-chatbot/manifest.json");
        String key = Files.readString(manifest).replaceAll("(?s).*\"reuseKey\" : \"([^\"]+)\".*", "$1");

        // another as-of date: not reused, and without --force the existing pack is not replaced
        TestSupport.Run other = TestSupport.run("pack", "--as-of", "2026-12-03", "--fail-on", "never", "--no-pdf", "-o", out.toString(), description.toString());
        assertThat(other.exit()).isEqualTo(2);
        assertThat(other.out()).contains("exists; use --force to replace it");

        // with PDFs instead of without: another key
        assertThat(pack("--force").out()).doesNotContain("unchanged");
        assertThat(Files.readString(manifest)).doesNotContain(key);
        String withPdf = Files.readString(manifest);
        assertThat(pack().out()).contains("(1 unchanged");

        // the description changed
        Files.writeString(description, Files.readString(description).replace("version: \"", "version: \"9"));
        assertThat(pack("--force").out()).doesNotContain("unchanged");
        assertThat(Files.readString(manifest)).isNotEqualTo(withPdf);
        assertThat(pack().out()).contains("(1 unchanged");

        // an evidence file changed
        try (Stream<Path> s = Files.list(dir.resolve("in/evidence/customer-chatbot"))) {
            Path ev = s.sorted().findFirst().orElseThrow();
            Files.writeString(ev, Files.readString(ev) + "\nrevised\n");
        }
        assertThat(pack("--force").out()).doesNotContain("unchanged");
        assertThat(pack().out()).contains("(1 unchanged");

        // a waivers file appeared beside the description
        Files.writeString(dir.resolve("in/customer-chatbot.waivers.yaml"), "apiVersion: dossier/v1\nkind: Waivers\nwaivers: []\n");
        assertThat(pack("--force").out()).doesNotContain("unchanged");
        assertThat(pack().out()).contains("(1 unchanged");

        // a file of the pack was altered: built again
        Path pdf = out.resolve("customer-chatbot/customer-chatbot-gap-report.pdf");
        byte[] bytes = Files.readAllBytes(pdf);
        bytes[bytes.length / 2] ^= 1;
        Files.write(pdf, bytes);
        TestSupport.Run tampered = pack();
        assertThat(tampered.exit()).isEqualTo(2);
        assertThat(tampered.out()).contains("exists; use --force to replace it");
        assertThat(pack("--force").out()).doesNotContain("unchanged");
        assertThat(Files.readAllBytes(pdf)).isNotEqualTo(bytes);

        // a file added to the pack folder: built again
        Files.writeString(out.resolve("customer-chatbot/extra.txt"), "x");
        assertThat(pack("--force").out()).doesNotContain("unchanged");
        assertThat(out.resolve("customer-chatbot/extra.txt")).doesNotExist();

        // --no-reuse always builds
        assertThat(pack("--force", "--no-reuse").out()).doesNotContain("unchanged");
    }

    @Test
    void userTemplatesCountFileByFile() throws Exception {
        Path templates = dir.resolve("brand");
        Files.createDirectories(templates);
        Files.writeString(templates.resolve("brand.css"), "h1 { color: #003399; }\n");
        assertThat(pack("--templates", templates.toString()).exit()).isZero();
        assertThat(pack("--templates", templates.toString()).out()).contains("(1 unchanged");
        Files.writeString(templates.resolve("brand.css"), "h1 { color: #990000; }\n");
        assertThat(pack("--templates", templates.toString(), "--force").out()).doesNotContain("unchanged");
        // without the folder the bundled templates are used: another key
        assertThat(pack("--force").out()).doesNotContain("unchanged");
    }

    @Test
    void theExitCodeOfAKeptPackFollowsFailOn() throws Exception {
        // a description with open errors: exit 1 at --fail-on error whether its pack is built or kept
        Files.copy(TestSupport.examples().resolve("social-scoring.yaml"), dir.resolve("in/social-scoring.yaml"));
        TestSupport.copyTree(TestSupport.examples().resolve("evidence/social-scoring"), dir.resolve("in/evidence/social-scoring"));
        description = dir.resolve("in/social-scoring.yaml");
        List<String> args = List.of("pack", "--as-of", "2026-12-02", "--no-pdf", "-o", out.toString(), description.toString());
        TestSupport.Run built = TestSupport.run(args.toArray(String[]::new));
        TestSupport.Run kept = TestSupport.run(args.toArray(String[]::new));
        assertThat(built.exit()).isEqualTo(1);
        assertThat(kept.exit()).isEqualTo(1);
        assertThat(kept.out()).contains("(1 unchanged");
        assertThat(kept.out().lines().toList().get(1)).isEqualTo(built.out().lines().toList().get(1));
        List<String> never = new ArrayList<>(args);
        never.add(1, "--fail-on");
        never.add(2, "never");
        assertThat(TestSupport.run(never.toArray(String[]::new)).exit()).isZero();
    }

    @Test
    void aConsistentButOddPackIsBuiltAgainNotAnError() throws Exception {
        Files.copy(TestSupport.examples().resolve("social-scoring.yaml"), dir.resolve("in/social-scoring.yaml"));
        TestSupport.copyTree(TestSupport.examples().resolve("evidence/social-scoring"), dir.resolve("in/evidence/social-scoring"));
        description = dir.resolve("in/social-scoring.yaml");
        assertThat(pack("--no-pdf").exit()).isEqualTo(0);
        // a findings.json with a severity the tool does not know, its manifest entry made to match
        Path pack = out.resolve("social-scoring");
        String findings = Files.readString(pack.resolve("findings.json"));
        assertThat(findings).contains("\"severity\" : \"error\",\n    \"status\" : \"failed\"");
        String odd = findings.replace("\"severity\" : \"error\",\n    \"status\" : \"failed\"", "\"severity\" : \"fatal\",\n    \"status\" : \"failed\"");
        byte[] oddBytes = odd.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        String manifest = Files.readString(pack.resolve("manifest.json"));
        String entry = "\"name\" : \"findings.json\",\n    \"sha256\" : \"";
        int at = manifest.indexOf(entry) + entry.length();
        String rest = manifest.substring(manifest.indexOf("\"size\" : ", at));
        rest = rest.substring(rest.indexOf('\n'));
        Files.writeString(pack.resolve("manifest.json"), manifest.substring(0, at) + dev.aidossier.util.Hashes.sha256(oddBytes)
                + "\",\n    \"size\" : " + oddBytes.length + rest);
        Files.write(pack.resolve("findings.json"), oddBytes);
        // at --fail-on error, where the severities are read to decide the exit code
        TestSupport.Run again = TestSupport.run("pack", "--as-of", "2026-12-02", "--no-pdf", "--force", "-o", out.toString(), description.toString());
        assertThat(again.exit()).as(again.toString()).isEqualTo(1);
        assertThat(again.err()).doesNotContain("internal error");
        assertThat(again.out()).doesNotContain("unchanged");
        assertThat(Files.readString(pack.resolve("findings.json"))).isEqualTo(findings);
    }

    @Test
    void zipsAreReusedToo() throws Exception {
        assertThat(pack("--zip", "--no-pdf").exit()).isZero();
        Path zip = out.resolve("customer-chatbot.zip");
        byte[] before = Files.readAllBytes(zip);
        assertThat(pack("--zip", "--no-pdf").out()).contains("(1 unchanged");
        assertThat(Files.readAllBytes(zip)).isEqualTo(before);
        Files.write(zip, java.util.Arrays.copyOf(before, before.length - 10));
        assertThat(pack("--zip", "--no-pdf", "--force").out()).doesNotContain("unchanged");
        assertThat(Files.readAllBytes(zip)).isEqualTo(before);
    }
}
