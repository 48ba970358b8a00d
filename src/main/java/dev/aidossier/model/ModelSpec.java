package dev.aidossier.model;

import dev.aidossier.model.Enums.Role;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The {@code spec} of a {@code kind: GPAIModel} description: what Art. 53 with Annexes XI and XII, Art. 54
 * and, for models with systemic risk, Art. 55 ask the provider of a general-purpose AI model to document.
 */
public record ModelSpec(
        @Doc(value = "The provider of the model.", refs = {"Art3.3", "Art53"}) @NotNull @Valid Party provider,
        @Doc(value = "EU authorised representative of a provider established outside the Union.", refs = {"Art54"}) @Valid SystemSpec.AuthorisedRepresentative authorisedRepresentative,
        @Doc(value = "Roles this organisation holds for the model.", refs = {"Art3.3"}) @NotEmpty List<@NotNull Role> roles,
        @Doc(value = "Facts that decide the classification. The keys are declared in rules/eu-ai-act/classification.yaml.", refs = {"Art51", "Art52"}) Map<String, Object> classification,
        @Doc(value = "General description of the model.", refs = {"AnxXI.S1.1", "AnxXII.1"}) @Valid Model model,
        @Doc(value = "Free and open-source release, for the Art. 53(2) exemption.", refs = {"Art53.2", "Art54.6"}) @Valid OpenSource openSource,
        @Doc(value = "Design specification and training process.", refs = {"AnxXI.S1.2.b", "AnxXI.S1.2.d", "AnxXI.S1.2.e"}) @Valid Training training,
        @Doc(value = "Training, testing and validation data.", refs = {"AnxXI.S1.2.c", "AnxXII.2.c"}) @Valid TrainingData data,
        @Doc(value = "Technical means needed to integrate the model into AI systems.", refs = {"AnxXI.S1.2.a", "AnxXII.2.a", "MDF.4.d"}) String integration,
        @Doc(value = "Evaluation strategies and results, adversarial testing, adaptations.", refs = {"AnxXI.S2.1", "AnxXI.S2.2", "Art55.1.a"}) @Valid Evaluation evaluation,
        @Doc(value = "System architecture, where applicable.", refs = {"AnxXI.S2.3"}, confidential = true) String systemArchitecture,
        @Doc(value = "Policy to comply with Union copyright law, incl. text-and-data-mining opt-outs.", refs = {"Art53.1.c"}) @Valid CopyrightPolicy copyrightPolicy,
        @Doc(value = "Public summary of the content used for training.", refs = {"Art53.1.d"}) @Valid TrainingSummary trainingContentSummary,
        @Doc(value = "Information and documentation made available to downstream providers.", refs = {"Art53.1.b", "AnxXII"}) @Valid Downstream downstream,
        @Doc(value = "Obligations of models with systemic risk.", refs = {"Art52", "Art55"}) @Valid SystemicRisk systemicRisk,
        @Doc(value = "Relevant changes over the model's life (the versions of the model).", refs = {"Art53.1.a", "MDF.1.b"}) List<SystemSpec.@NotNull @Valid Change> changeLog,
        @Doc(value = "Files cited as evidence, by path relative to this description, with their SHA-256.", refs = {"Art53.1.a"}) List<SystemSpec.@NotNull @Valid Evidence> evidence) {

    public record Model(
            @Doc(value = "Tasks the model is intended to perform.", refs = {"AnxXI.S1.1.a", "AnxXII.1.a", "MDF.4.b"}) String tasks,
            @Doc(value = "Type and nature of AI systems it can be integrated into.", refs = {"AnxXI.S1.1.a", "AnxXII.1.a", "MDF.4.c"}) String integrationTargets,
            @Doc(value = "Acceptable-use policy: what it allows and forbids.", refs = {"AnxXI.S1.1.b", "AnxXII.1.b", "MDF.4.a"}) String acceptableUsePolicy,
            @Doc(value = "Where the acceptable-use policy is published.", refs = {"AnxXI.S1.1.b", "MDF.4.a"}) @Pattern(regexp = "https?://\\S+", message = "must be an http(s) URL") String acceptableUsePolicyUrl,
            @Doc(value = "Uses that are restricted or prohibited.", refs = {"AnxXI.S1.1.b", "AnxXII.1.b", "MDF.4.b"}) String restrictedUses,
            @Doc(value = "Release date (first release anywhere).", refs = {"AnxXI.S1.1.c", "AnxXII.1.c", "MDF.1.d"}) LocalDate releaseDate,
            @Doc(value = "Date the model was first made available on the Union market.", refs = {"AnxXI.S1.1.c", "MDF.1.e"}) LocalDate unionReleaseDate,
            @Doc(value = "Distribution channels, from the Form's closed list.", refs = {"AnxXI.S1.1.c", "AnxXII.1.c", "MDF.3.a"}) List<@NotNull DistributionChannel> distributionChannels,
            @Doc(value = "Distribution methods, in words (regions, platforms, terms).", refs = {"AnxXI.S1.1.c", "AnxXII.1.c", "MDF.3.a"}) String distribution,
            @Doc(value = "Architecture, in short (about 20 words).", refs = {"AnxXI.S1.1.d", "AnxXII.1.f", "MDF.2.a"}) String architecture,
            @Doc(value = "Design specification of the model (about 100 words).", refs = {"AnxXI.S1.2.b", "MDF.2.b"}) String designSpecification,
            @Doc(value = "Total number of parameters, a number (at least two significant figures, e.g. 4.1e11).", refs = {"AnxXI.S1.1.d", "AnxXII.1.f", "AnxXIII.a", "MDF.2.e"}) @Positive Double parameters,
            @Doc(value = "Input modalities with their format and maximum size.", refs = {"AnxXI.S1.1.e", "AnxXII.1.g", "AnxXII.2.b", "MDF.2.c"}) List<@NotNull @Valid Modality> inputs,
            @Doc(value = "Output modalities with their format and maximum size.", refs = {"AnxXI.S1.1.e", "AnxXII.1.g", "AnxXII.2.b", "MDF.2.d"}) List<@NotNull @Valid Modality> outputs,
            @Doc(value = "Licence.", refs = {"AnxXI.S1.1.f", "AnxXII.1.h", "MDF.3.b"}) @Verbatim String licence,
            @Doc(value = "How the model interacts with hardware or software that is not part of it.", refs = {"AnxXII.1.d"}) String interactions,
            @Doc(value = "Versions of relevant software for using the model.", refs = {"AnxXII.1.e"}) @Verbatim String softwareVersions,
            @Doc(value = "How a recipient checks it has the genuine model: a SHA-256 of the weights and/or the endpoint.", refs = {"MDF.1.c"}) @Valid Authenticity authenticity,
            @Doc(value = "Models this model is built on (fine-tuned, distilled or otherwise derived from).", refs = {"MDF.1.f", "AnxXI.S1.2.b"}) List<@NotNull @Valid Dependency> dependencies) {
    }

    @Doc("A distribution channel of the Model Documentation Form.")
    public enum DistributionChannel { enterpriseSuite, subscriptionSuite, publicApi, subscriptionApi, ideApplication, deviceApplication, openSourceRepository, cloudMarketplace, other }

    @Doc("A modality of input, output or training data.")
    public enum ModalityKind { text, code, image, audio, video, other }

    public record Modality(
            @Doc(value = "The modality.", refs = {"AnxXI.S1.1.e", "AnxXII.1.g"}) @NotNull ModalityKind modality,
            @Doc(value = "Format, e.g. UTF-8 text, PNG or JPEG, JSON Schema-conforming output.", refs = {"AnxXI.S1.1.e", "AnxXII.1.g"}) String format,
            @Doc(value = "Maximum size per request, a number in `unit`.", refs = {"AnxXII.2.b", "MDF.2.c", "MDF.2.d"}) @Positive Double maxSize,
            @Doc(value = "Unit of maxSize, e.g. tokens, images, pixels, seconds, pages.", refs = {"AnxXII.2.b"}) @Verbatim String unit) {
    }

    public record Authenticity(
            @Doc(value = "SHA-256 of the released weights (64 hexadecimal digits).", refs = {"MDF.1.c"}) @Pattern(regexp = "[0-9a-f]{64}", message = "must be 64 lower-case hexadecimal digits") @Verbatim String sha256,
            @Doc(value = "Endpoint through which the genuine model is served.", refs = {"MDF.1.c"}) @Pattern(regexp = "https://\\S+", message = "must be an https URL") @Verbatim String endpoint) {
    }

    @Doc("How a model depends on another.")
    public enum DependencyRelation { fineTunedFrom, distilledFrom, mergedFrom, builtOn, other }

    public record Dependency(
            @Doc(value = "Name and version of the model built on.", refs = {"MDF.1.f"}) @NotBlank @Verbatim String name,
            @Doc(value = "Its provider.", refs = {"MDF.1.f"}) @Verbatim String provider,
            @Doc(value = "How this model depends on it.", refs = {"MDF.1.f"}) DependencyRelation relation) {
    }

    public record OpenSource(
            @Doc(value = "Whether the model is released under a free and open-source licence.", refs = {"Art53.2"}) Boolean released,
            @Doc(value = "The licence (SPDX id).", refs = {"Art53.2"}) @Verbatim String licence,
            @Doc(value = "Whether the parameters including weights are public.", refs = {"Art53.2"}) Boolean weightsPublic,
            @Doc(value = "Whether architecture and usage information are public.", refs = {"Art53.2"}) Boolean architecturePublic) {
    }

    public record Training(
            @Doc(value = "Training methods and techniques.", refs = {"AnxXI.S1.2.b", "MDF.5"}, confidential = true) String methods,
            @Doc(value = "Key design choices with rationale and assumptions.", refs = {"AnxXI.S1.2.b", "MDF.5"}, confidential = true) String designChoices,
            @Doc(value = "What the model optimises for and the relevance of parameters.", refs = {"AnxXI.S1.2.b", "MDF.5"}, confidential = true) String optimisationObjective,
            @Doc(value = "Cumulative compute used for training, in floating-point operations.", refs = {"Art51.2", "AnxXI.S1.2.d", "AnxXIII.c", "MDF.7.b"}, confidential = true) @PositiveOrZero Double computeFlops,
            @Doc(value = "How the compute figure was obtained.", refs = {"AnxXI.S1.2.d", "MDF.7.b"}, confidential = true) @Valid Estimate computeMethod,
            @Doc(value = "Training time.", refs = {"AnxXI.S1.2.d", "MDF.7.a"}, confidential = true) @Valid TrainingTime time,
            @Doc(value = "Other relevant details of the training run (hardware, stages).", refs = {"AnxXI.S1.2.d"}, confidential = true) String duration,
            @Doc(value = "Known or estimated energy consumption of training, in MWh (at least two significant figures).", refs = {"AnxXI.S1.2.e", "MDF.8.a"}, confidential = true) @PositiveOrZero Double energyMWh,
            @Doc(value = "Whether the energy figure was measured or estimated.", refs = {"AnxXI.S1.2.e", "MDF.8.b"}, confidential = true) EstimateKind energyApproach,
            @Doc(value = "How the energy figure was measured or estimated (e.g. from the compute used).", refs = {"AnxXI.S1.2.e", "MDF.8.b"}, confidential = true) String energyMethod,
            @Doc(value = "Energy used for inference, where known.", refs = {"MDF.8.c"}, confidential = true) String inferenceEnergy) {
    }

    @Doc("How a compute figure was estimated: from the hardware (accelerator-hours x peak throughput x utilisation), from the architecture (about 6 x parameters x tokens for a dense transformer), measured, or otherwise.")
    public enum ComputeApproach { hardware, architecture, measured, other }

    @Doc("Whether a figure was measured or estimated.")
    public enum EstimateKind { measured, estimated }

    public record Estimate(
            @Doc(value = "The approach.", refs = {"AnxXI.S1.2.d", "MDF.7.b"}) ComputeApproach approach,
            @Doc(value = "The calculation, with its inputs.", refs = {"AnxXI.S1.2.d", "MDF.7.b"}) String description) {
    }

    @Doc("A training-time range of the Model Documentation Form.")
    public enum TimeRange { underOneMonth, oneToThreeMonths, threeToSixMonths, overSixMonths }

    public record TrainingTime(
            @Doc(value = "The range the training time falls in.", refs = {"MDF.7.a"}) TimeRange range,
            @Doc(value = "First day of training.", refs = {"MDF.7.a"}) LocalDate start,
            @Doc(value = "Last day of training.", refs = {"MDF.7.a"}) LocalDate end,
            @Doc(value = "Accelerator-days used (number of accelerators x days).", refs = {"AnxXI.S1.2.d", "MDF.7.a"}) @Positive Double hardwareDays,
            @Doc(value = "The hardware, e.g. 16,384 NVIDIA H100.", refs = {"AnxXI.S1.2.d", "MDF.7.a"}) String hardware) {
    }

    public record TrainingData(
            @Doc(value = "Type of data.", refs = {"AnxXI.S1.2.c", "AnxXII.2.c", "MDF.6.a"}) String types,
            @Doc(value = "Provenance.", refs = {"AnxXI.S1.2.c", "AnxXII.2.c", "MDF.6.b"}, confidential = true) String provenance,
            @Doc(value = "Curation methods, e.g. cleaning, filtering.", refs = {"AnxXI.S1.2.c", "AnxXII.2.c", "MDF.6.f"}, confidential = true) String curation,
            @Doc(value = "Number of data points, e.g. tokens.", refs = {"AnxXI.S1.2.c", "AnxXIII.b", "MDF.6.d"}, confidential = true) @PositiveOrZero Long dataPoints,
            @Doc(value = "Scope and main characteristics.", refs = {"AnxXI.S1.2.c", "MDF.6.e"}, confidential = true) String characteristics,
            @Doc(value = "How the data was obtained and selected.", refs = {"AnxXI.S1.2.c", "MDF.6.c"}, confidential = true) String acquisition,
            @Doc(value = "Measures to detect unsuitable data sources and identifiable biases.", refs = {"AnxXI.S1.2.c", "MDF.6.g"}, confidential = true) String biasDetection,
            @Doc(value = "Modalities of the training data with the overall size of each, as a range.", refs = {"Art53.1.d", "TCS.1.b", "TCS.1.c"}) List<@NotNull @Valid DataModality> modalities,
            @Doc(value = "Languages of the training data (ISO 639-1 codes, or names).", refs = {"Art53.1.d", "TCS.1.d"}) @Verbatim List<@NotBlank String> languages,
            @Doc(value = "Public description of the content and its main characteristics (no trade secrets).", refs = {"Art53.1.d", "TCS.1.d"}) String publicDescription,
            @Doc(value = "Knowledge cut-off, YYYY-MM.", refs = {"Art53.1.d", "TCS.1.e"}) @Pattern(regexp = MONTH, message = MONTH_MESSAGE) @Verbatim String knowledgeCutoff,
            @Doc(value = "Period in which the training data was collected.", refs = {"Art53.1.d", "TCS.1.e"}) @Valid Period collectionPeriod,
            @Doc(value = "The sources of the training data, each in one category of the summary's Section 2.", refs = {"Art53.1.d", "TCS.2", "AnxXI.S1.2.c"}) List<@NotNull @Valid DataSource> sources,
            @Doc(value = "Measures taken to avoid or remove illegal content from the training data.", refs = {"Art53.1.d", "TCS.3.b"}) String illegalContentMeasures) {
    }

    static final String MONTH = "\\d{4}-(0[1-9]|1[0-2])(-(0[1-9]|[12]\\d|3[01]))?";
    static final String MONTH_MESSAGE = "must be a month YYYY-MM (or a date YYYY-MM-DD)";

    public record Period(
            @Doc(value = "First month, YYYY-MM.", refs = {"TCS.1.e", "TCS.2.3"}) @NotNull @Pattern(regexp = MONTH, message = MONTH_MESSAGE) @Verbatim String from,
            @Doc(value = "Last month, YYYY-MM.", refs = {"TCS.1.e", "TCS.2.3"}) @NotNull @Pattern(regexp = MONTH, message = MONTH_MESSAGE) @Verbatim String to) {
    }

    public record DataModality(
            @Doc(value = "The modality.", refs = {"TCS.1.b"}) @NotNull ModalityKind modality,
            @Doc(value = "The overall size, as a range.", refs = {"TCS.1.c"}) @Valid SizeRange size) {
    }

    public record SizeRange(
            @Doc(value = "Lower bound.", refs = {"TCS.1.c"}) @PositiveOrZero Double min,
            @Doc(value = "Upper bound (absent: open-ended).", refs = {"TCS.1.c"}) @Positive Double max,
            @Doc(value = "Unit, e.g. tokens, images, hours.", refs = {"TCS.1.c"}) @NotBlank @Verbatim String unit) {
    }

    @Doc("A category of data source in Section 2 of the training-content summary template.")
    public enum SourceCategory { publicDataset, licensed, otherThirdParty, crawled, userData, synthetic, other }

    public record DataSource(
            @Doc(value = "The category (Section 2.1 to 2.6 of the summary).", refs = {"TCS.2"}) @NotNull SourceCategory category,
            @Doc(value = "Name of the data set, crawler campaign, service or generator.", refs = {"TCS.2.1", "TCS.2.4", "TCS.2.5"}) @Verbatim String name,
            @Doc(value = "What the source contributes, in words.", refs = {"TCS.2"}) String description,
            @Doc(value = "Modalities it contributes.", refs = {"TCS.2"}) List<@NotNull ModalityKind> modalities,
            @Doc(value = "Its size, as a range.", refs = {"TCS.2"}) @Valid SizeRange size,
            @Doc(value = "Where a public data set is found.", refs = {"TCS.2.1"}) @Pattern(regexp = "https?://\\S+", message = "must be an http(s) URL") @Verbatim String url,
            @Doc(value = "Crawlers used (crawled data).", refs = {"TCS.2.3"}) List<@NotNull @Valid Crawler> crawlers,
            @Doc(value = "Period of collection (crawled data).", refs = {"TCS.2.3"}) @Valid Period collectionPeriod,
            @Doc(value = "The most relevant domain names, by size of content collected (crawled data).", refs = {"TCS.2.3"}) List<@NotNull @Pattern(regexp = "([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}", message = "must be a domain name in lower case, e.g. example.org") String> topDomains,
            @Doc(value = "What the domain list covers, e.g. the top 10 % of domains by size.", refs = {"TCS.2.3"}) String topDomainsBasis,
            @Doc(value = "Services the user data comes from (user data).", refs = {"TCS.2.4"}) @Verbatim List<@NotBlank String> services,
            @Doc(value = "Models that generated the data (synthetic data).", refs = {"TCS.2.5"}) @Verbatim List<@NotBlank String> generatingModels,
            @Doc(value = "Its name, description and address are trade secrets: the public summary shows only its category, modalities and size.", refs = {"Art53.7", "Art78"}) Boolean confidential) {
    }

    public record Crawler(
            @Doc(value = "Name of the crawler.", refs = {"TCS.2.3"}) @NotBlank @Verbatim String name,
            @Doc(value = "Its user-agent token, as robots.txt addresses it.", refs = {"TCS.2.3"}) @Verbatim String userAgent,
            @Doc(value = "What it collected, and how it honours opt-outs.", refs = {"TCS.2.3"}) String purpose) {
    }

    public record Evaluation(
            @Doc(value = "Evaluation strategies, criteria and metrics.", refs = {"AnxXI.S2.1", "Art55.1.a"}, confidential = true) String strategies,
            @Doc(value = "Evaluation results.", refs = {"AnxXI.S2.1", "Art55.1.a"}, confidential = true) String results,
            @Doc(value = "Method for identifying limitations.", refs = {"AnxXI.S2.1"}, confidential = true) String limitations,
            @Doc(value = "Internal and external adversarial testing (red teaming).", refs = {"AnxXI.S2.2", "Art55.1.a"}, confidential = true) String adversarialTesting,
            @Doc(value = "Model adaptations, incl. alignment and fine-tuning.", refs = {"AnxXI.S2.2"}, confidential = true) String adaptations) {
    }

    public record CopyrightPolicy(
            @Doc(value = "The policy.", refs = {"Art53.1.c"}) String description,
            @Doc(value = "How rights reservations under Art. 4(3) of Directive (EU) 2019/790 are identified and respected.", refs = {"Art53.1.c", "TCS.3.a"}) String optOutCompliance,
            @Doc(value = "The machine-readable reservation protocols honoured.", refs = {"Art53.1.c", "TCS.3.a"}) List<@NotNull OptOutProtocol> optOutProtocols,
            @Doc(value = "Contact point for rightholders.", refs = {"Art53.1.c"}) @Verbatim String contact,
            @Doc(value = "Id of the evidence file that holds the policy.", refs = {"Art53.1.c"}) @Verbatim String evidence) {
    }

    @Doc("A machine-readable protocol for reserving rights against text and data mining.")
    public enum OptOutProtocol { robotsTxt, tdmrep, tdmReservationMetaTag, aiTxt, httpHeader, other }

    public record TrainingSummary(
            @Doc(value = "Whether the summary is published.", refs = {"Art53.1.d"}) Boolean published,
            @Doc(value = "Where it is published.", refs = {"Art53.1.d"}) @Pattern(regexp = "https?://\\S+", message = "must be an http(s) URL") @Verbatim String url,
            @Doc(value = "Whether it follows the AI Office template.", refs = {"Art53.1.d"}) Boolean usesAiOfficeTemplate) {
    }

    public record Downstream(
            @Doc(value = "Where downstream providers find the documentation.", refs = {"Art53.1.b"}) @Pattern(regexp = "https?://\\S+", message = "must be an http(s) URL") String documentationUrl,
            @Doc(value = "Capabilities and limitations stated to downstream providers.", refs = {"Art53.1.b.i"}) String capabilitiesAndLimitations) {
    }

    public record SystemicRisk(
            @Doc(value = "Date the Commission was notified.", refs = {"Art52.1"}) LocalDate notifiedOn,
            @Doc(value = "Assessment of possible systemic risks at Union level and their sources.", refs = {"Art55.1.b"}, confidential = true) String assessment,
            @Doc(value = "Mitigation measures.", refs = {"Art55.1.b"}, confidential = true) String mitigation,
            @Doc(value = "How serious incidents are tracked, documented and reported to the AI Office.", refs = {"Art55.1.c"}, confidential = true) String incidentReporting,
            @Doc(value = "Cybersecurity of the model and its physical infrastructure.", refs = {"Art55.1.d"}, confidential = true) String cybersecurity,
            @Doc(value = "Code of practice relied on, if any.", refs = {"Art55.2", "Art56"}) @Verbatim String codeOfPractice) {
    }
}
