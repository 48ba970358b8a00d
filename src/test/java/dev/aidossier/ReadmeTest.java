package dev.aidossier;

import dev.aidossier.cli.Main;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README cannot drift: every {@code text} block that starts with {@code $ dossier ...} is run and its output
 * compared line by line (a line {@code ...} stands for any lines, {@code ...} inside a line for any text), and every
 * other {@code dossier} command line in a {@code sh}, {@code yaml} or {@code text} block must parse: its command and
 * options exist. A file a block names that is not in the repository (the README's {@code fraud.yaml}) is read from
 * {@code src/test/resources/readme/}, and its path is shown as the README writes it.
 */
class ReadmeTest {

    static final Path README = Path.of("README.md");
    static final Path READMES = Path.of("src/test/resources/readme");
    static final Pattern COMMAND = Pattern.compile("(?:^|[\\s/\"'])dossier ((?:classify|check|render|pack|diff|rules|schema|crosswalk|sign|verify|help)\\b.*)$");

    record Block(int line, String lang, List<String> lines) {
    }

    static List<Block> blocks() throws IOException {
        List<String> all = Files.readAllLines(README);
        List<Block> out = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i).startsWith("```") && all.get(i).length() > 3) {
                int start = i;
                List<String> body = new ArrayList<>();
                while (++i < all.size() && !all.get(i).startsWith("```")) {
                    body.add(all.get(i));
                }
                out.add(new Block(start + 1, all.get(start).substring(3).trim(), body));
            }
        }
        return out;
    }

    /** Shell words: whitespace-separated, single and double quotes kept together. */
    static List<String> words(String line) {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("'([^']*)'|\"([^\"]*)\"|(\\S+)").matcher(line);
        while (m.find()) {
            out.add(m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3));
        }
        return out;
    }

    /** The arguments of a command line, without comments, redirections and what follows a pipe or &&. */
    static List<String> args(String commandLine) {
        String s = commandLine.replaceAll("\\s+#.*$", "");
        s = s.split("\\s(\\||&&|;)\\s")[0];
        List<String> out = new ArrayList<>();
        List<String> w = words(s);
        for (int i = 0; i < w.size(); i++) {
            String x = w.get(i);
            if (x.equals(">") || x.equals("2>") || x.equals("<")) {
                i++;
            } else if (!x.startsWith(">") && !x.startsWith("2>")) {
                out.add(x);
            }
        }
        return out;
    }

    static boolean matches(List<String> expected, List<String> actual) {
        return matches(expected, 0, actual, 0);
    }

    private static boolean matches(List<String> e, int i, List<String> a, int j) {
        if (i == e.size()) {
            return j == a.size();
        }
        if (e.get(i).equals("...")) {
            for (int k = j; k <= a.size(); k++) {
                if (matches(e, i + 1, a, k)) {
                    return true;
                }
            }
            return false;
        }
        return j < a.size() && line(e.get(i), a.get(j)) && matches(e, i + 1, a, j + 1);
    }

    private static boolean line(String expected, String actual) {
        String[] parts = expected.split("\\.\\.\\.", -1);
        StringBuilder re = new StringBuilder();
        for (int i = 0; i < parts.length; i++) {
            re.append(Pattern.quote(parts[i]));
            if (i < parts.length - 1) {
                re.append(".*");
            }
        }
        return actual.matches(re.toString());
    }

    @Test
    void everyShownOutputIsWhatTheCommandPrints() throws IOException {
        int run = 0;
        for (Block b : blocks()) {
            if (!b.lang().equals("text") || b.lines().isEmpty() || !b.lines().get(0).startsWith("$ dossier ")) {
                continue;
            }
            List<String> args = args(b.lines().get(0).substring("$ dossier ".length()));
            List<String> shown = new ArrayList<>();
            for (String a : args) {
                if (!a.startsWith("-") && a.contains(".") && !Files.exists(Path.of(a)) && Files.exists(READMES.resolve(a))) {
                    shown.add(a);
                }
            }
            List<String> real = args.stream().map(a -> shown.contains(a) ? READMES.resolve(a).toString() : a).toList();
            TestSupport.Run r = TestSupport.run(real.toArray(String[]::new));
            String out = r.out();
            for (String a : shown) {
                out = out.replace(READMES.resolve(a).toString(), a);
            }
            List<String> expected = b.lines().subList(1, b.lines().size());
            assertThat(matches(expected, out.lines().toList()))
                    .as("README.md line %d: '%s' prints\n%s\nbut the README shows\n%s", b.line(), b.lines().get(0), out, String.join("\n", expected))
                    .isTrue();
            run++;
        }
        assertThat(run).isGreaterThanOrEqualTo(4);
    }

    @Test
    void everyCommandLineParses() throws IOException {
        int parsed = 0;
        for (Block b : blocks()) {
            for (String l : b.lines()) {
                Matcher m = COMMAND.matcher(l);
                if (!m.find() || l.contains("--mvn")) {
                    continue;
                }
                List<String> args = args(m.group(1));
                try {
                    Main.commandLine().parseArgs(args.toArray(String[]::new));
                } catch (CommandLine.ParameterException e) {
                    throw new AssertionError("README.md, block at line " + b.line() + ": '" + l.trim() + "' does not parse: " + e.getMessage());
                }
                parsed++;
            }
        }
        assertThat(parsed).isGreaterThan(15);
    }

    @Test
    void theMatcherCanFail() {
        assertThat(matches(List.of("a", "...", "d"), List.of("a", "b", "c", "d"))).isTrue();
        assertThat(matches(List.of("a ... z"), List.of("a b c z"))).isTrue();
        assertThat(matches(List.of("a", "d"), List.of("a", "b", "d"))).isFalse();
        assertThat(matches(List.of("a ... z"), List.of("a b c"))).isFalse();
        assertThat(args("check x.yaml --format sarif > out.sarif   # comment")).containsExactly("check", "x.yaml", "--format", "sarif");
        assertThat(args("pack 'systems/**/*.yaml' -o out && echo done")).containsExactly("pack", "systems/**/*.yaml", "-o", "out");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Main.commandLine().parseArgs("check", "--no-such-option", "x.yaml"))
                .isInstanceOf(CommandLine.ParameterException.class);
    }
}
