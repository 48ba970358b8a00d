package dev.aidossier.verify;

import dev.aidossier.core.Finding;
import dev.aidossier.core.Location;
import dev.aidossier.core.Severity;
import dev.aidossier.core.Status;
import dev.aidossier.util.Hashes;
import eu.europa.esig.dss.diagnostic.CertificateWrapper;
import eu.europa.esig.dss.diagnostic.DiagnosticData;
import eu.europa.esig.dss.diagnostic.SignatureWrapper;
import eu.europa.esig.dss.enumerations.Indication;
import eu.europa.esig.dss.enumerations.SubIndication;
import eu.europa.esig.dss.model.InMemoryDocument;
import eu.europa.esig.dss.model.policy.ValidationPolicy;
import eu.europa.esig.dss.model.x509.CertificateToken;
import eu.europa.esig.dss.simplereport.SimpleReport;
import eu.europa.esig.dss.spi.validation.CommonCertificateVerifier;
import eu.europa.esig.dss.spi.x509.CommonTrustedCertificateSource;
import eu.europa.esig.dss.validation.SignedDocumentValidator;
import eu.europa.esig.dss.validation.policy.ValidationPolicyLoader;
import eu.europa.esig.dss.validation.reports.Reports;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * PAdES signatures of PDFs and the detached CAdES signature of a manifest, validated with the EU's DSS library.
 * Validation runs offline: DSS's default validation policy, except that missing revocation data (CRL, OCSP) is
 * a warning rather than a failure, since nothing is fetched. A signature is then
 * <ul>
 *   <li>valid and trusted: DSS says TOTAL_PASSED with the trust anchors given;</li>
 *   <li>invalid: TOTAL_FAILED (the signed bytes changed, the signature value is wrong, the format is broken);</li>
 *   <li>untrusted: intact, but its certificate chain reaches none of the anchors ({@code --trust});</li>
 *   <li>otherwise indeterminate (for instance an expired certificate), with DSS's reasons.</li>
 * </ul>
 * A PDF must also be unchanged since its last signature: that signature's byte range ends at the end of the file.
 */
public final class Signatures {
    private Signatures() {
    }

    /** One signature as found: who, when, what DSS concluded. */
    public record Signed(String file, String signer, String certificateSha256, String signingTime, String level,
                         String indication, String subIndication, boolean trusted, boolean valid) {
    }

    /** What one file's signatures came to. */
    public record Result(List<Signed> signatures, List<Finding> findings) {
    }

    /** The trust anchors, each as DSS wants it. */
    public record Trust(List<X509Certificate> anchors) {
        public boolean given() {
            return !anchors.isEmpty();
        }
    }

    /** DSS's default policy without the revocation data it would fetch online (see the class comment). */
    private static final class Policy {
        static final ValidationPolicy OFFLINE = load();

