package dev.aidossier.sign;

import eu.europa.esig.dss.cades.CAdESSignatureParameters;
import eu.europa.esig.dss.cades.signature.CAdESService;
import eu.europa.esig.dss.enumerations.DigestAlgorithm;
import eu.europa.esig.dss.enumerations.SignatureLevel;
import eu.europa.esig.dss.enumerations.SignaturePackaging;
import eu.europa.esig.dss.model.DSSDocument;
import eu.europa.esig.dss.model.InMemoryDocument;
import eu.europa.esig.dss.model.SignatureValue;
import eu.europa.esig.dss.model.ToBeSigned;
import eu.europa.esig.dss.model.x509.CertificateToken;
import eu.europa.esig.dss.pades.PAdESSignatureParameters;
import eu.europa.esig.dss.pades.signature.PAdESService;
import eu.europa.esig.dss.pdf.pdfbox.PdfBoxNativeObjectFactory;
import eu.europa.esig.dss.service.http.commons.TimestampDataLoader;
import eu.europa.esig.dss.service.tsp.OnlineTSPSource;
import eu.europa.esig.dss.spi.validation.CommonCertificateVerifier;
import eu.europa.esig.dss.spi.x509.tsp.TSPSource;
import eu.europa.esig.dss.token.DSSPrivateKeyEntry;
import eu.europa.esig.dss.token.KeyStoreSignatureTokenConnection;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.security.KeyStore;
import java.time.Instant;
import java.util.Date;
import java.util.List;

/**
 * Makes the signatures of AI Dossier with the EU's DSS library: PAdES for PDFs (an incremental update, so the
 * signed PDF begins with the bytes of the original) and detached CAdES for any other bytes (the pack's
 * manifest). Baseline B-B; B-T when a time-stamp authority is given, whose time-stamp on the signature
 * proves that it existed at that time. One signer serves a whole run; it is safe to use from several threads.
 */
public final class Signer implements AutoCloseable {

    /** How long to wait for a time-stamp authority, in milliseconds: connecting, then the answer. */
    private static final int TSA_CONNECT_MS = 15_000;
    private static final int TSA_RESPONSE_MS = 30_000;

    private final SigningKey key;
    private final TSPSource tsa;
    private final String tsaName;
    private final KeyStoreSignatureTokenConnection token;
    private final DSSPrivateKeyEntry entry;

    /**
     * @param tsa the time-stamp authority that makes the signatures B-T, or null for B-B
     * @param tsaName how messages name it (its URL)
     */
    public Signer(SigningKey key, TSPSource tsa, String tsaName) throws SignException {
        this.key = key;
        this.tsa = tsa;
        this.tsaName = tsaName;
        try {
            this.token = new KeyStoreSignatureTokenConnection(key.keystoreBytes(), "PKCS12",
                    new KeyStore.PasswordProtection(key.password()));
            this.entry = token.getKey(key.alias());
        } catch (RuntimeException e) {
            throw new SignException("keystore " + key.keystore() + ": cannot be opened for signing (" + e.getMessage() + ")", e);
        }
        if (entry == null) {
            throw new SignException("keystore " + key.keystore() + ": no key named '" + key.alias() + "'");
        }
    }

    /** A time-stamp authority at an http or https URL (RFC 3161 over HTTP). */
    public static TSPSource onlineTsa(String url) throws SignException {
        URI uri;
        try {
            uri = new URI(url);
        } catch (java.net.URISyntaxException e) {
            throw new SignException("--tsa: '" + url + "' is not a URL (" + e.getReason() + ")");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http") || uri.getHost() == null) {
            throw new SignException("--tsa: '" + url + "' is not an http or https URL of a time-stamp authority");
        }
        TimestampDataLoader loader = new TimestampDataLoader();
        loader.setTimeoutConnection(TSA_CONNECT_MS);
        loader.setTimeoutConnectionRequest(TSA_CONNECT_MS);
        loader.setTimeoutSocket(TSA_RESPONSE_MS);
        loader.setTimeoutResponse(TSA_RESPONSE_MS);
        OnlineTSPSource source = new OnlineTSPSource(url, loader);
        return source;
    }

    public SigningKey key() {
        return key;
    }

    /** "B-B", or "B-T" with a time-stamp authority. */
    public String level() {
        return tsa == null ? "B-B" : "B-T";
    }

