package dev.aidossier.sign;

import com.sun.net.httpserver.HttpServer;
import eu.europa.esig.dss.enumerations.DigestAlgorithm;
import eu.europa.esig.dss.spi.x509.tsp.KeyEntityTSPSource;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampResponse;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Keystores made by the JDK's keytool, once per test JVM: a test CA (the trust anchor of the tests), a
 * signer certified by it, a time-stamp authority (extended key usage timeStamping, critical), a signer
 * whose certificate has expired, a keystore with two keys, and a certificate that may not sign. All share
 * {@link #PASSWORD}. {@link #tsaServer()} serves RFC 3161 time-stamps over HTTP from DSS's
 * KeyEntityTSPSource with the TSA key, so that {@code --tsa URL} is tested end to end without a network.
 */
public final class TestKeys {

    public static final String PASSWORD = "test-keystore-pw";
    public static final String SIGNER_DN = "CN=Jane Doe,O=TalentLens B.V.,C=NL";

    private static Path dir;

    private TestKeys() {
    }

    /** The folder holding all.p12 (CA and every key), signer.p12, tsa.p12, expired.p12, two-keys.p12, no-signing.p12 and ca.pem. */
    public static synchronized Path dir() {
        if (dir == null) {
            try {
                dir = make();
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException("cannot make the test keystores with keytool: " + e.getMessage(), e);
            }
        }
        return dir;
    }

    public static Path signer() {
        return dir().resolve("signer.p12");
    }

    public static Path file(String name) {
        return dir().resolve(name);
    }

    public static X509Certificate ca() {
        return certificate("all.p12", "ca");
    }

    public static X509Certificate signerCertificate() {
        return certificate("signer.p12", "signer");
    }

    public static SigningKey signingKey() throws SignException {
        return SigningKey.load(signer(), null, PASSWORD.toCharArray(), "the test", java.time.Instant.now());
    }

    /**
     * A current CRL of the test CA that revokes nothing, signed with the CA's key: the revocation data a
     * validator needs to call a signature by a certificate of the CA valid (DSS's default policy asks for it).
     */
    public static synchronized byte[] crl() {
        try (InputStream in = Files.newInputStream(dir().resolve("all.p12"))) {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(in, PASSWORD.toCharArray());
            X509Certificate ca = (X509Certificate) ks.getCertificate("ca");
            java.security.PrivateKey key = (java.security.PrivateKey) ks.getKey("ca", PASSWORD.toCharArray());
            java.util.Date now = new java.util.Date();
            org.bouncycastle.cert.X509v2CRLBuilder b = new org.bouncycastle.cert.jcajce.JcaX509v2CRLBuilder(ca.getSubjectX500Principal(),
                    new java.util.Date(now.getTime() - 60_000));
            b.setNextUpdate(new java.util.Date(now.getTime() + 7L * 24 * 3600 * 1000));
            b.addExtension(org.bouncycastle.asn1.x509.Extension.cRLNumber, false, new org.bouncycastle.asn1.x509.CRLNumber(java.math.BigInteger.ONE));
            b.addExtension(org.bouncycastle.asn1.x509.Extension.authorityKeyIdentifier, false,
                    new org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils().createAuthorityKeyIdentifier(ca));
            return b.build(new org.bouncycastle.operator.jcajce.JcaContentSignerBuilder("SHA256withRSA").build(key)).getEncoded();
        } catch (Exception e) {
            throw new IllegalStateException("cannot make the test CA's CRL: " + e, e);
        }
    }

    private static X509Certificate certificate(String store, String alias) {
        try (InputStream in = Files.newInputStream(dir().resolve(store))) {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(in, PASSWORD.toCharArray());
            return (X509Certificate) ks.getCertificate(alias);
        } catch (IOException | java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * One keystore holds the CA and every key, each certified by the CA as keytool makes it ({@code -signer});
     * each key is then copied into a keystore of its own. Thirteen keytool runs: each is a JVM start.
     */
    private static Path make() throws IOException, InterruptedException {
        Path d = Files.createTempDirectory("dossier-keys");
        // valid since yesterday: a signature made "now" must fall inside the validity even with a clock a little off
        key(d, "ca", "CN=Dossier Test CA,O=AI Dossier tests", "-ext", "bc:c=ca:true,pathlen:0", "-ext", "ku:c=keyCertSign,cRLSign",
                "-startdate", "-1d", "-validity", "3650");
        keytool(d, "-exportcert", "-alias", "ca", "-keystore", "all.p12", "-rfc", "-file", "ca.pem");
        key(d, "signer", SIGNER_DN, "-signer", "ca", "-ext", "ku:c=digitalSignature,nonRepudiation", "-startdate", "-1d", "-validity", "365");
        key(d, "tsa", "CN=Dossier Test TSA,O=AI Dossier tests", "-signer", "ca", "-ext", "ku:c=digitalSignature", "-ext", "eku:c=timeStamping",
                "-startdate", "-1d", "-validity", "365");
        key(d, "old", "CN=Old Signer,O=TalentLens B.V.,C=NL", "-signer", "ca", "-startdate", "-2y", "-validity", "30");
        key(d, "enc", "CN=Encryption Only,O=TalentLens B.V.,C=NL", "-signer", "ca", "-ext", "ku:c=keyEncipherment", "-startdate", "-1d",
                "-validity", "365");
        copy(d, "signer", "signer.p12");
        copy(d, "tsa", "tsa.p12");
        copy(d, "old", "expired.p12");
        copy(d, "enc", "no-signing.p12");
        copy(d, "signer", "two-keys.p12");
        copy(d, "tsa", "two-keys.p12");
        keytool(d, "-importcert", "-alias", "ca", "-file", "ca.pem", "-keystore", "two-keys.p12", "-noprompt");
        return d;
    }

    private static void key(Path d, String alias, String dn, String... more) throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(List.of("-genkeypair", "-alias", alias, "-keyalg", "RSA", "-keysize", "2048", "-dname", dn,
                "-keystore", "all.p12"));
        args.addAll(List.of(more));
        keytool(d, args.toArray(String[]::new));
    }

    /** Copies one entry (key and certificate chain) of all.p12 into {@code store}. */
    private static void copy(Path d, String alias, String store) throws IOException, InterruptedException {
        keytool(d, "-importkeystore", "-srckeystore", "all.p12", "-srcstorepass", PASSWORD, "-srcalias", alias,
                "-destkeystore", store, "-deststorepass", PASSWORD, "-deststoretype", "PKCS12", "-noprompt");
    }

    private static void keytool(Path d, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        cmd.add("-J-XX:TieredStopAtLevel=1"); // a short run: the first JIT tier starts it faster
        cmd.addAll(List.of(args));
        if (!List.of(args).contains("-srcstorepass")) {
            cmd.addAll(List.of("-storepass", PASSWORD, "-storetype", "PKCS12"));
        }
        Process p = new ProcessBuilder(cmd).directory(d.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException("keytool " + String.join(" ", args) + " failed:\n" + out);
        }
    }

    /** A local time-stamp authority over HTTP; close it after use. Its URL is {@code http://127.0.0.1:PORT/tsa}. */
    public static Tsa tsaServer() throws IOException {
        KeyStore ks;
        try (InputStream in = Files.newInputStream(dir().resolve("tsa.p12"))) {
            ks = KeyStore.getInstance("PKCS12");
            ks.load(in, PASSWORD.toCharArray());
        } catch (java.security.GeneralSecurityException e) {
            throw new IOException(e);
        }
        Responder responder = new Responder(ks);
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/tsa", exchange -> {
            try (exchange) {
                byte[] body = exchange.getRequestBody().readAllBytes();
                byte[] reply;
                try {
                    reply = responder.respond(body);
                } catch (Exception e) {
                    exchange.sendResponseHeaders(500, -1);
                    return;
                }
                exchange.getResponseHeaders().add("Content-Type", "application/timestamp-reply");
                exchange.sendResponseHeaders(200, reply.length);
                try (OutputStream os = exchange.getResponseBody()) {
                    os.write(reply);
                }
            }
        });
        server.start();
        return new Tsa(server);
    }

    public record Tsa(HttpServer server) implements AutoCloseable {
        public String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/tsa";
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }

    /** DSS's key-entity TSA, answering a request that came over the wire. */
    private static final class Responder extends KeyEntityTSPSource {
        Responder(KeyStore ks) {
            super(ks, "tsa", PASSWORD.toCharArray());
            setTsaPolicy("1.3.6.1.4.1.55555.1.1"); // any policy: a test authority's
        }

        synchronized byte[] respond(byte[] request) throws Exception {
            TimeStampRequest req = new TimeStampRequest(new ByteArrayInputStream(request));
            DigestAlgorithm digest = DigestAlgorithm.forOID(req.getMessageImprintAlgOID().getId());
            TimeStampResponse resp = generateResponse(req, digest);
            return resp.getEncoded();
        }
    }
}
