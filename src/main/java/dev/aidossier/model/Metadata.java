package dev.aidossier.model;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.util.List;

/**
 * Identity of the described system or model and of this document, with its document control: status,
 * confidentiality marking, revision history, who prepared, reviewed and approved it, and who receives it.
 */
public record Metadata(
        @Doc(value = "Trade name of the system or model.", refs = {"AnxV.1", "AnxVIII.A.4"}) @NotBlank @Size(max = 200) @Verbatim String name,
        @Doc(value = "Unambiguous reference that allows identification and traceability (e.g. product code).", refs = {"AnxV.1", "AnxVIII.A.4"}) @Size(max = 200) @Verbatim String identifier,
        @Doc(value = "Version of the system or model.", refs = {"AnxIV.1.a.3"}) @NotBlank @Size(max = 100) @Verbatim String version,
        @Doc(value = "Type of the system, for the declaration (e.g. 'biometric verification software').", refs = {"AnxV.1"}) @Size(max = 300) String type,
        @Doc("Version of this documentation.") @Size(max = 50) @Verbatim String documentVersion,
        @Doc("Date of this documentation; also the creation date of rendered PDFs unless SOURCE_DATE_EPOCH is set.") LocalDate documentDate,
        @Doc("Language of the documentation, BCP 47 (default en).") @Pattern(regexp = "[a-z]{2}(-[A-Z]{2})?", message = "must be a language tag such as en or de-AT") String language,
        @Doc("Status of this documentation: draft, forReview, approved or superseded.") Enums.DocumentStatus status,
        @Doc("Confidentiality marking printed on every page: public, internal, confidential or restricted.")
        @Pattern(regexp = "public|internal|confidential|restricted", message = "must be public, internal, confidential or restricted") String confidentiality,
        @Doc("Revision history of this documentation, oldest first: version, date, author and a summary of the change.") List<@Valid Revision> revisions,
        @Doc("Who prepared this documentation: name, role, date.") @Valid Signoff preparedBy,
        @Doc("Who reviewed this documentation: name, role, date.") @Valid Signoff reviewedBy,
        @Doc("Who approved this documentation: name, role, date (required once the status is approved).") @Valid Signoff approvedBy,
        @Doc("Who receives controlled copies of this documentation (names, functions or organisations).") List<@NotBlank @Size(max = 300) String> distribution) {

    /** One revision of the documentation. */
    public record Revision(
            @Doc("Document version of this revision.") @NotBlank @Size(max = 50) @Verbatim String version,
            @Doc("Date of the revision.") LocalDate date,
            @Doc("Who made the change.") @Size(max = 300) @Verbatim String author,
            @Doc("What changed.") @Size(max = 2000) String summary) {
    }

    /** A person who prepared, reviewed or approved the documentation, with the date they did. */
    public record Signoff(
            @Doc("Name of the person.") @NotBlank @Size(max = 300) @Verbatim String name,
            @Doc("Their role or function.") @Size(max = 300) String role,
            @Doc("Date they prepared, reviewed or approved it.") LocalDate date) {
    }
}
