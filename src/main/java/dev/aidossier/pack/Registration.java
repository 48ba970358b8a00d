package dev.aidossier.pack;

import dev.aidossier.rules.RegistrationFile;

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
        // what each point holds is the pack's data (registration.yaml sections); this only reads the answers
        Map<String, Object> points = points(section.equals("A") ? route.layout().a() : route.layout().b(), d, route);
        if (section.equals("A")) {
            route.omitted().forEach(points::remove); // the secure non-public section leaves these out (Art. 49(4))
        }
        out.put("points", points);
        if (Boolean.TRUE.equals(PlainPath.get(d, route.layout().cWhen())) && section.equals("A")) {
            out.put("sectionC", points(route.layout().c(), d, route));
        }
        out.put("euDatabaseId", PlainPath.get(d, "spec.registration.euDatabaseId"));
        return out;
    }

    private static Map<String, Object> points(List<RegistrationFile.Point> layout, Map<String, Object> d, RegistrationRoute route) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (RegistrationFile.Point p : layout) {
            Object v;
            if (p.party() != null) {
                v = party(PlainPath.get(d, p.party()));
            } else if (p.fields() != null) {
                Map<String, Object> m = new LinkedHashMap<>();
                p.fields().forEach((k, path) -> m.put(k, PlainPath.get(d, path)));
                v = m;
            } else if (p.text() != null) {
                v = p.text();
            } else if (Boolean.TRUE.equals(p.conditions())) {
                v = route.conditions();
            } else {
                v = PlainPath.get(d, p.path());
            }
            out.put(p.point(), v);
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
