package dev.aidossier.rules;

import dev.aidossier.model.Doc;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;

/**
 * The shape of a rule file ({@code kind: RuleSet}). Loaded with the strict loader, so an unknown key or
 * a wrong type in a rule file is an error at the rule file's own line and column.
 */
public record RuleFile(
        @NotNull @Pattern(regexp = "dossier/rules/v1", message = "must be dossier/rules/v1") String apiVersion,
        @NotNull @Pattern(regexp = "RuleSet", message = "must be RuleSet") String kind,
        @Doc("What this file covers.") @NotBlank String title,
        @Doc("The applies of every rule of the file that has none of its own (a rule's applies replaces it whole).") @Valid Applies applies,
        @NotEmpty List<@NotNull @Valid Rule> rules) {

    public record Rule(
            @Doc("Stable id; never reused for another obligation.") @NotBlank @Pattern(regexp = "[A-Z][A-Z0-9]*(-[A-Z0-9]+)+", message = "must be upper-case words joined by '-', e.g. EUAIA-ANXIV-1A-PURPOSE") String id,
            @Doc("One line, no trailing period.") @NotBlank @Size(max = 120) @Pattern(regexp = ".*[^.]", message = "must not end with a period") String title,
            @Doc("Reference keys of the obligation, e.g. AnxIV.1.a.1, in the grammar of the pack's references.") @NotEmpty List<@NotBlank String> refs,
            @Doc("Link to the article or annex on EUR-Lex; derived from the first reference when absent.") @Pattern(regexp = "https://\\S+", message = "must be an https URL") String link,
            @Doc("binding (primary text) or provisional (secondary source).") @NotNull @Pattern(regexp = "binding|provisional", message = "must be binding or provisional") String status,
            @Doc("error, warning or info.") @NotNull @Pattern(regexp = "error|warning|info", message = "must be error, warning or info") String severity,
            @Doc("When the rule applies (default: the file's applies).") @Valid Applies applies,
            @Doc("Evaluate once per item of this list (a path such as spec.datasets); the item is 'item' in CEL and paths in require are relative to it.") String each,
            @Doc("CEL filter on items, with 'item' bound.") String where,
            @Doc("Short form: these paths must hold substantive answers (real text, not placeholders).") List<@NotBlank String> require,
            @Doc("Short form: these paths must be present (names, numbers, dates, non-empty lists).") List<@NotBlank String> present,
            @Doc("CEL expression that must be true (evaluated after require passes).") String check,
            @Doc("Path the check is about, for the finding's location.") String path,
            @Doc("What was expected and what was found; {problem}, {path}, {value} are filled in.") @NotBlank String message,
            @Doc("How to fix it.") @NotBlank String remediation) {

        /** The same rule with these applies (a file's default filled in). */
        public Rule withApplies(Applies a) {
            return new Rule(id, title, refs, link, status, severity, a, each, where, require, present, check, path, message, remediation);
        }
    }

    public record Applies(
            @Doc("AISystem and/or GPAIModel (default: AISystem).") List<@Pattern(regexp = "AISystem|GPAIModel", message = "must be AISystem or GPAIModel") String> kinds,
            @Doc("Tiers the rule applies to (default: any).") List<@Pattern(regexp = "prohibited|high-risk|limited-risk|minimal-risk|out-of-scope|none", message = "must be a tier") String> tiers,
            @Doc("GPAI classes the rule applies to (default: any).") List<@Pattern(regexp = "none|gpai|gpai-systemic-risk", message = "must be none, gpai or gpai-systemic-risk") String> gpai,
            @Doc("The organisation must hold one of these roles (default: any).") List<@Pattern(regexp = "provider|deployer|importer|distributor|productManufacturer|authorisedRepresentative", message = "must be a role") String> roles,
            @Doc("CEL condition (variables d, spec, facts, c, asOf).") String when,
            @Doc("Date from which the obligation applies: YYYY-MM-DD, or @name of a pack date (@highRisk is the classification's date).") @Pattern(regexp = "\\d{4}-\\d{2}-\\d{2}|@[A-Za-z]+", message = "must be a date or @name") String from) {
    }
}
