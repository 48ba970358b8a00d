package dev.aidossier.render;

import dev.aidossier.core.Finding;
import dev.aidossier.load.Limits;
import dev.aidossier.load.YNode;
import dev.aidossier.load.YamlReader;

import java.io.IOException;
import java.io.InputStream;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The message catalogues of the documents: {@code templates/i18n/<lang>.yaml}, one per language, read once
 * per JVM from the bundled templates. A catalogue holds its language's name, the locale whose data formats
 * its dates and numbers, and its messages, each a text with {@code {name}} placeholders or, where the
 * language's grammar counts, a mapping {@code {one: ..., other: ...}} chosen by the placeholder {@code n}.
 * {@code templates/i18n/index.yaml} lists the languages; English ({@code en}) is the default.
 */
public final class Catalogues {

    public static final String DEFAULT = "en";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z][A-Za-z0-9]*)\\}");

    private Catalogues() {
    }

    /** One language's messages. {@code isoDates}: dates stay YYYY-MM-DD (English, as the documents always printed them). */
    public record Catalogue(String lang, String name, Locale locale, boolean isoDates, Map<String, Object> messages) {

        /** The message {@code key} with its placeholders filled from {@code args}; fails on an unknown key or a missing value. */
        public String format(String key, Map<String, ?> args) {
            Object m = messages.get(key);
            if (m == null) {
                throw new IllegalArgumentException("no message '" + key + "' in the " + lang + " catalogue (templates/i18n/" + lang + ".yaml)");
            }
            String text;
            if (m instanceof Map<?, ?> forms) {
                Object n = args.get("n");
                boolean one = n instanceof Number x && x.doubleValue() == 1 && forms.containsKey("one");
                text = String.valueOf(forms.get(one ? "one" : "other"));
            } else {
                text = (String) m;
            }
            Matcher x = PLACEHOLDER.matcher(text);
            StringBuilder sb = new StringBuilder();
            while (x.find()) {
                String name = x.group(1);
                if (!args.containsKey(name)) {
                    throw new IllegalArgumentException("message '" + key + "' of the " + lang + " catalogue needs a value for {" + name + "}");
                }
                Object v = args.get(name);
                x.appendReplacement(sb, Matcher.quoteReplacement(v instanceof Number num ? number(num) : String.valueOf(v)));
            }
            x.appendTail(sb);
            return sb.toString();
        }

        /** A number as the language writes it (grouping, decimal sign; at most six decimals). */
        public String number(Number n) {
            NumberFormat f = NumberFormat.getInstance(locale);
            f.setMaximumFractionDigits(6);
            return f.format(n);
        }

        /** An ISO date (YYYY-MM-DD) as the language writes it; anything else is returned as it is. */
        public String date(String iso) {
            if (isoDates || iso == null) {
                return iso;
            }
            try {
                return LocalDate.parse(iso).format(DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale));
            } catch (DateTimeParseException e) {
                return iso;
            }
        }
    }

    /** The placeholders a message uses (every form of a counted one). */
    public static java.util.Set<String> placeholders(Object message) {
        java.util.Set<String> out = new java.util.TreeSet<>();
        List<Object> texts = message instanceof Map<?, ?> m ? new ArrayList<>(m.values()) : List.of(message);
        for (Object t : texts) {
            Matcher x = PLACEHOLDER.matcher(String.valueOf(t));
            while (x.find()) {
                out.add(x.group(1));
            }
        }
        return out;
    }

    private static final class Holder {
        static final List<String> LANGUAGES;

        static {
            YNode index = read("index.yaml");
            List<String> langs = new ArrayList<>();
            if (index instanceof YNode.YMap m && m.get("languages") instanceof YNode.YList l) {
                for (YNode n : l.items()) {
                    langs.add(String.valueOf(n.toPlain()));
                }
            }
            if (langs.isEmpty()) {
                throw new IllegalStateException("templates/i18n/index.yaml lists no languages");
            }
            LANGUAGES = List.copyOf(langs);
        }
    }

    /** Catalogues read so far (each is read on first use, once per JVM). */
    private static final Map<String, Catalogue> LOADED = new java.util.concurrent.ConcurrentHashMap<>();

    /** The languages there is a catalogue for, as {@code index.yaml} lists them. */
    public static List<String> languages() {
        return Holder.LANGUAGES;
    }

    /** The catalogue of a language, or null when there is none. */
    public static Catalogue get(String lang) {
        if (lang == null || !Holder.LANGUAGES.contains(lang)) {
            return null;
        }
        return LOADED.computeIfAbsent(lang, Catalogues::catalogue);
    }

    /**
     * The language a value such as {@code de}, {@code DE} or {@code de-AT} names, if a catalogue exists for
     * it (a region is dropped), else null.
     */
    public static String resolve(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String l = value.strip().toLowerCase(Locale.ROOT).replace('_', '-');
        int dash = l.indexOf('-');
        if (dash > 0) {
            l = l.substring(0, dash);
        }
        return Holder.LANGUAGES.contains(l) ? l : null;
    }

    private static Catalogue catalogue(String lang) {
        YNode root = read(lang + ".yaml");
        if (!(root instanceof YNode.YMap m)) {
            throw new IllegalStateException("templates/i18n/" + lang + ".yaml is not a mapping");
        }
        String declared = String.valueOf(m.get("language") == null ? null : m.get("language").toPlain());
        if (!lang.equals(declared)) {
            throw new IllegalStateException("templates/i18n/" + lang + ".yaml declares language '" + declared + "'");
        }
        String name = String.valueOf(m.get("name").toPlain());
        Locale locale = Locale.forLanguageTag(String.valueOf(m.get("locale").toPlain()));
        boolean iso = m.get("dates") != null && "iso".equals(m.get("dates").toPlain());
        Object messages = m.get("messages") == null ? null : m.get("messages").toPlain();
        if (!(messages instanceof Map<?, ?> msgs)) {
            throw new IllegalStateException("templates/i18n/" + lang + ".yaml has no messages");
        }
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : msgs.entrySet()) {
            Object v = e.getValue();
            if (!(v instanceof String) && !(v instanceof Map<?, ?> forms && forms.containsKey("other"))) {
                throw new IllegalStateException("templates/i18n/" + lang + ".yaml: message '" + e.getKey()
                        + "' must be a text or a mapping with 'other' (and 'one')");
            }
            out.put(String.valueOf(e.getKey()), v);
        }
        return new Catalogue(lang, name, locale, iso, Collections.unmodifiableMap(out));
    }

    /** Reads a bundled file of {@code templates/i18n/} with the strict reader (a defect of the tool if it fails). */
    static YNode read(String file) {
        String res = "templates/i18n/" + file;
        try (InputStream in = Catalogues.class.getClassLoader().getResourceAsStream(res)) {
            if (in == null) {
                throw new IllegalStateException(res + " is missing from the tool");
            }
            YamlReader.Result r = new YamlReader(Limits.DEFAULT, "a mapping with language, name, locale and messages").parse(in.readAllBytes(), res);
            if (!r.readable() || r.problems().stream().anyMatch(f -> f.severity() == dev.aidossier.core.Severity.error)) {
                throw new IllegalStateException(res + ": " + String.join("; ", r.problems().stream().map(Finding::toText).toList()));
            }
            return r.root();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + res + ": " + e.getMessage(), e);
        }
    }
}
