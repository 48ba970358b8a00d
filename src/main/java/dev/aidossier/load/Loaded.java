package dev.aidossier.load;

import dev.aidossier.core.Finding;
import dev.aidossier.model.Enums.Kind;
import dev.aidossier.model.Metadata;
import dev.aidossier.model.ModelDescription;
import dev.aidossier.model.SystemDescription;
import dev.aidossier.model.Waiver;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * One loaded description: the positioned tree, the bound model (null when unreadable) and the
 * problems found while reading, binding and validating.
 *
 * @param file       the path as the user named it (used in every message)
 * @param path       the real path, for resolving evidence files
 * @param root       the YAML tree, or null when the file could not be read
 * @param model      a {@link SystemDescription} or {@link ModelDescription}, or null
 * @param findings   structural findings (yaml.*, schema.*)
 * @param bytes      the file's bytes (for hashing), or null when it could not be read
 */
public record Loaded(String file, Path path, YNode root, Object model, List<Finding> findings, byte[] bytes) {

    /** Whether the file could be read and parsed as YAML at all. */
    public boolean readable() {
        return root != null;
    }

    public Kind kind() {
        if (model instanceof ModelDescription) {
            return Kind.GPAIModel;
        }
        return Kind.AISystem;
    }

    public Metadata metadata() {
        if (model instanceof SystemDescription s) {
            return s.metadata();
        }
        if (model instanceof ModelDescription m) {
            return m.metadata();
        }
        return null;
    }

    public List<Waiver> waivers() {
        List<Waiver> w = null;
        if (model instanceof SystemDescription s) {
            w = s.waivers();
        } else if (model instanceof ModelDescription m) {
            w = m.waivers();
        }
        return w == null ? List.of() : w;
    }

    /** The description as plain maps and lists, the form rules and templates see. */
    @SuppressWarnings("unchecked")
    public Map<String, Object> plain() {
        return root == null ? Map.of() : (Map<String, Object>) root.toPlain();
    }
}
