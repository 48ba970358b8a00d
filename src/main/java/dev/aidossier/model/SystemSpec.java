package dev.aidossier.model;


import dev.aidossier.model.Enums.AssessmentProcedure;
import dev.aidossier.model.Enums.CePlacement;
import dev.aidossier.model.Enums.Comparator;
import dev.aidossier.model.Enums.ComponentType;
import dev.aidossier.model.Enums.DatasetPurpose;
import dev.aidossier.model.Enums.InteractionType;
import dev.aidossier.model.Enums.Level;
import dev.aidossier.model.Enums.MarketForm;
import dev.aidossier.model.Enums.MarketStatus;
import dev.aidossier.model.Enums.MetricKind;
import dev.aidossier.model.Enums.OversightCapability;
import dev.aidossier.model.Enums.OversightType;
import dev.aidossier.model.Enums.RegistrationSection;
import dev.aidossier.model.Enums.RiskArea;
import dev.aidossier.model.Enums.RiskSource;
import dev.aidossier.model.Enums.Role;
import dev.aidossier.model.Enums.StandardCoverage;
import dev.aidossier.model.Enums.Threat;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The {@code spec} of a {@code kind: AISystem} description. Its sections follow what the Act asks a
 * provider to document: Annex IV points 1-9, Articles 9-15, the operator duties of Articles 16-27,
 * the declaration (Annex V) and registration (Annex VIII). Presence and substance of each field are
 * judged by the rule packs; this model only fixes the structure and the value formats.
 */
