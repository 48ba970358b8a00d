package dev.aidossier.pack;

import dev.aidossier.cli.Main;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pack of each example against golden files in {@code src/test/resources/golden/<example>/}: the
 * list of files, {@code findings.json} and {@code registration.json}, byte for byte. After an intended
 * change (a rule, an example, the tool version), rewrite them with
 * {@code mvn -B test -Dtest=GoldenPackTest -Ddossier.golden.update=true} and review the diff.
 */
class GoldenPackTest {

    static final Path GOLDEN = Path.of("src/test/resources/golden");
    static final boolean UPDATE = Boolean.getBoolean("dossier.golden.update");

    @TempDir
    static Path out;

    @BeforeAll
    static void packExamples() {
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(new StringWriter()), new PrintWriter(err), "pack", "examples", "-o", out.toString(),
                "--as-of", "2026-12-02", "--fail-on", "never", "--jobs", "2");
        assertThat(code).as(err.toString()).isZero();
    }

    static Stream<String> examples() throws IOException {
        try (Stream<Path> s = Files.list(Path.of("examples"))) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".yaml"))
                    .map(n -> n.substring(0, n.length() - 5)).sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("examples")
    void packMatchesItsGoldenFiles(String example) throws IOException {
        Path pack = out.resolve(example);
        List<String> files;
        try (Stream<Path> s = Files.list(pack)) {
            files = s.map(p -> p.getFileName().toString()).sorted().toList();
        }
        compare(example, "files.txt", String.join("\n", files) + "\n");
        compare(example, "findings.json", Files.readString(pack.resolve("findings.json")));
        compare(example, "registration.json", Files.readString(pack.resolve("registration.json")));
    }

    private static void compare(String example, String name, String actual) throws IOException {
        Path golden = GOLDEN.resolve(example).resolve(name);
        if (UPDATE) {
            Files.createDirectories(golden.getParent());
            Files.writeString(golden, actual);
            return;
        }
        assertThat(golden).as("golden file %s is missing; create it with -Ddossier.golden.update=true", golden).exists();
        assertThat(actual).as("%s of %s differs from %s (rewrite with -Ddossier.golden.update=true after an intended change)",
                name, example, golden).isEqualTo(Files.readString(golden));
    }
}
