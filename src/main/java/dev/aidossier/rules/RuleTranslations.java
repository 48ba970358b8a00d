package dev.aidossier.rules;

import dev.aidossier.core.Finding;
import dev.aidossier.load.DataFile;
import dev.aidossier.load.YPath;

import java.io.IOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads and checks a pack's rule texts ({@code <pack>/i18n/<lang>.yaml}, {@link RuleTextsFile}) when the pack loads.
 * A rule id the pack does not have, a placeholder that is not one of {@code {path}}, {@code {problem}},
 * {@code {value}}, or a translated message or remediation whose placeholders differ from the English one is an error
 * ({@code rules.schema}) at the file's line and column, as for every other fault of a rule file.
 */
public final class RuleTranslations {

    /** The placeholders the rule engine fills in a message. */
    public static final Set<String> PLACEHOLDERS = Set.of("path", "problem", "value");

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}\\s]*)\\}");

    private RuleTranslations() {
    }

    /** A rule texts file as read, before it is checked against the pack's rules. */
    public record Read(String pack, String lang, DataFile<RuleTextsFile> file) {
    }

    /**
     * Reads and parses the texts of {@code pack} in each of {@code languages} (the {@code translations} its pack.yaml
     * lists, each a file {@code i18n/<lang>.yaml}); problems of the file itself are added to {@code problems}.
     * Done while the CEL runtime warms up, so it costs the start-up nothing on a machine with a spare core.
     */
    public static List<Read> read(RulePackSource source, String pack, List<String> languages, List<Finding> problems) {
        List<Read> out = new java.util.ArrayList<>();
        for (String lang : languages) {
            String relative = pack + "/i18n/" + lang + ".yaml";
            byte[] bytes;
            try {
                bytes = source.read(relative);
            } catch (IOException e) {
                problems.add(Finding.error("rules.io", "cannot read rule file: " + e.getMessage(),
                        dev.aidossier.core.Location.ofFile(source.display(relative)), null));
                continue;
            }
            if (bytes == null) {
                problems.add(Finding.error("rules.io", "pack.yaml lists the translation '" + lang + "', but " + relative + " is missing",
                        dev.aidossier.core.Location.ofFile(source.display(pack + "/pack.yaml")), null));
                continue;
            }
            DataFile<RuleTextsFile> f = DataFile.parse(bytes, source.display(relative), RuleTextsFile.class);
            problems.addAll(f.findings());
            if (f.ok()) {
                out.add(new Read(pack, lang, f));
            }
        }
        return out;
    }

    /**
     * A language's texts over the packs: rule id to {@code {title, message, remediation}} (each only where
     * translated), and the packs' unit titles ({@code titles}: "Art13" to the Article's official title).
     */
    public record Texts(Map<String, Map<String, String>> rules, Map<String, String> titles) {
        public static final Texts NONE = new Texts(Map.of(), Map.of());
    }

    /**
     * The texts of the files read, checked against the compiled rules, by language. Problems are added to
     * {@code problems}; a file with problems contributes nothing.
     */
    public static Map<String, Texts> check(List<Read> files, RuleEngine rules, List<Finding> problems) {
        Map<String, Map<String, Map<String, String>>> byRule = new LinkedHashMap<>();
        Map<String, Map<String, String>> titles = new LinkedHashMap<>();
        for (Read r : files) {
            int before = problems.size();
            Map<String, Map<String, String>> texts = check(r.file(), r.pack(), r.lang(), rules, problems);
            if (problems.size() == before) {
                byRule.computeIfAbsent(r.lang(), k -> new LinkedHashMap<>()).putAll(texts);
                Map<String, String> t = r.file().value().titles();
                titles.computeIfAbsent(r.lang(), k -> new LinkedHashMap<>()).putAll(t == null ? Map.of() : t);
            }
        }
        Map<String, Texts> out = new LinkedHashMap<>();
        byRule.forEach((lang, v) -> out.put(lang, new Texts(Collections.unmodifiableMap(v),
                Collections.unmodifiableMap(titles.getOrDefault(lang, Map.of())))));
        return Collections.unmodifiableMap(out);
    }

    static Map<String, Map<String, String>> check(DataFile<RuleTextsFile> f, String pack, String lang, RuleEngine rules,
                                                  List<Finding> problems) {
        RuleTextsFile file = f.value();
        if (!file.language().equals(lang)) {
            problems.add(Finding.error("rules.schema", "language is '" + file.language() + "' but the file holds the texts of '" + lang
                    + "' (its name is " + lang + ".yaml)", YPath.nearest(f.root(), "language").location(), "language"));
        }
        Map<String, Map<String, String>> out = new LinkedHashMap<>();
        file.rules().forEach((id, t) -> {
            String at = "rules." + id;
            RuleEngine.Compiled c = rules.rule(id);
            if (c == null || !pack.equals(c.pack())) {
                problems.add(Finding.error("rules.schema", "rule texts of " + id + ", which pack " + pack + " does not have",
                        YPath.nearest(f.root(), at).location(), at));
                return;
            }
            if (t == null) {
                return;
            }
            Map<String, String> m = new LinkedHashMap<>();
            if (t.title() != null) {
                m.put("title", t.title());
            }
            if (t.message() != null && placeholders(f, at + ".message", t.message(), c.rule().message(), problems)) {
                m.put("message", t.message());
            }
            if (t.remediation() != null && placeholders(f, at + ".remediation", t.remediation(), c.rule().remediation(), problems)) {
                m.put("remediation", t.remediation());
            }
            out.put(id, Collections.unmodifiableMap(m));
        });
        return Collections.unmodifiableMap(out);
    }

    /** Whether {@code translated} has exactly the placeholders of {@code english}; each difference is a problem. */
    private static boolean placeholders(DataFile<RuleTextsFile> f, String at, String translated, String english, List<Finding> problems) {
        Set<String> want = names(english);
        Set<String> have = names(translated);
        boolean ok = true;
        for (String p : have) {
            if (!PLACEHOLDERS.contains(p)) {
                problems.add(Finding.error("rules.schema", at + " has the unknown placeholder {" + p + "}; a rule's texts may use {path}, {problem} and {value}",
                        YPath.nearest(f.root(), at).location(), at));
                ok = false;
            } else if (!want.contains(p)) {
                problems.add(Finding.error("rules.schema", at + " has {" + p + "}, which the English text does not have",
                        YPath.nearest(f.root(), at).location(), at));
                ok = false;
            }
        }
        for (String p : want) {
            if (!have.contains(p)) {
                problems.add(Finding.error("rules.schema", at + " lacks {" + p + "} of the English text",
                        YPath.nearest(f.root(), at).location(), at));
                ok = false;
            }
        }
        return ok;
    }

    /** The placeholder names of a text, in order of name. */
    public static Set<String> names(String text) {
        Set<String> out = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(text == null ? "" : text);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }
}
