package dev.aidossier.load;

import dev.aidossier.core.Finding;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * YAML 1.2's infinities and not-a-number ({@code .inf}, {@code -.inf}, {@code .nan}) are valid floats: a
 * description holding one is readable, and the field that expects a number says what it got. They made
 * the whole file "invalid YAML" with a Java exception in the message. Found by the load fuzz target.
 */
class SpecialFloatsTest {

    private static List<String> findings(String value) {
        String text = "apiVersion: dossier/v1\nkind: AISystem\nmetadata:\n  name: X\n  version: \"1\"\n"
                + "spec:\n  provider: {name: P, country: DE, email: a@b.de}\n  roles: [provider]\n"
                + "  metrics:\n    - {name: recall, kind: accuracy, value: " + value + ", threshold: " + value + ", comparator: atLeast}\n"
                + "  logging:\n    retentionMonths: " + value + "\n";
        Loaded l = new DescriptionLoader().load(text.getBytes(StandardCharsets.UTF_8), "d.yaml", Path.of("d.yaml"));
        assertThat(l.readable()).as(l.findings().toString()).isTrue();
        return l.findings().stream().map(Finding::toText).toList();
    }

    @ParameterizedTest
    @ValueSource(strings = {".inf", "-.inf", ".nan"})
    void infinitiesAndNotANumberAreReadAndRefusedWhereANumberBelongs(String value) {
        List<String> fs = findings(value);
        assertThat(fs).allSatisfy(f -> assertThat(f).doesNotContain("Exception").doesNotContain("yaml.syntax"));
        assertThat(fs).contains("d.yaml:10:45: error [schema.type] expected a finite number at spec.metrics[0].value, found " + value);
        assertThat(fs).anyMatch(f -> f.startsWith("d.yaml:12:22: error [schema.type] expected a whole number at spec.logging.retentionMonths, found a number '" + value + "'"));
    }
}
