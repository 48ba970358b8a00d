package dev.aidossier.rules;

import dev.aidossier.model.Doc;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import java.util.List;
import java.util.Map;

/** {@code rules/member-state-languages.yaml}: each member state's official languages that are official languages of the Union. */
public record MemberStateLanguagesFile(
        @NotNull @Pattern(regexp = "dossier/rules/v1", message = "must be dossier/rules/v1") String apiVersion,
        @NotNull @Pattern(regexp = "MemberStateLanguages", message = "must be MemberStateLanguages") String kind,
        @Doc("The finding for a member state no document language covers.") @NotNull @Valid Finding finding,
        @Doc("ISO 3166-1 alpha-2 code (Greece as GR) to the member state.") @NotEmpty Map<String, @Valid MemberState> memberStates) {

    public record Finding(
            @Doc("The provisions the finding serves, as reference keys.") @NotEmpty List<@NotBlank String> refs,
            @Doc("What it says; {state}, {code}, {languages}, {documents} are filled in.") @NotBlank String message,
            @Doc("The fix; {lang}, {code} are filled in.") @NotBlank String remediation) {
    }

    public record MemberState(
            @Doc("The member state's name.") @NotBlank String name,
            @Doc("Its official languages that are official languages of the Union, as language codes.") @NotEmpty List<@NotBlank @Pattern(regexp = "[a-z]{2}", message = "must be a two-letter language code") String> languages) {
    }
}
