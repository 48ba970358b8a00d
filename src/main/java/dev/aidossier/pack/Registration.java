package dev.aidossier.pack;

import dev.aidossier.report.Json;
import dev.aidossier.analysis.Analysis;
import dev.aidossier.classify.Classification;
import dev.aidossier.load.PlainPath;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The registration data of Art. 49 and Annex VIII, laid out by section and point so it can be copied
 * into the EU database form: Section A for high-risk providers, B for providers relying on Art. 6(3),
 * C for public-sector deployers. Points the description does not answer are null, never invented.
 */
public final class Registration {
    private Registration() {
    }

    public static Map<String, Object> of(Analysis a) {
        Map<String, Object> d = a.loaded().plain();
        Classification c = a.classification();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("format", "dossier/registration/v1");
        out.put("legalBasis", "Regulation (EU) 2024/1689, Art. 49 and Annex VIII");
        boolean highRisk = c != null && c.isHighRisk();
        boolean derogation = c != null && c.derogation();
        boolean annexIIIHighRisk = highRisk && c.routes().contains("annex-iii");
        boolean criticalInfrastructureOnly = c != null && !c.annexIII().isEmpty() && c.annexIII().stream().allMatch(k -> k.equals("AnxIII.2"));
        boolean secure = c != null && c.annexIII().stream().anyMatch(k -> k.startsWith("AnxIII.1.") || k.startsWith("AnxIII.6.") || k.startsWith("AnxIII.7."));
        String section = annexIIIHighRisk ? "A" : derogation ? "B" : null;
        if (section != null && criticalInfrastructureOnly) {
            out.put("required", false);
            out.put("reason", "Annex III point 2 systems are registered at national level (Art. 49(5)).");
            return out;
        }
        if (section == null) {
            out.put("required", false);
            out.put("reason", highRisk ? "Annex I (product) high-risk systems are not registered under Art. 49(1); the sectoral legislation applies."
                    : "Only Annex III high-risk systems (Art. 49(1)) and systems relying on Art. 6(3) (Art. 49(2)) are registered.");
            return out;
        }
        out.put("required", true);
        out.put("section", section);
        out.put("secureNonPublicSection", secure);
        if (secure) {
            out.put("secureSectionNote", "Annex III points 1, 6 or 7: registered in the secure non-public section (Art. 49(4)); "
                    + "Section A points 6, 8 and 9 and point 12 are not entered there.");
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
            if (!secure) {
                points.put("6_informationAndOperatingLogic", PlainPath.get(d, "spec.general.operatingLogic"));
            }
            points.put("7_status", PlainPath.get(d, "spec.general.marketStatus"));
            if (!secure) {
                Map<String, Object> cert = new LinkedHashMap<>();
                cert.put("notifiedBody", PlainPath.get(d, "spec.conformityAssessment.notifiedBody"));
                cert.put("certificate", PlainPath.get(d, "spec.conformityAssessment.certificate"));
                points.put("8_certificate", cert);
                points.put("9_certificateCopy", PlainPath.get(d, "spec.conformityAssessment.certificate.evidence"));
            }
            points.put("10_memberStates", PlainPath.get(d, "spec.general.memberStates"));
            points.put("11_declarationOfConformity", "attached in this pack as the declaration PDF, when rendered");
            if (!secure) {
                points.put("12_electronicInstructionsForUse", PlainPath.get(d, "spec.registration.instructionsUrl"));
            }
            points.put("13_moreInformationUrl", PlainPath.get(d, "spec.general.moreInformationUrl"));
        } else {
            points.put("6_article6_3Conditions", conditions(c));
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

    private static List<String> conditions(Classification c) {
        Object f = c.facts().get("derogation");
        if (!(f instanceof Map<?, ?> m)) {
            return List.of();
        }
        List<String> out = new java.util.ArrayList<>();
        if (Boolean.TRUE.equals(m.get("narrowProceduralTask"))) {
            out.add("Art. 6(3)(a) narrow procedural task");
        }
        if (Boolean.TRUE.equals(m.get("improvesCompletedHumanActivity"))) {
            out.add("Art. 6(3)(b) improves the result of a previously completed human activity");
        }
        if (Boolean.TRUE.equals(m.get("detectsDecisionPatterns"))) {
            out.add("Art. 6(3)(c) detects decision-making patterns or deviations");
        }
        if (Boolean.TRUE.equals(m.get("preparatoryTask"))) {
            out.add("Art. 6(3)(d) preparatory task");
        }
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
