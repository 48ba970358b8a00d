package dev.aidossier.render;

import dev.aidossier.analysis.Frameworks;
import dev.aidossier.analysis.Engine;
import dev.aidossier.analysis.Analysis;
import dev.aidossier.cli.Main;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The regulatory passport and the Regulatory Interoperability Plan: their data, their PDFs, and pack --with. */
class PassportTest {

    static final LocalDate AS_OF = LocalDate.parse("2026-12-02");
    static final Path BORDER = Path.of("examples/border-biometrics.yaml");
    static Engine all;
    static Frameworks frameworks;

    @BeforeAll
    static void load() {
        frameworks = RenderFixtures.FRAMEWORKS;
        all = frameworks.engine();
    }

    private static Map<String, Object> model(Path file) {
        return model(file, AS_OF);
    }

    private static Map<String, Object> model(Path file, LocalDate asOf) {
        Analysis a = all.analyse(file, file.toString(), asOf);
        RenderOptions o = new RenderOptions("x", asOf, false, null);
        Map<String, Object> root = DataModel.forDocument(DataModel.shared(all, a, o, "test"), DocumentKind.PASSPORT, o);
        Passport.add(root, frameworks, a, asOf);
        return root;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> framework(Map<String, Object> model, String id) {
        return ((List<Map<String, Object>>) model.get("frameworks")).stream().filter(f -> f.get("id").equals(id)).findFirst().orElseThrow();
    }

    /** The standing of one cell (unit) of a framework, e.g. Art12 of eu-ai-act or MEASURE-2.8 of nist-ai-rmf. */
    @SuppressWarnings("unchecked")
    private static String cell(Map<String, Object> model, String pack, String unit) {
        for (Map<String, Object> g : (List<Map<String, Object>>) framework(model, pack).get("groups")) {
            for (Map<String, Object> u : (List<Map<String, Object>>) g.get("units")) {
                if (u.get("key").equals(unit)) {
                    return (String) u.get("standing");
                }
            }
        }
        throw new AssertionError(unit + " is not a cell of " + pack);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> matrixRow(Map<String, Object> model, String euKey) {
        return ((List<Map<String, Object>>) model.get("matrix")).stream()
                .filter(r -> ((Map<String, Object>) r.get("eu")).get("key").equals(euKey)).findFirst().orElseThrow();
    }

    @SuppressWarnings("unchecked")
    private static String matrixCell(Map<String, Object> row, String column, String key) {
        return ((List<Map<String, Object>>) row.get(column)).stream().filter(c -> c.get("key").equals(key))
                .map(c -> (String) c.get("standing")).findFirst().orElseThrow(() -> new AssertionError(key + " not in " + column));
    }

    private static byte[] render(DocumentKind kind, Path file, LocalDate asOf) throws RenderException {
        Renderer r = new Renderer(RenderFixtures.ENGINE, null, "test", frameworks);
        Analysis a = RenderFixtures.ENGINE.analyse(file, file.getFileName().toString(), asOf);
        return r.render(kind, a, new RenderOptions(file.getFileName().toString().replace(".yaml", ""), asOf, false, null)).pdf();
    }

    /** A copy of the border-biometrics example, with its evidence, after {@code edit}. */
    private static Path copy(Path dir, java.util.function.UnaryOperator<String> edit) throws IOException {
        Path target = dir.resolve("border-biometrics.yaml");
        Files.writeString(target, edit.apply(Files.readString(BORDER)));
        dev.aidossier.TestSupport.copyTree(Path.of("examples/evidence/border-biometrics"), dir.resolve("evidence/border-biometrics"));
        return target;
    }

    @Test
    void borderBiometricsStandsUnderAllThreeFrameworks() throws Exception {
        Map<String, Object> m = model(BORDER);
        assertThat(((List<?>) m.get("frameworks"))).hasSize(3);
        assertThat(framework(m, "eu-ai-act")).containsEntry("standing", "met").containsEntry("nature", "binding");
        assertThat(framework(m, "nist-ai-rmf")).containsEntry("standing", "partly").containsEntry("nature", "voluntary").containsEntry("warnings", 5);
        assertThat(framework(m, "iso-42001")).containsEntry("standing", "partly").containsEntry("warnings", 1);
        assertThat(cell(m, "eu-ai-act", "Art12")).isEqualTo("met");
        assertThat(cell(m, "eu-ai-act", "Art5")).isEqualTo("notApplicable");
        assertThat(cell(m, "nist-ai-rmf", "MEASURE-2.8")).isEqualTo("met");
        assertThat(cell(m, "nist-ai-rmf", "GOVERN-3.1")).isEqualTo("gap");
        assertThat(cell(m, "iso-42001", "A.6.2.8")).isEqualTo("met");
        assertThat(cell(m, "iso-42001", "A.5.5")).isEqualTo("gap");
        Map<String, Object> art12 = matrixRow(m, "Art12");
        assertThat(matrixCell(art12, "nist", "MEASURE-2.8")).isEqualTo("met");
        assertThat(matrixCell(art12, "iso", "A.6.2.8")).isEqualTo("met");
        assertThat(list(art12.get("sections"))).containsExactly("spec.logging");

        String text = RenderFixtures.text(render(DocumentKind.PASSPORT, BORDER, AS_OF));
        assertThat(text).contains("REGULATORY PASSPORT", "SentinelGate FaceMatch ABC", "Standing at a glance",
                "EU AI Act NIST AI RMF ISO/IEC 42001", "127 of 127 met 67 of 72 met 37 of 38 met",
                "Art. 12 Record-keeping met 3/3", "spec.logging",
                "NIST-GOVERN-3-1", "spec.governance.teamDiversity is missing");
        // table cells wrap long tokens (ids, places); compare without the spaces wrapping adds
        assertThat(squash(text)).contains(squash("NIST-GOVERN-3-1 warning GOVERN 3.1 expects"), "border-biometrics.yaml:905:3");
        assertThat(text).doesNotContain("EUAIA-ART12-AUTOMATIC-LOGGING");
    }

    @Test
    void removingOneFieldMovesTheCellsOfAllThreeFrameworks(@TempDir Path dir) throws Exception {
        String logging = "    events:\n";
        Path edited = copy(dir, s -> {
            int from = s.indexOf(logging, s.indexOf("\n  logging:\n"));
            int to = s.indexOf("    riskSituations:", from);
            assertThat(from).isPositive();
            return s.substring(0, from) + s.substring(to);
        });
        // judged once the high-risk obligations apply (2 Dec 2027), so the EU finding is open, not upcoming
        LocalDate applies = LocalDate.parse("2028-01-01");
        Map<String, Object> before = model(BORDER, applies);
        Map<String, Object> after = model(edited, applies);
        // one field read by a rule of each pack: Art. 12, MEASURE 2.8 and A.6.2.8 all move
        assertThat(cell(after, "eu-ai-act", "Art12")).isEqualTo("partly");
        assertThat(cell(after, "nist-ai-rmf", "MEASURE-2.8")).isEqualTo("gap");
        assertThat(cell(after, "iso-42001", "A.6.2.8")).isEqualTo("gap");
        assertThat(framework(after, "eu-ai-act")).containsEntry("standing", "partly").containsEntry("errors", 1);
        assertThat(framework(after, "iso-42001")).containsEntry("warnings", 2);
        Map<String, Object> row = matrixRow(after, "Art12");
        assertThat(((Map<?, ?>) row.get("eu")).get("standing")).isEqualTo("partly");
        assertThat(matrixCell(row, "nist", "MEASURE-2.8")).isEqualTo("gap");
        assertThat(matrixCell(row, "iso", "A.6.2.8")).isEqualTo("gap");
        // nothing else moved: every other cell keeps its standing
        for (String pack : List.of("eu-ai-act", "nist-ai-rmf", "iso-42001")) {
            List<String> moved = new ArrayList<>();
            for (String unit : units(before, pack)) {
                if (!cell(before, pack, unit).equals(cell(after, pack, unit))) {
                    moved.add(unit);
                }
            }
            assertThat(moved).as(pack).containsExactly(switch (pack) {
                case "eu-ai-act" -> "Art12";
                case "nist-ai-rmf" -> "MEASURE-2.8";
                default -> "A.6.2.8";
            });
        }

        String text = RenderFixtures.text(render(DocumentKind.PASSPORT, edited, applies));
        assertThat(text).contains("Art. 12 Record-keeping partly met 2/3");
        int line = (int) Files.readString(edited).lines().takeWhile(l -> !l.equals("  logging:")).count() + 1;
        assertThat(squash(text)).contains("EUAIA-ART12-AUTOMATIC-LOGGINGerror", "NIST-MEASURE-2-8warning", "ISO42001-A-6-2-8warning",
                "border-biometrics.yaml:" + line + ":3");
    }

    private static String squash(String s) {
        return s.replaceAll("\\s+", "");
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object o) {
        return (List<Object>) o;
    }

    @SuppressWarnings("unchecked")
    private static List<String> units(Map<String, Object> model, String pack) {
        List<String> out = new ArrayList<>();
        for (Map<String, Object> g : (List<Map<String, Object>>) framework(model, pack).get("groups")) {
            for (Map<String, Object> u : (List<Map<String, Object>>) g.get("units")) {
                out.add((String) u.get("key"));
            }
        }
        return out;
    }

    @Test
    void everyExamplesPassportReadsBack() throws Exception {
        List<Path> examples;
        try (Stream<Path> s = Files.list(Path.of("examples"))) {
            examples = s.filter(dev.aidossier.TestSupport::isDescription).sorted().toList();
        }
        assertThat(examples).hasSizeGreaterThanOrEqualTo(8);
        for (Path p : examples) {
            Map<String, Object> m = model(p);
            String name = (String) ((Map<?, ?>) m.get("system")).get("name");
            String text = RenderFixtures.text(render(DocumentKind.PASSPORT, p, AS_OF));
            assertThat(text).as(p.toString()).contains("REGULATORY PASSPORT", name, "EU AI Act NIST AI RMF ISO/IEC 42001",
                    "1. Standing side by side", "2. Crosswalk matrix", "4. Gaps that block each framework");
            for (String pack : List.of("eu-ai-act", "nist-ai-rmf", "iso-42001")) {
                Map<String, Object> f = framework(m, pack);
                Map<?, ?> rules = (Map<?, ?>) f.get("rules");
                // the glance table prints each framework's tally as the model has it
                assertThat(text).as(p + " " + pack).contains(rules.get("applicable").equals(0) ? "none applies"
                        : rules.get("met") + " of " + rules.get("applicable") + " met");
            }
        }
        // a prohibited practice stands as prohibited under the Act, whatever else it documents
        assertThat(framework(model(Path.of("examples/social-scoring.yaml")), "eu-ai-act")).containsEntry("standing", "prohibited");
        assertThat(RenderFixtures.text(render(DocumentKind.PASSPORT, Path.of("examples/social-scoring.yaml"), AS_OF)))
                .contains("Standing prohibited not applicable not applicable");
        // a general-purpose AI model: the NIST and ISO packs concern AI systems, so nothing of theirs applies
        Map<String, Object> gpai = model(Path.of("examples/gpai-frontier-model.yaml"));
        assertThat(framework(gpai, "nist-ai-rmf")).containsEntry("standing", "notApplicable");
        assertThat(framework(gpai, "iso-42001")).containsEntry("standing", "notApplicable");
    }

    @Test
    void interoperabilityPlanListsActionsOwnersAndUnplannedGaps() throws Exception {
        Map<String, Object> m = model(BORDER);
        Map<?, ?> plan = (Map<?, ?>) m.get("plan");
        List<Object> actions = list(plan.get("actions"));
        assertThat(actions).extracting(a -> (Object) ((Map<?, ?>) a).get("gap"))
                .containsExactly("NIST-MEASURE-2-12", "MEASURE-1.3", "A.5.5", "ISO/IEC 42001 certification");
        assertThat(actions).extracting(a -> (Object) ((Map<?, ?>) a).get("status")).containsExactly("open", "open", "open", "unlinked");
        assertThat(((Map<?, ?>) actions.get(1)).get("rules")).isEqualTo(List.of("NIST-MEASURE-1-3"));
        List<Object> unplanned = list(plan.get("unplanned"));
        Map<?, ?> nist = (Map<?, ?>) unplanned.get(1);
        assertThat(nist.get("open")).isEqualTo(5);
        assertThat(list(nist.get("gaps"))).extracting(g -> (Object) ((Map<?, ?>) g).get("id"))
                .containsExactly("NIST-GOVERN-3-1", "NIST-MAP-1-2", "NIST-MEASURE-4-2");
        assertThat(((Map<?, ?>) unplanned.get(0)).get("open")).isEqualTo(0);
        assertThat(plan.get("unplannedTotal")).isEqualTo(3);

        String text = RenderFixtures.text(render(DocumentKind.INTEROPERABILITY_PLAN, BORDER, AS_OF));
        assertThat(text).contains("REGULATORY INTEROPERABILITY PLAN", "6 (3 with a planned action, 3 without)",
                "Head of Biometric Science 2027-03-31", "VP Regulatory Affairs and Quality 2027-05-31",
                "TrustLab Notified Body GmbH, number 2931", "TNB-AIA-VII-2026-0093, issued 2026-09-14, valid until 2030-09-13",
                "EUDB-A-2026-0004417", "ISO/IEC 27001:2022 certificate",
                "NIST AI RMF: 3 of 5 open gaps without an action", "NIST-GOVERN-3-1", "EU AI Act: no open gap",
                "Written mandate of the authorised representative");
        assertThat(text).doesNotContain("OVERDUE");
        // after its target date an open action is overdue
        String later = RenderFixtures.text(render(DocumentKind.INTEROPERABILITY_PLAN, BORDER, LocalDate.parse("2027-04-15")));
        assertThat(later).contains("2027-03-31 OVERDUE", "4 (1 overdue)");
    }

    @Test
    void theEuRouteFollowsTheClassification() throws Exception {
        // the route text comes from the pack's passport.route, by general-purpose class, then tier
        String gpai = RenderFixtures.text(render(DocumentKind.INTEROPERABILITY_PLAN, Path.of("examples/gpai-frontier-model.yaml"), AS_OF));
        assertThat(gpai).contains("Risk tier (EU AI Act) General-purpose AI model with systemic risk",
                "No conformity assessment: the provider notifies the Commission (Art. 52)").doesNotContain("Procedure chosen");
        String chatbot = RenderFixtures.text(render(DocumentKind.INTEROPERABILITY_PLAN, Path.of("examples/customer-chatbot.yaml"), AS_OF));
        assertThat(chatbot).contains("No conformity assessment: the system is not high-risk. The transparency obligations of Art. 50 apply");
        String border = RenderFixtures.text(render(DocumentKind.INTEROPERABILITY_PLAN, BORDER, AS_OF));
        assertThat(border).contains("Conformity assessment under Art. 43 before placing on the market", "Procedure chosen");
    }

    @Test
    void packWithPassportAndPlanAddsBothDocuments(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("out");
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        int code = Main.run(new PrintWriter(o), new PrintWriter(e), "pack", BORDER.toString(), "-o", out.toString(),
                "--as-of", AS_OF.toString(), "--with", "passport,interoperability-plan", "--jobs", "1");
        assertThat(code).as(e.toString()).isZero();
        Path pack = out.resolve("border-biometrics");
        assertThat(pack.resolve("border-biometrics-passport.pdf")).isRegularFile();
        assertThat(pack.resolve("border-biometrics-interoperability-plan.pdf")).isRegularFile();
        assertThat(Files.readString(pack.resolve("manifest.json"))).contains("border-biometrics-passport.pdf", "border-biometrics-interoperability-plan.pdf");
        // the findings stay those of the pack chosen (the EU AI Act by default): the passport adds documents, not gates
        assertThat(Files.readString(pack.resolve("findings.json"))).doesNotContain("NIST-GOVERN-3-1");
        assertThat(RenderFixtures.text(Files.readAllBytes(pack.resolve("border-biometrics-passport.pdf")))).contains("NIST-GOVERN-3-1");

        // byte-identical on a second run
        Path again = dir.resolve("again");
        assertThat(Main.run(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()), "pack", BORDER.toString(), "-o", again.toString(),
                "--as-of", AS_OF.toString(), "--with", "passport,interoperability-plan", "--jobs", "1")).isZero();
        for (String f : List.of("border-biometrics-passport.pdf", "border-biometrics-interoperability-plan.pdf", "manifest.json")) {
            assertThat(Files.readAllBytes(again.resolve("border-biometrics").resolve(f))).as(f).isEqualTo(Files.readAllBytes(pack.resolve(f)));
        }

        // without --with the pack holds neither
        Path plain = dir.resolve("plain");
        assertThat(Main.run(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()), "pack", BORDER.toString(), "-o", plain.toString(),
                "--as-of", AS_OF.toString(), "--jobs", "1")).isZero();
        assertThat(plain.resolve("border-biometrics/border-biometrics-passport.pdf")).doesNotExist();
    }

