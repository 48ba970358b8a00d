package dev.aidossier.pack;

import dev.aidossier.report.Json;
import dev.aidossier.analysis.Analysis;
import dev.aidossier.analysis.RegistrationRoute;
import dev.aidossier.load.PlainPath;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The registration data of Art. 49 and Annex VIII, laid out by section and point so it can be copied
 * into the EU database form: Section A for high-risk providers, B for providers relying on Art. 6(3),
 * C for public-sector deployers. Which section, and which points the secure section leaves out, is the
 * analysis' {@link RegistrationRoute} (from the pack's registration data); this class only lays out the
 * description's answers. Points the description does not answer are null, never invented.
 */
public final class Registration {
    private Registration() {
    }

    /**
     * The registration data of one description, by the route the analysis decided ({@code route}); null
     * when the rule pack has no registration file.
     */
    public static Map<String, Object> of(Analysis a, RegistrationRoute route) {
        Map<String, Object> d = a.loaded().plain();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("format", "dossier/registration/v1");
        if (route == null) {
            out.put("required", false);
            out.put("reason", "The rule pack has no registration data (registration in pack.yaml).");
            return out;
        }
        out.put("legalBasis", route.legalBasis());
        String section = route.section();
        if (section == null) {
            out.put("required", false);
            out.put("reason", route.reason());
            return out;
        }
        boolean secure = route.secure();
        out.put("required", true);
        out.put("section", section);
        out.put("secureNonPublicSection", secure);
        if (secure) {
            out.put("secureSectionNote", route.secureNote());
        }
        Map<String, Object> points = new LinkedHashMap<>();
        points.put("1_provider", party(PlainPath.get(d, "spec.provider")));
        points.put("2_submitter", party(PlainPath.get(d, "spec.submitter")));
        points.put("3_authorisedRepresentative", party(PlainPath.get(d, "spec.authorisedRepresentative")));
        Map<String, Object> name = new LinkedHashMap<>();
        name.put("tradeName", PlainPath.get(d, "metadata.name"));
        name.put("reference", PlainPath.get(d, "metadata.identifier"));
        name.put("version", PlainPath.get(d, "metadata.version"));
        points.put("4_tradeNameAndReference", name);
        points.put("5_intendedPurpose", PlainPath.get(d, "spec.general.intendedPurpose"));
        if (section.equals("A")) {
            points.put("6_informationAndOperatingLogic", PlainPath.get(d, "spec.general.operatingLogic"));
            points.put("7_status", PlainPath.get(d, "spec.general.marketStatus"));
            Map<String, Object> cert = new LinkedHashMap<>();
            cert.put("notifiedBody", PlainPath.get(d, "spec.conformityAssessment.notifiedBody"));
            cert.put("certificate", PlainPath.get(d, "spec.conformityAssessment.certificate"));
            points.put("8_certificate", cert);
            points.put("9_certificateCopy", PlainPath.get(d, "spec.conformityAssessment.certificate.evidence"));
            points.put("10_memberStates", PlainPath.get(d, "spec.general.memberStates"));
            points.put("11_declarationOfConformity", "attached in this pack as the declaration PDF, when rendered");
            points.put("12_electronicInstructionsForUse", PlainPath.get(d, "spec.registration.instructionsUrl"));
            points.put("13_moreInformationUrl", PlainPath.get(d, "spec.general.moreInformationUrl"));
            route.omitted().forEach(points::remove); // the secure non-public section leaves these out (Art. 49(4))
        } else {
            points.put("6_article6_3Conditions", route.conditions());
            points.put("8_status", PlainPath.get(d, "spec.general.marketStatus"));
        }
        out.put("points", points);
        Object publicBody = PlainPath.get(d, "spec.deployment.publicBody");
        if (Boolean.TRUE.equals(publicBody) && section.equals("A")) {
            Map<String, Object> sc = new LinkedHashMap<>();
            sc.put("1_deployer", party(PlainPath.get(d, "spec.deployment.deployer")));
            sc.put("3_providerDatabaseUrl", PlainPath.get(d, "spec.deployment.providerDatabaseUrl"));
            sc.put("4_friaSummary", PlainPath.get(d, "spec.deployment.fria.summary"));
            sc.put("5_dpiaSummary", PlainPath.get(d, "spec.deployment.dpia.summary"));
            out.put("sectionC", sc);
        }
        out.put("euDatabaseId", PlainPath.get(d, "spec.registration.euDatabaseId"));
        return out;
    }

    private static Object party(Object p) {
        if (!(p instanceof Map<?, ?> m)) {
            return null;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        for (String k : List.of("name", "address", "country", "email", "phone", "website")) {
            if (m.get(k) != null) {
                out.put(k, m.get(k));
            }
        }
        return out;
    }
}
