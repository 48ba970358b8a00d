package dev.aidossier.load;

import dev.aidossier.TestSupport;
import dev.aidossier.classify.ClassificationFile;
import dev.aidossier.core.Finding;
import dev.aidossier.core.Location;
import dev.aidossier.load.YNode.YMap;
import dev.aidossier.rules.CrosswalkFile;
import dev.aidossier.analysis.FixtureRunner;
import dev.aidossier.rules.RulePackFile;
import dev.aidossier.rules.RulePackIndex;
import dev.aidossier.rules.RuleFile;
import dev.aidossier.rules.Waivers;
import dev.aidossier.model.ModelDescription;
import dev.aidossier.model.SystemDescription;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Descriptions and data files (rule packs, classification, index, crosswalk, fixtures, waiver files) are
 * checked by {@link DataValidator} instead of Hibernate Validator, which the tool used before. Both must
 * find the same violations, with the same paths and messages, on every example and shipped data file and
 * on thousands of broken copies of them; Hibernate Validator is kept as the oracle here.
 */
class DataValidatorTest {

    /** Hibernate Validator as the tool configured it (parameter interpolation, English messages). */
    private static final Validator HIBERNATE = hibernate();

    private static Validator hibernate() {
        System.setProperty("org.jboss.logging.provider", "slf4j"); // no version line on stderr
        return Validation.byDefaultProvider().configure()
                .messageInterpolator(new ParameterMessageInterpolator(Set.of(Locale.ROOT), Locale.ROOT, false))
                .buildValidatorFactory().getValidator();
    }

    /** Hibernate's violations as YAML paths, the way the tool derived them (list indexes kept, map keys dropped). */
    static List<DataValidator.Violation> hibernateViolations(Object model) {
        List<DataValidator.Violation> out = new ArrayList<>();
        for (ConstraintViolation<Object> cv : HIBERNATE.validate(model)) {
            StringBuilder sb = new StringBuilder();
            for (jakarta.validation.Path.Node n : cv.getPropertyPath()) {
                if (n.getIndex() != null) {
                    sb.append('[').append(n.getIndex()).append(']');
                }
                String name = n.getName();
                if (name != null && !name.startsWith("<")) {
                    if (sb.length() > 0) {
                        sb.append('.');
                    }
                    sb.append(name);
                }
            }
            out.add(new DataValidator.Violation(sb.toString(), cv.getConstraintDescriptor().getAnnotation().annotationType(),
                    cv.getInvalidValue(), cv.getMessage()));
        }
        return out;
    }

    private static final List<Object> REPLACEMENTS = Arrays.asList(null, "", "  ", "x", "TBD", "lower-case id", "A.1", "https://x",
            "no url", 0, -3, 7, 1.5, true, List.of(), List.of(""), List.of(" ", "ok"), Map.of(), Map.of("a", ""), "2026-13-45",
            "x".repeat(130), "ends with a period.", "Art9.2.a", "dossier/rules/v1", "EUAIA-X-1");

    private static Class<?> typeOf(Path p) {
        String name = p.getFileName().toString();
        if (name.endsWith(".tests.yaml")) {
            return FixtureRunner.RuleTests.class;
        }
        if (p.getParent().getFileName().toString().equals("i18n")) {
            return dev.aidossier.rules.RuleTextsFile.class;
        }
        return switch (name) {
            case "member-state-languages.yaml" -> dev.aidossier.rules.MemberStateLanguagesFile.class;
            case "pack.yaml" -> RulePackFile.class;
            case "classification.yaml" -> ClassificationFile.class;
            case "index.yaml" -> RulePackIndex.class;
            case "modification.yaml" -> dev.aidossier.rules.ModificationFile.class;
            case "registration.yaml" -> dev.aidossier.rules.RegistrationFile.class;
            default -> p.getParent().getFileName().toString().equals("crosswalk") ? CrosswalkFile.class : RuleFile.class;
        };
    }

    private static List<Path> dataFiles() throws IOException {
        try (Stream<Path> s = Files.walk(TestSupport.root().resolve("rules"))) {
            return s.filter(dev.aidossier.TestSupport::isDescription).sorted().toList();
        }
    }

    /** Every key and list item of the tree, as paths. */
    private static List<String> paths(YNode root) {
        return TestSupport.nodes(root).stream().map(TestSupport.TreeNode::path).toList();
    }

    /** A broken copy of a tree and what was done to it, for the failure message. */
    private record Broken(YNode tree, String what) {
    }

