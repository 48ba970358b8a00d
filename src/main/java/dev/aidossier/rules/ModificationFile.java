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
 * The shape of a pack's substantial-modification file ({@code kind: Modification}, named by
 * {@code modification} in pack.yaml): which places of two versions of a description {@code dossier diff}
 * compares, and what the law says of a change there (Art. 3(23), Art. 43(4) for the EU AI Act).
 */
public record ModificationFile(
        @NotNull @Pattern(regexp = "dossier/rules/v1", message = "must be dossier/rules/v1") String apiVersion,
        @NotNull @Pattern(regexp = "Modification", message = "must be Modification") String kind,
        @Doc("What this file covers.") @NotBlank String title,
        @Doc("The line diff prints before the changes found.") @NotBlank String heading,
        @Doc("The line diff prints when none of the places changed.") @NotBlank String unchanged,
        @NotEmpty List<@NotNull @Valid Change> changes) {

    public record Change(
            @Doc("The place compared, a path such as spec.general.intendedPurpose.") @NotBlank @Pattern(regexp = "[A-Za-z0-9_]+(\\.[A-Za-z0-9_]+)*", message = "must be a path of keys joined by '.', such as spec.general.intendedPurpose") String path,
            @Doc("Read the place as a set of its entries (implied by item).") Boolean set,
            @Doc("Only the entries of the list whose fields have these values.") Map<String, @NotBlank String> where,
            @Doc("How one entry is written: {field} is a field of the entry (default: the entry itself).") String item,
            @Doc("What changed; {old} and {new} are the two sets.") @NotBlank String change,
            @Doc("Reference keys of the provisions.") @NotEmpty List<@NotBlank String> refs,
            @Doc("What diff says of the change.") @NotBlank String assessment,
            @Doc("Said instead when the newest change-log entry of the later version is marked pre-determined (Annex IV 2(f)).") String predetermined) {
    }
}