        private static ValidationPolicy load() {
            try (InputStream in = ValidationPolicyLoader.class.getClassLoader().getResourceAsStream("policy/constraint.xml")) {
                if (in == null) {
                    throw new IllegalStateException("DSS's default validation policy policy/constraint.xml is not on the class path");
                }
                String xml = new String(in.readAllBytes(), StandardCharsets.UTF_8)
                        .replace("<RevocationDataAvailable Level=\"FAIL\" />", "<RevocationDataAvailable Level=\"WARN\" />")
                        .replace("<AcceptableRevocationDataFound Level=\"FAIL\" />", "<AcceptableRevocationDataFound Level=\"WARN\" />");
                return ValidationPolicyLoader.fromValidationPolicy(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8))).create();
            } catch (IOException e) {
                throw new IllegalStateException("DSS's default validation policy cannot be read", e);
            }
        }
    }

    /** The PAdES signatures of one PDF, shown as {@code display}. */
    public static Result pdf(byte[] pdf, String display, Trust trust) {
        return validate(pdf, null, display, trust, true);
    }

    /** The detached CAdES signature {@code p7s} over exactly {@code content}. */
    public static Result detached(byte[] p7s, byte[] content, String contentName, String display, Trust trust) {
        return validate(p7s, new InMemoryDocument(content, contentName), display, trust, false);
    }

    private static Result validate(byte[] bytes, InMemoryDocument detached, String display, Trust trust, boolean pdf) {
        Location at = Location.ofFile(display);
        List<Signed> signed = new ArrayList<>();
        List<Finding> findings = new ArrayList<>();
        Reports reports;
        try {
            CommonCertificateVerifier cv = new CommonCertificateVerifier();
            CommonTrustedCertificateSource anchors = new CommonTrustedCertificateSource();
            trust.anchors().forEach(c -> anchors.addCertificate(new CertificateToken(c)));
            cv.setTrustedCertSources(anchors);
            cv.setAIASource(null); // offline: no certificate is fetched from the URLs a certificate names
            cv.setCrlSource(null);
            cv.setOcspSource(null);
            SignedDocumentValidator v = SignedDocumentValidator.fromDocument(new InMemoryDocument(bytes, display));
            v.setCertificateVerifier(cv);
            if (detached != null) {
                v.setDetachedContents(List.of(detached));
            }
            reports = v.validateDocument(Policy.OFFLINE);
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            // DSS and PDFBox parse hostile bytes here: whatever they cannot read is a finding, never a crash
            findings.add(error("signature.invalid", (pdf ? "cannot be read as a signed PDF" : "cannot be read as a CMS signature")
                    + " (" + brief(e) + ")", at));
            return new Result(signed, findings);
        }
        SimpleReport sr = reports.getSimpleReport();
        DiagnosticData dd = reports.getDiagnosticData();
        List<String> ids = sr.getSignatureIdList();
        if (ids.isEmpty()) {
            findings.add(error("signature.missing", pdf ? "the PDF carries no signature" : "holds no signature", at));
            return new Result(signed, findings);
        }
        long lastEnd = -1;
        for (String id : ids) {
            SignatureWrapper sw = dd.getSignatureById(id);
            CertificateWrapper cert = sw == null ? null : sw.getSigningCertificate();
            String signer = sr.getSignedBy(id) == null ? (cert == null ? "an unknown signer" : cert.getCertificateDN()) : sr.getSignedBy(id);
            String dn = cert == null ? signer : cert.getCertificateDN();
            String certSha = certificateSha256(cert);
            String time = sr.getSigningTime(id) == null ? null
                    : DateTimeFormatter.ISO_INSTANT.format(sr.getSigningTime(id).toInstant().truncatedTo(ChronoUnit.SECONDS));
            String level = sr.getSignatureFormat(id) == null ? null : sr.getSignatureFormat(id).toString();
            Indication ind = sr.getIndication(id);
            SubIndication sub = sr.getSubIndication(id);
            boolean chainTrusted = sw != null && sw.getCertificateChain().stream().anyMatch(CertificateWrapper::isTrusted);
            boolean intact = sw != null && sw.isSignatureIntact() && sw.isSignatureValid();
            boolean valid = ind == Indication.TOTAL_PASSED || ind == Indication.PASSED;
            String who = "signed by " + dn + (time == null ? "" : " at " + time);
            if (ind == Indication.TOTAL_FAILED || ind == Indication.FAILED || !intact) {
                findings.add(error("signature.invalid", "the signature (" + who + ") does not hold: " + failure(sub)
                        + dssReasons(sr, id), at));
            } else if (!chainTrusted || sub == SubIndication.NO_CERTIFICATE_CHAIN_FOUND) {
                if (trust.given()) {
                    findings.add(error("signature.untrusted", "the signature is intact but untrusted: " + who
                            + ", a certificate that does not chain to any trust anchor given with --trust", at));
                } else {
                    findings.add(new Finding("signature.no-trust-anchor", Severity.warning, Status.failed, "the signature is intact (" + who
                            + "), but no trust anchor was given with --trust: who signed is not established", at, null, List.of(), null, null, null));
                }
            } else if (!valid) {
                findings.add(error("signature.indeterminate", "the signature (" + who + ") cannot be confirmed: " + ind
                        + (sub == null ? "" : " " + sub) + dssReasons(sr, id), at));
            }
            signed.add(new Signed(display, signer, certSha, time, level, ind == null ? null : ind.name(), sub == null ? null : sub.name(),
                    chainTrusted, valid && chainTrusted));
            if (pdf && sw != null && sw.getPDFRevision() != null) {
                List<BigInteger> range = sw.getPDFRevision().getSignatureByteRange();
                if (range != null && range.size() == 4) {
                    lastEnd = Math.max(lastEnd, range.get(2).longValue() + range.get(3).longValue());
                }
            }
        }
        if (pdf && lastEnd >= 0 && lastEnd != bytes.length) {
            findings.add(error("signature.modified", lastEnd < bytes.length
                    ? (bytes.length - lastEnd) + " bytes were added after the last signature (an incremental update or appended data): "
                    + "the PDF changed after it was signed"
                    : "the last signature claims bytes beyond the end of the file: the PDF is damaged", at));
        }
        return new Result(signed, findings);
    }

    /** The SHA-256 of the signing certificate's DER bytes: DSS's diagnostic data records it as the certificate's digest. */
    private static String certificateSha256(CertificateWrapper cert) {
        if (cert == null) {
            return null;
        }
        if (cert.getBinaries() != null) {
            return Hashes.sha256(cert.getBinaries());
        }
        var d = cert.getDigestAlgoAndValue();
        if (d != null && d.getDigestMethod() == eu.europa.esig.dss.enumerations.DigestAlgorithm.SHA256 && d.getDigestValue() != null) {
            return java.util.HexFormat.of().formatHex(d.getDigestValue());
        }
        return null;
    }

    private static String failure(SubIndication sub) {
        if (sub == null) {
            return "DSS found it invalid";
        }
        return switch (sub) {
            case HASH_FAILURE -> "the signed bytes changed after signing (HASH_FAILURE)";
            case SIG_CRYPTO_FAILURE -> "the signature value does not verify with the signer's key (SIG_CRYPTO_FAILURE)";
            case FORMAT_FAILURE -> "the signature is not well-formed (FORMAT_FAILURE)";
            default -> sub.name();
        };
    }

    private static String dssReasons(SimpleReport sr, String id) {
        List<String> errors = sr.getAdESValidationErrors(id).stream().map(m -> m.getValue()).filter(s -> s != null && !s.isBlank()).distinct().toList();
        return errors.isEmpty() ? "" : " (DSS: " + String.join(" ", errors) + ")";
    }

    private static String brief(Throwable e) {
        if (e instanceof StackOverflowError) {
            return "nested too deeply";
        }
        if (e instanceof OutOfMemoryError) {
            return "too large to read";
        }
        String m = e.getMessage();
        // messages of PDF and CMS parsers are short and technical; never a class name or stack frame
        return m == null || m.isBlank() ? "malformed" : dev.aidossier.util.Names.clip(m.replaceAll("\\s+", " ")
                .replaceAll("([a-z]+\\.)+[A-Z][A-Za-z]*(Exception|Error):?\\s*", ""), 160);
    }

    private static Finding error(String rule, String message, Location at) {
        return Finding.error(rule, message, at, null);
    }
}
