package dev.aidossier.render;

import dev.aidossier.TestSupport;
import dev.aidossier.analysis.Analysis;
import dev.aidossier.core.Finding;
import dev.aidossier.core.Status;
import dev.aidossier.model.Doc;
import dev.aidossier.model.ModelSpec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The four documents of a general-purpose AI model's provider, read back from the PDFs: every point of
 * Annex XI and XII and every section of the summary template in order, values where they belong, gaps
 * as boxes with their lines, nothing confidential in the public summary, and the rule sets the
 * open-source reduction and systemic risk give.
 */
class GpaiDocumentsTest {

    static final LocalDate AS_OF = LocalDate.parse("2028-09-01");
    static final Path FRONTIER = TestSupport.examples().resolve("gpai-frontier-model.yaml");
    static final Path OPEN = TestSupport.examples().resolve("gpai-open-model.yaml");

    static Analysis frontier;
    static Analysis open;
    static String techDoc;
    static String downstream;
    static String summary;
    static String form;
    static String formDp;

    @BeforeAll
    static void render() throws Exception {
        frontier = RenderFixtures.ENGINE.analyse(FRONTIER, "gpai-frontier-model.yaml", AS_OF);
        open = RenderFixtures.ENGINE.analyse(OPEN, "gpai-open-model.yaml", AS_OF);
        techDoc = body(DocumentKind.GPAI_TECHNICAL_DOCUMENTATION, frontier, "all");
        downstream = body(DocumentKind.DOWNSTREAM_INFORMATION, frontier, "all");
        summary = body(DocumentKind.TRAINING_CONTENT_SUMMARY, frontier, "all");
        form = body(DocumentKind.MODEL_DOCUMENTATION_FORM, frontier, "all");
        formDp = body(DocumentKind.MODEL_DOCUMENTATION_FORM, frontier, "dp");
    }

    static byte[] pdf(DocumentKind kind, Analysis a, String audience) throws RenderException {
        String stem = a.loaded().file().replaceFirst("^.*/", "").replaceFirst("\\.yaml$", "");
        return RenderFixtures.renderer().render(kind, a, RenderFixtures.options(stem, AS_OF).withAudience(audience)).pdf();
    }

    /** The text after the table of contents (the headings are listed there too), or after the cover. */
    static String body(DocumentKind kind, Analysis a, String audience) throws RenderException {
        List<String> pages = RenderFixtures.pages(pdf(kind, a, audience));
        int first = 1;
        for (int i = 0; i < pages.size(); i++) {
            if (pages.get(i).contains("Contents ")) {
                first = i + 1;
                break;
            }
        }
        return String.join(" ", pages.subList(first, pages.size()));
    }

    /** Asserts that the headings occur in this order, and returns the text between heading i and i+1 for each. */
    static List<String> inOrder(String text, List<String> headings) {
        List<String> between = new ArrayList<>();
        int at = -1;
        List<Integer> starts = new ArrayList<>();
        for (String h : headings) {
            int i = text.indexOf(h, at + 1);
            assertThat(i).as("'" + h + "' after position " + at + " in:\n" + text).isGreaterThan(at);
            starts.add(i);
            at = i;
        }
        for (int k = 0; k < starts.size(); k++) {
            between.add(text.substring(starts.get(k), k + 1 < starts.size() ? starts.get(k + 1) : text.length()));
        }
        return between;
    }

    static final List<String> ANNEX_XI = List.of(
            "Section 1 Information to be provided by all providers of general-purpose AI models",
            "1. General description of the general-purpose AI model",
            "1(a) Tasks the model is intended to perform; AI systems it can be integrated into",
            "1(b) Acceptable use policies applicable",
            "1(c) Date of release and methods of distribution",
            "1(d) Architecture and number of parameters",
            "1(e) Modality and format of inputs and outputs",
            "1(f) Licence",
            "2. Detailed description of the elements of the model and of the process for its development",
            "2(a) Technical means required for integration into AI systems",
            "2(b) Design specifications of the model and training process",
            "2(c) Data used for training, testing and validation",
            "2(d) Computational resources used to train the model",
            "2(e) Known or estimated energy consumption",
            "Section 2 Additional information for general-purpose AI models with systemic risk",
            "1. Evaluation strategies and results",
            "2. Adversarial testing and model adaptations",
            "3. System architecture",
            "Obligations of Article 55 and notification under Article 52",
            "Copyright policy and training-content summary");

