package dev.aidossier.cli;

import dev.aidossier.TestSupport;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The top-level help lists every command with a whole sentence, not one cut mid-way. */
class HelpTest {

    @Test
    void everyCommandSummaryIsAWholeSentence() {
        TestSupport.Run r = TestSupport.run("--help");
        assertThat(r.exit()).isZero();
        String commands = r.out().substring(r.out().indexOf("Commands:"), r.out().indexOf("Exit codes:"));
        List<String> summaries = new ArrayList<>();
        for (String line : commands.lines().skip(1).toList()) {
            if (line.isBlank()) {
                continue;
            }
            if (line.startsWith("  ") && !line.startsWith("   ")) {
                summaries.add(line.strip().replaceFirst("^\\S+\\s+", ""));
            } else {
                summaries.set(summaries.size() - 1, summaries.get(summaries.size() - 1) + " " + line.strip());
            }
        }
        // one summary per command, whichever commands there are
        assertThat(summaries).hasSize(Main.commandLine().getSubcommands().size()).allSatisfy(s -> assertThat(s).endsWith("."));
    }
}
