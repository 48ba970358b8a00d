package dev.aidossier.classify;

import dev.aidossier.core.Finding;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The classification of one description under the Act, as of a date.
 *
 * @param tier            prohibited, high-risk, limited-risk, minimal-risk, out-of-scope, or none for a model
 * @param gpai            none, gpai or gpai-systemic-risk
 * @param transparency    the Art. 50 keys that apply
 * @param basis           every reference key behind the conclusions reached
 * @param conclusions     the conclusions reached, in evaluation order
 * @param upcoming        conclusions that hold but apply only after the as-of date
 * @param annexIII        the Annex III points that remain after Annex III's own exclusions
 * @param routes          annex-i and/or annex-iii for a high-risk system
 * @param obligationsFrom the date from which high-risk (or derogation) obligations apply, or null
 * @param derogation      whether the Art. 6(3) derogation is relied on
 * @param roles           the roles the organisation holds
 * @param facts           the classification facts with defaults filled
 * @param findings        problems with the classification facts
 * @param setAside        provisions considered and set aside, each with the facts that set it aside
 * @param citations       the citation a person reads for each key of the basis and of the set-aside list
 * @param highRisk        whether the tier is the pack's high-risk tier (classification.yaml, effects.highRisk)
 * @param prohibited      whether the tier is the pack's prohibited practice (effects.prohibited)
 * @param onlyProvisions  the provisions that alone apply to the system (Art. 2(2) for an Annex I Section B
 *                        product), from the {@code onlyProvisions} of the conclusions reached; empty when the
 *                        Act applies as a whole
 */
public record Classification(String file, String kind, LocalDate asOf, String tier, String gpai, List<String> transparency,
                             List<String> basis, List<Conclusion> conclusions, List<Conclusion> upcoming,
                             List<String> annexIII, List<String> routes, LocalDate obligationsFrom, boolean derogation,
                             List<String> roles, Map<String, Object> facts, List<Finding> findings,
                             List<SetAside> setAside, Map<String, String> citations, boolean highRisk, boolean prohibited,
                             List<String> onlyProvisions) {

    /** A conclusion reached (or upcoming). */
    public record Conclusion(String id, String effect, List<String> basis, String title, LocalDate appliesFrom) {
    }

    /**
     * A provision considered and set aside: by an exception or exclusion the facts in {@code because} state,
     * or because its duty binds only {@code roles} and the organisation holds none of them.
     */
    public record SetAside(String id, List<String> basis, String title, List<String> roles, List<Reason> because) {
    }

    /**
     * A fact behind a conclusion: its path in the description, its value, and where it is stated (null when
     * the description leaves it to its default).
     */
    public record Reason(String path, Object value, dev.aidossier.core.Location location) {
    }

    /** The citation of a reference key, or the key itself when the pack gives none. */
    public String cite(String key) {
        return citations.getOrDefault(key, key);
    }

    /**
     * Whether a provision cited by {@code refs} applies under {@link #onlyProvisions}: always when nothing
     * limits the system, else when one of the keys is one of those provisions or below one (Art6.1.a is
     * below Art6.1).
     */
    public boolean provisionsApply(List<String> refs) {
        if (onlyProvisions.isEmpty()) {
            return true;
        }
        return refs != null && refs.stream().anyMatch(r -> dev.aidossier.core.ReferenceKeys.under(r, onlyProvisions));
    }

    public boolean isHighRisk() {
        return highRisk;
    }

    public boolean isProhibited() {
        return prohibited;
    }

    /** The classification as CEL sees it ({@code c.tier}, {@code c.annexIII}, ...). */
    public Map<String, Object> toCel() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", kind);
        m.put("tier", tier);
        m.put("gpai", gpai);
        m.put("transparency", transparency);
        m.put("basis", basis);
        m.put("fired", conclusions.stream().map(Conclusion::id).toList());
        m.put("annexIII", annexIII);
        m.put("routes", routes);
        m.put("derogation", derogation);
        m.put("roles", roles);
        m.put("obligationsFrom", obligationsFrom == null ? "" : obligationsFrom.toString());
        m.put("onlyProvisions", onlyProvisions);
        return m;
    }
}
