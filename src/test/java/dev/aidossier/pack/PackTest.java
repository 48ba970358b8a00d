package dev.aidossier.pack;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.aidossier.TestSupport;
import dev.aidossier.report.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Conformity packs: contents, schemas, hashes, determinism, batches and safe writing. */
class PackTest {

    @TempDir
    Path dir;

    static final String DESCRIPTION = "apiVersion: dossier/v1\nkind: AISystem\nmetadata:\n  name: Screening & <Ranking>\n  version: \"1\"\n"
            + "spec:\n  provider:\n    name: Screening BV\n    country: NL\n  roles: [provider]\n"
            + "  classification:\n    annexIII:\n      points: [AnxIII.4.a]\n"
            + "  general:\n    intendedPurpose: TBD\n";

    private Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
        return p;
    }

    private static String sha256(byte[] b) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
    }

    @Test
    void packHoldsEveryFileAndTheManifestHashesThem() throws Exception {
        Path in = write("in/screening.yaml", DESCRIPTION);
        TestSupport.Run r = TestSupport.run("pack", "--as-of", "2028-01-01", "-o", dir.resolve("out").toString(), in.toString());
        assertThat(r.exit()).as(r.toString()).isEqualTo(1); // open errors
        Path pack = dir.resolve("out/screening");
        try (Stream<Path> s = Files.list(pack)) {
            assertThat(s.map(p -> p.getFileName().toString()).sorted().toList())
                    .contains("description.yaml", "findings.json", "findings.sarif", "junit.xml", "manifest.json", "registration.json");
        }
        JsonNode m = Json.mapper().readTree(Files.readString(pack.resolve("manifest.json")));
        assertThat(m.get("input").get("sha256").asString()).isEqualTo(sha256(Files.readAllBytes(in)));
        assertThat(m.get("asOf").asString()).isEqualTo("2028-01-01");
        assertThat(m.get("rulePack").get("id").asString()).isEqualTo("eu-ai-act");
        assertThat(m.get("rulePack").get("sha256").asString()).hasSize(64);
        assertThat(m.get("tier").asString()).isEqualTo("high-risk");
        int listed = 0;
        for (JsonNode f : m.get("files")) {
            byte[] b = Files.readAllBytes(pack.resolve(f.get("name").asString()));
            assertThat(f.get("sha256").asString()).as(f.get("name").asString()).isEqualTo(sha256(b));
            assertThat(f.get("size").asLong()).isEqualTo(b.length);
            listed++;
        }
        try (Stream<Path> s = Files.list(pack)) {
            assertThat(s.count()).isEqualTo(listed + 1); // every file but the manifest itself
        }
        JsonNode reg = Json.mapper().readTree(Files.readString(pack.resolve("registration.json")));
        assertThat(reg.get("required").asBoolean()).isTrue();
        assertThat(reg.get("section").asString()).isEqualTo("A");
        assertThat(reg.get("points").get("4_tradeNameAndReference").get("tradeName").asString()).isEqualTo("Screening & <Ranking>");
        assertThat(r.out()).contains("screening.yaml").contains("high-risk").contains("1 of 1 pack written");
    }

    @Test
    void sarifIsValidSarif210AndPointsAtTheLine() throws Exception {
        Path in = write("s.yaml", DESCRIPTION);
        TestSupport.Run r = TestSupport.run("check", "--as-of", "2028-01-01", "--format", "sarif", in.toString());
        assertThat(r.exit()).isEqualTo(1);
        Schema schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4)
                .getSchema(Files.newInputStream(TestSupport.resource("schemas/sarif-2.1.0-rtm.5.json")));
        List<Error> errors = schema.validate(r.out(), InputFormat.JSON);
        assertThat(errors).isEmpty();
        JsonNode run = Json.mapper().readTree(r.out()).get("runs").get(0);
        boolean hasRule = false;
        for (JsonNode rule : run.get("tool").get("driver").get("rules")) {
            if (rule.get("id").asString().equals("EUAIA-ANXIV-1A-PURPOSE")) {
                assertThat(rule.get("helpUri").asString()).isEqualTo("https://eur-lex.europa.eu/eli/reg/2024/1689/oj#anx_IV");
                hasRule = true;
            }
        }
        assertThat(hasRule).isTrue();
        boolean placed = false;
        for (JsonNode res : run.get("results")) {
            if (res.get("ruleId").asString().equals("EUAIA-ANXIV-1A-PURPOSE")) {
                JsonNode region = res.get("locations").get(0).get("physicalLocation").get("region");
                assertThat(region.get("startLine").asInt()).isEqualTo(15);
                assertThat(region.get("startColumn").asInt()).isEqualTo(22);
                assertThat(res.get("message").get("text").asString()).contains("a placeholder ('TBD')");
                placed = true;
            }
        }
        assertThat(placed).isTrue();
    }

    @Test
    void junitIsValidAndHasOneCasePerRule() throws Exception {
        Path in = write("j.yaml", DESCRIPTION);
        TestSupport.Run r = TestSupport.run("check", "--as-of", "2028-01-01", "--format", "junit", in.toString());
        SchemaFactory sf = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        javax.xml.validation.Schema xsd = sf.newSchema(TestSupport.resource("schemas/junit.xsd").toFile());
        xsd.newValidator().validate(new StreamSource(new StringReader(r.out())));
        assertThat(r.out()).containsPattern("<testcase classname=\"eu-ai-act.annex-iv\" name=\"EUAIA-ANXIV-1A-PURPOSE: Intended purpose is described\" file=\""
                        + java.util.regex.Pattern.quote(in.toString()) + "\" line=\"\\d+\" time=\"0\">")
                .contains("timestamp=\"2028-01-01T00:00:00\"")
                .contains("<failure message=")
                .contains("<skipped message=\"not applicable to this system\"/>");
        long cases = r.out().lines().filter(l -> l.contains("<testcase ")).count();
        assertThat(r.out()).contains("tests=\"" + cases + "\"");
    }

    @Test
    void samePackBytesWithOneOrTwoJobsAndAcrossRunsZipIncluded() throws Exception {
        for (int i = 0; i < 4; i++) {
            write("batch/sys" + i + ".yaml", DESCRIPTION.replace("Screening BV", "Screening BV " + i));
        }
        Path a = dir.resolve("a");
        Path b = dir.resolve("b");
        TestSupport.run("pack", "--as-of", "2028-01-01", "--jobs", "1", "--zip", "-o", a.toString(), dir.resolve("batch").toString());
        TestSupport.run("pack", "--as-of", "2028-01-01", "--jobs", "2", "--zip", "-o", b.toString(), dir.resolve("batch").toString());
        for (int i = 0; i < 4; i++) {
            assertThat(Files.readAllBytes(a.resolve("sys" + i + ".zip"))).isEqualTo(Files.readAllBytes(b.resolve("sys" + i + ".zip")));
        }
        assertThat(Files.readAllBytes(a.resolve("sys0.zip"))).isNotEqualTo(Files.readAllBytes(a.resolve("sys1.zip")));
    }

    @Test
    void brokenFileInABatchIsReportedWhileTheOthersArePacked() throws Exception {
        write("batch/good.yaml", DESCRIPTION);
        write("batch/broken.yaml", "apiVersion: [\n");
        TestSupport.Run r = TestSupport.run("pack", "--as-of", "2028-01-01", "-o", dir.resolve("out").toString(), dir.resolve("batch").toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(Files.isDirectory(dir.resolve("out/good"))).isTrue();
        assertThat(Files.exists(dir.resolve("out/broken"))).isFalse();
        assertThat(r.out()).contains("NOT WRITTEN: the file could not be read").contains("broken.yaml:2:1: error [yaml.syntax]");
        try (Stream<Path> s = Files.list(dir.resolve("out"))) {
            assertThat(s.map(p -> p.getFileName().toString()).toList()).containsExactly("good"); // no partial leftovers
        }
    }

    @Test
    void existingPackIsKeptUnlessForce() throws Exception {
        Path in = write("x.yaml", DESCRIPTION);
        String out = dir.resolve("out").toString();
        TestSupport.run("pack", "--as-of", "2028-01-01", "-o", out, in.toString());
        Files.writeString(dir.resolve("out/x/marker.txt"), "mine");
        TestSupport.Run again = TestSupport.run("pack", "--as-of", "2028-01-01", "-o", out, in.toString());
        assertThat(again.exit()).isEqualTo(2);
        assertThat(again.out()).contains("exists; use --force to replace it");
        assertThat(Files.readString(dir.resolve("out/x/marker.txt"))).isEqualTo("mine");
        TestSupport.Run forced = TestSupport.run("pack", "--as-of", "2028-01-01", "--force", "-o", out, in.toString());
        assertThat(forced.exit()).isEqualTo(1);
        assertThat(Files.exists(dir.resolve("out/x/marker.txt"))).isFalse();
        assertThat(Files.exists(dir.resolve("out/x/manifest.json"))).isTrue();
    }

    @Test
    void refusesToWriteIntoTheRulePacks() throws Exception {
        Path in = write("x.yaml", DESCRIPTION);
        TestSupport.Run r = TestSupport.run("pack", "-o", TestSupport.root().resolve("rules/out").toString(), in.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("refusing to write packs inside");
        assertThat(Files.exists(TestSupport.root().resolve("rules/out"))).isFalse();
    }

    @Test
    void globsSelectDescriptions() throws Exception {
        write("g/one.yaml", DESCRIPTION);
        write("g/sub/two.yaml", DESCRIPTION);
        write("g/three.txt", DESCRIPTION);
        TestSupport.Run r = TestSupport.run("pack", "--format", "json", "-o", dir.resolve("out").toString(), dir.resolve("g") + "/**.yaml");
        JsonNode arr = Json.mapper().readTree(r.out());
        assertThat(arr.size()).isEqualTo(2);
    }

    @Test
    void diffOfTwoPacksFindsTheChanges() throws Exception {
        Path v1 = write("v1/sys.yaml", DESCRIPTION);
        Path v2 = write("v2/sys.yaml", DESCRIPTION.replace("intendedPurpose: TBD", "intendedPurpose: Ranks applications for recruiters of Dutch employers."));
        TestSupport.run("pack", "--as-of", "2028-01-01", "-o", dir.resolve("p1").toString(), v1.toString());
        TestSupport.run("pack", "--as-of", "2028-01-01", "--zip", "-o", dir.resolve("p2").toString(), v2.toString());
        TestSupport.Run r = TestSupport.run("diff", "--format", "json", dir.resolve("p1/sys").toString(), dir.resolve("p2/sys.zip").toString());
        assertThat(r.exit()).as(r.toString()).isEqualTo(1);
        JsonNode d = Json.mapper().readTree(r.out());
        assertThat(d.get("comparable").asBoolean()).isTrue();
        assertThat(d.get("findingsResolved").toString()).contains("EUAIA-ANXIV-1A-PURPOSE");
        assertThat(d.get("substantialModification").toString()).contains("intended purpose changed");
        TestSupport.Run same = TestSupport.run("diff", "--as-of", "2028-01-01", v1.toString(), v1.toString());
        assertThat(same.exit()).isZero();
        assertThat(same.out()).contains("findings: 0 added, 0 resolved").contains("classification: unchanged (high-risk)");
    }
}
