package dev.aidossier.rules;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import java.util.List;

/**
 * A crosswalk as data: each row maps one rule of the EU AI Act pack (and its reference keys) to NIST AI
 * RMF subcategories and ISO/IEC 42001 Annex A controls, with where the mapping comes from and how
 * strong it is. The keys of each column are checked against the reference-key grammar of its pack's
 * pack.yaml ({@link Crosswalks#load}).
 */
public record CrosswalkFile(
        @NotNull @Pattern(regexp = "dossier/rules/v1", message = "must be dossier/rules/v1") String apiVersion,
        @NotNull @Pattern(regexp = "Crosswalk", message = "must be Crosswalk") String kind,
        String title,
        @NotNull @Valid Packs packs,
        @NotEmpty List<@NotNull @Valid Row> rows) {

    /** The packs whose rules and reference keys the columns eu, nist and iso name. */
    public record Packs(
            @NotBlank @Pattern(regexp = "[a-z0-9-]+", message = "must be a pack id") String eu,
            @NotBlank @Pattern(regexp = "[a-z0-9-]+", message = "must be a pack id") String nist,
            @NotBlank @Pattern(regexp = "[a-z0-9-]+", message = "must be a pack id") String iso) {
    }

    public record Row(
            @NotBlank String eu,
            List<@NotBlank String> euRefs,
            @NotNull List<@NotBlank String> nist,
            @NotNull List<@NotBlank String> iso,
            @NotNull @Pattern(regexp = "nist-airc-crosswalk|reference-indicative|own", message = "must be nist-airc-crosswalk, reference-indicative or own") String source,
            @NotNull @Pattern(regexp = "equivalent|partial|related", message = "must be equivalent, partial or related") String strength,
            String note) {
    }
}
