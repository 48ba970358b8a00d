package dev.aidossier.rules;

import dev.aidossier.model.Doc;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import java.util.List;
import java.util.Map;

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
        @Doc("The Art. 6(3) conditions, by the classification fact that states each.") @NotEmpty List<@NotNull @Valid Condition> derogationConditions,
        @Doc("What each point of Annex VIII's sections A, B and C holds, in the Annex's order.") @NotNull @Valid Sections sections) {

    /**
     * Annex VIII's points by section. Section C (a public-sector deployer, Art. 49(3)) is filled beside Section A
     * when the description's boolean {@code cWhen} is true.
     */
    public record Sections(@NotEmpty List<@NotNull @Valid Point> a, @NotEmpty List<@NotNull @Valid Point> b,
                           @NotEmpty List<@NotNull @Valid Point> c, @NotBlank String cWhen) {
    }

    /**
     * One point and what answers it, exactly one of: {@code path} (the description's value there), {@code party}
     * (a party's name, address, country, e-mail, phone and website), {@code fields} (several values under one
     * point, by name), {@code text} (a fixed answer) or {@code conditions: true} (the Art. 6(3) conditions relied on).
     */
    public record Point(@NotBlank String point, String path, String party, Map<String, @NotBlank String> fields, String text, Boolean conditions) {
        /** How many ways of answering it the point names (exactly one is right). */
        public int answers() {
            return (path == null ? 0 : 1) + (party == null ? 0 : 1) + (fields == null ? 0 : 1) + (text == null ? 0 : 1)
                    + (Boolean.TRUE.equals(conditions) ? 1 : 0);
        }
    }

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
        return dev.aidossier.core.ReferenceKeys.under(key, points);
    }
}
