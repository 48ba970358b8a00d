package dev.aidossier.pack;

import dev.aidossier.cli.Main;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pack of each example against golden files in {@code src/test/resources/golden/<example>/}: the
 * list of files, {@code findings.json} and {@code registration.json}, byte for byte. After an intended
 * change (a rule, an example, the tool version), rewrite them with
 * {@code mvn -B test -Dtest=GoldenPackTest -Ddossier.golden.update=true} and review the diff.
 */
class GoldenPackTest {

    static final Path GOLDEN = Path.of("src/test/resources/golden");
    static final boolean UPDATE = Boolean.getBoolean("dossier.golden.update");

    @TempDir
    static Path out;

    @TempDir
    static Path outAll;

    @BeforeAll
    static void packExamples() {
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(new StringWriter()), new PrintWriter(err), "pack", "examples", "-o", out.toString(),
                "--as-of", "2026-12-02", "--fail-on", "never", "--jobs", "2");
        assertThat(code).as(err.toString()).isZero();
        // --pack all: every rule is reported under its own pack (the SARIF rule's "pack", the JUnit classname)
        code = Main.run(new PrintWriter(new StringWriter()), new PrintWriter(err), "pack", "examples/cv-screening.yaml",
                "examples/customer-chatbot.yaml", "-o", outAll.toString(), "--pack", "all", "--as-of", "2026-12-02", "--fail-on", "never");
        assertThat(code).as(err.toString()).isZero();
    }

    /** The SARIF, JUnit and manifest of a --pack all run, against {@code golden/pack-all/<example>/}. */
    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"cv-screening", "customer-chatbot"})
    void multiPackRunMatchesItsGoldenFiles(String example) throws IOException {
        Path pack = outAll.resolve(example);
        for (String name : List.of("findings.sarif", "junit.xml", "manifest.json")) {
            // the reuse key hashes the build itself (code, libraries): it changes with every change of code
            String text = Files.readString(pack.resolve(name)).replaceFirst("\"reuseKey\" : \"[^\"]*\"", "\"reuseKey\" : \"(this build)\"");
            compare("pack-all/" + example, name, text);
        }
    }

    @org.junit.jupiter.api.Test
    void multiPackRunNamesEachRulesOwnPack() throws IOException {
        Path pack = outAll.resolve("cv-screening");
        String junit = Files.readString(pack.resolve("junit.xml"));
        assertThat(junit).contains("<testcase classname=\"nist-ai-rmf.govern\" name=\"NIST-GOVERN-1-1: ")
                .contains("<testcase classname=\"iso-42001.a2-policies\"")
                .doesNotContain("classname=\"eu-ai-act.govern\"").doesNotContain("classname=\"eu-ai-act.a2-policies\"")
                .contains("<property name=\"pack\" value=\"eu-ai-act 1.0.0, nist-ai-rmf 1.0.0, iso-42001 1.0.0\"/>");
        tools.jackson.databind.JsonNode sarif = dev.aidossier.report.Json.mapper().readTree(pack.resolve("findings.sarif").toFile());
        for (tools.jackson.databind.JsonNode r : sarif.at("/runs/0/tool/driver/rules")) {
            String id = r.get("id").asString();
            String expected = id.startsWith("EUAIA-") ? "eu-ai-act@1.0.0" : id.startsWith("NIST-") ? "nist-ai-rmf@1.0.0"
                    : id.startsWith("ISO42001-") ? "iso-42001@1.0.0" : null;
            if (expected != null) {
                assertThat(r.at("/properties/pack").asString()).as(id).isEqualTo(expected);
            }
        }
        tools.jackson.databind.JsonNode manifest = dev.aidossier.report.Json.mapper().readTree(pack.resolve("manifest.json").toFile());
        assertThat(manifest.at("/rulePacks").findValuesAsString("id")).containsExactly("eu-ai-act", "nist-ai-rmf", "iso-42001");
        assertThat(manifest.at("/files").findValuesAsString("name")).contains("cv-screening-gap-report.pdf",
                "cv-screening-technical-documentation.pdf");
    }

    static Stream<String> examples() throws IOException {
        try (Stream<Path> s = Files.list(Path.of("examples"))) {
            return s.filter(dev.aidossier.TestSupport::isDescription).map(p -> p.getFileName().toString())
                    .map(n -> n.substring(0, n.length() - 5)).sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("examples")
    void packMatchesItsGoldenFiles(String example) throws IOException {
        Path pack = out.resolve(example);
        List<String> files;
        try (Stream<Path> s = Files.list(pack)) {
            files = s.map(p -> p.getFileName().toString()).sorted().toList();
        }
        compare(example, "files.txt", String.join("\n", files) + "\n");
        compare(example, "findings.json", Files.readString(pack.resolve("findings.json")));
        compare(example, "registration.json", Files.readString(pack.resolve("registration.json")));
    }

    private static void compare(String example, String name, String actual) throws IOException {
        Path golden = GOLDEN.resolve(example).resolve(name);
        if (UPDATE) {
            Files.createDirectories(golden.getParent());
            Files.writeString(golden, actual);
            return;
        }
        assertThat(golden).as("golden file %s is missing; create it with -Ddossier.golden.update=true", golden).exists();
        assertThat(actual).as("%s of %s differs from %s (rewrite with -Ddossier.golden.update=true after an intended change)",
                name, example, golden).isEqualTo(Files.readString(golden));
    }
}
