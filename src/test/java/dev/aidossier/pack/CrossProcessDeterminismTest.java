package dev.aidossier.pack;

import dev.aidossier.TestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two separate JVMs must write byte-identical packs, PDFs and zip included. Within one JVM this cannot
 * be seen: hash-seeded orders (Map.of, Set.of) are fixed per JVM and differ between runs.
 */
class CrossProcessDeterminismTest {

    @TempDir
    Path dir;

    private void pack(Path out) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), "dev.aidossier.cli.Main", "pack",
                "--as-of", "2028-09-01", "--zip", "--jobs", "2", "-o", out.toString(),
                TestSupport.examples().resolve("cv-screening.yaml").toString(),
                TestSupport.examples().resolve("gpai-frontier-model.yaml").toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve(out.getFileName() + ".log").toFile()).start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(Files.readString(dir.resolve(out.getFileName() + ".log"))).isZero();
    }

    @Test
    void twoProcessesWriteTheSameBytes() throws Exception {
        pack(dir.resolve("a"));
        pack(dir.resolve("b"));
        List<String> names;
        try (Stream<Path> s = Files.list(dir.resolve("a"))) {
            names = s.map(p -> p.getFileName().toString()).sorted().toList();
        }
        assertThat(names).containsExactly("cv-screening.zip", "gpai-frontier-model.zip");
        for (String n : names) {
            assertThat(Files.readAllBytes(dir.resolve("a").resolve(n))).as(n).isEqualTo(Files.readAllBytes(dir.resolve("b").resolve(n)));
        }
    }
}
