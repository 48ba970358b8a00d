package dev.aidossier.load;

import dev.aidossier.core.Finding;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Loads one of the tool's own data files (rule packs, classification, crosswalks) with the same strict
 * reader as descriptions, so a broken rule file is reported at its own {@code file:line:column}.
 */
public record DataFile<T>(String file, YNode root, T value, List<Finding> findings) {

    public boolean ok() {
        return value != null && findings.stream().noneMatch(f -> f.severity() == dev.aidossier.core.Severity.error);
    }

    public static <T> DataFile<T> load(Path path, String displayName, Class<T> type) {
        YamlReader.Result r = new YamlReader(Limits.DEFAULT).read(path, displayName);
        return from(r, displayName, type);
    }

    public static <T> DataFile<T> parse(byte[] bytes, String displayName, Class<T> type) {
        YamlReader.Result r = new YamlReader(Limits.DEFAULT).parse(bytes, displayName);
        return from(r, displayName, type);
    }

    private static <T> DataFile<T> from(YamlReader.Result r, String file, Class<T> type) {
        List<Finding> findings = new ArrayList<>(r.problems());
        if (!r.readable()) {
            return new DataFile<>(file, null, null, findings);
        }
        T value = new Binder(findings).bind(r.root(), type, "");
        if (value != null) {
            DescriptionLoader.validate(value, r.root(), findings);
        }
        return new DataFile<>(file, r.root(), value, findings);
    }
}
