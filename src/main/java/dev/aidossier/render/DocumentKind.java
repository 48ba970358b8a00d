package dev.aidossier.render;

import java.util.Arrays;
import java.util.List;

/** The documents the renderer produces, each from its own template {@code templates/<id>.ftlh}. */
public enum DocumentKind {
    TECHNICAL_DOCUMENTATION("technical-documentation", "Technical documentation", "DRAFT", true),
    DECLARATION("declaration", "EU declaration of conformity", "DRAFT \u2013 not a declaration of conformity", true),
    GAP_REPORT("gap-report", "Gap report", "DRAFT", false),
    INSTRUCTIONS("instructions", "Instructions for use", "DRAFT", true, false),
    PASSPORT("passport", "Regulatory passport", "DRAFT", false, true),
    INTEROPERABILITY_PLAN("interoperability-plan", "Regulatory Interoperability Plan", "DRAFT", false, true),
    // the documents of a general-purpose AI model's provider (Art. 53, Annexes XI and XII)
    GPAI_TECHNICAL_DOCUMENTATION("gpai-technical-documentation", "Technical documentation of the general-purpose AI model", "DRAFT", Scope.MODELS, false),
    DOWNSTREAM_INFORMATION("downstream-information", "Information for downstream providers", "DRAFT", Scope.MODELS, true),
    TRAINING_CONTENT_SUMMARY("training-content-summary", "Public summary of training content", "DRAFT", Scope.MODELS, true),
    MODEL_DOCUMENTATION_FORM("model-documentation-form", "Model Documentation Form", "DRAFT", Scope.MODELS, true);

    /** Which descriptions a document exists for. */
    private enum Scope { SYSTEMS, MODELS, BOTH }

    private final String id;
    private final String title;
    private final String draftStamp;
    private final boolean systemsOnly;
    private final boolean frameworks;
    private final boolean modelsOnly;
    private final boolean downstream;

    DocumentKind(String id, String title, String draftStamp, boolean systemsOnly) {
        this(id, title, draftStamp, systemsOnly, false);
    }

    DocumentKind(String id, String title, String draftStamp, boolean systemsOnly, boolean frameworks) {
        this.id = id;
        this.title = title;
        this.draftStamp = draftStamp;
        this.systemsOnly = systemsOnly;
        this.frameworks = frameworks;
        this.modelsOnly = false;
        this.downstream = false;
    }

    DocumentKind(String id, String title, String draftStamp, Scope scope, boolean downstream) {
        this.id = id;
        this.title = title;
        this.draftStamp = draftStamp;
        this.systemsOnly = scope == Scope.SYSTEMS;
        this.modelsOnly = scope == Scope.MODELS;
        this.frameworks = false;
        this.downstream = downstream;
    }

    /** Whether the document exists only for general-purpose AI models (Art. 53, Annexes XI and XII). */
    public boolean modelsOnly() {
        return modelsOnly;
    }

    /**
     * Whether providers that integrate the model receive the document ({@code --audience dp}): the Annex XII
     * information, the public summary and the downstream providers' items of the Model Documentation Form.
     */
    public boolean forDownstream() {
        return downstream;
    }

    /** Whether the document's content depends on the audience it is rendered for (the Form's items are marked per audience). */
    public boolean byAudience() {
        return this == MODEL_DOCUMENTATION_FORM;
    }

    /**
     * Whether the document sets several frameworks side by side (the passport, the interoperability
     * plan): it is judged against every framework's pack and joins a conformity pack only on request.
     */
    public boolean frameworks() {
        return frameworks;
    }

    /** The name used on the command line, in file names and as the template's base name. */
    public String id() {
        return id;
    }

    public String title() {
        return title;
    }

    /** The text stamped on every page of a draft. */
    public String draftStamp() {
        return draftStamp;
    }

    /** Whether the document exists only for AI systems (Annex IV, Annex V, Art. 13), not for GPAI models. */
    public boolean systemsOnly() {
        return systemsOnly;
    }

    public String template() {
        return id + ".ftlh";
    }

    public static DocumentKind parse(String id) {
        for (DocumentKind k : values()) {
            if (k.id.equals(id)) {
                return k;
            }
        }
        return null;
    }

    public static List<String> ids() {
        return Arrays.stream(values()).map(DocumentKind::id).toList();
    }
}
