package dev.aidossier.analysis;

import dev.aidossier.load.PlainPath;
import dev.aidossier.rules.ModificationFile;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The substantial-modification assessment of {@code dossier diff}: which of the places a pack's
 * modification file names differ between two versions of a description, and what the file says of each.
 * The places and the texts are data ({@link ModificationFile}); this class only compares.
 */
public final class Modification {
    private Modification() {
    }

    /**
     * One change found.
     *
     * @param possible whether it may be a substantial modification (false when a pre-determined change covers it)
     */
    public record Change(String change, List<String> refs, String assessment, boolean possible) {
    }

    private static final Pattern FIELD = Pattern.compile("\\{([A-Za-z0-9_]+)}");

    /** The changes from {@code older} to {@code newer} (plain trees of the two descriptions), in the file's order. */
    public static List<Change> assess(ModificationFile data, Map<String, Object> older, Map<String, Object> newer) {
        List<Change> out = new ArrayList<>();
        boolean predetermined = newestChangePredetermined(newer);
        for (ModificationFile.Change c : data.changes()) {
            Object a = PlainPath.get(older, c.path());
            Object b = PlainPath.get(newer, c.path());
            String text;
            if (c.item() == null && !Boolean.TRUE.equals(c.set())) {
                if (Objects.equals(a, b)) {
                    continue;
                }
                text = c.change();
            } else {
                Set<String> sa = entries(a, c);
                Set<String> sb = entries(b, c);
                if (sa.equals(sb)) {
                    continue;
                }
                text = c.change().replace("{old}", sa.toString()).replace("{new}", sb.toString());
            }
            boolean covered = predetermined && c.predetermined() != null;
            out.add(new Change(text, c.refs(), covered ? c.predetermined() : c.assessment(), !covered));
        }
        return out;
    }

    /** The entries of a list (those matching {@code where}), each written as {@code item}, sorted. */
    private static Set<String> entries(Object value, ModificationFile.Change c) {
        Set<String> s = new TreeSet<>();
        if (!(value instanceof List<?> l)) {
            return s;
        }
        for (Object o : l) {
            if (c.where() != null && !c.where().isEmpty()) {
                if (!(o instanceof Map<?, ?> m) || !c.where().entrySet().stream().allMatch(e -> e.getValue().equals(m.get(e.getKey())))) {
                    continue;
                }
            }
            if (c.item() == null) {
                s.add(String.valueOf(o));
            } else if (o instanceof Map<?, ?> m) {
                Matcher f = FIELD.matcher(c.item());
                StringBuilder sb = new StringBuilder();
                while (f.find()) {
                    f.appendReplacement(sb, Matcher.quoteReplacement(String.valueOf(m.get(f.group(1)))));
                }
                f.appendTail(sb);
                s.add(sb.toString());
            }
        }
        return s;
    }

    /** Whether the newest entry (by date) of the description's change log is marked pre-determined (Annex IV 2(f)). */
    private static boolean newestChangePredetermined(Map<String, Object> d) {
        Object log = PlainPath.get(d, "spec.changeLog");
        if (!(log instanceof List<?> l) || l.isEmpty()) {
            return false;
        }
        Map<?, ?> newest = null;
        for (Object o : l) {
            if (o instanceof Map<?, ?> m && (newest == null || String.valueOf(m.get("date")).compareTo(String.valueOf(newest.get("date"))) > 0)) {
                newest = m;
            }
        }
        return newest != null && Boolean.TRUE.equals(newest.get("predetermined"));
    }
}
