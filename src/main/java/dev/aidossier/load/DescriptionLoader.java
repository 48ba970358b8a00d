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
        List<Finding> dates = new ArrayList<>();
        checkDates(root, "", dates);
        if (!dates.isEmpty()) {
            // like a value over a size limit: the file is refused as a whole (exit 2), each date at its place
            findings.addAll(dates);
            return new Loaded(file, path, null, null, findings, r.bytes());
        }
        Class<?> type = SystemDescription.class;
        YNode kind = root.get("kind");
        if (kind instanceof YScalar s && "GPAIModel".equals(s.value())) {
            type = ModelDescription.class;
        }
        Object model = new Binder(findings, limits).bind(root, type, "");
        if (model != null) {
            validate(model, root, findings);
        }
        return new Loaded(file, path, root, model, findings, r.bytes());
    }

    /** A value written as a date: YYYY-MM-DD, or a year of more digits or with a sign (which Java would read as a date too). */
    private static final java.util.regex.Pattern DATE_SHAPED = java.util.regex.Pattern.compile("([+-]?)([0-9]{4,9})-([0-9]{2})-([0-9]{2})");

    /**
     * Every value of the description written as a date (typed date fields, date facts of the classification,
     * waivers) must lie in the range of {@link Limits}; a value that is not a date of the calendar at all
     * (2026-02-30) is left to the binder, which reports it as a type error.
     */
    private void checkDates(YNode node, String path, List<Finding> out) {
        switch (node) {
            case YMap m -> m.entries().values().forEach(e -> checkDates(e.value(), YPath.child(path, e.key()), out));
            case YNode.YList l -> {
                for (int i = 0; i < l.items().size(); i++) {
                    checkDates(l.items().get(i), YPath.index(path, i), out);
                }
            }
            case YScalar s -> {
                if (!(s.value() instanceof String str) || str.length() > 20) {
                    return;
                }
                java.util.regex.Matcher m = DATE_SHAPED.matcher(str);
                if (!m.matches()) {
                    return;
                }
                java.time.LocalDate d;
                try {
                    long year = Long.parseLong(m.group(2)) * (m.group(1).equals("-") ? -1 : 1);
                    d = java.time.LocalDate.of((int) year, Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4)));
                } catch (java.time.DateTimeException | NumberFormatException e) {
                    return; // not a date of the calendar: the binder says so where a date belongs
                }
                if (!limits.accepts(d)) {
                    out.add(Finding.error("yaml.date-range", "the date " + dev.aidossier.util.Names.clip(str, 20) + " at " + path
                            + " is outside the dates the tool accepts, " + limits.dateRange() + " (a typo in the year?)", s.location(), path));
                }
            }
        }
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
