package dev.aidossier.cli;

import dev.aidossier.TestSupport;
import dev.aidossier.pack.PackSigning;
import dev.aidossier.report.Json;
import dev.aidossier.sign.Dss;
import dev.aidossier.sign.PdfFacts;
import dev.aidossier.sign.Signer;
import dev.aidossier.sign.TestKeys;
import dev.aidossier.util.Hashes;
import eu.europa.esig.dss.enumerations.Indication;
import eu.europa.esig.dss.enumerations.SignatureLevel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code pack --sign} and {@code sign}: what is signed, what the manifest and the summary say, what is refused
 * (drafts, gated declarations, passwords on the command line, broken keys) and that a refusal or failure
 * writes nothing. Signatures are checked with DSS and, for the manifest, by verifying the CMS signature.
 */
class SignCommandTest {

    static final String AS_OF = "2026-12-02";
    static Path passwordFile;
    static Path tmp;

    @BeforeAll
    static void keys() throws IOException {
        tmp = Files.createTempDirectory("dossier-sign-cli");
        passwordFile = tmp.resolve("pw.txt");
        Files.writeString(passwordFile, TestKeys.PASSWORD + "\n");
        TestKeys.dir();
    }

    @AfterEach
    void environment() {
        SignOptions.env = System::getenv;
    }

    static String example(String name) {
        return TestSupport.examples().resolve(name + ".yaml").toString();
    }

    static List<String> signArgs(String... more) {
        List<String> a = new ArrayList<>(List.of("--keystore", TestKeys.signer().toString(), "--keystore-password-file", passwordFile.toString()));
        a.addAll(List.of(more));
        return a;
    }

    static TestSupport.Run run(List<String> args) {
        return TestSupport.run(args.toArray(String[]::new));
    }

    static List<String> args(String... first) {
        return new ArrayList<>(List.of(first));
    }

    static JsonNode manifest(Path pack) throws IOException {
        return Json.mapper().readTree(Files.readAllBytes(pack.resolve("manifest.json")));
    }

