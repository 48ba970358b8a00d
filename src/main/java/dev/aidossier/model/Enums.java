package dev.aidossier.model;

/**
 * Closed vocabularies of the format. Constants are spelt exactly as they are written in YAML
 * (camelCase), so the binder, the schema and the error messages need no name mapping.
 */
public final class Enums {
    private Enums() {
    }

    public enum Kind { AISystem, GPAIModel }

    /** Where a document stands in its approval: drafted, sent for review, approved, replaced by a newer one. */
    public enum DocumentStatus { draft, forReview, approved, superseded }

    @Doc("A role the organisation holds for this system (Art. 3(3)-(8), Art. 25(3)).")
    public enum Role { provider, deployer, importer, distributor, productManufacturer, authorisedRepresentative }

    public enum InteractionType { hardware, software, aiSystem }

    public enum MarketForm { api, saas, download, embedded, onPremise, mobileApp, other }

    public enum MarketStatus { planned, onMarket, inService, withdrawn, recalled }

    public enum ComponentType { pretrainedModel, library, dataset, service, tool }

    public enum DatasetPurpose { training, validation, testing }

    public enum OversightCapability { understandCapabilities, automationBiasAwareness, interpretOutput, overrideOrDisregard, interveneOrStop }

    public enum OversightType { builtIn, deployer }

    public enum MetricKind { accuracy, robustness, fairness, cybersecurity, other }

    public enum Comparator { atLeast, atMost }

    public enum Threat { dataPoisoning, modelPoisoning, adversarialExamples, confidentialityAttacks, modelFlaws, other }

    public enum RiskArea { health, safety, fundamentalRights }

    public enum RiskSource { intendedUse, foreseeableMisuse, postMarketData }

    public enum Level { low, medium, high }

    public enum StandardCoverage { full, partial }

    public enum AssessmentProcedure { annexVI, annexVII, sectoral }

    public enum CePlacement { system, packaging, documentation, digital }

    public enum RegistrationSection { A, B, C }
}
