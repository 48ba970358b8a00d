package dev.aidossier.model;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** An organisation named in the documentation: provider, deployer, submitter. */
public record Party(
        @Doc("Legal name, registered trade name or registered trade mark.") @NotBlank @Size(max = 300) @Verbatim String name,
        @Doc("Postal address for contact.") @Size(max = 1000) @Verbatim String address,
        @Doc("Country of establishment, ISO 3166-1 alpha-2 (e.g. DE, US).") @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166-1 alpha-2 country code such as DE or US") String country,
        @Doc("Contact e-mail address.") @Email @Size(max = 320) String email,
        @Doc("Contact telephone number.") @Size(max = 60) @Verbatim String phone,
        @Doc("Web site.") @Pattern(regexp = "https?://\\S+", message = "must be an http(s) URL") String website) {
}
