package dev.aidossier.rules;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import java.util.List;

/** {@code rules/index.yaml}: the packs a rules folder holds and the crosswalks between them. */
public record RulePackIndex(
        @NotNull @Pattern(regexp = "dossier/rules/v1", message = "must be dossier/rules/v1") String apiVersion,
        @NotNull @Pattern(regexp = "Index", message = "must be Index") String kind,
        @NotEmpty List<@NotBlank @Pattern(regexp = "[a-z0-9-]+", message = "must be a pack id") String> packs,
        List<@NotBlank String> crosswalks) {
}
