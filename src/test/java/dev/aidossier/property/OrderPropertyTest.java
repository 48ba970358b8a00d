package dev.aidossier.property;

import dev.aidossier.analysis.Engine;
import dev.aidossier.analysis.Analysis;
import dev.aidossier.TestSupport;
import dev.aidossier.core.Finding;
import dev.aidossier.load.DescriptionLoader;
import dev.aidossier.load.Limits;
import dev.aidossier.load.Loaded;
import dev.aidossier.load.YNode;
import dev.aidossier.load.YNode.Entry;
import dev.aidossier.load.YNode.YList;
import dev.aidossier.load.YNode.YMap;
import dev.aidossier.load.YNode.YScalar;
import dev.aidossier.load.YamlReader;
import dev.aidossier.report.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Properties: results do not depend on the order of keys in a description's mappings, nor on the order
 * of the files in a batch or the number of jobs packing them.
 */
class OrderPropertyTest {

    private static final LocalDate AS_OF = LocalDate.parse("2028-01-01");
    private static final Engine ENGINE = engine();
    private static final List<Path> EXAMPLES = examples();

    @TempDir
    Path dir;

    private static Engine engine() {
        return TestSupport.allEngine();
    }

    private static List<Path> examples() {
        try (Stream<Path> s = Files.list(TestSupport.examples())) {
            return s.filter(dev.aidossier.TestSupport::isDescription).sorted().toList();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static Stream<Long> seeds() {
        return Generated.seeds(Generated.tries(24)).stream();
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void findingsDoNotDependOnTheOrderOfKeys(long seed) throws IOException {
        Random r = new Random(seed);
        Path example = EXAMPLES.get(Math.floorMod(seed, EXAMPLES.size()));
        byte[] original = Files.readAllBytes(example);
        YNode tree = new YamlReader(Limits.DEFAULT).parse(original, example.toString()).root();
        String shuffled = yaml(shuffle(tree, r));
        // the shuffled text is read as if it were the example (same folder: same evidence and waivers)
        Analysis a = analyse(original, example);
        Analysis b = analyse(shuffled.getBytes(StandardCharsets.UTF_8), example);
        String why = "seed " + seed + ", " + example.getFileName() + " with its keys shuffled:\n" + shuffled;
        assertThat(placeless(Json.classification(b.classification()))).as(why).isEqualTo(placeless(Json.classification(a.classification())));
        assertThat(withoutPlaces(b.findings())).as(why).isEqualTo(withoutPlaces(a.findings()));
        assertThat(b.findings()).as(why).hasSameSizeAs(a.findings());
    }

    @Test
    void checkGivesEachFileTheSameResultInAnyOrder() throws IOException {
        Random r = new Random(Generated.SEED);
        Map<String, JsonNode> first = null;
        List<String> firstLines = null;
        for (int round = 0; round < 3; round++) {
            List<String> files = new ArrayList<>(EXAMPLES.stream().map(Path::toString).toList());
            if (round > 0) {
                Collections.shuffle(files, r);
            }
            List<String> args = new ArrayList<>(List.of("check", "--as-of", AS_OF.toString(), "--pack", "all", "--format", "json"));
            args.addAll(files);
            TestSupport.Run json = TestSupport.run(args.toArray(String[]::new));
            args.set(6, "text");
            TestSupport.Run text = TestSupport.run(args.toArray(String[]::new));
            assertThat(json.exit()).as(json.toString()).isEqualTo(text.exit()).isIn(0, 1);
            Map<String, JsonNode> byFile = new TreeMap<>();
            for (JsonNode f : Json.mapper().readTree(json.out()).get("files")) {
                byFile.put(f.get("file").asString(), f);
            }
            List<String> lines = new ArrayList<>(text.out().lines().toList());
            Collections.sort(lines);
            if (first == null) {
                first = byFile;
                firstLines = lines;
            } else {
                assertThat(byFile).as("files in the order %s", files).isEqualTo(first);
                assertThat(lines).as("files in the order %s", files).isEqualTo(firstLines);
            }
        }
    }

    @Test
    void packsAreTheSameBytesInAnyOrderWithAnyNumberOfJobs() throws IOException {
        // two descriptions with every document, rendered at once with two jobs (all eight below without PDFs: rendering is slow)
        List<String> small = EXAMPLES.stream().filter(p -> List.of("customer-chatbot.yaml", "gpai-frontier-model.yaml")
                .contains(p.getFileName().toString())).map(Path::toString).toList();
        assertThat(small).hasSize(2);
        List<String> reversed = new ArrayList<>(small);
        Collections.reverse(reversed);
        assertSamePacks(pack("one", "1", small, false), pack("two", "2", reversed, false));
        List<String> all = EXAMPLES.stream().map(Path::toString).toList();
        List<String> shuffled = new ArrayList<>(all);
        Collections.shuffle(shuffled, new Random(Generated.SEED));
        assertSamePacks(pack("one-nopdf", "1", all, true), pack("two-nopdf", "2", shuffled, true));
    }

    private Path pack(String name, String jobs, List<String> files, boolean noPdf) {
        Path out = dir.resolve(name);
        List<String> args = new ArrayList<>(List.of("pack", "--as-of", AS_OF.toString(), "--jobs", jobs, "-o", out.toString()));
        if (noPdf) {
            args.add("--no-pdf");
        }
        args.addAll(files);
        TestSupport.Run r = TestSupport.run(args.toArray(String[]::new));
        assertThat(r.exit()).as(r.toString()).isIn(0, 1);
        return out;
    }

    private static void assertSamePacks(Path a, Path b) throws IOException {
        Map<String, byte[]> fa = TestSupport.files(a);
        Map<String, byte[]> fb = TestSupport.files(b);
        assertThat(fb.keySet()).isEqualTo(fa.keySet());
        assertThat(fa.keySet().stream().filter(n -> n.endsWith("manifest.json"))).isNotEmpty();
        fa.forEach((name, bytes) -> assertThat(fb.get(name)).as(name).isEqualTo(bytes));
    }

    private static Analysis analyse(byte[] bytes, Path path) {
        Loaded l = new DescriptionLoader(Limits.DEFAULT).load(bytes, path.getFileName().toString(), path);
        assertThat(l.readable()).as(l.findings().toString()).isTrue();
        return ENGINE.analyse(l, AS_OF);
    }

    /** Findings without their line and column, in a fixed order. */
    /** A JSON-shaped value without the line and column of the facts it cites (they move with the keys). */
    private static Object placeless(Object v) {
        if (v instanceof Map<?, ?> m) {
            Map<Object, Object> out = new java.util.LinkedHashMap<>();
            m.forEach((k, x) -> {
                if (!"line".equals(k) && !"column".equals(k)) {
                    out.put(k, placeless(x));
                }
            });
            return out;
        }
        if (v instanceof List<?> l) {
            return l.stream().map(OrderPropertyTest::placeless).toList();
        }
        return v;
    }

    private static List<String> withoutPlaces(List<Finding> findings) {
        List<String> out = new ArrayList<>();
        for (Finding f : findings) {
            out.add(f.ruleId() + " | " + f.severity() + " | " + f.status() + " | " + f.path() + " | " + f.message() + " | " + f.refs()
                    + " | " + f.appliesFrom() + " | " + f.waiver() + " | " + f.remediation());
        }
        Collections.sort(out);
        return out;
    }

    /** The tree with the entries of every mapping in a random order. */
    private static YNode shuffle(YNode node, Random r) {
        if (node instanceof YMap m) {
            List<Entry> entries = new ArrayList<>(m.entries().values());
            Collections.shuffle(entries, r);
            Map<String, Entry> out = new java.util.LinkedHashMap<>();
            for (Entry e : entries) {
                out.put(e.key(), new Entry(e.key(), e.keyLocation(), shuffle(e.value(), r)));
            }
            return new YMap(out, m.location());
        }
        if (node instanceof YList l) {
            List<YNode> items = new ArrayList<>();
            l.items().forEach(i -> items.add(shuffle(i, r)));
            return new YList(items, l.location());
        }
        return node;
    }

    /** Block-style YAML of a tree: strings double-quoted (JSON escapes are YAML escapes), other scalars as written. */
    static String yaml(YNode root) {
        StringBuilder sb = new StringBuilder();
        emit(root, 0, sb);
        return sb.toString();
    }

    private static void emit(YNode node, int indent, StringBuilder sb) {
        String pad = " ".repeat(indent);
        if (node instanceof YMap m) {
            for (Entry e : m.entries().values()) {
                sb.append(pad).append(quote(e.key())).append(':');
                child(e.value(), indent, sb);
            }
        } else if (node instanceof YList l) {
            for (YNode item : l.items()) {
                sb.append(pad).append('-');
                child(item, indent, sb);
            }
        }
    }

    private static void child(YNode value, int indent, StringBuilder sb) {
        if (value instanceof YScalar s) {
            sb.append(' ').append(scalar(s)).append('\n');
        } else if (value instanceof YMap m && m.entries().isEmpty()) {
            sb.append(" {}\n");
        } else if (value instanceof YList l && l.items().isEmpty()) {
            sb.append(" []\n");
        } else {
            sb.append('\n');
            emit(value, indent + 2, sb);
        }
    }

    private static String scalar(YScalar s) {
        if (s.value() == null) {
            return "null";
        }
        return s.value() instanceof String str ? quote(str) : s.text();
    }

    private static String quote(String s) {
        return Json.mapper().writeValueAsString(s);
    }
}
