package dev.aidossier.fuzz;

import dev.aidossier.TestSupport;
import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.aidossier.analysis.Engine;
import dev.aidossier.analysis.Analysis;
import dev.aidossier.load.DescriptionLoader;
import dev.aidossier.load.Loaded;
import dev.aidossier.load.TreePatch;
import dev.aidossier.load.YNode;
import dev.aidossier.load.YNode.Entry;
import dev.aidossier.load.YNode.YList;
import dev.aidossier.load.YNode.YMap;
import dev.aidossier.load.YPath;
import dev.aidossier.load.YamlReader;
import dev.aidossier.render.DocumentKind;
import dev.aidossier.render.RenderException;
import dev.aidossier.render.RenderOptions;
import dev.aidossier.render.Renderer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.aidossier.fuzz.FuzzContract.check;

/**
 * Fuzz target "render": a valid description whose values the fuzzer replaces (hostile Unicode, markup,
 * template syntax, control characters, very long words and texts, numbers where text belongs), whose keys
 * it renames and whose parts it removes, rendered to every document kind. Whatever the description holds,
 * each document renders to a PDF, and no value makes the renderer ask for a resource (an image, a style
 * sheet, a link target) outside the bundled templates.
 *
 * <p>The change is applied to the loaded tree, as a YAML file with escapes ({@code "\u0007"}) could write
 * it; the tree is then bound and validated like a file, so type errors become findings as usual.
 */
class RenderFuzzTest {

    private static final Engine ENGINE = FuzzContract.engine(List.of("eu-ai-act"), true);
    private static final Renderer RENDERER = renderer();
    private static final Path DIR = Path.of("src/test/resources/render").toAbsolutePath();
    private static final List<Base> BASES = List.of(base("complete.yaml"), base("incomplete.yaml"), base("gpai-model.yaml"),
            base("minimal-risk.yaml"));

    /** Text that has broken renderers before, offered besides the fuzzer's own strings. */
    static final List<String> HOSTILE = List.of(
            "<script>alert(1)</script>", "</td></tr></table><p>", "<img src=\"http://127.0.0.1:9/x.png\"/>",
            "<a href=\"file:///etc/passwd\">x</a>", "<link rel=\"stylesheet\" href=\"/etc/passwd\"/>",
            "&nbsp; &amp; &#0; &#xD800; &bogus;", "]]><![CDATA[", "<?xml version=\"1.0\"?>", "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>&e;",
            "${7*7} #{7*7} <#include \"/etc/passwd\"> <@lib.gap/> [#if true]x[/#if] <#-- c -->", "${.data_model}", "?api ?new ?eval",
            "url(file:///etc/passwd)", "@import 'x.css';", "\u0000", "\u0001\u0007\u0008\u000B\u000C\u001B\u007F\u0085",
            "\uD800", "\uDC00x\uD800", "\uFFFE\uFFFF", "\uFEFF", "\u202E\u2066reversed\u2069", "\u200B\u200C\u200D\u2060",
            "e\u0301\u0301\u0301\u0301\u0301\u0301\u0301\u0301", "\uD83D\uDC69\u200D\uD83D\uDC69\u200D\uD83D\uDC67\u200D\uD83D\uDC66",
            "\uD800\uDF48\uD834\uDD1E", "\u0645\u0631\u062D\u0628\u0627 \u05E9\u05DC\u05D5\u05DD", "\u4E2D\u6587 \u65E5\u672C\u8A9E \uD55C\uAD6D\uC5B4",
            "\u0928\u092E\u0938\u094D\u0924\u0947 \u0E2A\u0E27\u0E31\u0E2A\u0E14\u0E35", "Stra\u00DFe \u00C5ngstr\u00F6m \u0141\u00F3d\u017A \u0391\u03B8\u03AE\u03BD\u03B1 \u041C\u043E\u0441\u043A\u0432\u0430",
            "\t\n\r\n\n\n  \t", "", " ", "TBD", "N/A", "see above", "-", "%PDF-1.4", "\\", "\\u0000",
            "javascript:alert(1)", "https://example.com/" + "a/".repeat(400), "x".repeat(5_000),
            "word ".repeat(3_000), "\u00A0".repeat(300), "-".repeat(2_000), "\uFFFD".repeat(500));

    private record Base(String name, YNode root) {
    }