    // PDFBox reads a line's superscripts (the exponents of 4.12 × 10^11) at the end of the line: "4.12 × 10 (412,000,000,000)11"

    @Test
    void technicalDocumentationFollowsAnnexXiWithSection2ForSystemicRisk() {
        List<String> s = inOrder(techDoc, ANNEX_XI);
        assertThat(s.get(5)).as("1(d)").contains("4.12 × 10 (412,000,000,000)11", "Dense decoder-only transformer with 126 layers");
        assertThat(s.get(6)).as("1(e)").contains("Text UTF-8 text, 24 EU languages plus 11 others 262,144 tokens", "Code Source code in more than 40");
        assertThat(s.get(4)).as("1(c)").contains("2026-06-16", "Public API, Subscription API, Enterprise suite, Cloud marketplace");
        assertThat(s.get(11)).as("2(c)").contains("1.54 × 10 (15,400,000,000,000)13", "Éditions Montclair back catalogue", "10 to 10 tokens12 14");
        assertThat(s.get(12)).as("2(d)").contains("3.8 × 10 floating-point operations25", "Hardware-based", "3 to 6 months (2025-11-24 to 2026-02-28)",
                "Accelerator-days 1,425,000");
        assertThat(s.get(13)).as("2(e)").contains("31,900 MWh", "Measured");
        assertThat(s.get(17)).as("Section 2 point 3").contains("Requests pass the API gateway");
        assertThat(s.get(18)).as("Art. 55").contains("2025-11-21", "Weights are stored encrypted with keys in HSMs");
        assertThat(techDoc).doesNotContain("GAP ·").doesNotContain("Findings about other parts");
    }

    @Test
    void theOpenSourceModelsTechnicalDocumentationSaysItIsNotOwedAndHasNoSection2() throws Exception {
        String t = RenderFixtures.text(pdf(DocumentKind.GPAI_TECHNICAL_DOCUMENTATION, open, "all"));
        assertThat(t).contains("No rule of the pack requires this documentation for this model: the Art. 53(2) exemption",
                "Section 2 of Annex XI and Article 55 apply to general-purpose AI models with systemic risk")
                .doesNotContain("Section 2 Additional information").doesNotContain("GAP ·");
        inOrder(t, ANNEX_XI.subList(0, 14));
    }

    @Test
    void downstreamInformationFollowsAnnexXiiAndLeavesOutWhatItDoesNotAskFor() {
        List<String> s = inOrder(downstream, List.of(
                "1. General description of the general-purpose AI model",
                "1(a) Tasks the model is intended to perform; AI systems it can be integrated into",
                "1(b) Acceptable use policies applicable",
                "1(c) Date of release and methods of distribution",
                "1(d) Interaction with hardware or software that is not part of the model",
                "1(e) Versions of relevant software related to the use of the model",
                "1(f) Architecture and number of parameters",
                "1(g) Modality and format of inputs and outputs",
                "1(h) Licence for the model",
                "2. Elements of the model and the process for its development",
                "2(a) Technical means required for integration into AI systems",
                "2(b) Modality, format and maximum size of inputs and outputs",
                "2(c) Data used for training, testing and validation",
                "Capabilities and limitations (Article 53(1)(b)(i))",
                "Versions of the model"));
        assertThat(s.get(5)).as("1(e)").contains("vLLM 0.7.3 on CUDA 12.6");
        assertThat(s.get(11)).as("2(b)").contains("262,144 tokens", "40 images per request", "32,768 tokens");
        assertThat(s.get(12)).as("2(c)").contains("Language identification, URL and domain blocklists");
        assertThat(s.get(13)).contains("hallucinated citations");
        // Annex XII asks for neither compute nor energy nor evaluations
        assertThat(downstream).doesNotContain("floating-point operations").doesNotContain("31,900").doesNotContain("MMLU-Pro").doesNotContain("GAP ·");
    }

    static final List<String> SUMMARY_SECTIONS = List.of(
            "1. General information", "1.1 Provider and model identification", "1.2 Modalities and overall size of the training data",
            "1.3 Content and main characteristics", "1.4 Knowledge cut-off and period of collection",
            "2. List of data sources", "2.1 Publicly available data sets", "2.2 Private non-publicly available data sets obtained from third parties",
            "2.3 Data crawled and scraped from online sources", "2.4 User data", "2.5 Synthetic data", "2.6 Other sources of data",
            "3. Relevant data processing aspects", "3.1 Respect of reservations of rights from text and data mining", "3.2 Removal of illegal content");

