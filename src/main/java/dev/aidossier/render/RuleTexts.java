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
 * The pack's own unit titles in a language ({@code titles} of {@code rules/<pack>/i18n/<lang>.yaml}, bundled: an
 * article's official title). A unit without an entry keeps its English title, which the documents mark as the English
 * original. The rules' own texts (title, message, remediation) come from the loaded pack ({@code Engine.ruleTexts},
 * checked against its rules when it loads).
 */
public final class RuleTexts {

    private static final Map<String, Map<String, String>> TITLES = new ConcurrentHashMap<>();

    private RuleTexts() {
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
}