    private static Renderer renderer() {
        try {
            return new Renderer(ENGINE, null, "fuzz", dev.aidossier.analysis.Frameworks.bundled());
        } catch (RenderException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Base base(String name) {
        try {
            byte[] bytes = Files.readAllBytes(Path.of("src/test/resources/render", name));
            YamlReader.Result r = new YamlReader(dev.aidossier.load.Limits.DEFAULT).parse(bytes, name);
            if (!r.readable()) {
                throw new IllegalStateException(name + " must be readable: " + r.problems());
            }
            return new Base(name, r.root());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @FuzzTest
    void render(FuzzedDataProvider data) {
        Base base = BASES.get(data.consumeInt(0, BASES.size() - 1));
        YNode root = base.root();
        List<String> scalars = new ArrayList<>(TestSupport.stringPaths(root));
        List<String> all = new ArrayList<>(paths(root));
        int changes = data.consumeInt(1, 12);
        List<String> written = new ArrayList<>();
        for (int i = 0; i < changes && data.remainingBytes() > 0; i++) {
            int op = data.consumeInt(0, 9);
            try {
                root = change(root, op, data, scalars.isEmpty() ? all : scalars, all, written);
            } catch (IllegalArgumentException e) {
                continue; // the change does not fit this tree (e.g. an index into a scalar): try the next
            }
            scalars.clear();
            scalars.addAll(TestSupport.stringPaths(root));
            all.clear();
            all.addAll(paths(root));
            if (all.isEmpty()) {
                break;
            }
        }
        LocalDate asOf = data.consumeBoolean() ? LocalDate.parse("2026-11-23") : LocalDate.parse("2028-01-01");
        boolean draft = data.consumeBoolean();
        // the passport and the plan analyse the description again against every pack: render them for a
        // part of the inputs only, so the regression run stays short (consumed last: older inputs keep their meaning)
        boolean frameworkDocs = data.remainingBytes() > 0 && data.consumeBoolean();
        Loaded loaded = new DescriptionLoader().fromTree(root, base.name(), DIR.resolve(base.name()));
        Analysis a = ENGINE.analyse(loaded, asOf);
        if (loaded.model() == null) {
            return; // the top level is no longer a mapping: not a description (the CLI stops with exit 2)
        }
        for (DocumentKind kind : DocumentKind.values()) {
            if (!Renderer.applies(kind, a) || (kind.frameworks() && !frameworkDocs)) {
                continue;
            }
            Renderer.Output o;
            try {
                o = RENDERER.render(kind, a, new RenderOptions("fuzz", asOf, draft, null));
            } catch (RenderException e) {
                // the one refusal the contract allows: characters no font can draw, reported at their places
                boolean glyphs = e.userError() && !e.findings().isEmpty()
                        && e.findings().stream().allMatch(f -> f.ruleId().equals("render.glyphs") && f.location().line() >= 1);
                if (glyphs) {
                    continue;
                }
                throw new AssertionError("the bundled templates must render any description, but " + kind.id() + " failed: "
                        + e.getMessage() + "; values written: " + written, e);
            }
            check(o.pdf().length > 100 && new String(o.pdf(), 0, 5, StandardCharsets.ISO_8859_1).equals("%PDF-"), kind.id() + " is no PDF");
            check(o.refused().isEmpty(), kind.id() + " asked for resources outside the templates: " + o.refused());
        }
    }

    /** One change of the tree, chosen by {@code op}; the values written as text are added to {@code written}. */
    private static YNode change(YNode root, int op, FuzzedDataProvider data, List<String> scalars, List<String> all, List<String> written) {
        switch (op) {
            case 0, 1, 2, 3 -> { // a string value
                String path = pick(data, scalars);
                String v = text(data);
                written.add(v);
                return TreePatch.set(root, path, v);
            }
            case 4 -> { // a value of another type where text, a list or a mapping belongs
                String path = pick(data, all);
                Object v = switch (data.consumeInt(0, 4)) {
                    case 0 -> data.consumeLong();
                    case 1 -> data.consumeRegularDouble();
                    case 2 -> data.consumeBoolean();
                    case 3 -> List.of(text(data), text(data));
                    default -> Map.of(text(data), text(data));
                };
                return TreePatch.set(root, path, v);
            }
            case 5 -> { // a missing part
                return TreePatch.remove(root, pick(data, all));
            }
            case 6 -> { // an unknown key
                return renameKey(root, pick(data, all), key(data));
            }
            case 7 -> { // a list grows: many rows, as tables do
                String path = pick(data, all);
                return repeatItem(root, path, data.consumeInt(1, 60));
            }
            case 8 -> { // a waiver with hostile text (waived findings print reason and approver)
                Map<String, Object> w = new LinkedHashMap<>();
                w.put("rule", data.consumeBoolean() ? "EUAIA-ANXIV-7-STANDARDS" : text(data));
                w.put("reason", text(data));
                w.put("approver", text(data));
                w.put("expires", data.consumeBoolean() ? "2030-01-01" : text(data));
                return TreePatch.set(root, "waivers[0]", w);
            }
            default -> { // a new key in a mapping
                String path = pick(data, all);
                return TreePatch.set(root, YPath.child(parentOf(path), key(data)), text(data));
            }
        }
    }

    /**
     * A string from the fuzzer, one of the hostile ones, or a long one made of either (up to 20 000
     * characters: longer ones render too, but take seconds each and would starve the fuzzer).
     */
    private static String text(FuzzedDataProvider data) {
        int how = data.consumeInt(0, 7);
        String s = how < 5 ? data.consumeString(200) : HOSTILE.get(data.consumeInt(0, HOSTILE.size() - 1));
        if (how == 4 || how == 7) {
            int times = data.consumeInt(2, 2_000);
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < times && sb.length() < 20_000; i++) {
                sb.append(s);
            }
            s = sb.toString();
        }
        return s;
    }

    /**
     * A key for a mapping: any text but the path syntax ('.', '[', ']'), which this harness uses to find its
     * way back (the load and check targets feed such keys through the YAML reader).
     */
    private static String key(FuzzedDataProvider data) {
        String k = text(data).replace(".", "").replace("[", "").replace("]", "");
        if (k.isEmpty()) {
            throw new IllegalArgumentException("empty key");
        }
        return k;
    }

    private static String pick(FuzzedDataProvider data, List<String> paths) {
        return paths.get(data.consumeInt(0, paths.size() - 1));
    }

    /** Paths of every node below {@code root}. */
    private static List<String> paths(YNode root) {
        return TestSupport.nodes(root).stream().map(TestSupport.TreeNode::path).toList();
    }

    private static String parentOf(String path) {
        int i = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
        return i < 0 ? "" : path.substring(0, i);
    }

    /** The tree with the key at {@code path} (when it is a mapping key) renamed. */
    private static YNode renameKey(YNode node, String path, String newKey) {
        List<Object> segs = YPath.segments(path);
        return rename(node, segs, 0, newKey);
    }

    private static YNode rename(YNode node, List<Object> segs, int i, String newKey) {
        Object seg = segs.get(i);
        boolean last = i == segs.size() - 1;
        if (node instanceof YMap m && seg instanceof String key && m.entries().containsKey(key)) {
            Map<String, Entry> out = new LinkedHashMap<>();
            for (Entry e : m.entries().values()) {
                if (!e.key().equals(key)) {
                    out.put(e.key(), e);
                } else if (last) {
                    out.putIfAbsent(newKey, new Entry(newKey, e.keyLocation(), e.value()));
                } else {
                    out.put(key, new Entry(key, e.keyLocation(), rename(e.value(), segs, i + 1, newKey)));
                }
            }
            return new YMap(out, m.location());
        }
        if (node instanceof YList l && seg instanceof Integer idx && idx < l.items().size() && !last) {
            List<YNode> items = new ArrayList<>(l.items());
            items.set(idx, rename(items.get(idx), segs, i + 1, newKey));
            return new YList(items, l.location());
        }
        return node;
    }

    /** The tree with the list item at {@code path} (when it is one) repeated {@code times} more times. */
    private static YNode repeatItem(YNode root, String path, int times) {
        List<Object> segs = YPath.segments(path);
        if (segs.isEmpty() || !(segs.get(segs.size() - 1) instanceof Integer)) {
            return root;
        }
        YNode item = YPath.find(root, path);
        YNode list = YPath.find(root, parentOf(path));
        if (item == null || !(list instanceof YList l)) {
            return root;
        }
        Object plain = item.toPlain();
        YNode out = root;
        for (int k = 0; k < times; k++) {
            out = TreePatch.set(out, YPath.index(parentOf(path), l.items().size() + k), plain);
        }
        return out;
    }
}
