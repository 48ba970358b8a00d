package dev.aidossier.rules;

import dev.aidossier.analysis.FixtureRunner;

import dev.aidossier.analysis.Engine;
import dev.aidossier.TestSupport;
import dev.aidossier.core.Finding;
import dev.aidossier.load.Limits;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Walks rules/: every pack loads cleanly, every fixture case holds, and every rule has a passing and a
 * failing case (the same check as 'dossier rules test').
 */
class RuleFixturesTest {

    @TestFactory
    Stream<DynamicTest> everyPackAndFixture() throws IOException {
        Path rules = TestSupport.root().resolve("rules");
        List<DynamicTest> tests = new ArrayList<>();
        try (Stream<Path> s = Files.list(rules)) {
            for (Path pack : s.filter(p -> Files.isRegularFile(p.resolve("pack.yaml"))).sorted().toList()) {
                String id = pack.getFileName().toString();
                Engine engine;
                try {
                    engine = Engine.load(RulePackSource.directory(rules), id, Limits.DEFAULT);
                } catch (Engine.PackError e) {
                    tests.add(DynamicTest.dynamicTest(id + " loads", () -> assertThat(e.findings().stream().map(Finding::toText)).isEmpty()));
                    continue;
                }
                FixtureRunner.Report rep = new FixtureRunner(engine, TestSupport.examples()).run(pack.resolve("tests"));
                tests.add(DynamicTest.dynamicTest(id + ": fixture files load", () -> assertThat(rep.problems().stream().map(Finding::toText)).isEmpty()));
                tests.add(DynamicTest.dynamicTest(id + ": every rule has a passing and a failing case", () -> assertThat(rep.uncovered()).isEmpty()));
                for (FixtureRunner.Outcome o : rep.outcomes()) {
                    tests.add(DynamicTest.dynamicTest(id + ": " + o.rule() + " " + o.expect() + " (" + o.location().line() + ")",
                            () -> assertThat(o.ok()).as(o.location() + ": " + o.detail()).isTrue()));
                }
            }
        }
        return tests.stream();
    }
}
