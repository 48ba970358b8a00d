package dev.aidossier.render;

import dev.aidossier.TestSupport;
import dev.aidossier.analysis.Analysis;
import dev.aidossier.core.Finding;
import dev.aidossier.core.Status;
import dev.aidossier.load.DescriptionLoader;
import dev.aidossier.load.Limits;
import dev.aidossier.load.Loaded;
import dev.aidossier.load.TreePatch;
import dev.aidossier.load.YNode;
import dev.aidossier.load.YNode.YList;
import dev.aidossier.load.YNode.YMap;
import dev.aidossier.load.YamlReader;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.aidossier.render.RenderFixtures.AFTER;
import static dev.aidossier.render.RenderFixtures.ENGINE;
import static dev.aidossier.render.RenderFixtures.options;
import static dev.aidossier.render.RenderFixtures.renderer;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A description the loader accepts renders, however much of it is missing or of the wrong type: the
 * documents show gaps, never a template error. Found by the render fuzz target (a list item without its
 * name or kind, a description without spec, a waiver without expiry).
 */
class MissingPartsTest {

    private static YNode tree(String name) throws IOException {
        return new YamlReader(Limits.DEFAULT).parse(Files.readAllBytes(RenderFixtures.resource(name)), name).root();
    }

    private static List<String> errors(YNode root, String name) {
        Loaded l = new DescriptionLoader().fromTree(root, name, RenderFixtures.resource(name));
        Analysis a = ENGINE.analyse(l, AFTER);
        List<String> out = new ArrayList<>();
        for (DocumentKind k : DocumentKind.values()) {
            if (!Renderer.applies(k, a)) {
                continue;
            }
            try {
                renderer().xhtml(k, a, options("missing", AFTER).withDraft(true));
            } catch (RenderException | RuntimeException e) {
                out.add(k.id() + ": " + e.getMessage());
            }
        }
        return out;
    }

    @Test
    void everyListItemWithNoneOfItsKeys() throws IOException {
        YNode base = tree("complete.yaml");
        List<String> items = TestSupport.nodes(base).stream().filter(t -> t.parent() instanceof YList && t.node() instanceof YMap)
                .map(TestSupport.TreeNode::path).toList();
        assertThat(items).hasSizeGreaterThan(30);
        for (String item : items) {
            assertThat(errors(TreePatch.set(base, item, Map.of()), "complete.yaml")).as(item + " = {}").isEmpty();
        }
    }

    @Test
    void everySectionMissingOrNotAMapping() throws IOException {
        YNode base = tree("complete.yaml");
        for (String s : List.of("metadata", "spec")) {
            assertThat(errors(TreePatch.remove(base, s), "complete.yaml")).as(s + " removed").isEmpty();
        }
        // a value of the wrong type is reported by the loader and absent for the templates, as a missing one
        List<String> sections = new ArrayList<>(List.of("metadata", "spec"));
        ((YMap) ((YMap) base).get("spec")).entries().keySet().forEach(k -> sections.add("spec." + k));
        for (String s : sections) {
            assertThat(errors(TreePatch.set(base, s, 7L), "complete.yaml")).as(s + " = 7").isEmpty();
        }
    }

    @Test
    void anIncompleteWaiverWaivesNothingAndRenders() throws IOException {
        YNode base = tree("incomplete.yaml");
        for (String key : List.of("expires", "reason", "approver")) {
            YNode t = TreePatch.remove(base, "waivers[0]." + key);
            assertThat(errors(t, "incomplete.yaml")).as("waiver without " + key).isEmpty();
            Loaded l = new DescriptionLoader().fromTree(t, "incomplete.yaml", RenderFixtures.resource("incomplete.yaml"));
            List<Finding> fs = ENGINE.analyse(l, AFTER).findings();
            assertThat(fs).as("waiver without " + key).noneMatch(f -> f.status() == Status.waived);
            assertThat(fs).as("waiver without " + key).anyMatch(f -> f.ruleId().equals("EUAIA-ANXIV-7-STANDARDS") && f.status() == Status.failed);
            assertThat(fs).as("waiver without " + key).anyMatch(f -> f.ruleId().equals("schema.required"));
        }
    }

}
