package dev.aidossier.pack;

import dev.aidossier.TestSupport;
import dev.aidossier.report.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * registration.json lays the description's answers out by the Annex VIII points the pack's registration.yaml
 * names (sections a, b, c): Section B for a provider relying on Art. 6(3), Section C beside A for a public deployer.
 */
class RegistrationTest {

    @TempDir
    Path dir;

    private static final String HEAD = "apiVersion: dossier/v1\nkind: AISystem\nmetadata:\n  name: Exam Helper\n  version: \"2\"\n  identifier: EH-2\n"
            + "spec:\n  provider:\n    name: Edu GmbH\n    country: AT\n    email: reg@edu.example\n  roles: [provider, deployer]\n"
            + "  general:\n    intendedPurpose: Sorts applications for admission into folders before a human assessment.\n"
            + "    marketStatus: onMarket\n";

    private JsonNode registration(String name, String yaml) throws Exception {
        Path f = Files.writeString(dir.resolve(name + ".yaml"), yaml);
        TestSupport.Run r = TestSupport.run("pack", "--no-pdf", "--as-of", "2028-01-01", "--fail-on", "never", "-o", dir.resolve("out").toString(), f.toString());
        assertThat(r.exit()).as(r.toString()).isZero();
        return Json.mapper().readTree(Files.readString(dir.resolve("out/" + name + "/registration.json")));
    }

    @Test
    void aProviderRelyingOnArticle6Paragraph3IsRegisteredUnderSectionBWithItsConditions() throws Exception {
        JsonNode r = registration("derogation", HEAD + "  classification:\n    annexIII:\n      points: [AnxIII.3.a]\n"
                + "    derogation:\n      preparatoryTask: true\n      noSignificantRisk: true\n");
        assertThat(r.get("section").asString()).isEqualTo("B");
        JsonNode p = r.get("points");
        assertThat(p.propertyNames()).containsExactly("1_provider", "2_submitter", "3_authorisedRepresentative", "4_tradeNameAndReference",
                "5_intendedPurpose", "6_article6_3Conditions", "8_status");
        assertThat(p.get("1_provider").get("email").asString()).isEqualTo("reg@edu.example");
        assertThat(p.get("4_tradeNameAndReference").get("reference").asString()).isEqualTo("EH-2");
        assertThat(p.get("6_article6_3Conditions").toString()).isEqualTo("[\"Art. 6(3)(d) preparatory task\"]");
        assertThat(p.get("8_status").asString()).isEqualTo("onMarket");
        assertThat(r.has("sectionC")).isFalse();
    }

    @Test
    void aPublicDeployerOfAHighRiskSystemAlsoFillsSectionC() throws Exception {
        JsonNode r = registration("public", HEAD + "  classification:\n    annexIII:\n      points: [AnxIII.3.a]\n"
                + "  deployment:\n    publicBody: true\n    deployer:\n      name: Land Tirol\n      country: AT\n"
                + "    providerDatabaseUrl: https://eu-db.example/EH-2\n    fria:\n      summary: Assessed for applicants with disabilities.\n");
        assertThat(r.get("section").asString()).isEqualTo("A");
        assertThat(r.get("points").propertyNames()).startsWith("1_provider").contains("11_declarationOfConformity", "13_moreInformationUrl");
        assertThat(r.get("points").get("11_declarationOfConformity").asString()).isEqualTo("attached in this pack as the declaration PDF, when rendered");
        JsonNode c = r.get("sectionC");
        assertThat(c.propertyNames()).containsExactly("1_deployer", "3_providerDatabaseUrl", "4_friaSummary", "5_dpiaSummary");
        assertThat(c.get("1_deployer").get("name").asString()).isEqualTo("Land Tirol");
        assertThat(c.get("4_friaSummary").asString()).isEqualTo("Assessed for applicants with disabilities.");
        assertThat(c.get("5_dpiaSummary").isNull()).isTrue();
    }
}
