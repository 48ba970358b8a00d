package dev.aidossier.load;

import dev.aidossier.core.Finding;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tags are refused, as the README says, whichever they are: {@code !!float abc} made the file "invalid
 * YAML" with a Java exception in the message (found by the load fuzz target), and other tags were
 * silently ignored; only {@code !!binary} was refused.
 */
class TagsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "!!float abc | !!float", "!!float 1.5 | !!float", "!!str 5 | !!str", "!!int 5 | !!int", "!local x | !local",
            "!!map {a: 1} | !!map", "!!seq [a] | !!seq", "!<tag:yaml.org,2002:float> x | !!float", "!!binary aGVsbG8= | !!binary"})
    void anyTagIsRefusedAtItsPlace(String value, String shown) {
        String text = "apiVersion: dossier/v1\nkind: AISystem\nmetadata:\n  name: " + value + "\n  version: \"1\"\n";
        Loaded l = new DescriptionLoader().load(text.getBytes(StandardCharsets.UTF_8), "d.yaml", Path.of("d.yaml"));
        assertThat(l.readable()).isFalse();
        assertThat(l.findings()).extracting(Finding::toText)
                .containsExactly("d.yaml:4:9: error [yaml.tag] YAML tags (here " + shown + ") are not allowed: write plain values without '!' tags");
    }
}