    /** The PDF with a PAdES signature made at {@code time} (whole seconds: what the signature records). */
    public byte[] signPdf(byte[] pdf, String name, Instant time) throws SignException {
        PAdESSignatureParameters p = new PAdESSignatureParameters();
        p.setSignatureLevel(tsa == null ? SignatureLevel.PAdES_BASELINE_B : SignatureLevel.PAdES_BASELINE_T);
        common(p, time);
        p.setAppName("AI Dossier");
        PAdESService service = new PAdESService(new CommonCertificateVerifier());
        service.setPdfObjFactory(new PdfBoxNativeObjectFactory());
        if (tsa != null) {
            service.setTspSource(tsa);
        }
        DSSDocument doc = new InMemoryDocument(pdf, name);
        try {
            ToBeSigned tbs = service.getDataToSign(doc, p);
            SignatureValue value = token.sign(tbs, p.getDigestAlgorithm(), entry);
            return bytes(service.signDocument(doc, p, value));
        } catch (RuntimeException e) {
            throw failure(name, e);
        }
    }

    /** A detached CAdES signature (DER) over exactly {@code data}, made at {@code time}. */
    public byte[] signDetached(byte[] data, String name, Instant time) throws SignException {
        CAdESSignatureParameters p = new CAdESSignatureParameters();
        p.setSignatureLevel(tsa == null ? SignatureLevel.CAdES_BASELINE_B : SignatureLevel.CAdES_BASELINE_T);
        p.setSignaturePackaging(SignaturePackaging.DETACHED);
        common(p, time);
        CAdESService service = new CAdESService(new CommonCertificateVerifier());
        if (tsa != null) {
            service.setTspSource(tsa);
        }
        DSSDocument doc = new InMemoryDocument(data, name);
        try {
            ToBeSigned tbs = service.getDataToSign(doc, p);
            SignatureValue value = token.sign(tbs, p.getDigestAlgorithm(), entry);
            return der(bytes(service.signDocument(doc, p, value)));
        } catch (RuntimeException e) {
            throw failure(name, e);
        }
    }

    private void common(CAdESSignatureParameters p, Instant time) {
        p.setDigestAlgorithm(DigestAlgorithm.SHA256);
        p.setSigningCertificate(new CertificateToken(key.certificate()));
        List<CertificateToken> chain = key.chain().stream().map(CertificateToken::new).toList();
        p.setCertificateChain(chain);
        p.bLevel().setSigningDate(Date.from(time));
    }

    private SignException failure(String name, RuntimeException e) {
        String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (tsa != null && isTimestampFailure(e)) {
            return new SignException(name + ": no time-stamp from " + tsaName + " (" + why + ")", e);
        }
        return new SignException(name + ": cannot be signed (" + why + ")", e);
    }

    private static boolean isTimestampFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String n = t.getClass().getName();
            String m = String.valueOf(t.getMessage()).toLowerCase(java.util.Locale.ROOT);
            if (n.contains("ExternalResource") || n.contains("TSP") || m.contains("timestamp") || m.contains("time-stamp")
                    || t instanceof IOException) {
                return true;
            }
        }
        return false;
    }

    private static byte[] bytes(DSSDocument d) throws SignException {
        try (java.io.InputStream in = d.openStream(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            in.transferTo(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new SignException("cannot read the signed document back (" + e.getMessage() + ")", e);
        }
    }

    /** The CMS structure in DER (the signatures inside cover DER-encoded attributes, so re-encoding keeps them valid). */
    private static byte[] der(byte[] cms) throws SignException {
        try {
            return org.bouncycastle.asn1.ASN1Primitive.fromByteArray(cms).getEncoded(org.bouncycastle.asn1.ASN1Encoding.DER);
        } catch (IOException e) {
            throw new SignException("the detached signature is not ASN.1 (" + e.getMessage() + ")", e);
        }
    }

    /**
     * Whether {@code p7s} is a CMS signature over exactly {@code data} whose signer is {@code certificate} (a
     * cryptographic check only: no chain, no revocation; what pack reuse needs to keep a signed pack).
     */
    public static boolean signs(byte[] p7s, byte[] data, java.security.cert.X509Certificate certificate) {
        try {
            org.bouncycastle.cms.CMSSignedData cms = new org.bouncycastle.cms.CMSSignedData(
                    new org.bouncycastle.cms.CMSProcessableByteArray(data), p7s);
            org.bouncycastle.cms.SignerInformationVerifier verifier =
                    new org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder().build(certificate);
            java.util.Collection<org.bouncycastle.cms.SignerInformation> signers = cms.getSignerInfos().getSigners();
            if (signers.isEmpty()) {
                return false;
            }
            for (org.bouncycastle.cms.SignerInformation si : signers) {
                if (!si.verify(verifier)) {
                    return false;
                }
            }
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    @Override
    public void close() {
        token.close();
    }
}