    @Test
    void badWithValuesAreUsageErrors(@TempDir Path dir) {
        StringWriter e = new StringWriter();
        assertThat(Main.run(new PrintWriter(new StringWriter()), new PrintWriter(e), "pack", BORDER.toString(), "-o", dir.resolve("a").toString(),
                "--with", "passport,declaration")).isEqualTo(Main.USAGE);
        assertThat(e.toString()).contains("--with: 'declaration' is not one of passport, interoperability-plan (declaration is always in the pack)");
        StringWriter e2 = new StringWriter();
        assertThat(Main.run(new PrintWriter(new StringWriter()), new PrintWriter(e2), "pack", BORDER.toString(), "-o", dir.resolve("b").toString(),
                "--with", "passport", "--no-pdf")).isEqualTo(Main.USAGE);
        assertThat(e2.toString()).contains("cannot be combined with --no-pdf");
        assertThat(dir.resolve("a")).doesNotExist();
        assertThat(dir.resolve("b")).doesNotExist();
    }

    @Test
    void renderWithOnePackShowsTheOthersAsNotAssessed(@TempDir Path dir) throws Exception {
        StringWriter e = new StringWriter();
        int code = Main.run(new PrintWriter(new StringWriter()), new PrintWriter(e), "render", BORDER.toString(), "--doc", "passport",
                "-o", dir.toString(), "--as-of", AS_OF.toString(), "--pack", "eu-ai-act");
        assertThat(code).as(e.toString()).isZero();
        String text = RenderFixtures.text(Files.readAllBytes(dir.resolve("border-biometrics-passport.pdf")));
        assertThat(text).contains("Standing of one AI system under EU AI Act, side by side", "not assessed");
        assertThat(text).doesNotContain("67 of 72 met");
    }

    @Test
    void aBadPassportPatternIsAnErrorAtItsPlace(@TempDir Path dir) throws Exception {
        Path rules = dir.resolve("rules");
        dev.aidossier.TestSupport.copyTree(Path.of("rules"), rules);
        Path pack = rules.resolve("nist-ai-rmf/pack.yaml");
        String yaml = Files.readString(pack);
        Files.writeString(pack, yaml.replace("group: '^(GOVERN|MAP|MEASURE|MANAGE)-[0-9]+'", "group: '^(GOVERN|MAP'"));
        int line = (int) yaml.substring(0, yaml.indexOf("group: '^(GOVERN")).chars().filter(c -> c == '\n').count() + 1;
        StringWriter e = new StringWriter();
        int code = Main.run(new PrintWriter(new StringWriter()), new PrintWriter(e), "render", BORDER.toString(), "--doc", "passport",
                "-o", dir.resolve("out").toString(), "--rules", rules.toString());
        assertThat(code).isEqualTo(Main.USAGE);
        assertThat(e.toString()).contains("nist-ai-rmf/pack.yaml:" + line + ":10: error [rules.schema] passport.group is not a valid regular expression")
                .doesNotContain("Exception");
        assertThat(dir.resolve("out")).doesNotExist();
    }
}
