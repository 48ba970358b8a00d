package dev.aidossier.load;

import dev.aidossier.core.Finding;
import dev.aidossier.core.Location;
import dev.aidossier.core.Severity;
import dev.aidossier.core.Status;
import dev.aidossier.load.YNode.YList;
import dev.aidossier.load.YNode.YMap;
import dev.aidossier.load.YNode.YScalar;
import dev.aidossier.model.Components;
import dev.aidossier.model.ModelDescription;
import dev.aidossier.model.SystemDescription;
import dev.aidossier.util.Names;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A translation overlay: the free-text values of a description in another language, in a file beside it named
 * {@code <name>.<lang>.yaml} that holds the same paths as the description with translated strings. Only free
 * text is translated ({@link Components#freeText}); names, versions, ids, dates, enums and numbers stay as
 * written. A path the description does not have, a value that is not free text and a value of the wrong
 * type are errors at the overlay's {@code file:line:column}; every free-text value the overlay leaves out is
 * {@linkplain #untranslated untranslated}: the documents show it in the original language, marked.
 *
 * @param language     the overlay's language (ISO 639-1)
 * @param file         the overlay as named in messages, or null for "no overlay" ({@link #none})
 * @param translations description path (e.g. {@code spec.general.intendedPurpose}) to its translation
 * @param untranslated the description's free-text values with no translation, in document order
 * @param problems     errors in the overlay (none when it can be applied)
 * @param bytes        the overlay's bytes (for the pack's reuse key), or null
 */
public record Overlay(String language, String file, Map<String, String> translations, List<Leaf> untranslated,
                      List<Finding> problems, byte[] bytes) {

    /** What an overlay file holds at the top level, for messages about empty files and wrong roots. */
    public static final String TOP_LEVEL = "a mapping with the description's paths (metadata, spec) and translated texts";

    /** The parts of a description an overlay translates. */
    private static final List<String> TRANSLATED = List.of("metadata", "spec");

    public Overlay {
        translations = Collections.unmodifiableMap(new LinkedHashMap<>(translations));
        untranslated = List.copyOf(untranslated);
        problems = List.copyOf(problems);
    }

    /** A free-text value of the description: its path, its text and where it is written. */
    public record Leaf(String path, String text, Location location) {
    }

    /** Whether the overlay can be applied: it has no errors. */
    public boolean usable() {
        return problems.isEmpty();
    }

    /** The overlay of {@code language} for a description file: {@code <name>.<lang>.yaml} beside it. */
    public static Path beside(Path description, String language) {
        String n = description.getFileName().toString();
        String stem = n.replaceFirst("\\.(yaml|yml)$", "");
        Path dir = description.toAbsolutePath().getParent();
        Path yaml = dir.resolve(stem + "." + language + ".yaml");
        Path yml = dir.resolve(stem + "." + language + ".yml");
        return Files.exists(yaml) || !Files.exists(yml) ? yaml : yml;
    }

    /**
     * Whether a file is an overlay rather than a description: named {@code <name>.<lang>.yaml} for one of
     * {@code languages} with a description {@code <name>.yaml} (or {@code .yml}) beside it. Folders of
     * descriptions skip such files.
     */
    public static boolean isOverlay(Path file, Collection<String> languages) {
        String n = file.getFileName().toString();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(.+)\\.([a-z]{2})\\.(yaml|yml)").matcher(n);
        if (!m.matches() || !languages.contains(m.group(2))) {
            return false;
        }
        Path dir = file.toAbsolutePath().getParent();
        return Files.exists(dir.resolve(m.group(1) + ".yaml")) || Files.exists(dir.resolve(m.group(1) + ".yml"));
    }

    /**
     * The overlays of a description for each of {@code languages} other than its own ({@link #sourceLanguage}):
     * the file beside it where there is one, else {@link #none}. Check {@link #problems} before using them.
     */
    public static Map<String, Overlay> forLanguages(Loaded description, Collection<String> languages, Limits limits) {
        Map<String, Overlay> out = new LinkedHashMap<>();
        String source = sourceLanguage(description);
        for (String lang : languages) {
            if (lang.equals(source) || out.containsKey(lang)) {
                continue;
            }
            Path file = description.path() == null ? null : beside(description.path(), lang);
            if (file != null && Files.isRegularFile(file)) {
                String display = siblingDisplay(description.file(), file.getFileName().toString());
                out.put(lang, read(description, file, display, lang, limits));
            } else {
                out.put(lang, none(description, lang));
            }
        }
        return out;
    }

    /** The name of a file beside the description as messages name it: the description's folder as the user wrote it. */
    private static String siblingDisplay(String descriptionDisplay, String name) {
        int slash = Math.max(descriptionDisplay.lastIndexOf('/'), descriptionDisplay.lastIndexOf('\\'));
        return slash < 0 ? name : descriptionDisplay.substring(0, slash + 1) + name;
    }

    /** The language a description is written in: its {@code metadata.language} ({@code de-AT} as {@code de}), else {@code en}. */
    public static String sourceLanguage(Loaded description) {
        dev.aidossier.model.Metadata m = description.metadata();
        String raw = m == null || m.language() == null ? "" : m.language().strip().toLowerCase(java.util.Locale.ROOT);
        if (raw.isEmpty()) {
            return "en";
        }
        int dash = raw.indexOf('-');
        return dash > 0 ? raw.substring(0, dash) : raw;
    }

    /** No overlay for {@code language}: every free-text value of the description is untranslated. */
    public static Overlay none(Loaded description, String language) {
        return new Overlay(language, null, Map.of(), freeText(description), List.of(), null);
    }

    /**
     * Reads the overlay {@code file} (named {@code display} in messages) of {@code language} against the
     * description. An unreadable file or one with errors gives an overlay with {@link #problems}.
     */
    public static Overlay read(Loaded description, Path file, String display, String language, Limits limits) {
        return of(description, new YamlReader(limits, TOP_LEVEL).read(file, display), display, language);
    }

    /** As {@link #read}, for an overlay's bytes (named {@code display} in messages). */
    public static Overlay parse(Loaded description, byte[] bytes, String display, String language, Limits limits) {
        return of(description, new YamlReader(limits, TOP_LEVEL).parse(bytes, display), display, language);
    }

    private static Overlay of(Loaded description, YamlReader.Result r, String display, String language) {
        List<Finding> problems = new ArrayList<>(r.problems());
        Map<String, String> translations = new LinkedHashMap<>();
        if (r.readable() && description.root() != null && description.model() != null) {
            new Walk(problems, translations).overlay(r.root(), description.root(), rootType(description), false, "");
        }
        List<Leaf> untranslated = new ArrayList<>();
        for (Leaf l : freeText(description)) {
            if (!translations.containsKey(l.path())) {
                untranslated.add(l);
            }
        }
        return new Overlay(language, display, translations, untranslated, problems, r.bytes());
    }

    /** The untranslated values as findings ({@code overlay.untranslated}, info) at their place in the description. */
    public List<Finding> untranslatedFindings() {
        List<Finding> out = new ArrayList<>();
        for (Leaf l : untranslated) {
            String where = file == null ? "no translation overlay for " + language + " exists" : "not in " + file;
            out.add(new Finding("overlay.untranslated", Severity.info, Status.failed, "no " + language + " translation of "
                    + l.path() + " (" + where + "): documents in " + language + " show it as written, marked as untranslated",
                    l.location(), l.path(), List.of(), null, null, null));
        }
        return out;
    }

    /** Every free-text value of the description, in document order. */
    public static List<Leaf> freeText(Loaded description) {
        List<Leaf> out = new ArrayList<>();
        if (description.root() != null && description.model() != null) {
            leaves(description.root(), rootType(description), false, "", out);
        }
        return out;
    }

    private static Class<?> rootType(Loaded d) {
        return d.model() instanceof ModelDescription ? ModelDescription.class : SystemDescription.class;
    }

    private static void leaves(YNode node, Type type, boolean free, String path, List<Leaf> out) {
        if (node == null) {
            return;
        }
        if (type instanceof WildcardType wt) {
            leaves(node, wt.getUpperBounds()[0], free, path, out);
            return;
        }
        if (type instanceof ParameterizedType pt && List.class.isAssignableFrom((Class<?>) pt.getRawType())) {
            if (node instanceof YList l) {
                for (int i = 0; i < l.items().size(); i++) {
                    leaves(l.items().get(i), pt.getActualTypeArguments()[0], free, YPath.index(path, i), out);
                }
            }
            return;
        }
        if (type instanceof Class<?> c && c.isRecord() && node instanceof YMap m) {
            for (RecordComponent rc : c.getRecordComponents()) {
                if (path.isEmpty() && !TRANSLATED.contains(rc.getName())) {
                    continue;
                }
                YNode child = m.get(rc.getName());
                if (child != null) {
                    leaves(child, rc.getGenericType(), Components.freeText(rc), YPath.child(path, rc.getName()), out);
                }
            }
            return;
        }
        if (type == String.class && free && node instanceof YScalar s && s.value() instanceof String text && !text.isBlank()) {
            out.add(new Leaf(path, text, s.location()));
        }
    }

    /** Walks the overlay beside the description and its model types, collecting translations and errors. */
    private record Walk(List<Finding> problems, Map<String, String> translations) {

        void overlay(YNode ov, YNode desc, Type type, boolean free, String path) {
            if (ov instanceof YScalar s && s.value() == null) {
                return; // 'key:' with no value: left untranslated on purpose
            }
            if (type instanceof WildcardType wt) {
                overlay(ov, desc, wt.getUpperBounds()[0], free, path);
                return;
            }
            if (type instanceof ParameterizedType pt && List.class.isAssignableFrom((Class<?>) pt.getRawType())) {
                if (!(ov instanceof YList ol)) {
                    typeError(ov, "a list", path);
                    return;
                }
                int have = desc instanceof YList dl ? dl.items().size() : 0;
                for (int i = 0; i < ol.items().size(); i++) {
                    if (i >= have) {
                        problems.add(Finding.error("overlay.path", "the description's " + path + " has " + have
                                + (have == 1 ? " item" : " items") + "; this item " + (i + 1) + " translates nothing",
                                ol.items().get(i).location(), YPath.index(path, i)));
                        break;
                    }
                    overlay(ol.items().get(i), ((YList) desc).items().get(i), pt.getActualTypeArguments()[0], free, YPath.index(path, i));
                }
                return;
            }
            if (type instanceof Class<?> c && c.isRecord()) {
                if (!(ov instanceof YMap om)) {
                    typeError(ov, "a mapping", path);
                    return;
                }
                RecordComponent[] comps = c.getRecordComponents();
                List<String> names = Arrays.stream(comps).map(RecordComponent::getName).toList();
                YMap dm = desc instanceof YMap x ? x : null;
                for (YNode.Entry e : om.entries().values()) {
                    String child = YPath.child(path, e.key());
                    int i = names.indexOf(e.key());
                    if (i < 0) {
                        String suggestion = Names.closest(e.key(), names);
                        problems.add(Finding.error("overlay.path", "unknown key '" + Names.clip(e.key(), 60) + "' "
                                + (path.isEmpty() ? "at the top level" : "in " + path)
                                + (suggestion != null ? "; did you mean '" + suggestion + "'?" : "")
                                + " (an overlay holds the description's own paths)", e.keyLocation(), child));
                        continue;
                    }
                    if (path.isEmpty() && !TRANSLATED.contains(e.key())) {
                        problems.add(Finding.error("overlay.verbatim", e.key() + " is not translated: an overlay holds metadata and spec",
                                e.keyLocation(), child));
                        continue;
                    }
                    YNode d = dm == null ? null : dm.get(e.key());
                    if (d == null || d instanceof YScalar ds && ds.value() == null) {
                        problems.add(Finding.error("overlay.path", child + " is not in the description: there is nothing to translate",
                                e.keyLocation(), child));
                        continue;
                    }
                    overlay(e.value(), d, comps[i].getGenericType(), Components.freeText(comps[i]), child);
                }
                return;
            }
            if (type == String.class && free) {
                if (!(ov instanceof YScalar s) || !(s.value() instanceof String text)) {
                    typeError(ov, "a string (the translated text)", path);
                    return;
                }
                if (!(desc instanceof YScalar ds && ds.value() instanceof String dt && !dt.isBlank())) {
                    problems.add(Finding.error("overlay.path", "the description's " + path + " holds no text to translate",
                            ov.location(), path));
                    return;
                }
                if (text.isBlank()) {
                    problems.add(Finding.error("overlay.type", "the translation of " + path
                            + " is empty; leave the key out to show the original", ov.location(), path));
                    return;
                }
                translations.put(path, text);
                return;
            }
            problems.add(Finding.error("overlay.verbatim", path + " is not translated: only free text is; names, versions, ids, codes, "
                    + "dates, numbers and listed values stay as the description writes them", ov.location(), path));
        }

        private void typeError(YNode node, String expected, String path) {
            String found = node.kindName();
            if (node instanceof YScalar s && s.value() != null) {
                found += " '" + Names.clip(s.text(), 40) + "'";
            }
            problems.add(Finding.error("overlay.type", "expected " + expected + " at " + (path.isEmpty() ? "the top level" : path)
                    + ", as in the description, found " + found, node.location(), path));
        }
    }
}
