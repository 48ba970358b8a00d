package dev.aidossier.pack;

import dev.aidossier.TestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A batch's memory must not grow with the number of descriptions: 400 copies of a 50 KB example,
 * packed in a JVM with a 64 MB heap. When every description's analysis stayed reachable until the
 * summary table, this run ran out of memory (exit 3) after some 200 descriptions.
 */
class BatchMemoryTest {

    @TempDir
    Path dir;

    @Test
    void fourHundredDescriptionsPackInSixtyFourMegabytesOfHeap() throws Exception {
        Path in = dir.resolve("in");
        Files.createDirectories(in);
        TestSupport.copyTree(TestSupport.examples().resolve("evidence/cv-screening"), in.resolve("evidence/cv-screening"));
        byte[] example = Files.readAllBytes(TestSupport.examples().resolve("cv-screening.yaml"));
        int n = 400;
        for (int i = 0; i < n; i++) {
            Files.write(in.resolve(String.format("system-%03d.yaml", i)), example);
        }
        Path out = dir.resolve("out");
        Path log = dir.resolve("pack.log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-Xmx64m", "-cp", System.getProperty("java.class.path"), "dev.aidossier.cli.Main", "pack",
                "--no-pdf", "--as-of", "2028-09-01", "--fail-on", "never", "--jobs", "2", "-o", out.toString(), in.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertThat(p.waitFor(300, TimeUnit.SECONDS)).isTrue();
        String printed = Files.readString(log);
        assertThat(p.exitValue()).as(printed).isZero();
        assertThat(printed).contains(n + " of " + n + " packs written to " + out);
        try (Stream<Path> s = Files.list(out)) {
            assertThat(s.filter(Files::isDirectory).count()).isEqualTo(n);
        }
    }
}
