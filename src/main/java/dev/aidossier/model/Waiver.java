package dev.aidossier.model;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import java.time.LocalDate;

/** A decision to accept an open finding for a time, with a reason and who approved it. */
public record Waiver(
        @Doc("Id of the rule waived.") @NotBlank @Verbatim String rule,
        @Doc("Why the finding is accepted.") @NotBlank String reason,
        @Doc("Who approved the waiver.") @NotBlank @Verbatim String approver,
        @Doc("Last day the waiver is valid.") @NotNull LocalDate expires) {
}