    @Test
    void summaryHasTheTemplatesThreeSectionsWithTheSourcesInTheirPlaces() {
        List<String> s = inOrder(summary, SUMMARY_SECTIONS);
        assertThat(s.get(2)).as("1.2").contains("Text 10 to 10 tokens12 14", "Audio 10,000 to 10 hours5");
        assertThat(s.get(4)).as("1.4").contains("2025-09", "2019-01 to 2025-09");
        assertThat(s.get(6)).as("2.1").contains("Common Crawl (snapshots CC-MAIN-2019-04", "The Stack v2");
        assertThat(s.get(7)).as("2.2").contains("Licensed books, periodicals and stock images",
                "Not named: the provider keeps the name of this source confidential");
        assertThat(s.get(8)).as("2.3").contains("AurelisBot (user agent", "AurelisBot/2.0", "2023-01 to 2025-09",
                "wikipedia.org, europa.eu, arxiv.org, stackexchange.com, lemonde.fr");
        assertThat(s.get(9)).as("2.4").contains("Aurelis Chat (consumer tier)");
        assertThat(s.get(10)).as("2.5").contains("Generated with: Orphée-1.5 Ultra");
        assertThat(s.get(11)).as("2.6").contains("The provider declares no source of this kind.");
        assertThat(s.get(13)).as("3.1").contains("robots.txt, TDMRep (W3C community protocol), tdm-reservation meta tag, ai.txt");
        assertThat(s.get(14)).as("3.2").contains("CSAM hash matching against the IWF and Thorn lists");
    }

