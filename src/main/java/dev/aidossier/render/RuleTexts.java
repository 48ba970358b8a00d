package dev.aidossier.render;

import dev.aidossier.core.Finding;
import dev.aidossier.load.Limits;
import dev.aidossier.load.YNode;
import dev.aidossier.load.YamlReader;

import java.io.IOException;
import java.io.InputStream;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Translations of a rule pack's texts: {@code rules/<pack>/i18n/<lang>.yaml} (bundled), rule id to
 * {@code {title, remediation}}. A rule without an entry keeps its English text, which the documents mark as the
 * English original; so does every message (it is filled in with the finding's path and value).
 */
public final class RuleTexts {

    /** The keys a rule's entry may hold. */
    static final Set<String> FIELDS = Set.of("title", "remediation");

    private static final Map<String, Map<String, Map<String, String>>> CACHE = new ConcurrentHashMap<>();

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
        YamlReader.Result r = new YamlReader(Limits.DEFAULT, "a mapping with apiVersion, kind, language and rules").parse(bytes, name);
        if (!r.readable() || !(r.root() instanceof YNode.YMap m) || !(m.get("rules") instanceof YNode.YMap rules)) {
            throw new IllegalStateException(name + " is not a RuleTexts file: " + r.problems().stream().map(Finding::toText).toList());
        }
        Map<String, Map<String, String>> out = new LinkedHashMap<>();
        for (Map.Entry<String, YNode.Entry> e : rules.entries().entrySet()) {
            if (!(e.getValue().value() instanceof YNode.YMap texts)) {
                throw new IllegalStateException(e.getValue().value().location() + ": " + e.getKey() + " must map title (and remediation) to texts");
            }
            Map<String, String> t = new LinkedHashMap<>();
            for (Map.Entry<String, YNode.Entry> f : texts.entries().entrySet()) {
                if (!FIELDS.contains(f.getKey()) || !(f.getValue().value().toPlain() instanceof String s) || s.isBlank()) {
                    throw new IllegalStateException(f.getValue().keyLocation() + ": " + e.getKey() + "." + f.getKey()
                            + " must be one of " + FIELDS + " with a text");
                }
                t.put(f.getKey(), s);
            }
            out.put(e.getKey(), Collections.unmodifiableMap(t));
        }
        return Collections.unmodifiableMap(out);
    }
}
