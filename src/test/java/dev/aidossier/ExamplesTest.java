package dev.aidossier;

import dev.aidossier.analysis.Engine;

import dev.aidossier.analysis.Analysis;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.aidossier.core.Finding;
import dev.aidossier.core.Severity;
import dev.aidossier.core.Status;
import dev.aidossier.report.Json;
import dev.aidossier.schema.SchemaGenerator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The examples: each classifies as stated, validates against the generated schema, and (when complete) passes the pack. */
class ExamplesTest {

    static Engine engine;

    @BeforeAll
    static void load() throws Exception {
        engine = TestSupport.euEngine();
    }

    static Stream<Path> examples() throws IOException {
        try (Stream<Path> s = Files.list(TestSupport.examples())) {
            return s.filter(dev.aidossier.TestSupport::isDescription).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            border-biometrics.yaml             | high-risk    | none               | Art6.2 AnxIII.1.a AnxIII.7.d
            cv-screening.yaml                  | high-risk    | none               | Art6.2 AnxIII.4.a
            cv-screening-draft.yaml            | high-risk    | none               | Art6.2 AnxIII.4.a
            credit-scoring.yaml                | high-risk    | none               | Art6.2 AnxIII.5.b
            customer-chatbot.yaml              | limited-risk | none               | Art50.1 Art50.2
            gpai-frontier-model.yaml           | none         | gpai-systemic-risk | Art51.2 Art55
            gpai-open-model.yaml               | none         | gpai               | Art3.63 Art53.2
            social-scoring.yaml                | prohibited   | none               | Art5.1.c
            admissions-completeness-check.yaml | minimal-risk | none               | Art6.3.sub1 Art6.3.sub2.a Art6.4 Art49.2 AnxIII.3.a
            intercept-analytics.yaml           | high-risk    | none               | Art6.2 AnxIII.6.c
            """)
    void classifiesAsStated(String file, String tier, String gpai, String basis) {
        Path p = TestSupport.examples().resolve(file);
        Analysis a = engine.classify(p, p.toString(), LocalDate.parse("2026-11-23"));
        assertThat(a.findings()).as("findings of " + file).isEmpty();
        assertThat(a.classification().tier()).isEqualTo(tier);
        assertThat(a.classification().gpai()).isEqualTo(gpai);
        assertThat(a.classification().basis()).contains(basis.split(" "));
    }

    @Test
    void transparencyDutiesOfTheChatbot() {
        Path p = TestSupport.examples().resolve("customer-chatbot.yaml");
        assertThat(engine.classify(p, p.toString(), LocalDate.parse("2026-11-23")).classification().transparency())
                .containsExactly("Art50.1", "Art50.2");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void validatesAgainstTheGeneratedSchema(Path example) throws IOException {
        String schemaJson = Json.write(new SchemaGenerator(engine.classifier().data()).generate());
        Schema schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(schemaJson, com.networknt.schema.InputFormat.JSON);
        JsonNode doc = YAMLMapper.builder().build().readTree(Files.readString(example));
        List<Error> errors = schema.validate(doc);
        assertThat(errors).as(example.toString()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void completeExamplesHaveNoOpenErrorsOnceEverythingApplies(Path example) {
        Analysis a = engine.analyse(example, example.toString(), LocalDate.parse("2028-09-01"));
        List<String> open = a.findings().stream().filter(f -> f.status() == Status.failed && f.severity() == Severity.error)
                .map(Finding::toText).toList();
        if (example.getFileName().toString().equals("social-scoring.yaml")) {
            assertThat(open).as("a prohibited practice is an error whatever else it documents").isNotEmpty();
        } else if (example.getFileName().toString().equals("cv-screening-draft.yaml")) {
            // the example with gaps: by 2028 the one open now, the three upcoming ones, and the waived one (its waiver expired)
            assertThat(open.stream().map(t -> t.replaceFirst("^.*\\[(.*?)\\].*$", "$1"))).containsExactly(
                    "EUAIA-ART4-AI-LITERACY", "EUAIA-ANXIV-1E-HARDWARE", "EUAIA-ANXIV-1A-PURPOSE", "EUAIA-ART19-LOG-RETENTION",
                    "EUAIA-ART73-DEATH-DEADLINE", "waiver.expired");
            Analysis now = engine.analyse(example, example.toString(), LocalDate.parse("2026-12-06"));
            assertThat(now.findings().stream().filter(f -> f.status() == Status.failed).map(Finding::ruleId)).containsExactly("EUAIA-ART4-AI-LITERACY");
            assertThat(now.findings().stream().filter(f -> f.status() == Status.upcoming).map(Finding::ruleId))
                    .containsExactly("EUAIA-ANXIV-1E-HARDWARE", "EUAIA-ANXIV-1A-PURPOSE", "EUAIA-ART19-LOG-RETENTION");
            assertThat(now.findings().stream().filter(f -> f.status() == Status.waived).map(Finding::ruleId)).containsExactly("EUAIA-ART73-DEATH-DEADLINE");
        } else {
            assertThat(open).isEmpty();
        }
    }

    @Test
    void gapsExampleFailsWithExactlyTheExpectedRules() {
        Path p = TestSupport.resource("gaps/cv-screening-gaps.yaml");
        Analysis a = engine.analyse(p, "cv-screening-gaps.yaml", LocalDate.parse("2028-09-01"));
        List<String> open = a.findings().stream().filter(f -> f.status() == Status.failed).map(Finding::toText).toList();
        assertThat(open).hasSize(4);
        assertThat(open.get(0)).startsWith("cv-screening-gaps.yaml:44:3: error [EUAIA-ANXIV-1E-HARDWARE] ").endsWith("spec.general.hardware is missing.");
        assertThat(open.get(1)).startsWith("cv-screening-gaps.yaml:45:22: error [EUAIA-ANXIV-1A-PURPOSE] ").endsWith("spec.general.intendedPurpose is a placeholder ('TBD').");
        assertThat(open.get(2)).startsWith("cv-screening-gaps.yaml:615:22: error [EUAIA-ART19-LOG-RETENTION] ");
        assertThat(open.get(3)).startsWith("cv-screening-gaps.yaml:708:24: error [EUAIA-ART73-DEATH-DEADLINE] ");
        // before the Annex III obligations apply, the same gaps are upcoming, not failures
        Analysis early = engine.analyse(p, "cv-screening-gaps.yaml", LocalDate.parse("2026-11-23"));
        assertThat(early.findings().stream().filter(f -> f.status() == Status.failed)).isEmpty();
        assertThat(early.findings().stream().filter(f -> f.status() == Status.upcoming).map(Finding::ruleId))
                .containsExactlyInAnyOrder("EUAIA-ANXIV-1E-HARDWARE", "EUAIA-ANXIV-1A-PURPOSE", "EUAIA-ART19-LOG-RETENTION", "EUAIA-ART73-DEATH-DEADLINE");
    }

    @Test
    void schemaCopyInExamplesIsCurrent() throws IOException {
        // the copy beside the examples is the draft-07 variant, the one editors support fully
        String generated = Json.write(SchemaGenerator.draft07(new SchemaGenerator(engine.classifier().data()).generate()));
        assertThat(Files.readString(TestSupport.examples().resolve("dossier.schema.json")))
                .as("examples/dossier.schema.json is stale: run java -jar target/dossier.jar schema --draft 07 > examples/dossier.schema.json")
                .isEqualTo(generated);
    }
}
