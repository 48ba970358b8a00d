package dev.aidossier.load;

import dev.aidossier.TestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Each input bound has a default, a flag, and a clear error naming the limit and the place. */
class LimitsTest {

    private static final String HEAD = "apiVersion: dossier/v1\nkind: AISystem\nmetadata:\n  name: Demo\n  version: \"1\"\n"
            + "spec:\n  provider:\n    name: Demo GmbH\n  roles: [provider]\n";

    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text, StandardCharsets.UTF_8);
        return p;
    }

    @Test
    void oversizedFileIsRefusedBeforeParsing() throws IOException {
        StringBuilder sb = new StringBuilder(HEAD).append("  general:\n    hardware: \"");
        sb.append("x".repeat(4 * 1024 * 1024 + 10)).append("\"\n");
        Path p = write("big.yaml", sb.toString());
        TestSupport.Run r = TestSupport.run("classify", "--as-of", "2026-11-23", p.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.out()).contains(p + ":1:1: error [yaml.limit] file is ").contains("more than the limit of 4194304 bytes (raise it with --max-file-size)");
    }

    @Test
    void fileSizeLimitCanBeLowered() throws IOException {
        Path p = write("small.yaml", HEAD);
        TestSupport.Run r = TestSupport.run("classify", "--max-file-size", "100", p.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.out()).contains("[yaml.limit]").contains("limit of 100 bytes");
    }

    @Test
    void longValueIsRefusedWithItsLocation() throws IOException {
        Path p = write("long.yaml", HEAD + "  general:\n    hardware: " + "y".repeat(2000) + "\n");
        TestSupport.Run r = TestSupport.run("classify", "--max-string-length", "1000", p.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.out()).contains(p + ":11:").contains("[yaml.limit]").contains("--max-string-length");
    }

    @Test
    void tooManyNodesIsRefused() throws IOException {
        StringBuilder sb = new StringBuilder(HEAD).append("  general:\n    memberStates:\n");
        for (int i = 0; i < 300; i++) {
            sb.append("      - DE\n");
        }
        Path p = write("nodes.yaml", sb.toString());
        TestSupport.Run r = TestSupport.run("classify", "--max-nodes", "200", p.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.out()).contains("[yaml.limit] more than 200 YAML nodes (raise the limit with --max-nodes)");
    }

    @Test
    void depthLimitCanBeRaised() throws IOException {
        String deep = "    x: " + "[".repeat(45) + "]".repeat(45) + "\n";
        Path p = write("deep.yaml", HEAD + "  classification:\n" + deep);
        assertThat(TestSupport.run("classify", p.toString()).out()).contains("nesting deeper than 40 levels");
        TestSupport.Run raised = TestSupport.run("classify", "--max-depth", "60", p.toString());
        assertThat(raised.out()).doesNotContain("nesting deeper").contains("unknown fact group 'x'");
    }

    @Test
    void aMillionCharacterValueIsReadWithinTheDefaults() throws IOException {
        Path p = write("mb.yaml", HEAD + "  general:\n    hardware: " + "word ".repeat(200_000) + "\n");
        TestSupport.Run r = TestSupport.run("classify", "--as-of", "2026-11-23", p.toString());
        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.out()).contains("minimal-risk");
    }

    @Test
    void badLimitValueIsAUsageError() {
        TestSupport.Run r = TestSupport.run("classify", "--max-depth", "0", "x.yaml");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("--max-depth must be at least 1");
    }

    @Test
    void utf8ByteOrderMarkIsAcceptedAndColumnsStayRight() throws IOException {
        Path p = dir.resolve("bom.yaml");
        byte[] body = (HEAD + "  roles: [provider, deployr]\n").replace("  roles: [provider]\n", "").getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[body.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(body, 0, withBom, 3, body.length);
        Files.write(p, withBom);
        TestSupport.Run r = TestSupport.run("classify", p.toString());
        assertThat(r.out()).contains(p + ":9:21: error [schema.enum] 'deployr'");
    }
}