    /** Every scalar below the fields of the format marked confidential (@Doc(confidential), a $comment in the schema), and the names of confidential sources. */
    static void confidential(JsonNode node, Class<?> type, boolean secret, List<String> out) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return;
        }
        if (node.isValueNode()) {
            if (secret) {
                out.add(node.isNumber() ? node.numberValue().toString() : node.asString());
            }
            return;
        }
        if (node.isArray()) {
            for (JsonNode x : node) {
                confidential(x, type, secret, out);
            }
            return;
        }
        if (type == null || !type.isRecord()) {
            for (JsonNode x : node.values()) {
                confidential(x, null, secret, out);
            }
            return;
        }
        boolean sourceSecret = type == ModelSpec.DataSource.class && node.path("confidential").asBoolean(false);
        for (RecordComponent rc : type.getRecordComponents()) {
            Doc d = rc.getAnnotation(Doc.class);
            boolean s = secret || (d != null && d.confidential())
                    || (sourceSecret && List.of("name", "description", "url").contains(rc.getName()));
            Class<?> child = rc.getType();
            Type g = rc.getGenericType();
            if (g instanceof ParameterizedType pt && pt.getActualTypeArguments()[0] instanceof Class<?> c) {
                child = c;
            }
            confidential(node.get(rc.getName()), child, s, out);
        }
    }

    @Test
    void thePublicSummaryHoldsNoConfidentialValue() throws Exception {
        JsonNode spec = YAMLMapper.builder().build().readTree(Files.readString(FRONTIER)).get("spec");
        List<String> secrets = new ArrayList<>();
        confidential(spec, ModelSpec.class, false, secrets);
        assertThat(secrets).as("the walk finds the confidential values").hasSizeGreaterThan(25)
                .contains("3.8E25", "31900", "Éditions Montclair back catalogue under NDA-2025-114");
        String text = RenderFixtures.text(pdf(DocumentKind.TRAINING_CONTENT_SUMMARY, frontier, "all"));
        int checked = 0;
        for (String v : secrets) {
            String n = RenderFixtures.normalise(v);
            if (n.matches("-?[0-9.]+(E[0-9]+)?")) {
                double d = Double.parseDouble(n);
                java.text.DecimalFormat sci = new java.text.DecimalFormat("0.0##E0");
                String[] me = sci.format(d).split("E");
                assertThat(text).as("value " + v).doesNotContain(me[0] + " × 10")
                        .doesNotContain(String.format(java.util.Locale.ROOT, "%,.0f", d));
                checked++;
            } else if (n.length() >= 12) {
                assertThat(text).as("confidential value").doesNotContain(n.substring(0, Math.min(40, n.length())));
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(20);
        // and the same walk finds public values that the summary does print (the check can fail)
        assertThat(text).contains(RenderFixtures.normalise(spec.at("/data/publicDescription").asString()).substring(0, 40));
        assertThat(summary).doesNotContain("3.8 × 10").doesNotContain("NDA-2025-114");
    }

    static final List<String> FORM_ITEMS = List.of("1(a) Legal name", "1(b) Model name", "1(c) Model authenticity", "1(d) Release date",
            "1(e) Union market release date", "1(f) Model dependencies", "2(a) Model architecture", "2(b) Design specification of the model",
            "2(c) Input modalities", "2(d) Output modalities", "2(e) Total number of parameters", "3(a) Distribution channels", "3(b) Licence",
            "4(a) Acceptable use policy", "4(b) Intended uses", "4(c) Type and nature of AI systems", "4(d) Technical means for integration",
            "5(a) Design specification of the training process", "6(a) Data types and modalities", "6(b) Provenance of the data",
            "6(c) How the data was obtained", "6(d) Number of data points", "6(e) Scope and main characteristics", "6(f) Data curation",
            "6(g) Measures against unsuitable data sources", "7(a) Training time", "7(b) Amount of computation", "8(a) Energy used for training",
            "8(b) Method of measurement", "8(c) Energy used for inference");

    /** The items a downstream provider receives: those serving Annex XII, and the identification items. */
    static final Set<String> DP_ITEMS = Set.of("1(a)", "1(b)", "1(c)", "1(d)", "1(e)", "1(f)", "2(a)", "2(c)", "2(d)", "2(e)", "3(a)", "3(b)",
            "4(a)", "4(b)", "4(c)", "4(d)", "6(a)", "6(b)", "6(f)");

    @Test
    void formListsEveryItemWithItsAudienceMarks() {
        List<String> rows = inOrder(form, FORM_ITEMS);
        for (int i = 0; i < FORM_ITEMS.size(); i++) {
            String item = FORM_ITEMS.get(i).substring(0, 4);
            assertThat(rows.get(i)).as(item).contains(DP_ITEMS.contains(item) ? "AIO NCA DP" : "AIO NCA ");
            if (!DP_ITEMS.contains(item)) {
                assertThat(rows.get(i)).as(item).doesNotContain("AIO NCA DP");
            }
        }
        assertThat(rows.get(26)).as("7(b)").contains("3.8 × 10 FLOP25", "Hardware-based");
        assertThat(rows.get(2).replace(" ", "")).as("1(c)").contains("5d0f3c8e2b9a71c4e6f08a3d2c1b9e7f4a6d8c0b2e4f6a8c0d2e4f6a8b0c2d4e");
    }

    @Test
    void formForDownstreamProvidersHoldsOnlyTheirItems() throws Exception {
        List<String> dp = FORM_ITEMS.stream().filter(i -> DP_ITEMS.contains(i.substring(0, 4))).toList();
        inOrder(formDp, dp);
        for (String i : FORM_ITEMS) {
            if (!DP_ITEMS.contains(i.substring(0, 4))) {
                assertThat(formDp).as(i).doesNotContain(i);
            }
        }
        assertThat(formDp).doesNotContain("FLOP25").doesNotContain("31,900").doesNotContain("7. Computational resources")
                .doesNotContain("5. Training process");
        assertThat(RenderFixtures.text(pdf(DocumentKind.MODEL_DOCUMENTATION_FORM, frontier, "dp")))
                .contains("MODEL DOCUMENTATION FORM · FOR DOWNSTREAM PROVIDERS", "Audience The items for downstream providers (DP) only");
    }

    @Test
    void gapsAreBoxesAtTheValueTheyConcernWithTheirLines(@TempDir Path tmp) throws Exception {
        // the frontier model without its domain list, its compute method and with a parameter count of "large"
        String yaml = Files.readString(FRONTIER)
                .replaceFirst("        topDomains: \\[wikipedia.org[^\\n]*\\n", "")
                .replaceFirst("    parameters: 4.12e11", "    parameters: large");
        int line = 1 + (int) yaml.substring(0, yaml.indexOf("    parameters: large")).chars().filter(c -> c == '\n').count();
        int crawled = 1 + (int) yaml.substring(0, yaml.indexOf("      - category: crawled")).chars().filter(c -> c == '\n').count();
        Path p = tmp.resolve("gaps.yaml");
        Files.writeString(p, yaml);
        Analysis a = RenderFixtures.ENGINE.analyse(p, "gaps.yaml", AS_OF);
        String tech = body(DocumentKind.GPAI_TECHNICAL_DOCUMENTATION, a, "all");
        String d1 = inOrder(tech, List.of("1(d) Architecture and number of parameters", "1(e) Modality")).get(0);
        assertThat(d1).contains("GAP · EUAIA-ANXXI-S1-1-ARCHITECTURE · error", "gaps.yaml:" + line + ":17",
                "spec.model.parameters is not as required (found 'large')");
        String sum = body(DocumentKind.TRAINING_CONTENT_SUMMARY, a, "all");
        String s23 = inOrder(sum, List.of("2.3 Data crawled and scraped", "2.4 User data")).get(0);
        assertThat(s23).contains("GAP · EUAIA-ART53-1D-CRAWLED-DATA · error", "gaps.yaml:" + (crawled) + ":9",
                "spec.data.sources[4].topDomains is missing");
        String f = body(DocumentKind.MODEL_DOCUMENTATION_FORM, a, "all");
        assertThat(inOrder(f, List.of("2(e) Total number of parameters", "3(a)")).get(0)).contains("GAP · EUAIA-ANXXI-S1-1-ARCHITECTURE");
    }

    static Set<String> applicable(Analysis a) {
        Set<String> out = new TreeSet<>();
        for (Finding f : a.findings()) {
            if (f.ruleId().startsWith("EUAIA-") && f.status() != Status.notApplicable) {
                out.add(f.ruleId());
            }
        }
        return out;
    }

    static final Set<String> SUMMARY_AND_COPYRIGHT = Set.of("EUAIA-ART53-1C-COPYRIGHT-POLICY", "EUAIA-ART53-1D-TRAINING-SUMMARY",
            "EUAIA-ART53-1D-SUMMARY-GENERAL", "EUAIA-ART53-1D-SUMMARY-SIZE-RANGE", "EUAIA-ART53-1D-SUMMARY-SOURCES",
            "EUAIA-ART53-1D-SOURCES-LISTED", "EUAIA-ART53-1D-CRAWLED-DATA", "EUAIA-ART53-1D-USER-SYNTHETIC-DATA", "EUAIA-ART53-1D-PROCESSING");
    static final Set<String> ANNEX_XI_XII = Set.of("EUAIA-ANXXI-S1-1-PURPOSE", "EUAIA-ANXXI-S1-1-RELEASE", "EUAIA-ANXXI-S1-1-ARCHITECTURE",
            "EUAIA-ANXXI-S1-2A-INTEGRATION", "EUAIA-ANXXI-S1-2B-DESIGN", "EUAIA-ANXXI-S1-2C-DATA", "EUAIA-ANXXI-S1-2C-BIAS",
            "EUAIA-ANXXI-S1-2D-COMPUTE", "EUAIA-ANXXI-S1-2D-TRAINING-TIME", "EUAIA-ANXXI-S1-2E-ENERGY", "EUAIA-ART53-1B-DOWNSTREAM",
            "EUAIA-ANXXII-1-INTERACTIONS", "EUAIA-ANXXII-2B-CONTEXT", "EUAIA-ANXXII-2B-OUTPUT-SIZE", "EUAIA-ART53-4-FORM-IDENTIFICATION");
    static final Set<String> ART55 = Set.of("EUAIA-ART55-1A-EVALUATION", "EUAIA-ANXXI-S2-ADAPTATIONS-ARCHITECTURE", "EUAIA-ART55-1B-SYSTEMIC-RISK",
            "EUAIA-ART55-1C-INCIDENTS", "EUAIA-ART55-1D-CYBERSECURITY");

    @Test
    void openSourceReductionAndSystemicRiskGiveExactRuleSets(@TempDir Path tmp) throws Exception {
        // Art. 53(2): (a), (b) and Art. 54 fall away; (c) and (d) remain, with the licence check of the exemption itself
        Set<String> openSet = new TreeSet<>(SUMMARY_AND_COPYRIGHT);
        openSet.add("EUAIA-ART53-2-OPEN-SOURCE-LICENCE");
        assertThat(applicable(open)).isEqualTo(openSet);
        // systemic risk: everything, and Art. 55; the notification because the compute presumption fired
        Set<String> frontierSet = new TreeSet<>(SUMMARY_AND_COPYRIGHT);
        frontierSet.addAll(ANNEX_XI_XII);
        frontierSet.addAll(ART55);
        frontierSet.add("EUAIA-ART52-1-NOTIFICATION");
        assertThat(applicable(frontier)).isEqualTo(frontierSet);
        // the same open-source model designated with systemic risk: no reduction (Art. 53(2), second sentence)
        Path p = tmp.resolve("designated.yaml");
        Files.writeString(p, Files.readString(OPEN).replace("designatedSystemicRisk: false", "designatedSystemicRisk: true"));
        Analysis designated = RenderFixtures.ENGINE.analyse(p, "designated.yaml", AS_OF);
        assertThat(designated.classification().gpai()).isEqualTo("gpai-systemic-risk");
        Set<String> designatedSet = new TreeSet<>(SUMMARY_AND_COPYRIGHT);
        designatedSet.addAll(ANNEX_XI_XII);
        designatedSet.addAll(ART55);
        designatedSet.add("EUAIA-ART53-2-OPEN-SOURCE-LICENCE");
        assertThat(applicable(designated)).isEqualTo(designatedSet);
    }

    @Test
    void packsHoldTheDocumentsTheRulesOwe(@TempDir Path out) throws Exception {
        TestSupport.Run r = TestSupport.run("pack", FRONTIER.toString(), OPEN.toString(), "-o", out.toString(), "--as-of", "2026-12-02");
        assertThat(r.exit()).as(r.toString()).isZero();
        try (Stream<Path> s = Files.list(out.resolve("gpai-frontier-model"))) {
            assertThat(s.map(x -> x.getFileName().toString()).filter(n -> n.endsWith(".pdf")).sorted().toList()).containsExactly(
                    "gpai-frontier-model-downstream-information.pdf", "gpai-frontier-model-gap-report.pdf",
                    "gpai-frontier-model-gpai-technical-documentation.pdf", "gpai-frontier-model-model-documentation-form.pdf",
                    "gpai-frontier-model-training-content-summary.pdf");
        }
        try (Stream<Path> s = Files.list(out.resolve("gpai-open-model"))) {
            assertThat(s.map(x -> x.getFileName().toString()).filter(n -> n.endsWith(".pdf")).sorted().toList()).containsExactly(
                    "gpai-open-model-gap-report.pdf", "gpai-open-model-training-content-summary.pdf");
        }
    }

    @Test
    void renderForDownstreamProvidersWritesOnlyTheirDocuments(@TempDir Path out) {
        TestSupport.Run r = TestSupport.run("render", FRONTIER.toString(), "--doc", "all", "--audience", "dp", "-o", out.toString());
        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(out.toFile().list()).containsExactlyInAnyOrder("gpai-frontier-model-downstream-information.pdf",
                "gpai-frontier-model-training-content-summary.pdf", "gpai-frontier-model-model-documentation-form.dp.pdf");
        TestSupport.Run tech = TestSupport.run("render", FRONTIER.toString(), "--doc", "gpai-technical-documentation", "--audience", "dp",
                "-o", out.toString());
        assertThat(tech.exit()).isEqualTo(2);
        assertThat(tech.toString()).contains("downstream providers do not receive the technical documentation of the general-purpose ai model");
        TestSupport.Run bad = TestSupport.run("render", FRONTIER.toString(), "--doc", "all", "--audience", "public", "-o", out.toString());
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.toString()).contains("--audience: 'public' is not one of all, dp");
        TestSupport.Run system = TestSupport.run("render", TestSupport.examples().resolve("cv-screening.yaml").toString(),
                "--doc", "training-content-summary", "-o", out.toString());
        assertThat(system.exit()).isEqualTo(2);
        assertThat(system.toString()).contains("concerns general-purpose AI models");
    }

    @Test
    void sameBytesTwice() throws Exception {
        for (DocumentKind k : List.of(DocumentKind.GPAI_TECHNICAL_DOCUMENTATION, DocumentKind.DOWNSTREAM_INFORMATION,
                DocumentKind.TRAINING_CONTENT_SUMMARY, DocumentKind.MODEL_DOCUMENTATION_FORM)) {
            assertThat(pdf(k, frontier, "all")).as(k.id()).isEqualTo(pdf(k, frontier, "all"));
        }
    }
}
