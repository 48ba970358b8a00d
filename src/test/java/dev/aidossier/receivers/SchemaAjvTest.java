package dev.aidossier.receivers;

import dev.aidossier.TestSupport;
import dev.aidossier.core.Finding;
import dev.aidossier.load.DescriptionLoader;
import dev.aidossier.load.Limits;
import dev.aidossier.load.Loaded;
import dev.aidossier.load.YamlReader;
import dev.aidossier.report.Json;
import dev.aidossier.schema.SchemaGenerator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The description schema as a strict JSON Schema validator reads it: ajv 8 (with ajv-formats) compiles it in strict mode
 * against the 2020-12 meta-schema, accepts every example, and agrees with the tool's loader on generated descriptions:
 * accepted by the schema if and only if the loader reports no structural finding ({@code schema.*},
 * {@code classification.unknown-fact}, {@code classification.value}).
 */
class SchemaAjvTest {

    static Path ajv;

    @BeforeAll
    static void find() {
        ajv = Receivers.require("ajv-cli", Path.of(".bin", "ajv"));
    }

    static String schema() {
        return Json.write(new SchemaGenerator(TestSupport.euEngine().classifier().data()).generate());
    }

    /** ajv's verdict per data file: true when valid. */
    static Map<String, Boolean> ajv(Path schema, List<Path> data) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(ajv.toString(), "validate", "--spec=draft2020", "--strict=true", "--allow-union-types",
                "-c", "ajv-formats", "-s", schema.toString()));
        for (Path d : data) {
            cmd.add("-d");
            cmd.add(d.toString());
        }
        Receivers.Result r = Receivers.run(cmd, Map.of(), 300);
        Map<String, Boolean> verdict = new TreeMap<>();
        Matcher m = Pattern.compile("(?m)^(\\S+) (valid|invalid)$").matcher(r.output());
        while (m.find()) {
            verdict.put(m.group(1), m.group(2).equals("valid"));
        }
        assertThat(verdict).as(r.output()).hasSize(data.size());
        return verdict;
    }

    static Object plain(Path yaml) {
        YamlReader.Result r = new YamlReader(Limits.DEFAULT).read(yaml, yaml.toString());
        assertThat(r.problems()).isEmpty();
        return r.root().toPlain();
    }

    @Test
    void theSchemaIsValidInStrictModeAgainstTheMetaSchema(@TempDir Path dir) throws Exception {
        Path schema = Files.writeString(dir.resolve("dossier.schema.json"), schema());
        Receivers.Result r = Receivers.run(List.of(ajv.toString(), "compile", "--spec=draft2020", "--strict=true", "--allow-union-types",
                "-c", "ajv-formats", "-s", schema.toString()), Map.of(), 120);
        assertThat(r.output()).contains("is valid");
        assertThat(r.exit()).isZero();
        Path draft07 = Files.writeString(dir.resolve("dossier.schema.07.json"),
                Json.write(SchemaGenerator.draft07(new SchemaGenerator(TestSupport.euEngine().classifier().data()).generate())));
        Receivers.Result r7 = Receivers.run(List.of(ajv.toString(), "compile", "--spec=draft7", "--strict=true", "--allow-union-types",
                "-c", "ajv-formats", "-s", draft07.toString()), Map.of(), 120);
        assertThat(r7.output()).contains("is valid");
        assertThat(r7.exit()).isZero();
        // and the check can fail: the schema the tool wrote before (a null 'required') is refused
        Path broken = Files.writeString(dir.resolve("broken.json"), schema().replaceFirst("\"required\" : \\[[^]]*]", "\"required\" : null"));
        Receivers.Result rb = Receivers.run(List.of(ajv.toString(), "compile", "--spec=draft2020", "--strict=true", "--allow-union-types",
                "-c", "ajv-formats", "-s", broken.toString()), Map.of(), 120);
        assertThat(rb.output()).contains("is invalid").contains("required must be array");
    }

    @Test
    void everyExampleIsAcceptedAndAnEmptyDocumentIsNot(@TempDir Path dir) throws Exception {
        Path schema = Files.writeString(dir.resolve("dossier.schema.json"), schema());
        List<Path> data = new ArrayList<>();
        try (var s = Files.list(Path.of("examples"))) {
            for (Path p : s.filter(dev.aidossier.TestSupport::isDescription).sorted().toList()) {
                data.add(Files.writeString(dir.resolve(p.getFileName() + ".json"), Json.write(plain(p))));
            }
        }
        Path empty = Files.writeString(dir.resolve("empty.json"), "{}");
        Map<String, Boolean> verdict = ajv(schema, append(data, empty));
        for (Path d : data) {
            assertThat(verdict.get(d.toString())).as(d.toString()).isTrue();
        }
        assertThat(verdict.get(empty.toString())).as("{} lacks apiVersion, kind, metadata and spec").isFalse();
    }

    static List<Path> append(List<Path> l, Path p) {
        List<Path> out = new ArrayList<>(l);
        out.add(p);
        return out;
    }

    /** Structural findings: what a schema can say. */
    static List<String> structural(Loaded loaded) {
        return loaded.findings().stream().map(Finding::ruleId)
                .filter(id -> id.startsWith("schema.") || id.equals("classification.unknown-fact") || id.equals("classification.value"))
                .toList();
    }

    @Test
    void schemaAndLoaderAgreeOnMutatedExamples(@TempDir Path dir) throws Exception {
        Path schema = Files.writeString(dir.resolve("dossier.schema.json"), schema());
        Random random = new Random(Long.getLong("property.seed", 20261206L));
        Map<Path, String> cases = new LinkedHashMap<>();
        int n = 0;
        try (var s = Files.list(Path.of("examples"))) {
            for (Path p : s.filter(dev.aidossier.TestSupport::isDescription).sorted().toList()) {
                Object base = plain(p);
                List<Mutations.Mutation> ms = Mutations.all(base, random);
                for (Mutations.Mutation m : ms) {
                    Path f = dir.resolve(String.format("m%05d.json", n++));
                    Files.writeString(f, Json.write(m.apply(base)));
                    cases.put(f, p.getFileName() + ": " + m.describe());
                }
            }
        }
        assertThat(cases.size()).isGreaterThan(500);
        Map<String, Boolean> verdict = ajv(schema, new ArrayList<>(cases.keySet()));
        DescriptionLoader loader = new DescriptionLoader();
        List<String> disagreements = new ArrayList<>();
        int rejected = 0;
        for (var e : cases.entrySet()) {
            Loaded loaded = loader.load(Files.readAllBytes(e.getKey()), e.getKey().toString(), e.getKey());
            // classification facts are checked by the classifier, against the lists the pack declares
            List<String> found = structural(loaded.model() == null ? loaded
                    : new Loaded(loaded.file(), loaded.path(), loaded.root(), loaded.model(),
                    TestSupport.euEngine().classify(loaded, java.time.LocalDate.parse("2026-12-06")).findings(), loaded.bytes()));
            boolean schemaOk = verdict.get(e.getKey().toString());
            if (!schemaOk) {
                rejected++;
            }
            if (schemaOk != found.isEmpty()) {
                disagreements.add(e.getValue() + " -> schema " + (schemaOk ? "accepts" : "rejects") + ", loader " + found);
            }
        }
        assertThat(disagreements).as(disagreements.size() + " disagreements").isEmpty();
        // both verdicts occur, so the comparison means something
        assertThat(rejected).isBetween(cases.size() / 4, cases.size() - cases.size() / 10);
    }
}
