package dev.aidossier.rules;

import dev.aidossier.model.Doc;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import java.util.List;

/**
 * The shape of a pack's registration file ({@code kind: Registration}, named by {@code registration} in
 * pack.yaml): which systems are registered in the EU database and under which section (Art. 49), and
 * what the secure non-public section leaves out.
 */
public record RegistrationFile(
        @NotNull @Pattern(regexp = "dossier/rules/v1", message = "must be dossier/rules/v1") String apiVersion,
        @NotNull @Pattern(regexp = "Registration", message = "must be Registration") String kind,
        @Doc("What this file covers.") @NotBlank String title,
        @Doc("The legal basis registration.json names.") @NotBlank String legalBasis,
        @Doc("Annex III points registered at national level instead.") @NotNull @Valid Points nationalLevel,
        @Doc("Why a system is not registered.") @NotNull @Valid NotRequired notRequired,
        @Doc("Annex III points registered in the secure non-public section, and the points left out there.") @NotNull @Valid Secure secureSection,
        @Doc("The Art. 6(3) conditions, by the classification fact that states each.") @NotEmpty List<@NotNull @Valid Condition> derogationConditions) {

    public record Points(@NotEmpty List<@NotBlank String> points, @NotBlank String reason) {
    }

    public record NotRequired(@NotBlank String productRoute, @NotBlank String otherwise) {
    }

    public record Secure(@NotEmpty List<@NotBlank String> points, @NotBlank String note, @NotNull List<@NotBlank String> omit) {
    }

    public record Condition(@NotBlank String fact, @NotBlank String text) {
    }

    /** Whether a reference key is one of these points or under one of them ({@code AnxIII.6.a} is under {@code AnxIII.6}). */
    public static boolean under(String key, List<String> points) {
        return points.stream().anyMatch(p -> key.equals(p) || key.startsWith(p + "."));
    }
}
