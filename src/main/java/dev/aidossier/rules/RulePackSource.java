package dev.aidossier.rules;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where rule packs come from: the copy bundled in the jar (the default) or a folder the user names
 * with {@code --rules DIR}. Files are addressed by a relative name such as
 * {@code eu-ai-act/classification.yaml}; a name that would leave the folder is refused.
 */
public interface RulePackSource {

    /** The file's bytes, or null when it does not exist. */
    byte[] read(String relative) throws IOException;

    /** How the file is named in messages (e.g. {@code rules/eu-ai-act/pack.yaml}). */
    String display(String relative);

    /** Whether these are the packs built into the tool (checked by its tests, so what is only needed later may load later). */
    default boolean isBundled() {
        return false;
    }

    static RulePackSource bundled() {
        return new RulePackSource() {
            @Override
            public byte[] read(String relative) throws IOException {
                checkRelative(relative);
                try (InputStream in = RulePackSource.class.getResourceAsStream("/rules/" + relative)) {
                    return in == null ? null : in.readAllBytes();
                }
            }

            @Override
            public String display(String relative) {
                return "rules/" + relative;
            }

            @Override
            public boolean isBundled() {
                return true;
            }
        };
    }

    static RulePackSource directory(Path dir) {
        Path root = dir.toAbsolutePath().normalize();
        return new RulePackSource() {
            @Override
            public byte[] read(String relative) throws IOException {
                checkRelative(relative);
                Path p = root.resolve(relative).normalize();
                if (!p.startsWith(root)) {
                    throw new IOException("'" + relative + "' leaves the rules folder");
                }
                return Files.isRegularFile(p) ? Files.readAllBytes(p) : null;
            }

            @Override
            public String display(String relative) {
                return dir.resolve(relative).toString();
            }
        };
    }

    private static void checkRelative(String relative) throws IOException {
        if (relative.startsWith("/") || relative.contains("..") || relative.contains("\\") || relative.contains(":")) {
            throw new IOException("rule file name '" + relative + "' must be a plain relative name inside the pack");
        }
    }
}
