package dev.aidossier.classify;

import dev.aidossier.model.Doc;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The shape of {@code rules/<pack>/classification.yaml}; loaded with the same strict loader as descriptions.
 * A conclusion's {@code because} names the facts ({@code group.name}) that decide it, shown with their
 * values; {@code roles} the roles that bear its duty (held by none of the description's roles, it is set
 * aside); {@code removesRoles} the roles whose duties it lifts. {@code citations} gives each reference key
 * the citation a person reads ("Art. 6(3), second subparagraph, point (a)").
 */
public record ClassificationFile(
        @NotNull @Pattern(regexp = "dossier/rules/v1", message = "must be dossier/rules/v1") String apiVersion,
        @NotNull @Pattern(regexp = "Classification", message = "must be Classification") String kind,
        @NotBlank String law,
        @NotBlank String textVersion,
        @NotEmpty List<@NotBlank String> tierOrder,
        @NotBlank String defaultTier,
        @NotNull @Valid Effects effects,
        @NotNull Map<String, Map<String, @NotNull @Valid FactDecl>> facts,
        Map<String, List<@NotNull @Valid ListItem>> lists,
        Map<String, Object> parameters,
        Map<String, @NotBlank String> predicates,
        @NotEmpty List<@NotNull @Valid Conclusion> conclusions,
        Map<String, @NotBlank String> citations) {

    public record FactDecl(
            @Doc("boolean, string, number, date or list") @NotNull @Pattern(regexp = "boolean|string|number|date|list", message = "must be boolean, string, number, date or list") String type,
            List<String> values,
            String valuesFrom,
            Object defaultValue,
            List<String> refs,
            @NotBlank String doc,
            List<@NotBlank String> kinds) {
    }

    /**
     * What the classifier does with the effects of conclusions; the names are the pack's own. {@code outsideTheAct}:
     * the tier under which nothing else the law says applies; {@code prohibited}: the tier that is a prohibited
     * practice; {@code highRisk}: the tier whose obligations have an application date; {@code transparency}: the
     * effect whose conclusions name transparency duties (their first basis key); {@code derogation}: the effect
     * that keeps the obligations' date of a system that is not high-risk; {@code modelClasses}: the classes of a
     * general-purpose model, lowest first (the highest reached is the model's class).
     */
    public record Effects(@NotBlank String outsideTheAct, @NotBlank String prohibited, @NotBlank String highRisk,
                          @NotBlank String transparency, @NotBlank String derogation, @NotEmpty List<@NotBlank String> modelClasses) {
    }

    /** The effects the classifier itself gives meaning to: a note, and a provision set aside. */
    public static final List<String> MECHANICS = List.of("note", "set-aside");

    /** Every effect a conclusion may have: the tiers, the derogation, the model classes, and the classifier's own. */
    public List<String> allowedEffects() {
        List<String> out = new java.util.ArrayList<>(tierOrder);
        out.add(effects.derogation());
        out.addAll(effects.modelClasses());
        out.addAll(MECHANICS);
        return out.stream().distinct().toList();
    }

    public record ListItem(@NotBlank String key, @NotBlank String title, String section) {
    }

    public record Conclusion(
            @NotBlank @Pattern(regexp = "[a-z0-9.-]+", message = "must be lower-case letters, digits, '.' and '-'") String id,
            @NotBlank String effect,
            @NotEmpty List<@NotBlank String> basis,
            String basisFrom,
            @NotBlank String title,
            @NotBlank String when,
            List<String> kinds,
            LocalDate appliesFrom,
            LocalDate obligationsFrom,
            String route,
            List<@NotBlank String> because,
            List<@NotBlank String> roles,
            List<@NotBlank String> removesRoles,
            List<@NotBlank String> onlyProvisions) {
    }
}
