package dev.aidossier.render;

import dev.aidossier.core.Finding;

import java.io.IOException;
import java.io.InputStream;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Translations of a rule pack's texts: {@code rules/<pack>/i18n/<lang>.yaml} (bundled), rule id to
 * {@code {title, message, remediation}}, and the pack's own unit titles ({@code titles}: an article's official title).
 * A rule or unit without an entry keeps its English text, which the documents mark as the English original. The
 * renderer takes the rule texts from the loaded pack ({@code Engine.ruleTexts}, checked against its rules).
 */
public final class RuleTexts {

    private static final Map<String, Map<String, Map<String, String>>> CACHE = new ConcurrentHashMap<>();
    private static final Map<String, Map<String, String>> TITLES = new ConcurrentHashMap<>();

    private RuleTexts() {
    }

    /** Rule id to its texts in {@code lang} over the given packs; empty for English or a pack without translations. */
    public static Map<String, Map<String, String>> of(List<String> packIds, String lang) {
        if (Catalogues.DEFAULT.equals(lang)) {
            return Map.of();
        }
        Map<String, Map<String, String>> out = new LinkedHashMap<>();
        for (String pack : packIds) {
            out.putAll(CACHE.computeIfAbsent(pack + "/" + lang, k -> load("rules/" + pack + "/i18n/" + lang + ".yaml")));
        }
        return Collections.unmodifiableMap(out);
    }

    /**
     * The packs' own unit titles in {@code lang} ({@code titles} of {@code rules/<pack>/i18n/<lang>.yaml}, for the keys of
     * {@code passport.titles} in pack.yaml: "Art13" to the Article's official title); empty for English.
     */
    public static Map<String, String> titles(List<String> packIds, String lang) {
        if (Catalogues.DEFAULT.equals(lang)) {
            return Map.of();
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (String pack : packIds) {
            out.putAll(TITLES.computeIfAbsent(pack + "/" + lang, k -> loadTitles("rules/" + pack + "/i18n/" + lang + ".yaml")));
        }
        return Collections.unmodifiableMap(out);
    }

    static Map<String, String> loadTitles(String resource) {
        try (InputStream in = RuleTexts.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                return Map.of();
            }
            return parseTitles(in.readAllBytes(), resource);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + resource + ": " + e.getMessage(), e);
        }
    }

    static Map<String, String> parseTitles(byte[] bytes, String name) {
        dev.aidossier.load.DataFile<dev.aidossier.rules.RuleTextsFile> f =
                dev.aidossier.load.DataFile.parse(bytes, name, dev.aidossier.rules.RuleTextsFile.class);
        if (!f.ok()) {
            throw new IllegalStateException(String.join("\n", f.findings().stream().map(Finding::toText).toList()));
        }
        return f.value().titles() == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(f.value().titles()));
    }

    /** The texts of one file, or none when it does not exist; a malformed bundled file is a defect of the tool. */
    static Map<String, Map<String, String>> load(String resource) {
        try (InputStream in = RuleTexts.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                return Map.of();
            }
            return parse(in.readAllBytes(), resource);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + resource + ": " + e.getMessage(), e);
        }
    }

    static Map<String, Map<String, String>> parse(byte[] bytes, String name) {
        dev.aidossier.load.DataFile<dev.aidossier.rules.RuleTextsFile> f =
                dev.aidossier.load.DataFile.parse(bytes, name, dev.aidossier.rules.RuleTextsFile.class);
        if (!f.ok()) {
            throw new IllegalStateException(String.join("\n", f.findings().stream().map(Finding::toText).toList()));
        }
        Map<String, Map<String, String>> out = new LinkedHashMap<>();
        f.value().rules().forEach((id, t) -> {
            Map<String, String> m = new LinkedHashMap<>();
            if (t.title() != null) {
                m.put("title", t.title());
            }
            if (t.message() != null) {
                m.put("message", t.message());
            }
            if (t.remediation() != null) {
                m.put("remediation", t.remediation());
            }
            out.put(id, Collections.unmodifiableMap(m));
        });
        return Collections.unmodifiableMap(out);
    }
}
