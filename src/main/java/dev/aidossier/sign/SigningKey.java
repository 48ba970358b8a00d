package dev.aidossier.sign;

import dev.aidossier.util.Hashes;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.KeyStoreException;
import java.security.PrivateKey;
import java.security.UnrecoverableKeyException;
import java.security.cert.Certificate;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import javax.security.auth.x500.X500Principal;

/**
 * The signer's key and certificate chain, read from a PKCS#12 keystore. Everything that can be wrong with
 * the keystore is found here, before any file is signed: a missing or unreadable file, a wrong password, an
 * alias that is not there or holds no private key, several keys and no alias, a certificate that has expired,
 * is not valid yet or is not meant for signatures. Each is a {@link SignException} naming the keystore.
 */
public final class SigningKey {

    /** A keystore is a few kilobytes; anything far larger is not one. */
    static final long MAX_KEYSTORE_BYTES = 1024 * 1024;

    private final Path keystore;
    private final byte[] bytes;
    private final String alias;
    private final PrivateKey privateKey;
    private final X509Certificate certificate;
    private final List<X509Certificate> chain;
    private final char[] password;

    private SigningKey(Path keystore, byte[] bytes, char[] password, String alias, PrivateKey privateKey, X509Certificate certificate,
                       List<X509Certificate> chain) {
        this.keystore = keystore;
        this.password = password.clone();
        this.bytes = bytes;
        this.alias = alias;
        this.privateKey = privateKey;
        this.certificate = certificate;
        this.chain = chain;
    }

    /**
     * Reads the key {@code alias} (or the keystore's only key when null) from the PKCS#12 file, opened with
     * {@code password} ({@code passwordFrom} says where it came from, for the message of a wrong one), and checks
     * that its certificate is valid at {@code now} and may sign.
     */
    public static SigningKey load(Path keystore, String alias, char[] password, String passwordFrom, Instant now) throws SignException {
        String where = "keystore " + keystore;
        byte[] bytes;
        try {
            if (!Files.exists(keystore, LinkOption.NOFOLLOW_LINKS) && !Files.exists(keystore)) {
                throw new SignException(where + ": no such file");
            }
            if (!Files.isRegularFile(keystore)) {
                throw new SignException(where + ": not a regular file");
            }
            if (Files.size(keystore) > MAX_KEYSTORE_BYTES) {
                throw new SignException(where + ": " + Files.size(keystore) + " bytes is too large for a keystore (at most " + MAX_KEYSTORE_BYTES + ")");
            }
            bytes = Files.readAllBytes(keystore);
        } catch (IOException e) {
            throw new SignException(where + ": cannot be read (" + e.getMessage() + ")");
        }
        KeyStore ks;
        try {
            ks = KeyStore.getInstance("PKCS12");
            ks.load(new ByteArrayInputStream(bytes), password);
        } catch (IOException e) {
            if (e.getCause() instanceof UnrecoverableKeyException || String.valueOf(e.getMessage()).contains("password")) {
                throw new SignException(where + ": wrong password (the password from " + passwordFrom + ")");
            }
            throw new SignException(where + ": not a PKCS#12 keystore (" + e.getMessage() + ")");
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new SignException(where + ": not a PKCS#12 keystore (" + e.getMessage() + ")");
        }
        try {
            List<String> keys = new ArrayList<>();
            for (String a : Collections.list(ks.aliases())) {
                if (ks.isKeyEntry(a)) {
                    keys.add(a);
                }
            }
            Collections.sort(keys);
            if (alias == null) {
                if (keys.isEmpty()) {
                    throw new SignException(where + ": holds no private key (only certificates)");
                }
                if (keys.size() > 1) {
                    throw new SignException(where + ": holds " + keys.size() + " keys (" + String.join(", ", keys) + "); choose one with --key-alias");
                }
                alias = keys.get(0);
            } else if (!ks.containsAlias(alias)) {
                throw new SignException(where + ": no entry named '" + alias + "'"
                        + (keys.isEmpty() ? "; it holds no private key" : "; its keys: " + String.join(", ", keys)));
            } else if (!ks.isKeyEntry(alias)) {
                throw new SignException(where + ": '" + alias + "' is a certificate without a private key"
                        + (keys.isEmpty() ? "" : "; its keys: " + String.join(", ", keys)));
            }
            PrivateKey key;
            try {
                key = (PrivateKey) ks.getKey(alias, password);
            } catch (UnrecoverableKeyException e) {
                throw new SignException(where + ": the key '" + alias + "' does not open with the keystore password"
                        + " (a key with a password of its own is not supported)");
            }
            if (key == null) {
                throw new SignException(where + ": '" + alias + "' holds no private key");
            }
            Certificate[] certs = ks.getCertificateChain(alias);
            if (certs == null || certs.length == 0 || !(certs[0] instanceof X509Certificate)) {
                throw new SignException(where + ": the key '" + alias + "' has no X.509 certificate");
            }
            List<X509Certificate> chain = new ArrayList<>();
            for (Certificate c : certs) {
                if (c instanceof X509Certificate x) {
                    chain.add(x);
                }
            }
            X509Certificate cert = chain.get(0);
            String subject = subject(cert);
            try {
                cert.checkValidity(Date.from(now));
            } catch (CertificateExpiredException e) {
                throw new SignException(where + ": the certificate of '" + alias + "' (" + subject + ") expired on "
                        + cert.getNotAfter().toInstant() + "; a signature needs a certificate valid at the time of signing");
            } catch (CertificateNotYetValidException e) {
                throw new SignException(where + ": the certificate of '" + alias + "' (" + subject + ") is valid only from "
                        + cert.getNotBefore().toInstant());
            }
            boolean[] usage = cert.getKeyUsage();
            // keyUsage bits 0 (digitalSignature) and 1 (nonRepudiation, "contentCommitment"): either allows signing documents
            if (usage != null && !(usage.length > 0 && usage[0]) && !(usage.length > 1 && usage[1])) {
                throw new SignException(where + ": the certificate of '" + alias + "' (" + subject
                        + ") does not allow signatures (its key usage has neither digitalSignature nor nonRepudiation)");
            }
            return new SigningKey(keystore, bytes, password, alias, key, cert, List.copyOf(chain));
        } catch (KeyStoreException | java.security.NoSuchAlgorithmException e) {
            throw new SignException(where + ": cannot be read (" + e.getMessage() + ")");
        }
    }

    /** The subject's distinguished name as RFC 2253 writes it, e.g. {@code CN=Jane Doe,O=TalentLens B.V.,C=NL}. */
    public static String subject(X509Certificate cert) {
        return cert.getSubjectX500Principal().getName(X500Principal.RFC2253);
    }

    public String subject() {
        return subject(certificate);
    }

    /** SHA-256 of the signing certificate's DER encoding, in lower-case hex. */
    public String certificateSha256() {
        try {
            return Hashes.sha256(certificate.getEncoded());
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException("a certificate read from a keystore cannot be encoded", e);
        }
    }

    public Path keystore() {
        return keystore;
    }

    public String alias() {
        return alias;
    }

    public PrivateKey privateKey() {
        return privateKey;
    }

    public X509Certificate certificate() {
        return certificate;
    }

    public List<X509Certificate> chain() {
        return chain;
    }

    /** The keystore's bytes as read (DSS opens its own token over them). */
    byte[] keystoreBytes() {
        return bytes;
    }

    char[] password() {
        return password;
    }
}
