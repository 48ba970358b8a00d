package dev.aidossier.sign;

import eu.europa.esig.dss.enumerations.Indication;
import eu.europa.esig.dss.enumerations.SignatureLevel;
import eu.europa.esig.dss.model.InMemoryDocument;
import eu.europa.esig.dss.model.x509.CertificateToken;
import eu.europa.esig.dss.simplereport.SimpleReport;
import eu.europa.esig.dss.spi.validation.CommonCertificateVerifier;
import eu.europa.esig.dss.spi.x509.CommonTrustedCertificateSource;
import eu.europa.esig.dss.validation.SignedDocumentValidator;
import eu.europa.esig.dss.validation.reports.Reports;

import java.security.cert.X509Certificate;
import java.util.List;

/** Validation with the EU's DSS library, trusting only the test CA, offline: the receiver a buyer's tools resemble. */
public final class Dss {
    private Dss() {
    }

    /** What DSS concluded of each signature of a document. */
    public record Result(List<Indication> indications, List<String> subIndications, List<SignatureLevel> levels, List<String> signers,
                         int timestamps, List<String> errors, SimpleReport report) {
        public boolean allPassed() {
            return !indications.isEmpty() && indications.stream().allMatch(Indication.TOTAL_PASSED::equals);
        }
    }

    public static Result validate(byte[] signed, byte[] detachedContent) {
        return validate(signed, detachedContent, TestKeys.ca());
    }

    public static Result validate(byte[] signed, byte[] detachedContent, X509Certificate trustAnchor) {
        SignedDocumentValidator v = SignedDocumentValidator.fromDocument(new InMemoryDocument(signed));
        CommonCertificateVerifier cv = new CommonCertificateVerifier();
        CommonTrustedCertificateSource trusted = new CommonTrustedCertificateSource();
        trusted.addCertificate(new CertificateToken(trustAnchor));
        cv.setTrustedCertSources(trusted);
        cv.setAIASource(null);
        cv.setOcspSource(null);
        cv.setCrlSource(new eu.europa.esig.dss.spi.x509.revocation.crl.ExternalResourcesCRLSource(new InMemoryDocument(TestKeys.crl())));
        v.setCertificateVerifier(cv);
        if (detachedContent != null) {
            v.setDetachedContents(List.of(new InMemoryDocument(detachedContent)));
        }
        Reports reports = v.validateDocument();
        SimpleReport r = reports.getSimpleReport();
        List<String> ids = r.getSignatureIdList();
        return new Result(ids.stream().map(r::getIndication).toList(),
                ids.stream().map(id -> String.valueOf(r.getSubIndication(id))).toList(),
                ids.stream().map(r::getSignatureFormat).toList(),
                ids.stream().map(r::getSignedBy).toList(),
                ids.stream().mapToInt(id -> r.getSignatureTimestamps(id).size()).sum(),
                ids.stream().flatMap(id -> r.getAdESValidationErrors(id).stream()).map(eu.europa.esig.dss.jaxb.object.Message::getValue).toList(), r);
    }
}
