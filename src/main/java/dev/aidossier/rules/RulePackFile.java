package dev.aidossier.rules;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import jakarta.validation.Valid;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The shape of {@code rules/<pack>/pack.yaml}: what the pack encodes and which files make it up.
 * {@code documents} names, per document (by its {@code --doc} id), the reference keys it serves: a
 * conformity pack includes such a document only when a rule citing one of them (or a key below one)
 * applies to the description; documents not named are always included.
 */
public record RulePackFile(
        @NotNull @Pattern(regexp = "dossier/rules/v1", message = "must be dossier/rules/v1") String apiVersion,
        @NotNull @Pattern(regexp = "Pack", message = "must be Pack") String kind,
        @NotBlank @Pattern(regexp = "[a-z0-9-]+", message = "must be lower-case letters, digits and '-'") String id,
        @NotBlank String title,
        @NotBlank String law,
        @NotBlank String textVersion,
        @NotBlank @Pattern(regexp = "\\d+\\.\\d+\\.\\d+", message = "must be a version like 1.0.0") String version,
        @Pattern(regexp = "https://\\S+", message = "must be an https URL") String link,
        @Pattern(regexp = NAME, message = NAME_MESSAGE) String classification,
        @Pattern(regexp = "[a-z0-9-]+", message = "must be a pack id") String classificationFrom,
        @NotNull List<@NotBlank @Pattern(regexp = NAME, message = NAME_MESSAGE) String> ruleFiles,
        @Valid SubstanceConfig substance,
        @Valid Evidence evidence,
        Map<String, @NotNull LocalDate> dates,
        Map<String, @NotBlank String> links,
        @Valid Passport passport,
        @Pattern(regexp = NAME, message = NAME_MESSAGE) String modification,
        @Pattern(regexp = NAME, message = NAME_MESSAGE) String registration,
        @Valid References references,
        Map<String, @NotEmpty List<@NotBlank String>> documents) {

    /**
     * The grammar of the pack's reference keys (a rule's {@code refs}, a crosswalk's columns): a regular
     * expression a whole key must match, and an example for the message when one does not.
     */
    public record References(@NotBlank String pattern, @NotBlank String example, List<@NotNull @Valid Provision> provisions) {

        /** The compiled pattern, or null when it does not compile (reported when the pack loads). */
        public java.util.regex.Pattern compiled() {
            try {
                return java.util.regex.Pattern.compile(pattern);
            } catch (java.util.regex.PatternSyntaxException e) {
                return null;
            }
        }
    }

    /** The tool's own check of the evidence files a description cites: the provisions its findings serve. */
    public record Evidence(@NotEmpty List<@NotBlank String> refs) {
    }

    /**
     * A kind of provision keys belong to ({@link Provisions}): {@code match} finds it at the start of a key, its
     * first group is the number {@code {n}} ({@code numbering} arabic or roman), {@code label} how a person
     * reads it, {@code link} its anchor in the official text.
     */
    public record Provision(@NotBlank String match,
                            @NotNull @Pattern(regexp = "arabic|roman", message = "must be arabic or roman") String numbering,
                            @NotBlank String label, String link) {
    }

    /**
     * How the regulatory passport and the Regulatory Interoperability Plan show the pack: its short name,
     * whether it binds, what one cell of the passport is ({@code unit}: a pattern matched at the start of a
     * rule's first reference key; {@code group}: the heading units fall under; {@code row}: a row of the crosswalk
     * matrix, when finer than a unit), titles of units and groups
     * (a unit without one is named by its rule's title when it has one rule), and how conformity is shown
     * ({@code route}: by the classification's general-purpose class or risk tier, else {@code default}).
     */
    public record Passport(
            @NotBlank String name,
            @NotNull @Pattern(regexp = "binding|voluntary", message = "must be binding or voluntary") String nature,
            @NotBlank String unit,
            String group,
            String row,
            @NotEmpty Map<String, @NotBlank String> route,
            Map<String, @NotBlank String> titles) {
    }

    /** A file of the pack: a relative name inside the pack's folder (no leading '/', no '..', no '\\'). */
    static final String NAME = "[A-Za-z0-9_][A-Za-z0-9._-]*(/[A-Za-z0-9_][A-Za-z0-9._-]*)*";
    static final String NAME_MESSAGE = "must be a file name inside the pack's folder, such as rules.yaml or sub/rules.yaml (no leading '/', no '..')";

    /** What counts as a placeholder rather than an answer. */
    public record SubstanceConfig(List<@NotBlank String> placeholders, @jakarta.validation.constraints.Min(1) Integer minWords) {
    }
}
