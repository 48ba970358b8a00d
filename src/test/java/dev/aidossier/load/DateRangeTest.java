package dev.aidossier.load;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.aidossier.TestSupport;
import dev.aidossier.core.Finding;
import dev.aidossier.report.Json;
import dev.aidossier.schema.SchemaGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every date of a description, and --as-of, lies in the range of {@link Limits} (1900-01-01 to 2200-12-31):
 * both ends are accepted, the day before and the day after are refused at their place with exit 2, and the
 * JSON Schema holds editors to the same years.
 */
class DateRangeTest {

    private static final String DESCRIPTION = """
            apiVersion: dossier/v1
            kind: AISystem
            metadata:
              name: Demo
              version: "1"
              documentDate: %s
            spec:
              provider:
                name: Demo GmbH
              roles: [provider]
              classification:
                market:
                  firstPlacedOnMarket: %s
            waivers:
              - rule: EUAIA-ANXIV-7-OTHER-STANDARDS
                reason: Audit scheduled.
                approver: Head of Compliance
                expires: %s
            """;

    @TempDir
    Path dir;

    private Path write(String documentDate, String fact, String expires) throws IOException {
        Path p = dir.resolve("d.yaml");
        Files.writeString(p, DESCRIPTION.formatted(documentDate, fact, expires), StandardCharsets.UTF_8);
        return p;
    }

    @Test
    void theDefaultRangeIsDataOfTheLimits() {
        assertThat(Limits.DEFAULT.earliestDate()).isEqualTo(LocalDate.of(1900, 1, 1));
        assertThat(Limits.DEFAULT.latestDate()).isEqualTo(LocalDate.of(2200, 12, 31));
        assertThat(Limits.DEFAULT.withMaxDepth(4).earliestDate()).as("the size flags keep the range").isEqualTo(LocalDate.of(1900, 1, 1));
    }

    @Test
    void bothEndsOfTheRangeAreAccepted() throws IOException {
        Loaded l = new DescriptionLoader().load(write("1900-01-01", "2200-12-31", "2200-12-31"), "d.yaml");
        assertThat(l.readable()).isTrue();
        assertThat(l.findings()).extracting(Finding::ruleId).doesNotContain("yaml.date-range", "schema.type");
        assertThat(l.metadata().documentDate()).isEqualTo(LocalDate.of(1900, 1, 1));
    }

    @ParameterizedTest
    @CsvSource({
            "1899-12-31, 2026-01-01, 2027-01-01, 6:17, metadata.documentDate, 1899-12-31",
            "2026-01-01, 2201-01-01, 2027-01-01, 13:28, spec.classification.market.firstPlacedOnMarket, 2201-01-01",
            "2026-01-01, 2026-01-01, -0001-01-01, 18:14, waivers[0].expires, -0001-01-01",
            "0000-01-01, 2026-01-01, 2027-01-01, 6:17, metadata.documentDate, 0000-01-01",
            "99999-01-01, 2026-01-01, 2027-01-01, 6:17, metadata.documentDate, 99999-01-01",
    })
    void aDayOutsideTheRangeIsRefusedAtItsPlace(String documentDate, String fact, String expires, String place, String path, String shown)
            throws IOException {
        Path p = write(documentDate, fact, expires);
        TestSupport.Run r = TestSupport.run("check", "--as-of", "2026-11-23", p.toString());
        assertThat(r.exit()).as(r.toString()).isEqualTo(2);
        assertThat(r.out()).as(r.toString()).contains(p + ":" + place + ": error [yaml.date-range] the date " + shown + " at " + path
                + " is outside the dates the tool accepts, from 1900-01-01 to 2200-12-31");
    }

    @Test
    void anImpossibleDateStaysATypeError() throws IOException {
        Loaded l = new DescriptionLoader().load(write("2026-02-30", "2026-01-01", "2027-01-01"), "d.yaml");
        assertThat(l.readable()).isTrue();
        assertThat(l.findings()).extracting(Finding::ruleId).contains("schema.type").doesNotContain("yaml.date-range");
    }

    @Test
    void aBoundDateOfAToolFileIsHeldToTheRangeToo() {
        List<Finding> problems = new java.util.ArrayList<>();
        YNode root = new YamlReader(Limits.DEFAULT).parse("expires: 2201-01-01\n".getBytes(StandardCharsets.UTF_8), "w.yaml").root();
        record W(LocalDate expires) {
        }
        W w = new Binder(problems).bind(root, W.class, "");
        assertThat(w.expires()).isNull();
        assertThat(problems).extracting(Finding::toText).containsExactly(
                "w.yaml:1:10: error [yaml.date-range] the date 2201-01-01 at expires is outside the dates the tool accepts, from 1900-01-01 to 2200-12-31 (a typo in the year?)");
    }

    @ParameterizedTest
    @CsvSource({"1900-01-01, 0", "2200-12-31, 0", "1899-12-31, 2", "2201-01-01, 2"})
    void asOfIsHeldToTheRange(String asOf, int exit) {
        TestSupport.Run r = TestSupport.run("classify", "--as-of", asOf, TestSupport.examples().resolve("customer-chatbot.yaml").toString());
        assertThat(r.exit()).as(r.toString()).isEqualTo(exit);
        if (exit == 2) {
            assertThat(r.err()).isEqualTo("dossier: --as-of: " + asOf + " is outside the dates the tool accepts, from 1900-01-01 to 2200-12-31\n");
        }
    }

    @Test
    void theSchemaHoldsEditorsToTheSameYears() {
        assertThat(SchemaGenerator.yearPattern(1900, 2200)).isEqualTo("(?:19[0-9]{2}|20[0-9]{2}|21[0-9]{2}|2200)");
        assertThat(SchemaGenerator.yearPattern(1995, 2031)).isEqualTo("(?:1995|1996|1997|1998|1999|200[0-9]|201[0-9]|202[0-9]|2030|2031)");
        String schemaJson = Json.write(new SchemaGenerator(TestSupport.euEngine().classifier().data()).generate());
        assertThat(schemaJson).contains("A date from 1900-01-01 to 2200-12-31.");
        Schema schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(schemaJson, com.networknt.schema.InputFormat.JSON);
        for (String[] c : new String[][]{{"1900-01-01", "2200-12-31", "0"}, {"1899-12-31", "2026-01-01", "1"}, {"2026-01-01", "2201-01-01", "1"},
                {"0000-01-01", "2026-01-01", "1"}, {"2026-01-01", "99999-01-01", "1"}}) {
            var doc = YAMLMapper.builder().build().readTree(DESCRIPTION.formatted(c[0], c[1], "2027-01-01"));
            List<String> errors = schema.validate(doc).stream().map(Object::toString).toList();
            assertThat(errors).as(String.join(" ", c) + ": " + errors).hasSize(Integer.parseInt(c[2]));
        }
    }
}