    /**
     * {@code root} with 1 to {@code maxEdits} random edits at {@code paths}: one in {@code removeOneIn} removes
     * the node, the others set it to one of {@code replacements}.
     */
    private static Broken broken(YNode root, String file, List<String> paths, Random random, int maxEdits, int removeOneIn,
                                 List<Object> replacements) {
        YNode tree = root;
        StringBuilder what = new StringBuilder(file);
        int edits = 1 + random.nextInt(maxEdits);
        for (int e = 0; e < edits; e++) {
            String path = paths.get(random.nextInt(paths.size()));
            try {
                if (random.nextInt(removeOneIn) == 0) {
                    tree = TreePatch.remove(tree, path);
                    what.append(" remove ").append(path);
                } else {
                    Object v = replacements.get(random.nextInt(replacements.size()));
                    tree = TreePatch.set(tree, path, v);
                    what.append(" set ").append(path).append('=').append(v);
                }
            } catch (IllegalArgumentException ex) {
                // a path removed by an earlier edit of this case
            }
        }
        return new Broken(tree, what.toString());
    }

    private static List<String> normalised(List<DataValidator.Violation> vs) {
        List<String> out = new ArrayList<>();
        for (DataValidator.Violation v : vs) {
            out.add(v.path() + " | " + v.annotation().getSimpleName() + " | " + v.message() + " | " + v.invalidValue());
        }
        Collections.sort(out);
        return out;
    }

    /** Binds the tree and compares both validators; returns whether there was anything to compare. */
    private static boolean compare(YNode tree, Class<?> type, String what) {
        List<Finding> bindProblems = new ArrayList<>();
        Object value = new Binder(bindProblems).bind(tree, type, "");
        if (value == null) {
            return false;
        }
        List<DataValidator.Violation> mine = DataValidator.validate(value);
        List<DataValidator.Violation> hibernate = hibernateViolations(value);
        assertThat(normalised(mine)).as(what).isEqualTo(normalised(hibernate));
        List<Finding> a = new ArrayList<>();
        List<Finding> b = new ArrayList<>();
        DescriptionLoader.report(mine, tree, a);
        DescriptionLoader.report(hibernate, tree, b);
        a.sort(Finding.ORDER);
        b.sort(Finding.ORDER);
        assertThat(a.stream().map(Finding::toText).toList()).as(what).isEqualTo(b.stream().map(Finding::toText).toList());
        return !mine.isEmpty();
    }

    @Test
    void shippedDataFilesAreValidForBoth() throws IOException {
        for (Path p : dataFiles()) {
            YamlReader.Result r = new YamlReader(Limits.DEFAULT).read(p, p.toString());
            assertThat(r.readable()).as(p.toString()).isTrue();
            compare(r.root(), typeOf(p), p.toString());
            assertThat(DataValidator.validate(new Binder(new ArrayList<>()).bind(r.root(), typeOf(p), ""))).as(p.toString()).isEmpty();
        }
    }

    @Test
    void brokenCopiesGiveTheSameViolations() throws IOException {
        Random random = new Random(20261123);
        int compared = 0;
        int withViolations = 0;
        for (Path p : dataFiles()) {
            YamlReader.Result r = new YamlReader(Limits.DEFAULT).read(p, p.toString());
            List<String> paths = paths(r.root());
            Class<?> type = typeOf(p);
            int cases = Math.min(30, paths.size());
            for (int c = 0; c < cases; c++) {
                Broken b = broken(r.root(), p.toString(), paths, random, 3, 4, REPLACEMENTS);
                if (compare(b.tree(), type, b.what())) {
                    withViolations++;
                }
                compared++;
            }
        }
        assertThat(compared).isGreaterThan(900);
        assertThat(withViolations).isGreaterThan(250);
    }

    private static final List<Object> DESCRIPTION_REPLACEMENTS = Arrays.asList(null, "", "  ", "x", "TBD", List.of(), Map.of(),
            "a@b", "jane.doe@example.com", "not-an-email", "@example.com", "jane@", "j@[192.168.0.1]", "ü@bücher.de", "a b@c.d",
            "x".repeat(64) + "@example.com", "jane@" + "d".repeat(70) + ".com", 0, -1, 1, 101, 1201, 2147483647, -0.0, 0.5, -2.5, 1e26,
            "x".repeat(61), "x".repeat(201), "x".repeat(301), "x".repeat(1001), "2026-02-30", "provider", "high-risk", true);

