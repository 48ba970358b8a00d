package dev.aidossier.load;

import dev.aidossier.core.Finding;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * YAML ends lines at LF, CR LF or a lone CR and counts columns in code points; the reader must find a
 * value's first character the same way, or it misjudges whether the value was quoted ({@code ""} is an
 * empty string, nothing at all is null). Found by the check fuzz target.
 */
class LineBreaksTest {

    private static final String DESCRIPTION = "apiVersion: dossier/v1\nkind: AISystem\nmetadata: {name: \"NAME\", version: \"\"}\n"
            + "spec:\n  provider: {name: P, country: DE, email: a@b.de}\n  roles: [provider]\n";

    private static List<String> messages(String text) {
        Loaded l = new DescriptionLoader().load(text.getBytes(StandardCharsets.UTF_8), "d.yaml", Path.of("d.yaml"));
        return l.findings().stream().map(Finding::toText).toList();
    }

    @Test
    void aQuotedEmptyValueIsAnEmptyStringWhateverTheLineEnds() {
        List<String> lf = messages(DESCRIPTION.replace("NAME", "n"));
        assertThat(lf).containsExactly("d.yaml:3:32: error [schema.required] metadata.version must not be blank");
        assertThat(messages(DESCRIPTION.replace("NAME", "n").replace("\n", "\r\n"))).isEqualTo(lf);
        assertThat(messages(DESCRIPTION.replace("NAME", "n").replace("\n", "\r"))).isEqualTo(lf);
    }

    @Test
    void charactersOutsideTheBasicPlaneCountAsOneColumn() {
        // two emoji before the value: two columns for YAML, four chars for Java
        assertThat(messages(DESCRIPTION.replace("NAME", "\uD83D\uDE00\uD83D\uDE00")))
                .containsExactly("d.yaml:3:33: error [schema.required] metadata.version must not be blank");
    }

    @Test
    void offsetsFollowYamlLinesAndColumns() {
        assertThat(YamlReader.offsetOf("ab\ncd", 2, 2)).isEqualTo(4);
        assertThat(YamlReader.offsetOf("ab\r\ncd", 2, 2)).isEqualTo(5);
        assertThat(YamlReader.offsetOf("ab\rcd", 2, 1)).isEqualTo(3);
        assertThat(YamlReader.offsetOf("\uD83D\uDE00x", 1, 2)).isEqualTo(2);
        assertThat(YamlReader.offsetOf("ab", 3, 1)).isEqualTo(-1);
        assertThat(YamlReader.offsetOf("ab", 1, 9)).isEqualTo(-1);
    }
}
