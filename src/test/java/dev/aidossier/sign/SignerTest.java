package dev.aidossier.sign;

import dev.aidossier.TestSupport;
import eu.europa.esig.dss.enumerations.Indication;
import eu.europa.esig.dss.enumerations.SignatureLevel;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * PAdES and CAdES signatures made by {@link Signer}, checked by their receivers: DSS (TOTAL_PASSED with the
 * test CA as trust anchor), poppler's pdfsig ("Signature is Valid") and veraPDF (still PDF/A-3B); one
 * changed byte fails DSS's validation.
 */
class SignerTest {

    static byte[] declaration;
    static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    @BeforeAll
    static void render() throws Exception {
        Path out = Files.createTempDirectory("dossier-sign");
        TestSupport.Run r = TestSupport.run("render", TestSupport.examples().resolve("cv-screening.yaml").toString(), "--doc", "declaration",
                "--as-of", "2026-12-02", "-o", out.toString());
        assertThat(r.exit()).as(r.toString()).isZero();
        declaration = Files.readAllBytes(out.resolve("cv-screening-declaration.pdf"));
    }

    @Test
    void padesBaselineBPassesDssAndPdfsigAndStaysPdfA3b() throws Exception {
        byte[] signed;
        try (Signer s = new Signer(TestKeys.signingKey(), null, null)) {
            assertThat(s.level()).isEqualTo("B-B");
            signed = s.signPdf(declaration, "cv-screening-declaration.pdf", NOW);
        }
        // an incremental update: the signed PDF begins with every byte of the original
        assertThat(Arrays.copyOf(signed, declaration.length)).isEqualTo(declaration);
        assertThat(PdfFacts.of(signed, "x").signatures()).isEqualTo(1);

        Dss.Result r = Dss.validate(signed, null);
        assertThat(r.indications()).as(r.errors().toString()).containsExactly(Indication.TOTAL_PASSED);
        assertThat(r.levels()).containsExactly(SignatureLevel.PAdES_BASELINE_B);
        assertThat(r.signers()).containsExactly("Jane Doe");
        assertThat(r.report().getSigningTime(r.report().getFirstSignatureId())).isEqualTo(java.util.Date.from(NOW));

        assertThat(pdfsig(signed)).contains("Signer full Distinguished Name: " + TestKeys.SIGNER_DN).contains("Signature is Valid");
        assertThat(dev.aidossier.TestSupport.pdfaFailures(signed)).isEmpty();
    }

    @Test
    void oneChangedByteFailsDss() throws Exception {
        byte[] signed;
        try (Signer s = new Signer(TestKeys.signingKey(), null, null)) {
            signed = s.signPdf(declaration, "d.pdf", NOW);
        }
        // a byte inside the first page's content, well within the signed range
        int at = indexOf(signed, "stream".getBytes(StandardCharsets.ISO_8859_1), 0) + 40;
        byte[] tampered = signed.clone();
        tampered[at] ^= 0x01;
        Dss.Result r = Dss.validate(tampered, null);
        assertThat(r.indications()).isNotEmpty().doesNotContain(Indication.TOTAL_PASSED);
        assertThat(r.indications()).containsExactly(Indication.TOTAL_FAILED);
        assertThat(r.subIndications()).containsExactly("HASH_FAILURE");
        assertThat(pdfsig(tampered)).doesNotContain("Signature is Valid");
    }

    @Test
    void withATimeStampAuthorityTheSignaturesAreBaselineT() throws Exception {
        byte[] pdf;
        byte[] p7s;
        byte[] manifest = "{\"files\": []}\n".getBytes(StandardCharsets.UTF_8);
        try (TestKeys.Tsa tsa = TestKeys.tsaServer(); Signer s = new Signer(TestKeys.signingKey(), Signer.onlineTsa(tsa.url()), tsa.url())) {
            assertThat(s.level()).isEqualTo("B-T");
            pdf = s.signPdf(declaration, "d.pdf", NOW);
            p7s = s.signDetached(manifest, "manifest.json", NOW);
        }
        Dss.Result r = Dss.validate(pdf, null);
        assertThat(r.indications()).as(r.errors().toString()).containsExactly(Indication.TOTAL_PASSED);
        assertThat(r.levels()).containsExactly(SignatureLevel.PAdES_BASELINE_T);
        assertThat(r.timestamps()).isEqualTo(1);
        assertThat(dev.aidossier.TestSupport.pdfaFailures(pdf)).isEmpty();
        Dss.Result m = Dss.validate(p7s, manifest);
        assertThat(m.indications()).as(m.errors().toString()).containsExactly(Indication.TOTAL_PASSED);
        assertThat(m.levels()).containsExactly(SignatureLevel.CAdES_BASELINE_T);
    }

    @Test
    void aTimeStampAuthorityThatDoesNotAnswerIsAClearError() throws Exception {
        try (Signer s = new Signer(TestKeys.signingKey(), Signer.onlineTsa("http://127.0.0.1:9/tsa"), "http://127.0.0.1:9/tsa")) {
            assertThatThrownBy(() -> s.signPdf(declaration, "d.pdf", NOW)).isInstanceOf(SignException.class)
                    .hasMessageStartingWith("d.pdf: no time-stamp from http://127.0.0.1:9/tsa (");
        }
        assertThatThrownBy(() -> Signer.onlineTsa("file:///etc/passwd")).hasMessage("--tsa: 'file:///etc/passwd' is not an http or https URL of a time-stamp authority");
    }

