package dev.aidossier.load;

import dev.aidossier.TestSupport;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bad-input corpus: each file in src/test/resources/bad-input with its expected exit code, rule id,
 * line, column and message (cases.tsv). No input may produce a stack trace.
 */
class BadInputCorpusTest {

    static Stream<Arguments> cases() throws IOException {
        Path dir = TestSupport.resource("bad-input");
        List<String> lines = Files.readAllLines(dir.resolve("cases.tsv"), StandardCharsets.UTF_8);
        return lines.stream().filter(l -> !l.isBlank() && !l.startsWith("#")).map(l -> {
            String[] f = l.split("\t");
            return Arguments.of(f[0], Integer.parseInt(f[1]), f[2], Integer.parseInt(f[3]), Integer.parseInt(f[4]), f[5]);
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void reportsTheProblemAtItsPlace(String file, int exit, String rule, int line, int column, String message) {
        Path p = TestSupport.resource("bad-input").resolve(file);
        TestSupport.Run r = TestSupport.run("classify", "--as-of", "2026-11-23", p.toString());
        assertThat(r.exit()).as(r.toString()).isEqualTo(exit);
        String expected = p + ":" + line + ":" + column + ": error [" + rule + "] ";
        assertThat(r.out()).as(r.toString()).contains(expected).contains(message);
        assertThat(r.out() + r.err()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void checkReportsTheSameWithoutCrashing(String file, int exit, String rule, int line, int column, String message) {
        Path p = TestSupport.resource("bad-input").resolve(file);
        TestSupport.Run r = TestSupport.run("check", "--as-of", "2026-11-23", "--format", "json", p.toString());
        assertThat(r.exit()).as(r.toString()).isEqualTo(exit);
        assertThat(r.out()).contains("\"ruleId\" : \"" + rule + "\"").contains("\"line\" : " + line);
        assertThat(r.err()).doesNotContain("Exception");
    }
}