public record SystemSpec(
        @Doc(value = "The provider: the organisation that places the system on the market under its own name.", refs = {"Art3.3", "AnxIV.1.a.2", "Art16.b", "AnxV.2", "AnxVIII.A.1"}) @NotNull @Valid Party provider,
        @Doc(value = "EU authorised representative of a provider established outside the Union.", refs = {"Art22", "AnxVIII.A.3"}) @Valid AuthorisedRepresentative authorisedRepresentative,
        @Doc(value = "Who submits the registration on the provider's behalf, if not the provider.", refs = {"AnxVIII.A.2"}) @Valid Party submitter,
        @Doc(value = "Roles this organisation holds for the system.", refs = {"Art3.3", "Art3.4", "Art3.6", "Art3.7", "Art25.3"}) @NotEmpty List<@NotNull Role> roles,
        @Doc("Facts that decide the classification. The keys are declared in rules/eu-ai-act/classification.yaml; run `dossier schema` to see them.") Map<String, Object> classification,
        @Doc(value = "Documentation of the Art. 6(3) assessment when an Annex III system is considered not high-risk.", refs = {"Art6.4"}) @Valid DerogationAssessment derogationAssessment,
        @Doc(value = "General description of the AI system.", refs = {"AnxIV.1"}) @Valid General general,
        @Doc(value = "Elements of the system and its development process.", refs = {"AnxIV.2"}) @Valid Development development,
        @Doc(value = "Training, validation and testing data sets (datasheets).", refs = {"AnxIV.2.d", "Art10"}) List<@NotNull @Valid Dataset> datasets,
        @Doc(value = "Data governance and management practices.", refs = {"Art10.2", "Art10.3", "Art10.4"}) @Valid DataGovernance dataGovernance,
        @Doc(value = "Human oversight measures and their assessment.", refs = {"Art14", "AnxIV.2.e", "AnxIV.3.3"}) @Valid HumanOversight humanOversight,
        @Doc(value = "Validation and testing.", refs = {"AnxIV.2.g", "Art9.6", "Art9.8"}) @Valid Testing testing,
        @Doc(value = "Measured performance: accuracy, robustness, fairness, per group where relevant.", refs = {"AnxIV.2.g.3", "AnxIV.2.g.4", "AnxIV.3.1", "Art15.3"}) List<@NotNull @Valid Metric> metrics,
        @Doc(value = "Why the chosen performance metrics are appropriate for this system.", refs = {"AnxIV.4"}) String metricsRationale,
        @Doc(value = "Capabilities, limitations, foreseeable outcomes and input specification.", refs = {"AnxIV.3", "Art13.3.b"}) @Valid Functioning functioning,
        @Doc(value = "Cybersecurity measures.", refs = {"AnxIV.2.h", "Art15.5"}) @Valid Cybersecurity cybersecurity,
        @Doc(value = "Robustness measures.", refs = {"Art15.4"}) @Valid Robustness robustness,
        @Doc(value = "The risk management system.", refs = {"AnxIV.5", "Art9"}) @Valid RiskManagement riskManagement,
        @Doc(value = "Relevant changes made during the lifecycle.", refs = {"AnxIV.6"}) List<@NotNull @Valid Change> changeLog,
        @Doc(value = "Harmonised standards and other specifications applied.", refs = {"AnxIV.7", "Art40", "Art41"}) @Valid Standards standards,
        @Doc(value = "Automatic recording of events (logs).", refs = {"Art12", "Art19"}) @Valid Logging logging,
        @Doc(value = "Instructions for use beyond what other sections already state.", refs = {"Art13"}) @Valid InstructionsForUse instructionsForUse,
        @Doc(value = "Quality management system, elements (a)-(m).", refs = {"Art17"}) @Valid QualityManagement qualityManagement,
        @Doc(value = "Post-market monitoring system and plan.", refs = {"AnxIV.9", "Art72"}) @Valid PostMarketMonitoring postMarketMonitoring,
        @Doc(value = "Serious-incident reporting procedure.", refs = {"Art73", "Art17.1.i"}) @Valid IncidentReporting incidentReporting,
        @Doc(value = "Conformity-assessment route and certificate.", refs = {"Art43", "AnxV.7", "AnxVIII.A.8"}) @Valid ConformityAssessment conformityAssessment,
        @Doc(value = "Particulars of the EU declaration of conformity.", refs = {"Art47", "AnxV"}) @Valid Declaration declaration,
        @Doc(value = "CE marking.", refs = {"Art48"}) @Valid CeMarking ceMarking,
        @Doc(value = "Registration in the EU database.", refs = {"Art49", "AnxVIII"}) @Valid Registration registration,
        @Doc(value = "Deployer duties, when the organisation also deploys the system.", refs = {"Art26", "Art27", "AnxVIII.C"}) @Valid Deployment deployment,
        @Doc(value = "Transparency measures for Art. 50 duties.", refs = {"Art50"}) @Valid Transparency transparency,
        @Doc(value = "AI literacy measures for staff.", refs = {"Art4"}) @Valid AiLiteracy aiLiteracy,
        @Doc("Organisational AI governance: what management-system frameworks (NIST AI RMF GOVERN/MAP, ISO/IEC 42001 Annex A) ask beyond the Act.") @Valid Governance governance,
        @Doc("Open gaps with owners and target dates, for the Regulatory Interoperability Plan of a bid.") List<@NotNull @Valid Action> actionPlan,
        @Doc("Files cited as evidence, by path relative to this description, with their SHA-256.") List<@NotNull @Valid Evidence> evidence) {

    public record Governance(
            @Doc(value = "The organisation's AI policy and how it aligns with other policies.", refs = {"GOVERN-1.2", "A.2.2", "A.2.3"}) String aiPolicy,
            @Doc(value = "How often the AI policy is reviewed, and by whom.", refs = {"A.2.4", "GOVERN-1.5"}) String policyReview,
            @Doc(value = "Legal and regulatory requirements identified for the system.", refs = {"GOVERN-1.1"}) String legalRequirements,
            @Doc(value = "Risk tolerance: what level of risk is acceptable and who decides.", refs = {"GOVERN-1.3", "MAP-1.5"}) String riskTolerance,
            @Doc(value = "Where the system is recorded in the organisation's AI system inventory.", refs = {"GOVERN-1.6"}) String inventory,
            @Doc(value = "How the system is decommissioned or retired safely.", refs = {"GOVERN-1.7", "MANAGE-2.4"}) String decommissioning,
            @Doc(value = "Roles, responsibilities and lines of communication for AI risk.", refs = {"GOVERN-2.1", "A.3.2"}) String rolesAndResponsibilities,
            @Doc(value = "AI risk training of staff and partners.", refs = {"GOVERN-2.2", "A.4.6"}) String training,
            @Doc(value = "Executive accountability for AI risk decisions.", refs = {"GOVERN-2.3"}) String leadership,
            @Doc(value = "How diverse, interdisciplinary teams inform decisions.", refs = {"GOVERN-3.1", "MAP-1.2"}) String teamDiversity,
            @Doc(value = "How staff raise concerns about the system.", refs = {"A.3.3", "GOVERN-4.1"}) String concernReporting,
            @Doc(value = "Engagement with affected persons and external stakeholders, and how feedback is used.", refs = {"GOVERN-5.1", "GOVERN-5.2", "MAP-5.2"}) String stakeholderEngagement,
            @Doc(value = "Channels for end users and affected persons to give feedback or appeal outcomes.", refs = {"MEASURE-3.3"}) String feedbackAndAppeal,
            @Doc(value = "Policy for risks of third-party software, data and models, incl. IP.", refs = {"GOVERN-6.1", "GOVERN-6.2", "A.10.3"}) String thirdPartyRisk,
            @Doc(value = "Mission, business value, expected benefits and costs of the system.", refs = {"MAP-1.3", "MAP-1.4", "MAP-3.1", "MAP-3.2"}) String benefitsAndCosts,
            @Doc(value = "Impact assessment of the system on individuals, groups and society.", refs = {"MAP-5.1", "A.5.2", "A.5.4", "A.5.5"}) String impactAssessment,
            @Doc(value = "Environmental impact and resource use.", refs = {"MEASURE-2.12"}) String environmentalImpact,
            @Doc(value = "Independent assessors or domain experts involved in evaluation.", refs = {"MEASURE-1.3", "MEASURE-4.2"}) String independentAssessment,
            @Doc(value = "Allocation of responsibilities with suppliers and customers.", refs = {"A.10.2", "A.10.4"}) String responsibilityAllocation,
            @Doc(value = "Certifications held for the management system (e.g. ISO/IEC 42001 certificate).", refs = {"A.2.2"}) String certifications) {
    }

    public record Action(
            @Doc("The gap: a rule id, reference key or short description.") @NotBlank String gap,
            @Doc("What will be done.") @NotBlank String action,
            @Doc("Who owns it.") @NotBlank @Verbatim String owner,
            @Doc("Target date.") @NotNull LocalDate targetDate,
            @Doc("Frameworks the action serves, e.g. eu-ai-act, nist-ai-rmf, iso-42001.") @Verbatim List<@NotBlank String> frameworks) {
    }

    public record AuthorisedRepresentative(
            @Doc("Name of the authorised representative.") @NotBlank @Size(max = 300) @Verbatim String name,
            @Doc("Postal address.") @Size(max = 1000) @Verbatim String address,
            @Doc("Member State of establishment, ISO 3166-1 alpha-2.") @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166-1 alpha-2 country code such as ES") String country,
            @Doc("Contact e-mail address.") @jakarta.validation.constraints.Email String email,
            @Doc("Contact telephone number.") @Size(max = 60) @Verbatim String phone,
            @Doc(value = "The written mandate.", refs = {"Art22.1", "Art22.3"}) @Valid Mandate mandate) {
    }

    public record Mandate(
            @Doc("Date the written mandate was signed.") LocalDate signedOn,
            @Doc(value = "Whether the representative has accepted the mandate in writing.", refs = {"Art3.5"}) Boolean accepted,
            @Doc(value = "Tasks the mandate empowers the representative to perform.", refs = {"Art22.3.a", "Art22.3.b", "Art22.3.c", "Art22.3.d", "Art22.3.e"}) List<@NotBlank String> tasks,
            @Doc("Evidence id of the signed mandate.") @Verbatim String evidence) {
    }

    public record DerogationAssessment(
            @Doc("Why the system poses no significant risk of harm to health, safety or fundamental rights.") String reasoning,
            @Doc("Date the assessment was documented (before placing on the market).") LocalDate assessedOn,
            @Doc("Who made the assessment.") @Verbatim String assessedBy,
            @Doc("Evidence id of the signed assessment.") @Verbatim String evidence) {
    }

    public record General(
            @Doc(value = "The intended purpose, including context and conditions of use.", refs = {"AnxIV.1.a.1", "Art3.12", "Art13.3.b.i", "AnxVIII.A.5"}) String intendedPurpose,
            @Doc(value = "Who deploys the system, and in what setting.", refs = {"Art13.3.b.i"}) String intendedDeployers,
            @Doc(value = "Categories of natural persons the system is used on.", refs = {"Art13.3.b.v", "Art9.9"}) List<@NotBlank String> affectedPersons,
            @Doc(value = "How this version relates to earlier versions.", refs = {"AnxIV.1.a.3"}) String versionRelation,
            @Doc(value = "Hardware, software and other AI systems the system interacts with.", refs = {"AnxIV.1.b"}) List<@NotNull @Valid Interaction> interactions,
            @Doc(value = "Versions of relevant software or firmware.", refs = {"AnxIV.1.c"}) List<@NotNull @Valid SoftwareVersion> softwareVersions,
            @Doc(value = "Requirements for version updates.", refs = {"AnxIV.1.c"}) String updateRequirements,
            @Doc(value = "Every form in which the system is placed on the market or put into service.", refs = {"AnxIV.1.d"}) List<@NotNull @Valid Distribution> distribution,
            @Doc(value = "Hardware the system is intended to run on.", refs = {"AnxIV.1.e"}) String hardware,
            @Doc(value = "When the system is a component of a product.", refs = {"AnxIV.1.f"}) @Valid ProductIntegration productIntegration,
            @Doc(value = "Basic description of the user interface provided to the deployer.", refs = {"AnxIV.1.g"}) String userInterface,
            @Doc(value = "Basic description of the information the system uses and its operating logic.", refs = {"AnxVIII.A.6"}) String operatingLogic,
            @Doc(value = "Member States where the system is placed on the market, put into service or made available.", refs = {"AnxVIII.A.10"}) List<@Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166-1 alpha-2 country code") String> memberStates,
            @Doc(value = "Market status.", refs = {"AnxVIII.A.7"}) MarketStatus marketStatus,
            @Doc(value = "Whether the system processes personal data.", refs = {"AnxV.5"}) Boolean processesPersonalData,
            @Doc(value = "URL with further information.", refs = {"AnxVIII.A.13"}) @Pattern(regexp = "https?://\\S+", message = "must be an http(s) URL") String moreInformationUrl) {
    }

    public record Interaction(
            @Doc("What the system interacts with.") @NotBlank String with,
            @Doc("hardware, software or aiSystem.") InteractionType type,
            @Doc("How the interaction works.") String description) {
    }

    public record SoftwareVersion(
            @Doc("Software or firmware name.") @NotBlank @Verbatim String name,
            @Doc("Version.") @NotBlank @Verbatim String version,
            @Doc("What it is used for.") String purpose) {
    }

    public record Distribution(
            @Doc("api, saas, download, embedded, onPremise, mobileApp or other.") @NotNull MarketForm form,
            @Doc("Details of this form.") String description) {
    }

    public record ProductIntegration(
            @Doc("The product the system is a component of.") String product,
            @Doc(value = "Photographs or illustrations of the external features (evidence id).", refs = {"AnxIV.1.f"}) @Verbatim String externalFeatures,
            @Doc("Marking of the product.") String marking,
            @Doc("Internal layout of the product (evidence id or description).") String internalLayout) {
    }

    public record Development(
            @Doc(value = "Development methods and steps.", refs = {"AnxIV.2.a.1"}) String methods,
            @Doc(value = "Pre-trained systems and third-party tools used, and how.", refs = {"AnxIV.2.a.2", "AnxIV.2.a.3", "Art25.4"}) List<@NotNull @Valid Component> thirdPartyComponents,
            @Doc(value = "Design specifications.", refs = {"AnxIV.2.b"}) @Valid Design design,
            @Doc(value = "System architecture: how software components build on or feed into each other.", refs = {"AnxIV.2.c.1"}) String architecture,
            @Doc(value = "Computational resources used to develop, train, test and validate.", refs = {"AnxIV.2.c.2"}) String computeResources,
            @Doc(value = "Training methodologies and techniques.", refs = {"AnxIV.2.d.1"}) String trainingMethodology,
            @Doc(value = "Pre-determined changes and the solutions that keep the system compliant.", refs = {"AnxIV.2.f", "Art43.4"}) @Valid PredeterminedChanges predeterminedChanges) {
    }

    public record Component(
            @Doc("Component name.") @NotBlank @Verbatim String name,
            @Doc("Supplier.") @Verbatim String supplier,
            @Doc("Version.") @Verbatim String version,
            @Doc("pretrainedModel, library, dataset, service or tool.") ComponentType type,
            @Doc("Licence.") @Verbatim String licence,
            @Doc(value = "How the component was used, integrated or modified.", refs = {"AnxIV.2.a.3"}) String usage,
            @Doc(value = "Whether a written agreement with the supplier exists.", refs = {"Art25.4"}) Boolean writtenAgreement) {
    }

    public record Design(
            @Doc(value = "General logic of the system and of its algorithms.", refs = {"AnxIV.2.b.1"}) String generalLogic,
            @Doc(value = "Key design choices with rationale and assumptions.", refs = {"AnxIV.2.b.2"}) List<@NotNull @Valid DesignChoice> keyChoices,
            @Doc(value = "Assumptions about the persons or groups the system is meant to be used on.", refs = {"AnxIV.2.b.2"}) String assumptionsAboutPersons,
            @Doc(value = "Main classification choices.", refs = {"AnxIV.2.b.3"}) String classificationChoices,
            @Doc(value = "What the system is designed to optimise for, and the relevance of the parameters.", refs = {"AnxIV.2.b.4"}) String optimisationTarget,
            @Doc(value = "Expected output and output quality.", refs = {"AnxIV.2.b.5"}) String expectedOutput,
            @Doc(value = "Trade-offs made to meet Chapter III Section 2.", refs = {"AnxIV.2.b.6"}) String tradeOffs) {
    }

    public record DesignChoice(
            @Doc("The choice.") @NotBlank String choice,
            @Doc("Why it was made.") String rationale,
            @Doc("Assumptions it rests on.") String assumptions) {
    }

    public record PredeterminedChanges(
            @Doc("The changes planned at the initial conformity assessment.") String description,
            @Doc("Technical solutions that keep the system continuously compliant.") String technicalSolutions) {
    }

    public record Dataset(
            @Doc("Data set name.") @NotBlank @Size(max = 300) @Verbatim String name,
            @Doc("training, validation or testing.") @NotNull DatasetPurpose purpose,
            @Doc(value = "General description.", refs = {"AnxIV.2.d.2"}) String description,
            @Doc(value = "Provenance: where the data comes from.", refs = {"AnxIV.2.d.3", "Art10.2.b"}) String provenance,
            @Doc(value = "Scope and main characteristics.", refs = {"AnxIV.2.d.3"}) String characteristics,
            @Doc("Number of records, images, utterances, ... in the set.") @PositiveOrZero Long records,
            @Doc(value = "How the data was obtained and selected.", refs = {"AnxIV.2.d.4"}) String collection,
            @Doc(value = "Labelling procedures.", refs = {"AnxIV.2.d.5", "Art10.2.c"}) String labelling,
            @Doc(value = "Data-cleaning methods.", refs = {"AnxIV.2.d.6", "Art10.2.c"}) String cleaning,
            @Doc("Whether the set contains personal data.") Boolean personalData,
            @Doc(value = "For personal data: the original purpose of collection.", refs = {"Art10.2.b"}) String originalPurpose,
            @Doc(value = "Geographical, contextual, behavioural or functional setting the data reflects.", refs = {"Art10.4"}) String setting,
            @Doc("Licence or legal basis of use.") @Verbatim String licence,
            @Doc("Evidence id of the datasheet.") @Verbatim String evidence) {
    }

    public record DataGovernance(
            @Doc(value = "Relevant design choices.", refs = {"Art10.2.a"}) String designChoices,
            @Doc(value = "Assumptions about what the data measures and represents.", refs = {"Art10.2.d"}) String assumptions,
            @Doc(value = "Assessment of availability, quantity and suitability of the data.", refs = {"Art10.2.e"}) String availabilityAssessment,
            @Doc(value = "Examination for possible biases.", refs = {"Art10.2.f"}) String biasExamination,
            @Doc(value = "Measures to detect, prevent and mitigate biases.", refs = {"Art10.2.g"}) String biasMitigation,
            @Doc(value = "Data gaps or shortcomings and how they are addressed.", refs = {"Art10.2.h"}) String dataGaps,
            @Doc(value = "How the data is relevant, representative, free of errors and complete.", refs = {"Art10.3"}) String representativeness,
            @Doc(value = "Processing of special categories of personal data for bias correction.", refs = {"Art10.5", "Art4a"}) @Valid SpecialCategories specialCategories) {
    }

    public record SpecialCategories(
            @Doc("Whether special categories of personal data are processed.") Boolean processed,
            @Doc("Why it is strictly necessary and other data would not do.") String necessity,
            @Doc("Safeguards: pseudonymisation, access control, no transfer, deletion.") String safeguards) {
    }

    public record HumanOversight(
            @Doc(value = "Assessment of the oversight measures needed, incl. technical measures that help interpret outputs.", refs = {"AnxIV.2.e", "Art13.3.d"}) String assessment,
            @Doc(value = "The oversight measures.", refs = {"Art14.3", "Art14.4"}) List<@NotNull @Valid OversightMeasure> measures,
            @Doc(value = "Number of natural persons who separately verify an identification before action is taken.", refs = {"Art14.5"}) @Min(0) @Max(100) Integer verificationPersons,
            @Doc(value = "Competence, training and authority required of the persons assigned to oversight.", refs = {"Art26.2", "Art14.4"}) String competence) {
    }

    public record OversightMeasure(
            @Doc("What the measure is.") @NotBlank String description,
            @Doc(value = "builtIn (in the system) or deployer (to be implemented by the deployer).", refs = {"Art14.3.a", "Art14.3.b"}) OversightType type,
            @Doc(value = "Which Art. 14(4) capabilities it gives the overseer.", refs = {"Art14.4.a", "Art14.4.b", "Art14.4.c", "Art14.4.d", "Art14.4.e"}) List<@NotNull OversightCapability> enables) {
    }

    public record Testing(
            @Doc(value = "Validation and testing procedures.", refs = {"AnxIV.2.g.1", "Art9.6"}) String procedures,
            @Doc(value = "Validation and testing data used and its main characteristics.", refs = {"AnxIV.2.g.2"}) String data,
            @Doc(value = "Where the test logs are kept.", refs = {"AnxIV.2.g.5"}) String testLogs,
            @Doc(value = "Test reports, dated and signed.", refs = {"AnxIV.2.g.5"}) List<@NotNull @Valid TestReport> reports) {
    }

    public record TestReport(
            @Doc("Title of the report.") @NotBlank String title,
            @Doc("Date of the report.") LocalDate date,
            @Doc("Responsible person who signed it.") @Verbatim String signedBy,
            @Doc("Evidence id of the report.") @Verbatim String evidence) {
    }

    public record Metric(
            @Doc("Metric name, e.g. false non-match rate.") @NotBlank String name,
            @Doc("accuracy, robustness, fairness, cybersecurity or other.") @NotNull MetricKind kind,
            @Doc("Measured value.") Double value,
            @Doc("Unit, e.g. % or ratio.") @Verbatim String unit,
            @Doc(value = "Threshold defined in advance.", refs = {"Art9.8"}) Double threshold,
            @Doc("Whether the value must be atLeast or atMost the threshold.") Comparator comparator,
            @Doc(value = "Population or group the value was measured on; 'overall' for the whole test set.", refs = {"AnxIV.3.1", "Art13.3.b.v"}) String group,
            @Doc("Data set the value was measured on.") @Verbatim String dataset) {
    }

    public record Functioning(
            @Doc(value = "Capabilities and performance limitations.", refs = {"AnxIV.3.1", "Art13.3.b"}) String capabilitiesAndLimitations,
            @Doc(value = "Foreseeable unintended outcomes.", refs = {"AnxIV.3.2"}) String foreseeableUnintendedOutcomes,
            @Doc(value = "Sources of risk to health, safety, fundamental rights and of discrimination.", refs = {"AnxIV.3.2", "Art13.3.b.iii"}) String riskSources,
            @Doc(value = "Input data specifications.", refs = {"AnxIV.3.4", "Art13.3.b.vi"}) String inputSpecification,
            @Doc(value = "Technical capabilities to explain the output.", refs = {"Art13.3.b.iv"}) String explainability,
            @Doc(value = "Information that lets deployers interpret the output.", refs = {"Art13.3.b.vii"}) String outputInterpretation) {
    }

    public record Cybersecurity(
            @Doc(value = "Measures against AI-specific and general threats.", refs = {"Art15.5", "AnxIV.2.h"}) List<@NotNull @Valid SecurityMeasure> measures,
            @Doc(value = "EU cybersecurity certification or Cyber Resilience Act conformity.", refs = {"Art42.2", "Art42.3"}) String certification,
            @Doc("How vulnerabilities are reported and handled.") String vulnerabilityHandling) {
    }

    public record SecurityMeasure(
            @Doc("dataPoisoning, modelPoisoning, adversarialExamples, confidentialityAttacks, modelFlaws or other.") @NotNull Threat threat,
            @Doc("The measure.") @NotBlank String measure) {
    }

    public record Robustness(
            @Doc(value = "Measures for resilience against errors, faults and inconsistencies.", refs = {"Art15.4"}) String measures,
            @Doc(value = "Technical redundancy, backup or fail-safe plans.", refs = {"Art15.4"}) String failSafe,
            @Doc(value = "Whether the system keeps learning after it is placed on the market.", refs = {"Art15.4"}) Boolean continuousLearning,
            @Doc(value = "How feedback loops are mitigated.", refs = {"Art15.4"}) String feedbackLoopMitigation) {
    }

    public record RiskManagement(
            @Doc(value = "The risk management process: continuous, iterative, across the lifecycle.", refs = {"Art9.1", "Art9.2"}) String process,
            @Doc(value = "How often the risk assessment is reviewed.", refs = {"Art9.2"}) String reviewFrequency,
            @Doc(value = "The risk register.", refs = {"Art9.2.a", "Art9.2.b", "Art9.2.d"}) List<@NotNull @Valid Risk> risks,
            @Doc(value = "Judgement that the overall residual risk is acceptable.", refs = {"Art9.5"}) String residualRiskAcceptance,
            @Doc(value = "Consideration of adverse impact on persons under 18 and other vulnerable groups.", refs = {"Art9.9"}) String vulnerableGroups,
            @Doc(value = "How post-market monitoring data feeds the risk analysis.", refs = {"Art9.2.c"}) String postMarketInput,
            @Doc("Evidence id of the risk register.") @Verbatim String evidence) {
    }

    public record Risk(
            @Doc("Risk identifier.") @NotBlank @Verbatim String id,
            @Doc("The risk.") @NotBlank String description,
            @Doc("Whether it concerns health, safety or fundamentalRights.") List<@NotNull RiskArea> affects,
            @Doc("intendedUse, foreseeableMisuse or postMarketData.") RiskSource source,
            @Doc("low, medium or high.") Level likelihood,
            @Doc("low, medium or high.") Level severity,
            @Doc(value = "Risk-management measures adopted.", refs = {"Art9.2.d", "Art9.5"}) String measures,
            @Doc("Residual risk after measures: low, medium or high.") Level residualRisk,
            @Doc(value = "Whether the residual risk is judged acceptable.", refs = {"Art9.5"}) Boolean acceptable) {
    }

    public record Change(
            @Doc("Version after the change.") @NotBlank @Verbatim String version,
            @Doc("Date of the change.") @NotNull LocalDate date,
            @Doc("What changed.") @NotBlank String description,
            @Doc(value = "Whether the change was pre-determined (Annex IV 2(f)).", refs = {"Art43.4"}) Boolean predetermined,
            @Doc(value = "Whether the change is a substantial modification.", refs = {"Art3.23"}) Boolean substantial) {
    }

    public record Standards(
            @Doc(value = "Harmonised standards applied, with references published in the OJ.", refs = {"AnxIV.7.1", "AnxV.6"}) List<@NotNull @Valid StandardRef> harmonised,
            @Doc(value = "Other relevant standards and technical specifications.", refs = {"AnxIV.7.3"}) List<@NotNull @Valid StandardRef> other,
            @Doc(value = "Common specifications applied.", refs = {"Art41"}) List<@NotNull @Valid StandardRef> commonSpecifications,
            @Doc(value = "Where no harmonised standard was applied: the solutions adopted to meet Chapter III Section 2.", refs = {"AnxIV.7.2"}) String solutionsWithoutHarmonisedStandards) {
    }

    public record StandardRef(
            @Doc("Reference, e.g. ISO/IEC 42001:2023.") @NotBlank @Verbatim String reference,
            @Doc("Title.") String title,
            @Doc("full or partial application.") StandardCoverage coverage,
            @Doc("What the standard is applied to.") String scope) {
    }

    public record Logging(
            @Doc(value = "Whether the system automatically records events over its lifetime.", refs = {"Art12.1"}) Boolean automatic,
            @Doc(value = "Events recorded.", refs = {"Art12.2"}) List<@NotBlank String> events,
            @Doc(value = "How logs identify risk situations and substantial modifications.", refs = {"Art12.2.a"}) String riskSituations,
            @Doc(value = "How logs support post-market monitoring.", refs = {"Art12.2.b"}) String postMarketMonitoring,
            @Doc(value = "How logs support monitoring of operation by deployers.", refs = {"Art12.2.c"}) String deployerMonitoring,
            @Doc(value = "Retention of logs under the provider's control, in months.", refs = {"Art19.1"}) @Min(0) @Max(1200) Integer retentionMonths,
            @Doc(value = "Remote biometric identification: what each use records.", refs = {"Art12.3"}) @Valid BiometricLogging biometric,
            @Doc(value = "How deployers collect, store and interpret the logs.", refs = {"Art13.3.f"}) String deployerAccess) {
    }

    public record BiometricLogging(
            @Doc(value = "Start and end date and time of each use.", refs = {"Art12.3.a"}) Boolean usePeriod,
            @Doc(value = "The reference database checked against.", refs = {"Art12.3.b"}) Boolean referenceDatabase,
            @Doc(value = "The input data that led to a match.", refs = {"Art12.3.c"}) Boolean matchedInput,
            @Doc(value = "Identity of the persons who verified the results.", refs = {"Art12.3.d"}) Boolean verifierIdentity) {
    }

    public record InstructionsForUse(
            @Doc("Format in which the instructions are supplied (e.g. PDF, online help).") String format,
            @Doc("Languages of the instructions.") @Verbatim List<@NotBlank String> languages,
            @Doc(value = "Computational and hardware resources needed.", refs = {"Art13.3.e"}) String computeRequirements,
            @Doc(value = "Expected lifetime of the system.", refs = {"Art13.3.e"}) String expectedLifetime,
            @Doc(value = "Maintenance and care measures, with their frequency, incl. software updates.", refs = {"Art13.3.e"}) String maintenance,
            @Doc(value = "Training offered to deployers.", refs = {"Art9.5.c"}) String deployerTraining,
            @Doc("Evidence id of the instructions document.") @Verbatim String evidence) {
    }

    public record QualityManagement(
            @Doc(value = "Regulatory compliance strategy incl. management of modifications.", refs = {"Art17.1.a"}) String complianceStrategy,
            @Doc(value = "Design, design control and design verification.", refs = {"Art17.1.b"}) String designControl,
            @Doc(value = "Development, quality control and quality assurance.", refs = {"Art17.1.c"}) String qualityAssurance,
            @Doc(value = "Examination, test and validation procedures and their frequency.", refs = {"Art17.1.d"}) String testAndValidation,
            @Doc(value = "Technical specifications and standards applied.", refs = {"Art17.1.e"}) String technicalSpecifications,
            @Doc(value = "Data management systems and procedures.", refs = {"Art17.1.f"}) String dataManagement,
            @Doc(value = "The risk management system within the QMS.", refs = {"Art17.1.g"}) String riskManagement,
            @Doc(value = "Post-market monitoring within the QMS.", refs = {"Art17.1.h"}) String postMarketMonitoring,
            @Doc(value = "Serious-incident reporting procedures.", refs = {"Art17.1.i"}) String incidentReporting,
            @Doc(value = "Communication with authorities, notified bodies, operators and customers.", refs = {"Art17.1.j"}) String communication,
            @Doc(value = "Record-keeping of documentation and information.", refs = {"Art17.1.k"}) String recordKeeping,
            @Doc(value = "Resource management incl. security of supply.", refs = {"Art17.1.l"}) String resourceManagement,
            @Doc(value = "Accountability framework: responsibilities of management and staff.", refs = {"Art17.1.m"}) String accountability,
            @Doc(value = "Years the documentation is kept after placing on the market.", refs = {"Art18.1"}) @Min(0) @Max(100) Integer documentationRetentionYears,
            @Doc("Evidence id of the QMS manual.") @Verbatim String evidence) {
    }

    public record PostMarketMonitoring(
            @Doc(value = "The system used to evaluate performance after placing on the market.", refs = {"AnxIV.9.1", "Art72.1", "Art72.2"}) String system,
            @Doc(value = "The post-market monitoring plan.", refs = {"AnxIV.9.2", "Art72.3"}) @Valid MonitoringPlan plan,
            @Doc(value = "Analysis of interaction with other AI systems, where relevant.", refs = {"Art72.2"}) String interactionAnalysis) {
    }

    public record MonitoringPlan(
            @Doc("Data collected and its sources.") String dataCollected,
            @Doc("Indicators tracked and thresholds that trigger action.") String indicators,
            @Doc("How often the data is reviewed.") String reviewFrequency,
            @Doc("Who is responsible.") @Verbatim String responsible,
            @Doc("Evidence id of the plan.") @Verbatim String evidence) {
    }

    public record IncidentReporting(
            @Doc(value = "Procedure for reporting serious incidents to market surveillance authorities.", refs = {"Art73.1", "Art73.6"}) String procedure,
            @Doc("Who is responsible for reporting.") @Verbatim String responsible,
            @Doc(value = "Internal deadline in days for a serious incident (law: at most 15).", refs = {"Art73.2"}) @Min(0) Integer generalDeadlineDays,
            @Doc(value = "Internal deadline in days after a death (law: at most 10).", refs = {"Art73.4"}) @Min(0) Integer deathDeadlineDays,
            @Doc(value = "Internal deadline in days for a widespread infringement or critical-infrastructure incident (law: at most 2).", refs = {"Art73.3"}) @Min(0) Integer widespreadDeadlineDays) {
    }

    public record ConformityAssessment(
            @Doc(value = "annexVI (internal control), annexVII (notified body) or sectoral.", refs = {"Art43"}) AssessmentProcedure procedure,
            @Doc(value = "Whether harmonised standards or common specifications were applied in full.", refs = {"Art43.1"}) Boolean harmonisedStandardsAppliedInFull,
            @Doc(value = "Notified body, when one is involved.", refs = {"AnxV.7", "AnxVIII.A.8"}) @Valid NotifiedBody notifiedBody,
            @Doc(value = "Certificate issued by the notified body.", refs = {"AnxVIII.A.8", "Art44.2"}) @Valid Certificate certificate,
            @Doc("Date the assessment was completed.") LocalDate completedOn) {
    }

    public record NotifiedBody(
            @Doc("Name of the notified body.") @NotBlank @Verbatim String name,
            @Doc("Four-digit identification number.") @Pattern(regexp = "\\d{4}", message = "must be the four-digit notified-body number") @Verbatim String number) {
    }

    public record Certificate(
            @Doc("Certificate identifier.") @NotBlank @Verbatim String id,
            @Doc("Certificate type.") String type,
            @Doc("Date of issue.") LocalDate issued,
            @Doc("Expiry date.") LocalDate expires,
            @Doc(value = "Evidence id of the scanned certificate.", refs = {"AnxVIII.A.9"}) @Verbatim String evidence) {
    }

    public record Declaration(
            @Doc(value = "Place of issue.", refs = {"AnxV.8"}) @Verbatim String placeOfIssue,
            @Doc(value = "Date of issue.", refs = {"AnxV.8"}) LocalDate dateOfIssue,
            @Doc(value = "Signatory.", refs = {"AnxV.8"}) @Valid Signatory signatory,
            @Doc(value = "Other Union harmonisation legislation the declaration covers.", refs = {"AnxV.4", "Art47.3"}) List<@NotBlank String> otherUnionLegislation,
            @Doc(value = "Languages the declaration is available in.", refs = {"Art47.2"}) @Verbatim List<@NotBlank String> languages) {
    }

    public record Signatory(
            @Doc("Name.") @NotBlank @Verbatim String name,
            @Doc("Function.") String function,
            @Doc("On whose behalf the declaration is signed.") @Verbatim String onBehalfOf) {
    }

    public record CeMarking(
            @Doc(value = "Whether the CE marking is affixed.", refs = {"Art48"}) Boolean affixed,
            @Doc(value = "system, packaging, documentation or digital.", refs = {"Art48.2", "Art48.3"}) CePlacement placement,
            @Doc(value = "For a digital marking: how it is reached through the interface.", refs = {"Art48.2"}) String digitalAccess) {
    }

    public record Registration(
            @Doc(value = "Annex VIII section: A (high-risk provider), B (Art. 6(3)) or C (public deployer).", refs = {"Art49"}) RegistrationSection section,
            @Doc("Identifier in the EU database.") @Verbatim String euDatabaseId,
            @Doc("Date of registration.") LocalDate registeredOn,
            @Doc(value = "Electronic instructions for use (URL).", refs = {"AnxVIII.A.12"}) @Pattern(regexp = "https?://\\S+", message = "must be an http(s) URL") String instructionsUrl) {
    }

    public record Deployment(
            @Doc(value = "The deployer, when not the provider itself.", refs = {"AnxVIII.C.1"}) @Valid Party deployer,
            @Doc(value = "Whether the deployer is a public authority or body governed by public law.", refs = {"Art27.1", "Art49.3"}) Boolean publicBody,
            @Doc(value = "Whether the deployer is a private entity providing public services.", refs = {"Art27.1"}) Boolean publicServiceProvider,
            @Doc(value = "How the deployer uses the system according to the instructions.", refs = {"Art26.1"}) String useAccordingToInstructions,
            @Doc(value = "Persons assigned to oversight, with competence, training and authority.", refs = {"Art26.2"}) String oversightAssignment,
            @Doc(value = "How input data under the deployer's control is kept relevant and representative.", refs = {"Art26.4"}) String inputDataControl,
            @Doc(value = "Monitoring of operation and informing the provider.", refs = {"Art26.5"}) String monitoring,
            @Doc(value = "Retention of logs under the deployer's control, in months.", refs = {"Art26.6"}) @Min(0) @Max(1200) Integer logRetentionMonths,
            @Doc(value = "Whether workers' representatives and affected workers were informed.", refs = {"Art26.7"}) Boolean workersInformed,
            @Doc(value = "How affected persons are informed that a high-risk system is used on them.", refs = {"Art26.11"}) String affectedPersonsInformation,
            @Doc(value = "Data protection impact assessment.", refs = {"Art26.9", "AnxVIII.C.5"}) @Valid Assessment dpia,
            @Doc(value = "Fundamental rights impact assessment.", refs = {"Art27"}) @Valid Fria fria,
            @Doc(value = "URL of the provider's EU database entry.", refs = {"AnxVIII.C.3"}) @Pattern(regexp = "https?://\\S+", message = "must be an http(s) URL") String providerDatabaseUrl) {
    }

    public record Assessment(
            @Doc("Date completed.") LocalDate completedOn,
            @Doc("Summary of the findings.") String summary,
            @Doc("Evidence id.") @Verbatim String evidence) {
    }

    public record Fria(
            @Doc(value = "Deployer processes in which the system is used.", refs = {"Art27.1.a"}) String processes,
            @Doc(value = "Period and frequency of use.", refs = {"Art27.1.b"}) String periodAndFrequency,
            @Doc(value = "Categories of persons and groups likely to be affected.", refs = {"Art27.1.c"}) String affectedCategories,
            @Doc(value = "Specific risks of harm to those categories.", refs = {"Art27.1.d"}) String specificRisks,
            @Doc(value = "How human oversight is implemented.", refs = {"Art27.1.e"}) String oversightImplementation,
            @Doc(value = "Measures if the risks materialise, incl. governance and complaint mechanisms.", refs = {"Art27.1.f"}) String riskResponse,
            @Doc(value = "Date the assessment was completed.", refs = {"Art27.2"}) LocalDate completedOn,
            @Doc(value = "Date the results were notified to the market surveillance authority.", refs = {"Art27.3"}) LocalDate notifiedOn,
            @Doc(value = "Summary of the findings.", refs = {"AnxVIII.C.4"}) String summary,
            @Doc("Evidence id.") @Verbatim String evidence) {
    }

    public record Transparency(
            @Doc(value = "How natural persons are told they are interacting with an AI system.", refs = {"Art50.1"}) String interactionDisclosure,
            @Doc(value = "How synthetic outputs are marked in a machine-readable, detectable way.", refs = {"Art50.2"}) String contentMarking,
            @Doc(value = "Standard used for marking (e.g. C2PA 2.1, watermark).", refs = {"Art50.2"}) @Verbatim String markingStandard,
            @Doc(value = "How exposed persons are informed of emotion recognition or biometric categorisation.", refs = {"Art50.3"}) String exposureNotice,
            @Doc(value = "How deep fakes are disclosed.", refs = {"Art50.4.sub1"}) String deepFakeDisclosure,
            @Doc(value = "How AI-generated text on matters of public interest is disclosed.", refs = {"Art50.4.sub2"}) String publicInterestTextDisclosure,
            @Doc(value = "When and how the information is given (at the latest at first interaction).", refs = {"Art50.5"}) String timing) {
    }

    public record AiLiteracy(
            @Doc(value = "Measures that support AI literacy of staff and others operating the system.", refs = {"Art4"}) String measures) {
    }

    public record Evidence(
            @Doc("Identifier other fields use to cite this file.") @NotBlank @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}", message = "must be 1-64 letters, digits, '.', '_' or '-'") @Verbatim String id,
            @Doc("Title of the document.") @NotBlank String title,
            @Doc("Path relative to this description; must stay inside its folder.") @NotBlank @Verbatim String path,
            @Doc("SHA-256 of the file, 64 hex digits.") @NotBlank @Pattern(regexp = "[0-9a-fA-F]{64}", message = "must be 64 hexadecimal digits") @Verbatim String sha256) {
    }
}