    @Test
    void packSignSignsEveryPdfThenTheManifestAndSaysWhyAGatedDeclarationIsNotSigned() throws Exception {
        Path out = tmp.resolve("packs");
        Instant before = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        List<String> a = args("pack", example("cv-screening"), example("social-scoring"), "-o", out.toString(), "--as-of", AS_OF, "--sign");
        a.addAll(signArgs());
        TestSupport.Run r = run(a);
        Instant after = Instant.now();
        assertThat(r.exit()).as(r.toString()).isEqualTo(1); // social-scoring has an open error: the pack's exit code, as without --sign

        Path cv = out.resolve("cv-screening");
        JsonNode m = manifest(cv);
        JsonNode sig = m.path("signature");
        assertThat(sig.path("signer").asString()).isEqualTo(TestKeys.SIGNER_DN);
        assertThat(sig.path("certificateSha256").asString()).isEqualTo(Hashes.sha256(TestKeys.signerCertificate().getEncoded()));
        assertThat(sig.path("level").asString()).isEqualTo("B-B");
        Instant at = Instant.parse(sig.path("signingTime").asString());
        assertThat(at).isBetween(before, after);
        List<String> pdfs = List.of("cv-screening-declaration.pdf", "cv-screening-gap-report.pdf", "cv-screening-instructions.pdf",
                "cv-screening-technical-documentation.pdf");
        assertThat(sig.path("signedFiles").valueStream().map(JsonNode::asString).toList()).isEqualTo(pdfs);
        // the manifest lists the signed PDFs: their hashes are those of the files on disk, each signed once
        for (JsonNode f : m.path("files")) {
            byte[] bytes = Files.readAllBytes(cv.resolve(f.path("name").asString()));
            assertThat(f.path("sha256").asString()).as(f.toString()).isEqualTo(Hashes.sha256(bytes));
            if (f.path("name").asString().endsWith(".pdf")) {
                assertThat(PdfFacts.of(bytes, "x").signatures()).isEqualTo(1);
            }
        }
        assertThat(m.path("files").valueStream().map(f -> f.path("name").asString()).toList()).doesNotContain(PackSigning.SIGNATURE_FILE);
        byte[] declaration = Files.readAllBytes(cv.resolve("cv-screening-declaration.pdf"));
        Dss.Result d = Dss.validate(declaration, null);
        assertThat(d.indications()).as(d.errors().toString()).containsExactly(Indication.TOTAL_PASSED);
        assertThat(d.report().getSigningTime(d.report().getFirstSignatureId())).isEqualTo(java.util.Date.from(at));
        byte[] manifestBytes = Files.readAllBytes(cv.resolve("manifest.json"));
        byte[] p7s = Files.readAllBytes(cv.resolve(PackSigning.SIGNATURE_FILE));
        Dss.Result ms = Dss.validate(p7s, manifestBytes);
        assertThat(ms.indications()).as(ms.errors().toString()).containsExactly(Indication.TOTAL_PASSED);
        assertThat(ms.levels()).containsExactly(SignatureLevel.CAdES_BASELINE_B);

        Path social = out.resolve("social-scoring");
        assertThat(social.resolve("social-scoring-declaration.pdf")).doesNotExist();
        assertThat(manifest(social).path("signature").path("signedFiles").valueStream().map(JsonNode::asString).toList())
                .containsExactly("social-scoring-gap-report.pdf", "social-scoring-instructions.pdf", "social-scoring-technical-documentation.pdf");
        assertThat(Signer.signs(Files.readAllBytes(social.resolve(PackSigning.SIGNATURE_FILE)), Files.readAllBytes(social.resolve("manifest.json")),
                TestKeys.signerCertificate())).isTrue();

        assertThat(r.out()).contains(cv + ": signed by " + TestKeys.SIGNER_DN + " at " + at
                        + " (PAdES B-B on every PDF, CAdES B-B on the manifest: manifest.json.p7s)")
                .contains(social + ": the EU declaration of conformity is not in the pack, so not signed: 1 error-level finding remains (1 open)")
                .contains("2 of 2 packs written to " + out);

        // signed again with the same key: kept as it is (its signatures still hold)
        Map<String, byte[]> first = TestSupport.files(cv);
        TestSupport.Run again = run(a);
        assertThat(again.out()).as(again.toString()).contains(cv + ": signed by " + TestKeys.SIGNER_DN + " at " + at)
                .contains("kept from the last run").contains("(2 unchanged since the last run");
        assertThat(TestSupport.files(cv)).usingRecursiveComparison().isEqualTo(first);

        // a run that does not sign keeps no signed pack: it is built again, which needs --force
        TestSupport.Run unsigned = TestSupport.run("pack", example("cv-screening"), "-o", out.toString(), "--as-of", AS_OF);
        assertThat(unsigned.exit()).isEqualTo(2);
        assertThat(unsigned.out()).contains("NOT WRITTEN: " + cv + " exists; use --force to replace it");

        // a changed signature file: the pack is not kept (built again, here refused without --force)
        Files.write(cv.resolve(PackSigning.SIGNATURE_FILE), Arrays.copyOf(p7s, p7s.length - 1));
        TestSupport.Run broken = run(a);
        assertThat(broken.out()).contains("NOT WRITTEN: " + cv + " exists; use --force to replace it");
    }

    @Test
    void packSignWithATimeStampAuthorityIsBaselineTAndZipsKeepTheSignature() throws Exception {
        Path out = tmp.resolve("packs-t");
        try (TestKeys.Tsa tsa = TestKeys.tsaServer()) {
            List<String> a = args("pack", example("customer-chatbot"), "-o", out.toString(), "--as-of", AS_OF, "--zip", "--sign");
            a.addAll(signArgs("--tsa", tsa.url()));
            TestSupport.Run r = run(a);
            assertThat(r.exit()).as(r.toString()).isZero();
            Map<String, byte[]> zip = unzip(out.resolve("customer-chatbot.zip"));
            assertThat(zip).containsKeys("customer-chatbot/manifest.json", "customer-chatbot/" + PackSigning.SIGNATURE_FILE);
            JsonNode m = Json.mapper().readTree(zip.get("customer-chatbot/manifest.json"));
            assertThat(m.path("signature").path("level").asString()).isEqualTo("B-T");
            Dss.Result ms = Dss.validate(zip.get("customer-chatbot/" + PackSigning.SIGNATURE_FILE), zip.get("customer-chatbot/manifest.json"));
            assertThat(ms.indications()).as(ms.errors().toString()).containsExactly(Indication.TOTAL_PASSED);
            assertThat(ms.levels()).containsExactly(SignatureLevel.CAdES_BASELINE_T);
            Dss.Result pdf = Dss.validate(zip.get("customer-chatbot/customer-chatbot-gap-report.pdf"), null);
            assertThat(pdf.levels()).containsExactly(SignatureLevel.PAdES_BASELINE_T);
            assertThat(pdf.timestamps()).isEqualTo(1);
            // dossier verify agrees: the record's level B-T and signing time are the manifest signature's own
            TestSupport.Run v = TestSupport.run("verify", out.resolve("customer-chatbot.zip").toString());
            assertThat(v.exit()).as(v.toString()).isZero();
            assertThat(v.out()).doesNotContain("signature.record");

            TestSupport.Run again = run(a);
            assertThat(again.out()).as(again.toString()).contains("kept from the last run");
        }
    }

