package dev.aidossier.rules;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import jakarta.validation.Valid;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** The shape of {@code rules/<pack>/pack.yaml}: what the pack encodes and which files make it up. */
public record PackFile(
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
        Map<String, @NotNull LocalDate> dates,
        Map<String, @NotBlank String> links) {

    /** A file of the pack: a relative name inside the pack's folder (no leading '/', no '..', no '\\'). */
    static final String NAME = "[A-Za-z0-9_][A-Za-z0-9._-]*(/[A-Za-z0-9_][A-Za-z0-9._-]*)*";
    static final String NAME_MESSAGE = "must be a file name inside the pack's folder, such as rules.yaml or sub/rules.yaml (no leading '/', no '..')";

    /** What counts as a placeholder rather than an answer. */
    public record SubstanceConfig(List<@NotBlank String> placeholders, @jakarta.validation.constraints.Min(1) Integer minWords) {
    }
}