    private static Class<?> descriptionType(YNode root) {
        return root instanceof YMap m && m.get("kind") instanceof YNode.YScalar s && "GPAIModel".equals(s.value())
                ? ModelDescription.class : SystemDescription.class;
    }

    private static List<Path> descriptions() throws IOException {
        List<Path> out = new ArrayList<>();
        for (Path dir : List.of(TestSupport.examples(), TestSupport.resource("render"), TestSupport.resource("gaps"), TestSupport.resource("bad-input"))) {
            try (Stream<Path> s = Files.list(dir)) {
                s.filter(dev.aidossier.TestSupport::isDescription).sorted().forEach(out::add);
            }
        }
        return out;
    }

    @Test
    void examplesAndTestDescriptionsGiveTheSameViolations() throws IOException {
        int compared = 0;
        for (Path p : descriptions()) {
            YamlReader.Result r = new YamlReader(Limits.DEFAULT).read(p, p.toString());
            if (r.readable()) {
                compare(r.root(), descriptionType(r.root()), p.toString());
                compared++;
            }
        }
        assertThat(compared).isGreaterThan(15);
    }

    @Test
    void brokenDescriptionsGiveTheSameViolations() throws IOException {
        Random random = new Random(20261124);
        int compared = 0;
        int withViolations = 0;
        for (Path p : descriptions()) {
            YamlReader.Result r = new YamlReader(Limits.DEFAULT).read(p, p.toString());
            if (!r.readable()) {
                continue;
            }
            List<String> paths = paths(r.root());
            Class<?> type = descriptionType(r.root());
            int cases = Math.min(150, paths.size());
            for (int c = 0; c < cases; c++) {
                Broken b = broken(r.root(), p.toString(), paths, random, 4, 5, DESCRIPTION_REPLACEMENTS);
                if (compare(b.tree(), type, b.what())) {
                    withViolations++;
                }
                compared++;
            }
        }
        assertThat(compared).isGreaterThan(1500);
        assertThat(withViolations).isGreaterThan(500);
    }

    /** Every number and every e-mail field of every description, set to the values where the checks turn. */
    @Test
    void numberAndEmailEdgesGiveTheSameViolations() throws IOException {
        List<Object> numbers = Arrays.asList(-0.0, 0.0, 0, -1, 1, -1e-300, 0.5, 100, 101, 1200, 1201, 2147483647, 1e26, "12");
        List<Object> emails = Arrays.asList("a@b", "jane.doe@example.com", "not-an-email", "@example.com", "jane@", "j@[192.168.0.1]",
                "ü@bücher.de", "a b@c.d", "\"quoted local\"@example.com", "x".repeat(65) + "@example.com", "jane@" + "d".repeat(64) + ".com",
                "jane@example..com", "jane@-example.com", "", " ");
        int compared = 0;
        for (Path p : descriptions()) {
            YamlReader.Result r = new YamlReader(Limits.DEFAULT).read(p, p.toString());
            if (!r.readable()) {
                continue;
            }
            List<String> paths = paths(r.root());
            Class<?> type = descriptionType(r.root());
            for (String path : paths) {
                YNode leaf = YPath.nearest(r.root(), path).node();
                List<Object> values = leaf instanceof YNode.YScalar sc && sc.value() instanceof Number ? numbers
                        : path.toLowerCase(Locale.ROOT).contains("mail") ? emails : List.of();
                for (Object v : values) {
                    compare(TreePatch.set(r.root(), path, v), type, p + " set " + path + "=" + v);
                    compared++;
                }
            }
        }
        assertThat(compared).isGreaterThan(300);
    }

    @Test
    void waiverFilesGiveTheSameViolations() {
        Location at = new Location("w.waivers.yaml", 1, 1);
        List<Map<String, Object>> variants = new ArrayList<>();
        for (Object rule : Arrays.asList("EUAIA-X-1", "", null)) {
            for (Object expires : Arrays.asList("2027-01-01", null)) {
                Map<String, Object> w = new LinkedHashMap<>();
                w.put("rule", rule);
                w.put("reason", " ");
                w.put("approver", "J. Doe");
                w.put("expires", expires);
                Map<String, Object> file = new LinkedHashMap<>();
                file.put("apiVersion", rule == null ? "dossier/v2" : "dossier/v1");
                file.put("kind", "Waivers");
                file.put("waivers", Arrays.asList(w, null));
                variants.add(file);
            }
        }
        for (Map<String, Object> v : variants) {
            assertThat(compare(TreePatch.fromPlain(v, at), Waivers.WaiverFile.class, v.toString())).isTrue();
        }
    }
}