    @Test
    void aKeyThatCannotSignStopsTheRunBeforeAnyPackIsWritten() throws Exception {
        Path out = tmp.resolve("none");
        List<String> base = args("pack", example("customer-chatbot"), "-o", out.toString(), "--as-of", AS_OF, "--no-pdf", "--sign");

        Path wrong = tmp.resolve("wrong.txt");
        Files.writeString(wrong, "not-the-password\n");
        List<String> a = new ArrayList<>(base);
        a.addAll(List.of("--keystore", TestKeys.signer().toString(), "--keystore-password-file", wrong.toString()));
        TestSupport.Run r = run(a);
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("dossier: keystore " + TestKeys.signer() + ": wrong password (the password from --keystore-password-file " + wrong + ")")
                .contains("no pack was written").doesNotContain("Exception");

        a = new ArrayList<>(base);
        a.addAll(List.of("--keystore", TestKeys.file("expired.p12").toString(), "--keystore-password-file", passwordFile.toString()));
        r = run(a);
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("the certificate of 'old' (CN=Old Signer,O=TalentLens B.V.,C=NL) expired on ");

        a = new ArrayList<>(base);
        a.addAll(List.of("--keystore", TestKeys.signer().toString()));
        r = run(a);
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("the keystore password is missing: set the environment variable DOSSIER_KEYSTORE_PASSWORD or use --keystore-password-file FILE");

        a = new ArrayList<>(base);
        a.addAll(signArgs("--tsa", "http://127.0.0.1:9/tsa"));
        r = run(a);
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.out()).contains("NOT WRITTEN: cannot sign: manifest.json: no time-stamp from http://127.0.0.1:9/tsa");
        assertThat(out).satisfiesAnyOf(o -> assertThat(o).doesNotExist(), o -> assertThat(o).isEmptyDirectory());

