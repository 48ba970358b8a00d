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
        @Doc("Roles this organisation holds for the model.") @NotEmpty List<@NotNull Role> roles,
        @Doc("Facts that decide the classification. The keys are declared in rules/eu-ai-act/classification.yaml.") Map<String, Object> classification,
        @Doc(value = "General description of the model.", refs = {"AnxXI.S1.1", "AnxXII.1"}) @Valid Model model,
        @Doc(value = "Free and open-source release, for the Art. 53(2) exemption.", refs = {"Art53.2", "Art54.6"}) @Valid OpenSource openSource,
        @Doc(value = "Design specification and training process.", refs = {"AnxXI.S1.2.b", "AnxXI.S1.2.d", "AnxXI.S1.2.e"}) @Valid Training training,
        @Doc(value = "Training, testing and validation data.", refs = {"AnxXI.S1.2.c", "AnxXII.2.c"}) @Valid TrainingData data,
        @Doc(value = "Technical means needed to integrate the model into AI systems.", refs = {"AnxXI.S1.2.a", "AnxXII.2.a"}) String integration,
        @Doc(value = "Evaluation strategies and results, adversarial testing, adaptations.", refs = {"AnxXI.S2.1", "AnxXI.S2.2", "Art55.1.a"}) @Valid Evaluation evaluation,
        @Doc(value = "System architecture, where applicable.", refs = {"AnxXI.S2.3"}) String systemArchitecture,
        @Doc(value = "Policy to comply with Union copyright law, incl. text-and-data-mining opt-outs.", refs = {"Art53.1.c"}) @Valid CopyrightPolicy copyrightPolicy,
        @Doc(value = "Public summary of the content used for training.", refs = {"Art53.1.d"}) @Valid TrainingSummary trainingContentSummary,
        @Doc(value = "Information and documentation made available to downstream providers.", refs = {"Art53.1.b", "AnxXII"}) @Valid Downstream downstream,
        @Doc(value = "Obligations of models with systemic risk.", refs = {"Art52", "Art55"}) @Valid SystemicRisk systemicRisk,
        @Doc("Relevant changes over the model's life.") List<SystemSpec.@NotNull @Valid Change> changeLog,
        @Doc("Files cited as evidence, by path relative to this description, with their SHA-256.") List<SystemSpec.@NotNull @Valid Evidence> evidence) {

    public record Model(
            @Doc(value = "Tasks the model is intended to perform.", refs = {"AnxXI.S1.1"}) String tasks,
            @Doc(value = "Type and nature of AI systems it can be integrated into.", refs = {"AnxXI.S1.1"}) String integrationTargets,
            @Doc(value = "Acceptable-use policy.", refs = {"AnxXI.S1.1"}) String acceptableUsePolicy,
            @Doc(value = "Release date.", refs = {"AnxXI.S1.1"}) LocalDate releaseDate,
            @Doc(value = "Distribution methods.", refs = {"AnxXI.S1.1"}) String distribution,
            @Doc(value = "Architecture.", refs = {"AnxXI.S1.1"}) String architecture,
            @Doc(value = "Number of parameters.", refs = {"AnxXI.S1.1", "AnxXIII.a"}) @Positive Long parameters,
            @Doc(value = "Input modalities and formats.", refs = {"AnxXI.S1.1", "AnxXII.2.b"}) List<@NotBlank String> inputModalities,
            @Doc(value = "Output modalities and formats.", refs = {"AnxXI.S1.1", "AnxXII.2.b"}) List<@NotBlank String> outputModalities,
            @Doc(value = "Maximum input size, e.g. context window in tokens.", refs = {"AnxXII.2.b"}) @Positive Long contextWindow,
            @Doc(value = "Licence.", refs = {"AnxXI.S1.1"}) String licence,
            @Doc(value = "How the model interacts with hardware or software that is not part of it.", refs = {"AnxXII.1"}) String interactions,
            @Doc(value = "Versions of relevant software for using the model.", refs = {"AnxXII.1"}) String softwareVersions) {
    }

    public record OpenSource(
            @Doc("Whether the model is released under a free and open-source licence.") Boolean released,
            @Doc("The licence (SPDX id).") String licence,
            @Doc("Whether the parameters including weights are public.") Boolean weightsPublic,
            @Doc("Whether architecture and usage information are public.") Boolean architecturePublic) {
    }

    public record Training(
            @Doc("Training methods and techniques.") String methods,
            @Doc("Key design choices with rationale and assumptions.") String designChoices,
            @Doc("What the model optimises for and the relevance of parameters.") String optimisationObjective,
            @Doc(value = "Cumulative compute used for training, in floating-point operations.", refs = {"Art51.2", "AnxXI.S1.2.d"}) @PositiveOrZero Double computeFlops,
            @Doc(value = "Training time and other relevant details.", refs = {"AnxXI.S1.2.d"}) String duration,
            @Doc(value = "Known or estimated energy consumption, in MWh.", refs = {"AnxXI.S1.2.e"}) @PositiveOrZero Double energyMWh,
            @Doc("How the energy figure was obtained (measured or estimated from compute).") String energyMethod) {
    }

    public record TrainingData(
            @Doc("Type of data.") String types,
            @Doc("Provenance.") String provenance,
            @Doc("Curation methods, e.g. cleaning, filtering.") String curation,
            @Doc("Number of data points, e.g. tokens.") @PositiveOrZero Long dataPoints,
            @Doc("Scope and main characteristics.") String characteristics,
            @Doc("How the data was obtained and selected.") String acquisition,
            @Doc("Measures to detect unsuitable data sources and identifiable biases.") String biasDetection) {
    }

    public record Evaluation(
            @Doc("Evaluation strategies, criteria and metrics.") String strategies,
            @Doc("Evaluation results.") String results,
            @Doc("Method for identifying limitations.") String limitations,
            @Doc(value = "Internal and external adversarial testing (red teaming).", refs = {"AnxXI.S2.2", "Art55.1.a"}) String adversarialTesting,
            @Doc(value = "Model adaptations, incl. alignment and fine-tuning.", refs = {"AnxXI.S2.2"}) String adaptations) {
    }

    public record CopyrightPolicy(
            @Doc("The policy.") String description,
            @Doc(value = "How rights reservations under Art. 4(3) of Directive (EU) 2019/790 are identified and respected.", refs = {"Art53.1.c"}) String optOutCompliance,
            @Doc("Contact point for rightholders.") String contact) {
    }

    public record TrainingSummary(
            @Doc("Whether the summary is published.") Boolean published,
            @Doc("Where it is published.") @Pattern(regexp = "https?://\\S+", message = "must be an http(s) URL") String url,
            @Doc("Whether it follows the AI Office template.") Boolean usesAiOfficeTemplate) {
    }

    public record Downstream(
            @Doc("Where downstream providers find the documentation.") @Pattern(regexp = "https?://\\S+", message = "must be an http(s) URL") String documentationUrl,
            @Doc("Capabilities and limitations stated to downstream providers.") String capabilitiesAndLimitations) {
    }

    public record SystemicRisk(
            @Doc(value = "Date the Commission was notified.", refs = {"Art52.1"}) LocalDate notifiedOn,
            @Doc(value = "Assessment of possible systemic risks at Union level and their sources.", refs = {"Art55.1.b"}) String assessment,
            @Doc(value = "Mitigation measures.", refs = {"Art55.1.b"}) String mitigation,
            @Doc(value = "How serious incidents are tracked, documented and reported to the AI Office.", refs = {"Art55.1.c"}) String incidentReporting,
            @Doc(value = "Cybersecurity of the model and its physical infrastructure.", refs = {"Art55.1.d"}) String cybersecurity,
            @Doc(value = "Code of practice relied on, if any.", refs = {"Art55.2", "Art56"}) String codeOfPractice) {
    }
}
