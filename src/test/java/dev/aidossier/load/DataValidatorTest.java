package dev.aidossier.load;

import dev.aidossier.TestSupport;
import dev.aidossier.classify.ClassificationFile;
import dev.aidossier.core.Finding;
import dev.aidossier.core.Location;
import dev.aidossier.load.YNode.YList;
import dev.aidossier.load.YNode.YMap;
import dev.aidossier.rules.CrosswalkFile;
import dev.aidossier.rules.FixtureRunner;
import dev.aidossier.rules.PackFile;
import dev.aidossier.rules.PackIndex;
import dev.aidossier.rules.RuleFile;
import dev.aidossier.rules.Waivers;
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
import java.util.Random;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The data files (rule packs, classification, index, crosswalk, fixtures, waiver files) are checked by
 * {@link DataValidator} instead of Hibernate Validator. Both must find the same violations, with the same
 * paths and messages, on every shipped data file and on thousands of broken copies of them.
 */
class DataValidatorTest {

    private static final List<Object> REPLACEMENTS = Arrays.asList(null, "", "  ", "x", "TBD", "lower-case id", "A.1", "https://x",
            "no url", 0, -3, 7, 1.5, true, List.of(), List.of(""), List.of(" ", "ok"), Map.of(), Map.of("a", ""), "2026-13-45",
            "x".repeat(130), "ends with a period.", "Art9.2.a", "dossier/rules/v1", "EUAIA-X-1");

    private static Class<?> typeOf(Path p) {
        String name = p.getFileName().toString();
        if (name.endsWith(".tests.yaml")) {
            return FixtureRunner.RuleTests.class;
        }
        return switch (name) {
            case "pack.yaml" -> PackFile.class;
            case "classification.yaml" -> ClassificationFile.class;
            case "index.yaml" -> PackIndex.class;
            default -> p.getParent().getFileName().toString().equals("crosswalk") ? CrosswalkFile.class : RuleFile.class;
        };
    }

    private static List<Path> dataFiles() throws IOException {
        try (Stream<Path> s = Files.walk(TestSupport.root().resolve("rules"))) {
            return s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
    }

    /** Every key and list item of the tree, as paths. */
    private static void paths(YNode n, String path, List<String> out) {
        if (n instanceof YMap m) {
            for (YNode.Entry e : m.entries().values()) {
                String p = YPath.child(path, e.key());
                out.add(p);
                paths(e.value(), p, out);
            }
        } else if (n instanceof YList l) {
            for (int i = 0; i < l.items().size(); i++) {
                String p = YPath.index(path, i);
                out.add(p);
                paths(l.items().get(i), p, out);
            }
        }
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
        List<DataValidator.Violation> hibernate = DescriptionLoader.hibernateViolations(value);
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
            List<String> paths = new ArrayList<>();
            paths(r.root(), "", paths);
            Class<?> type = typeOf(p);
            int cases = Math.min(30, paths.size());
            for (int c = 0; c < cases; c++) {
                YNode tree = r.root();
                StringBuilder what = new StringBuilder(p.toString());
                int edits = 1 + random.nextInt(3);
                for (int e = 0; e < edits; e++) {
                    String path = paths.get(random.nextInt(paths.size()));
                    try {
                        if (random.nextInt(4) == 0) {
                            tree = TreePatch.remove(tree, path);
                            what.append(" remove ").append(path);
                        } else {
                            Object v = REPLACEMENTS.get(random.nextInt(REPLACEMENTS.size()));
                            tree = TreePatch.set(tree, path, v);
                            what.append(" set ").append(path).append('=').append(v);
                        }
                    } catch (IllegalArgumentException ex) {
                        // a path removed by an earlier edit of this case
                    }
                }
                if (compare(tree, type, what.toString())) {
                    withViolations++;
                }
                compared++;
            }
        }
        assertThat(compared).isGreaterThan(900);
        assertThat(withViolations).isGreaterThan(250);
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