        TestSupport.Run unsigned = TestSupport.run("pack", example("customer-chatbot"), "-o", out.toString(), "--keystore", "k.p12");
        assertThat(unsigned.exit()).isEqualTo(2);
        assertThat(unsigned.err()).contains("--keystore, --key-alias, --keystore-password-file and --tsa sign the packs: add --sign");
    }

    @Test
    void thePasswordIsNeverTakenFromTheCommandLine() throws Exception {
        for (String option : List.of("--keystore-password", "--keystore-password=", "--password", "--storepass")) {
            List<String> a = args("sign", tmp.toString(), "--keystore", TestKeys.signer().toString());
            if (option.endsWith("=")) {
                a.add(option + "s3cret-value");
            } else {
                a.addAll(List.of(option, "s3cret-value"));
            }
            TestSupport.Run r = run(a);
            assertThat(r.exit()).as(option).isEqualTo(2);
            assertThat(r.err()).as(option).contains("a keystore password is never taken from the command line")
                    .contains("set DOSSIER_KEYSTORE_PASSWORD or use --keystore-password-file FILE").doesNotContain("s3cret-value");
        }
        // the help offers no such option
        assertThat(TestSupport.run("sign", "--help").out()).doesNotContain("--keystore-password ").doesNotContain("--password")
                .contains("--keystore-password-file");
        assertThat(TestSupport.run("pack", "--help").out()).doesNotContain("--keystore-password ").contains("--keystore-password-file");
    }

    @Test
    void signAPackFolderAndPdfs() throws Exception {
        Path out = tmp.resolve("unsigned");
        TestSupport.Run p = TestSupport.run("pack", example("cv-screening"), "-o", out.toString(), "--as-of", AS_OF);
        assertThat(p.exit()).as(p.toString()).isZero();
        Path pack = out.resolve("cv-screening");
        JsonNode before = manifest(pack);
        SignOptions.env = k -> k.equals(SignOptions.PASSWORD_ENV) ? TestKeys.PASSWORD : null;

        TestSupport.Run r = TestSupport.run("sign", pack.toString(), "--keystore", TestKeys.signer().toString());
        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.out()).contains("signed pack " + pack + ": 4 PDFs (PAdES B-B) and manifest.json (manifest.json.p7s, CAdES B-B)")
                .containsPattern("signer: CN=Jane Doe,O=TalentLens B\\.V\\.,C=NL; signing time 20\\d\\d-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ; certificate SHA-256 [0-9a-f]{64}");
        JsonNode after = manifest(pack);
        assertThat(after.path("reuseKey")).isEqualTo(before.path("reuseKey"));
        assertThat(after.path("signature").path("signedFiles")).hasSize(4);
        List<String> keys = new ArrayList<>();
        after.propertyNames().forEach(keys::add);
        assertThat(keys.indexOf("signature")).isEqualTo(keys.indexOf("files") - 1);
        for (JsonNode f : after.path("files")) {
            assertThat(f.path("sha256").asString()).isEqualTo(Hashes.sha256(Files.readAllBytes(pack.resolve(f.path("name").asString()))));
        }
        assertThat(Signer.signs(Files.readAllBytes(pack.resolve(PackSigning.SIGNATURE_FILE)), Files.readAllBytes(pack.resolve("manifest.json")),
                TestKeys.signerCertificate())).isTrue();
        assertThat(Dss.validate(Files.readAllBytes(pack.resolve("cv-screening-technical-documentation.pdf")), null).allPassed()).isTrue();

        // once only
        TestSupport.Run twice = TestSupport.run("sign", pack.toString(), "--keystore", TestKeys.signer().toString());
        assertThat(twice.exit()).isEqualTo(2);
        assertThat(twice.err()).contains(pack + " is signed already; a pack is signed once").contains("nothing was signed");

        // a pack whose files do not match its manifest is not signed
        Path other = tmp.resolve("unsigned2");
        assertThat(TestSupport.run("pack", example("customer-chatbot"), "-o", other.toString(), "--as-of", AS_OF, "--no-pdf").exit()).isZero();
        Path chatbot = other.resolve("customer-chatbot");
        byte[] findings = Files.readAllBytes(chatbot.resolve("findings.json"));
        findings[findings.length - 3] = (byte) ' ';
        Files.write(chatbot.resolve("findings.json"), findings);
        Map<String, byte[]> tampered = TestSupport.files(chatbot);
        TestSupport.Run t = TestSupport.run("sign", chatbot.toString(), "--keystore", TestKeys.signer().toString());
        assertThat(t.exit()).isEqualTo(2);
        // the finding verify gives, at the file, and why nothing is signed
        assertThat(t.err()).contains(chatbot + "/findings.json:1:1: error [pack.hash-mismatch] findings.json has SHA-256 ",
                "the file changed after the pack was made: a pack is signed only as it was written", "nothing was signed");
        assertThat(TestSupport.files(chatbot)).usingRecursiveComparison().isEqualTo(tampered);

        TestSupport.Run zip = TestSupport.run("sign", tmp.resolve("x.zip").toString(), "--keystore", TestKeys.signer().toString());
        assertThat(zip.exit()).isEqualTo(2);
    }

    @Test
    void aDeclarationIsSignedOnlyWhenItsDescriptionIsNotGatedAndNeverAsADraft() throws Exception {
        Path docs = tmp.resolve("docs");
        assertThat(TestSupport.run("render", example("cv-screening"), "--doc", "all", "--as-of", AS_OF, "-o", docs.toString()).exit()).isZero();
        assertThat(TestSupport.run("render", example("social-scoring"), "--doc", "declaration", "--draft", "--as-of", AS_OF, "-o", docs.toString()).exit())
                .isZero();
        Path declaration = docs.resolve("cv-screening-declaration.pdf");
        Path gap = docs.resolve("cv-screening-gap-report.pdf");
        Path draft = docs.resolve("social-scoring-declaration.draft.pdf");
        byte[] original = Files.readAllBytes(declaration);
        byte[] gapOriginal = Files.readAllBytes(gap);

        // without its description a declaration is not signed, and nothing else is either
        List<String> a = args("sign", gap.toString(), declaration.toString());
        a.addAll(signArgs());
        TestSupport.Run r = run(a);
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("name the description it was rendered from with --description FILE");
        assertThat(Files.readAllBytes(gap)).isEqualTo(gapOriginal);

        // a description that now has errors (here: its evidence files are not beside the copy): refused, exit 1, file unchanged
        Path gated = tmp.resolve("gated");
        Files.createDirectories(gated);
        Files.copy(Path.of(example("cv-screening")), gated.resolve("cv-screening.yaml"));
        a = args("sign", declaration.toString(), "--description", gated.resolve("cv-screening.yaml").toString(), "--as-of", AS_OF);
        a.addAll(signArgs());
        r = run(a);
        assertThat(r.exit()).as(r.toString()).isEqualTo(1);
        assertThat(r.out()).containsPattern("not signed: " + java.util.regex.Pattern.quote(declaration.toString())
                + ": the EU declaration of conformity is not signed: \\d+ error-level findings? remains? \\(\\d+ open\\) in ");
        assertThat(Files.readAllBytes(declaration)).isEqualTo(original);

        // the description of another system: refused as a mix-up
        a = args("sign", declaration.toString(), "--description", example("social-scoring"), "--as-of", AS_OF);
        a.addAll(signArgs());
        r = run(a);
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("does not name 'CivicTrust Index' in its title or subject");

        // a draft: refused (exit 1); the other file named is signed
        a = args("sign", draft.toString(), gap.toString());
        a.addAll(signArgs());
        r = run(a);
        assertThat(r.exit()).as(r.toString()).isEqualTo(1);
        assertThat(r.out()).contains("signed " + gap + " (PAdES B-B)").contains("not signed: " + draft + ": a draft is never signed");
        assertThat(PdfFacts.of(Files.readAllBytes(draft), "d").signed()).isFalse();
        byte[] signedGap = Files.readAllBytes(gap);
        assertThat(Arrays.copyOf(signedGap, gapOriginal.length)).isEqualTo(gapOriginal);
        assertThat(PdfFacts.of(signedGap, "g").signatures()).isEqualTo(1);

        // its own description, not gated: signed, into -o DIR, the input left as it was
        Path signedDir = tmp.resolve("signed");
        a = args("sign", declaration.toString(), "--description", example("cv-screening"), "--as-of", AS_OF, "-o", signedDir.toString(),
                "--format", "json");
        a.addAll(signArgs());
        r = run(a);
        assertThat(r.exit()).as(r.toString()).isZero();
        JsonNode json = Json.mapper().readTree(r.out());
        assertThat(json.path("signer").asString()).isEqualTo(TestKeys.SIGNER_DN);
        assertThat(json.path("files").get(0).path("output").asString()).isEqualTo(signedDir.resolve("cv-screening-declaration.pdf").toString());
        assertThat(Files.readAllBytes(declaration)).isEqualTo(original);
        Dss.Result d = Dss.validate(Files.readAllBytes(signedDir.resolve("cv-screening-declaration.pdf")), null);
        assertThat(d.indications()).as(d.errors().toString()).containsExactly(Indication.TOTAL_PASSED);

        // two inputs of the same name into one -o folder: refused, nothing written
        Path sameName = tmp.resolve("same-name");
        Files.createDirectories(sameName);
        Files.copy(docs.resolve("cv-screening-instructions.pdf"), sameName.resolve("cv-screening-instructions.pdf"));
        a = args("sign", docs.resolve("cv-screening-instructions.pdf").toString(), sameName.resolve("cv-screening-instructions.pdf").toString(),
                "-o", tmp.resolve("one-folder").toString());
        a.addAll(signArgs());
        r = run(a);
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains(sameName.resolve("cv-screening-instructions.pdf") + ": another input is written to "
                + tmp.resolve("one-folder").resolve("cv-screening-instructions.pdf") + " too");
        assertThat(tmp.resolve("one-folder")).doesNotExist();

        // a signed PDF is not signed again
        a = args("sign", gap.toString());
        a.addAll(signArgs());
        r = run(a);
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains(gap + " carries a signature already (1); dossier signs a PDF once");
    }

    static Map<String, byte[]> unzip(Path zip) throws IOException {
        Map<String, byte[]> out = new java.util.LinkedHashMap<>();
        try (java.util.zip.ZipInputStream in = new java.util.zip.ZipInputStream(Files.newInputStream(zip))) {
            java.util.zip.ZipEntry e;
            while ((e = in.getNextEntry()) != null) {
                out.put(e.getName(), in.readAllBytes());
            }
        }
        return out;
    }
}
