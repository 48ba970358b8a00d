package dev.aidossier.verify;

import eu.europa.esig.dss.cades.CAdESSignatureParameters;
import eu.europa.esig.dss.cades.signature.CAdESService;
import eu.europa.esig.dss.enumerations.SignatureLevel;
import eu.europa.esig.dss.enumerations.SignaturePackaging;
import eu.europa.esig.dss.model.DSSDocument;
import eu.europa.esig.dss.model.InMemoryDocument;
import eu.europa.esig.dss.model.SignatureValue;
import eu.europa.esig.dss.model.ToBeSigned;
import eu.europa.esig.dss.pades.PAdESSignatureParameters;
import eu.europa.esig.dss.pades.signature.PAdESService;
import eu.europa.esig.dss.spi.validation.CommonCertificateVerifier;
import eu.europa.esig.dss.token.DSSPrivateKeyEntry;
import eu.europa.esig.dss.token.Pkcs12SignatureToken;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Date;
import java.util.Map;

/**
 * Signs as {@code pack --sign} does (the contract of issue 16: PAdES B-B on every PDF, a detached CAdES B-B
 * signature {@code manifest.json.p7s} over the manifest's exact bytes), with keys made here: a CA, a signer
 * certified by it, and a stranger certified by nobody the tests trust. The keys live in a PKCS#12 keystore
 * made with the JDK's KeyStore API (the certificates are built with Bouncy Castle, which DSS brings).
 */
final class TestSigner {

    static final char[] PASSWORD = "test-password".toCharArray();

    final X509Certificate certificate;
    final X509Certificate[] chain;
    final byte[] keystore;

    private TestSigner(X509Certificate certificate, X509Certificate[] chain, byte[] keystore) {
        this.certificate = certificate;
        this.chain = chain;
        this.keystore = keystore;
    }

    /** The CA the tests trust, and a signer it certified. */
    static final class Keys {
        static final KeyPair CA_KEY = keyPair();
        static final X509Certificate CA = certificate("CN=Dossier Test CA,O=AI Dossier tests,C=NL", CA_KEY, null, CA_KEY.getPrivate(), true, 1);
        static final TestSigner SIGNER = signer("CN=Jane Signer,O=TalentLens B.V.,C=NL", CA, CA_KEY.getPrivate());
        static final KeyPair OTHER_CA_KEY = keyPair();
        static final X509Certificate OTHER_CA = certificate("CN=Untrusted CA,C=XX", OTHER_CA_KEY, null, OTHER_CA_KEY.getPrivate(), true, 2);
        static final TestSigner STRANGER = signer("CN=Mallory Stranger,C=XX", OTHER_CA, OTHER_CA_KEY.getPrivate());
    }

    static TestSigner signer() {
        return Keys.SIGNER;
    }

    static TestSigner stranger() {
        return Keys.STRANGER;
    }

    static X509Certificate ca() {
        return Keys.CA;
    }

