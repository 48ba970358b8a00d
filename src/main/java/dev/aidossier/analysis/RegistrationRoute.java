package dev.aidossier.analysis;

import dev.aidossier.classify.Classification;
import dev.aidossier.rules.RegistrationFile;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Whether and how a system is registered in the EU database (Art. 49), decided from its classification
 * and the pack's registration file: the Annex VIII section, or why none; whether the secure non-public
 * section applies and which points it leaves out; the Art. 6(3) conditions relied on. The view
 * ({@code pack/Registration}) lays the description's answers out by point.
 *
 * @param section "A", "B", or null when the system is not registered in the EU database
 * @param reason  why not, when section is null
 */
public record RegistrationRoute(String legalBasis, String section, String reason, boolean secure, String secureNote,
                                List<String> omitted, List<String> conditions, RegistrationFile.Sections layout) {

    public static RegistrationRoute of(RegistrationFile data, Classification c) {
        boolean highRisk = c != null && c.isHighRisk();
        boolean derogation = c != null && c.derogation();
        boolean annexIIIHighRisk = highRisk && c.routes().contains("annex-iii");
        List<String> points = c == null ? List.of() : c.annexIII();
        boolean national = !points.isEmpty() && points.stream().allMatch(k -> RegistrationFile.under(k, data.nationalLevel().points()));
        boolean secure = points.stream().anyMatch(k -> RegistrationFile.under(k, data.secureSection().points()));
        String section = annexIIIHighRisk ? "A" : derogation ? "B" : null;
        if (section != null && national) {
            return new RegistrationRoute(data.legalBasis(), null, data.nationalLevel().reason(), false, null, List.of(), List.of(), data.sections());
        }
        if (section == null) {
            return new RegistrationRoute(data.legalBasis(), null, highRisk ? data.notRequired().productRoute() : data.notRequired().otherwise(),
                    false, null, List.of(), List.of(), data.sections());
        }
        return new RegistrationRoute(data.legalBasis(), section, null, secure, secure ? data.secureSection().note() : null,
                secure ? data.secureSection().omit() : List.of(), section.equals("B") ? conditions(data, c) : List.of(), data.sections());
    }

    private static List<String> conditions(RegistrationFile data, Classification c) {
        if (!(c.facts().get("derogation") instanceof Map<?, ?> m)) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (RegistrationFile.Condition k : data.derogationConditions()) {
            if (Boolean.TRUE.equals(m.get(k.fact()))) {
                out.add(k.text());
            }
        }
        return out;
    }
}