    @Test
    void detachedCadesOverTheExactBytesInDer() throws Exception {
        byte[] manifest = Files.readAllBytes(TestSupport.examples().resolve("cv-screening.yaml"));
        byte[] p7s;
        try (Signer s = new Signer(TestKeys.signingKey(), null, null)) {
            p7s = s.signDetached(manifest, "manifest.json", NOW);
        }
        // DER: encoding it again in DER gives the same bytes
        assertThat(org.bouncycastle.asn1.ASN1Primitive.fromByteArray(p7s).getEncoded(org.bouncycastle.asn1.ASN1Encoding.DER)).isEqualTo(p7s);
        // detached: the content is not inside
        assertThat(indexOf(p7s, Arrays.copyOf(manifest, 64), 0)).isEqualTo(-1);
        Dss.Result r = Dss.validate(p7s, manifest);
        assertThat(r.indications()).as(r.errors().toString()).containsExactly(Indication.TOTAL_PASSED);
        assertThat(r.levels()).containsExactly(SignatureLevel.CAdES_BASELINE_B);
        assertThat(Signer.signs(p7s, manifest, TestKeys.signerCertificate())).isTrue();

        byte[] changed = manifest.clone();
        changed[10] ^= 0x01;
        assertThat(Dss.validate(p7s, changed).indications()).doesNotContain(Indication.TOTAL_PASSED);
        assertThat(Signer.signs(p7s, changed, TestKeys.signerCertificate())).isFalse();
        assertThat(Signer.signs(p7s, manifest, TestKeys.ca())).isFalse();
    }

    @Test
    void keystoreProblemsAreClearErrors() throws Exception {
        char[] pw = TestKeys.PASSWORD.toCharArray();
        Path signer = TestKeys.signer();
        assertThatThrownBy(() -> SigningKey.load(signer, null, "wrong-password".toCharArray(), "the environment variable X", NOW))
                .hasMessage("keystore " + signer + ": wrong password (the password from the environment variable X)");
        assertThatThrownBy(() -> SigningKey.load(signer, "nobody", pw, "-", NOW))
                .hasMessage("keystore " + signer + ": no entry named 'nobody'; its keys: signer");
        Path two = TestKeys.file("two-keys.p12");
        assertThatThrownBy(() -> SigningKey.load(two, "ca", pw, "-", NOW))
                .hasMessage("keystore " + two + ": 'ca' is a certificate without a private key; its keys: signer, tsa");
        assertThatThrownBy(() -> SigningKey.load(two, null, pw, "-", NOW))
                .hasMessage("keystore " + two + ": holds 2 keys (signer, tsa); choose one with --key-alias");
        assertThat(SigningKey.load(two, "signer", pw, "-", NOW).subject()).isEqualTo(TestKeys.SIGNER_DN);
        Path expired = TestKeys.file("expired.p12");
        assertThatThrownBy(() -> SigningKey.load(expired, null, pw, "-", NOW))
                .hasMessageStartingWith("keystore " + expired + ": the certificate of 'old' (CN=Old Signer,O=TalentLens B.V.,C=NL) expired on ")
                .hasMessageEndingWith("; a signature needs a certificate valid at the time of signing");
        Path noSigning = TestKeys.file("no-signing.p12");
        assertThatThrownBy(() -> SigningKey.load(noSigning, null, pw, "-", NOW))
                .hasMessageContaining("does not allow signatures (its key usage has neither digitalSignature nor nonRepudiation)");
        Path ca = TestKeys.file("ca.pem");
        assertThatThrownBy(() -> SigningKey.load(ca, null, pw, "-", NOW))
                .hasMessageStartingWith("keystore " + ca + ": not a PKCS#12 keystore (");
        Path missing = TestKeys.dir().resolve("missing.p12");
        assertThatThrownBy(() -> SigningKey.load(missing, null, pw, "-", NOW)).hasMessage("keystore " + missing + ": no such file");
        assertThatThrownBy(() -> SigningKey.load(TestKeys.dir(), null, pw, "-", NOW)).hasMessage("keystore " + TestKeys.dir() + ": not a regular file");
    }

    @Test
    void pdfFactsRefuseWhatIsNotAPdf() {
        assertThatThrownBy(() -> PdfFacts.of("hello".getBytes(StandardCharsets.UTF_8), "x.pdf"))
                .hasMessage("x.pdf: not a PDF (it does not begin with %PDF-)");
        assertThatThrownBy(() -> PdfFacts.of("%PDF-1.7\ngarbage".getBytes(StandardCharsets.UTF_8), "y.pdf"))
                .hasMessageStartingWith("y.pdf: not a readable PDF (");
    }

    /**
     * pdfsig's report on the PDF; the test is skipped where poppler-utils is not installed, and fails instead
     * when DOSSIER_RECEIVERS=required (as .ci/run sets, after installing it).
     */
    static String pdfsig(byte[] pdf) throws Exception {
        if (!onPath("pdfsig")) {
            String why = "pdfsig (poppler-utils) is not installed; .ci/run installs it";
            if ("required".equals(System.getenv("DOSSIER_RECEIVERS"))) {
                org.assertj.core.api.Assertions.fail(why); // CI never passes by skipping a receiver
            }
            org.junit.jupiter.api.Assumptions.abort(why);
        }
        Path f = Files.createTempFile("dossier-signed", ".pdf");
        try {
            Files.write(f, pdf);
            Process p = new ProcessBuilder("pdfsig", f.toString()).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
            return out;
        } finally {
            Files.deleteIfExists(f);
        }
    }

    static boolean onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String d : path.split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(d, program))) {
                return true;
            }
        }
        return false;
    }

    static int indexOf(byte[] hay, byte[] needle, int from) {
        outer:
        for (int i = from; i <= hay.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