    /** The CA's certificate as a PEM file, as a user hands it to --trust. */
    static Path caPem(Path dir) throws Exception {
        Path f = dir.resolve("test-ca.pem");
        Files.writeString(f, "-----BEGIN CERTIFICATE-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(Keys.CA.getEncoded()) + "\n-----END CERTIFICATE-----\n");
        return f;
    }

    private static TestSigner signer(String dn, X509Certificate issuer, PrivateKey issuerKey) {
        try {
            KeyPair kp = keyPair();
            X509Certificate cert = certificate(dn, kp, issuer, issuerKey, false, 10 + dn.length());
            X509Certificate[] chain = {cert, issuer};
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            ks.setKeyEntry("signer", kp.getPrivate(), PASSWORD, chain);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ks.store(out, PASSWORD);
            return new TestSigner(cert, chain, out.toByteArray());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyPair keyPair() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(2048);
            return g.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A certificate for {@code kp} issued by {@code issuer} (null: self-signed). */
    private static X509Certificate certificate(String dn, KeyPair kp, X509Certificate issuer, PrivateKey issuerKey, boolean ca, long serial) {
        try {
            Instant now = Instant.now();
            X500Name issuerName = issuer == null ? new X500Name(dn) : X500Name.getInstance(issuer.getSubjectX500Principal().getEncoded());
            JcaX509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(issuerName, BigInteger.valueOf(serial),
                    Date.from(now.minus(1, ChronoUnit.DAYS)), Date.from(now.plus(3650, ChronoUnit.DAYS)), new X500Name(dn), kp.getPublic());
            b.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
            b.addExtension(Extension.keyUsage, true, new KeyUsage(ca ? KeyUsage.keyCertSign | KeyUsage.cRLSign : KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
            return new JcaX509CertificateConverter().getCertificate(b.build(new JcaContentSignerBuilder("SHA256withRSA").build(issuerKey)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private <T> T withKey(java.util.function.BiFunction<Pkcs12SignatureToken, DSSPrivateKeyEntry, T> f) {
        try (Pkcs12SignatureToken token = new Pkcs12SignatureToken(new ByteArrayInputStream(keystore), new KeyStore.PasswordProtection(PASSWORD))) {
            return f.apply(token, token.getKeys().get(0));
        }
    }

    /** A PAdES baseline B signature on {@code pdf}, as an incremental update. */
    byte[] signPdf(byte[] pdf) {
        return withKey((token, key) -> {
            PAdESSignatureParameters p = new PAdESSignatureParameters();
            p.setSignatureLevel(SignatureLevel.PAdES_BASELINE_B);
            p.setSigningCertificate(key.getCertificate());
            p.setCertificateChain(key.getCertificateChain());
            PAdESService service = new PAdESService(new CommonCertificateVerifier());
            DSSDocument doc = new InMemoryDocument(pdf, "document.pdf");
            ToBeSigned tbs = service.getDataToSign(doc, p);
            SignatureValue v = token.sign(tbs, p.getDigestAlgorithm(), key);
            return bytes(service.signDocument(doc, p, v));
        });
    }

    /** A detached CAdES baseline B signature (DER) over exactly {@code content}. */
    byte[] signDetached(byte[] content) {
        return signDetached(content, Instant.now().truncatedTo(ChronoUnit.SECONDS));
    }

    /** As above, signed at {@code time} (what the manifest's record states). */
    byte[] signDetached(byte[] content, Instant time) {
        return withKey((token, key) -> {
            CAdESSignatureParameters p = new CAdESSignatureParameters();
            p.bLevel().setSigningDate(Date.from(time));
            p.setSignatureLevel(SignatureLevel.CAdES_BASELINE_B);
            p.setSignaturePackaging(SignaturePackaging.DETACHED);
            p.setSigningCertificate(key.getCertificate());
            p.setCertificateChain(key.getCertificateChain());
            CAdESService service = new CAdESService(new CommonCertificateVerifier());
            DSSDocument doc = new InMemoryDocument(content, "manifest.json");
            ToBeSigned tbs = service.getDataToSign(doc, p);
            SignatureValue v = token.sign(tbs, p.getDigestAlgorithm(), key);
            return bytes(service.signDocument(doc, p, v));
        });
    }

    private static byte[] bytes(DSSDocument d) {
        try (java.io.InputStream in = d.openStream()) {
            return in.readAllBytes();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static String sha256(Certificate c) {
        try {
            return dev.aidossier.util.Hashes.sha256(c.getEncoded());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Signs a pack folder as the contract says: every PDF first, then the manifest rewritten with the signed
     * PDFs' hashes and sizes and a {@code signature} record, then its detached signature beside it.
     */
    void signPack(Path dir) throws Exception {
        signPack(dir, record -> {
        });
    }

    /** As {@link #signPack(Path)}, with the signature record changed by {@code edit} before the manifest is signed. */
    void signPack(Path dir, java.util.function.Consumer<tools.jackson.databind.node.ObjectNode> edit) throws Exception {
        tools.jackson.databind.node.ObjectNode m = (tools.jackson.databind.node.ObjectNode) dev.aidossier.report.Json.mapper()
                .readTree(Files.readAllBytes(dir.resolve("manifest.json")));
        java.util.List<String> signed = new java.util.ArrayList<>();
        for (tools.jackson.databind.JsonNode f : m.get("files")) {
            String name = f.get("name").asString();
            if (name.endsWith(".pdf")) {
                byte[] s = signPdf(Files.readAllBytes(dir.resolve(name)));
                Files.write(dir.resolve(name), s);
                ((tools.jackson.databind.node.ObjectNode) f).put("sha256", dev.aidossier.util.Hashes.sha256(s));
                ((tools.jackson.databind.node.ObjectNode) f).put("size", s.length);
                signed.add(name);
            }
        }
        tools.jackson.databind.node.ObjectNode sig = m.putObject("signature");
        sig.put("signer", certificate.getSubjectX500Principal().getName());
        sig.put("certificateSha256", sha256(certificate));
        Instant time = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        sig.put("signingTime", time.toString());
        sig.put("level", "B-B");
        tools.jackson.databind.node.ArrayNode list = sig.putArray("signedFiles");
        signed.forEach(list::add);
        edit.accept(sig);
        byte[] manifest = dev.aidossier.report.Json.write(m).getBytes(StandardCharsets.UTF_8);
        Files.write(dir.resolve("manifest.json"), manifest);
        Files.write(dir.resolve("manifest.json.p7s"), signDetached(manifest, time));
    }

}
