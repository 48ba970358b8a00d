package dev.aidossier.model;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import java.util.List;

/** A {@code kind: AISystem} description. */
public record SystemDescription(
        @Doc("Format version; must be dossier/v1.") @NotNull @Pattern(regexp = "dossier/v1", message = "must be dossier/v1") String apiVersion,
        @Doc("AISystem or GPAIModel.") @NotNull Enums.Kind kind,
        @Doc("Identity of the system and of this document.") @NotNull @Valid Metadata metadata,
        @Doc("The description of the system.") @NotNull @Valid SystemSpec spec,
        @Doc("Findings accepted for a time, with reason, approver and expiry.") List<@NotNull @Valid Waiver> waivers) {
}
