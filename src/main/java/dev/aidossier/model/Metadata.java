package dev.aidossier.model;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;

/** Identity of the described system or model and of this document. */
public record Metadata(
        @Doc(value = "Trade name of the system or model.", refs = {"AnxV.1", "AnxVIII.A.4"}) @NotBlank @Size(max = 200) String name,
        @Doc(value = "Unambiguous reference that allows identification and traceability (e.g. product code).", refs = {"AnxV.1", "AnxVIII.A.4"}) @Size(max = 200) String identifier,
        @Doc(value = "Version of the system or model.", refs = {"AnxIV.1.a.3"}) @NotBlank @Size(max = 100) String version,
        @Doc(value = "Type of the system, for the declaration (e.g. 'biometric verification software').", refs = {"AnxV.1"}) @Size(max = 300) String type,
        @Doc("Version of this documentation.") @Size(max = 50) String documentVersion,
        @Doc("Date of this documentation; also the creation date of rendered PDFs unless SOURCE_DATE_EPOCH is set.") LocalDate documentDate,
        @Doc("Language of the documentation, BCP 47 (default en).") @Pattern(regexp = "[a-z]{2}(-[A-Z]{2})?", message = "must be a language tag such as en or de-AT") String language) {
}
