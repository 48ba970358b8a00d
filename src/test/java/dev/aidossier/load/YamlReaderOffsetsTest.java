package dev.aidossier.load;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** The line-start table that tells quoted from plain scalars gives the offsets of a plain scan of the text. */
class YamlReaderOffsetsTest {

    /** The scan the table replaced: walk from the start of the text to the line, then add the column. */
    private static int naive(String text, int line, int column) {
        int l = 1;
        int i = 0;
        // lines end at LF, CR LF or a lone CR; columns count code points (as the YAML parser counts them)
        while (l < line && i < text.length()) {
            char c = text.charAt(i++);
            if (c == '\n' || (c == '\r' && (i == text.length() || text.charAt(i) != '\n'))) {
                l++;
            }
        }
        if (l != line) {
            return -1;
        }
        for (int col = 1; col < column; col++) {
            if (i >= text.length()) {
                return -1;
            }
            i += Character.charCount(text.codePointAt(i));
        }
        return i;
    }

    @Test
    void offsetsMatchAScanFromTheStart() {
        Random r = new Random(42);
        String alphabet = "ab \n\r\t'\"#\u00e9\u2028\uD83D\uDE00";
        for (int n = 0; n < 500; n++) {
            StringBuilder sb = new StringBuilder();
            int len = r.nextInt(60);
            for (int i = 0; i < len; i++) {
                sb.append(alphabet.charAt(r.nextInt(alphabet.length())));
            }
            String text = sb.toString();
            int[] starts = YamlReader.lineStarts(text);
            for (int line = -1; line < 12; line++) {
                for (int col = 1; col < 20; col++) {
                    assertThat(YamlReader.offsetOf(text, starts, line, col)).as("%s at %d:%d", text, line, col)
                            .isEqualTo(naive(text, line, col));
                }
            }
        }
    }

    @Test
    void onlyCommentsIsStillEmpty() {
        YamlReader reader = new YamlReader(Limits.DEFAULT);
        for (String text : new String[]{"# a\n\n   # b\r\n---\n...\n", "#x\u2028  \u0085# y", "\n\n"}) {
            assertThat(reader.parse(text.getBytes(java.nio.charset.StandardCharsets.UTF_8), "f.yaml").problems())
                    .extracting(f -> f.ruleId()).containsExactly("yaml.empty");
        }
        assertThat(reader.parse("# a\r\nkey: 'v'\n".getBytes(java.nio.charset.StandardCharsets.UTF_8), "f.yaml").readable()).isTrue();
    }
}
