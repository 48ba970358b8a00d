package dev.aidossier.load;

import dev.aidossier.core.Finding;
import dev.aidossier.core.Location;
import dev.aidossier.load.YNode.YMap;
import dev.aidossier.load.YNode.YScalar;
import dev.aidossier.model.ModelDescription;
import dev.aidossier.model.SystemDescription;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

import java.lang.annotation.Annotation;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads, binds and structurally validates one description file. Everything the user got wrong comes
 * back as findings with {@code file:line:column}; only a defect of the tool itself throws.
 */
public final class DescriptionLoader {

    private final Limits limits;

    public DescriptionLoader(Limits limits) {
        this.limits = limits;
    }

    public DescriptionLoader() {
        this(Limits.DEFAULT);
    }

    /** Reads a description file; a PDF ({@code *.pdf}) is read for the description embedded in it. */
    public Loaded load(Path path, String displayName) {
        if (EmbeddedDescription.isPdf(path)) {
            return EmbeddedDescription.load(this, limits, path, displayName);
        }
        YamlReader.Result r = new YamlReader(limits).read(path, displayName);
        return fromResult(r, path, displayName);
    }

    public Loaded load(byte[] bytes, String displayName, Path path) {
        YamlReader.Result r = new YamlReader(limits).parse(bytes, displayName);
        return fromResult(r, path, displayName);
    }

    /** Binds and validates an already-built tree (used by rule fixtures that patch an example). */
    public Loaded fromTree(YNode root, String file, Path path) {
        return fromResult(new YamlReader.Result(root, List.of(), null), path, file);
    }

    private Loaded fromResult(YamlReader.Result r, Path path, String file) {
        List<Finding> findings = new ArrayList<>(r.problems());
        if (!r.readable()) {
            return new Loaded(file, path, null, null, findings, r.bytes());
        }
        YMap root = (YMap) r.root();
        Class<?> type = SystemDescription.class;
        YNode kind = root.get("kind");
        if (kind instanceof YScalar s && "GPAIModel".equals(s.value())) {
            type = ModelDescription.class;
        }
        Object model = new Binder(findings).bind(root, type, "");
        if (model != null) {
            validate(model, root, findings);
        }
        return new Loaded(file, path, root, model, findings, r.bytes());
    }

    /** Validates a bound object against its constraints and reports each violation at the YAML node it concerns. */
    public static void validate(Object model, YNode root, List<Finding> findings) {
        report(DataValidator.validate(model), root, findings);
    }

    /** Reports each violation at the YAML node it concerns (the nearest existing one when a key is missing). */
    static void report(List<DataValidator.Violation> violations, YNode root, List<Finding> findings) {
        for (DataValidator.Violation cv : violations) {
            String path = cv.path();
            YPath.Hit hit = YPath.nearest(root, path);
            Class<? extends Annotation> ann = cv.annotation();
            boolean missing = cv.invalidValue() == null && (ann == NotNull.class || ann == NotBlank.class || ann == NotEmpty.class);
            if (missing || !hit.exact()) {
                String parent = parentOf(path);
                String key = lastKey(path);
                if (hit.exact()) {
                    if (hit.node() instanceof YScalar s && s.value() == null) {
                        findings.add(Finding.error("schema.required", "'" + key + "' is empty" + (parent.isEmpty() ? "" : " in " + parent)
                                + "; a value is required", hit.location(), path));
                    }
                    continue; // present but unbindable: already reported as a type error
                }
                findings.add(Finding.error("schema.required", "missing required key '" + key + "'"
                        + (parent.isEmpty() ? " at the top level" : " in " + parent), hit.location(), path));
            } else {
                String id = ann == NotBlank.class || ann == NotEmpty.class ? "schema.required" : "schema.constraint";
                findings.add(Finding.error(id, path + " " + cv.message(), hit.location(), path));
            }
        }
    }

    private static String parentOf(String path) {
        int i = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
        return i < 0 ? "" : path.substring(0, i);
    }

    private static String lastKey(String path) {
        int i = path.lastIndexOf('.');
        return i < 0 ? path : path.substring(i + 1);
    }

    /** Location for a finding about the whole file. */
    public static Location fileLocation(String file) {
        return Location.ofFile(file);
    }
}
