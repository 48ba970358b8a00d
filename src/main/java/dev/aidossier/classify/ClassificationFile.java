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

    public record ListItem(@NotBlank String key, @NotBlank String title, String section) {
    }

    public record Conclusion(
            @NotBlank @Pattern(regexp = "[a-z0-9.-]+", message = "must be lower-case letters, digits, '.' and '-'") String id,
            @NotBlank @Pattern(regexp = "out-of-scope|prohibited|high-risk|limited-risk|derogation|gpai|gpai-systemic-risk|note|set-aside",
                    message = "must be one of out-of-scope, prohibited, high-risk, limited-risk, derogation, gpai, gpai-systemic-risk, note, set-aside") String effect,
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
            List<@NotBlank String> removesRoles) {
    }
}
