package dev.aidossier.render;

import freemarker.template.TemplateBooleanModel;
import freemarker.template.TemplateHashModelEx;
import freemarker.template.TemplateMethodModelEx;
import freemarker.template.TemplateModel;
import freemarker.template.TemplateModelException;
import freemarker.template.TemplateModelIterator;
import freemarker.template.TemplateNumberModel;
import freemarker.template.TemplateScalarModel;
import freemarker.template.TemplateSequenceModel;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The template functions of one document language, given to every template in its data model:
 * <ul>
 *   <li>{@code t("key")}, {@code t("key", {"name": value, ...})}: the catalogue's message with its placeholders
 *       filled (numbers written as the language writes them; {@code n} chooses between the forms of a counted message)
 *   <li>{@code fdate("2026-11-23")}: an ISO date as the language writes it
 *   <li>{@code fnum(1234.5)}: a number as the language writes it
 *   <li>{@code hasT("key")}: whether the catalogue has the message
 * </ul>
 * An unknown key or a placeholder without a value is a template error at the template's line.
 */
final class I18nMethods {

    private static final Map<String, Map<String, Object>> CACHE = new ConcurrentHashMap<>();

    private I18nMethods() {
    }

    /** The variables to add to a document's data model for {@code lang}: t, fdate, fnum, hasT, lang, langName. */
    static Map<String, Object> of(String lang) {
        return CACHE.computeIfAbsent(lang, I18nMethods::make);
    }

    private static Map<String, Object> make(String lang) {
        Catalogues.Catalogue c = Catalogues.get(lang);
        if (c == null) {
            throw new IllegalArgumentException("no catalogue for language '" + lang + "'");
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("lang", c.lang());
        m.put("langName", c.name());
        m.put("t", (TemplateMethodModelEx) args -> {
            if (args.isEmpty() || args.size() > 2) {
                throw new TemplateModelException("t(key) or t(key, {name: value, ...}) takes one or two arguments");
            }
            String key = scalar(args.get(0), "t: the key");
            Map<String, Object> values = new LinkedHashMap<>();
            if (args.size() == 2) {
                if (!(args.get(1) instanceof TemplateHashModelEx h)) {
                    throw new TemplateModelException("t(\"" + key + "\", ...): the second argument must be a hash {\"name\": value}");
                }
                TemplateModelIterator keys = h.keys().iterator();
                while (keys.hasNext()) {
                    String k = ((TemplateScalarModel) keys.next()).getAsString();
                    values.put(k, plain(h.get(k)));
                }
            }
            try {
                return c.format(key, values);
            } catch (IllegalArgumentException e) {
                throw new TemplateModelException(e.getMessage());
            }
        });
        m.put("hasT", (TemplateMethodModelEx) args -> args.size() == 1 && c.messages().containsKey(scalar(args.get(0), "hasT: the key")));
        m.put("fdate", (TemplateMethodModelEx) args -> {
            if (args.size() != 1) {
                throw new TemplateModelException("fdate(date) takes one argument");
            }
            Object v = args.get(0);
            return v == null ? "" : c.date(scalar(v, "fdate: the date"));
        });
        m.put("fnum", (TemplateMethodModelEx) args -> {
            if (args.size() != 1 || !(args.get(0) instanceof TemplateNumberModel n)) {
                throw new TemplateModelException("fnum(number) takes one number");
            }
            return c.number(n.getAsNumber());
        });
        return java.util.Collections.unmodifiableMap(m);
    }

    private static String scalar(Object v, String what) throws TemplateModelException {
        if (v instanceof TemplateScalarModel s) {
            return s.getAsString();
        }
        if (v instanceof TemplateNumberModel n) {
            return String.valueOf(n.getAsNumber());
        }
        throw new TemplateModelException(what + " must be a string");
    }

    private static Object plain(TemplateModel v) throws TemplateModelException {
        if (v == null) {
            return "";
        }
        if (v instanceof TemplateNumberModel n) {
            return n.getAsNumber();
        }
        if (v instanceof TemplateScalarModel s) {
            return s.getAsString();
        }
        if (v instanceof TemplateBooleanModel b) {
            return String.valueOf(b.getAsBoolean());
        }
        if (v instanceof TemplateSequenceModel seq) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < seq.size(); i++) {
                sb.append(i == 0 ? "" : ", ").append(plain(seq.get(i)));
            }
            return sb.toString();
        }
        throw new TemplateModelException("a placeholder value must be a text, a number or a list");
    }
}
