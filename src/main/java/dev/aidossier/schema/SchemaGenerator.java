package dev.aidossier.schema;

import dev.aidossier.report.Json;
import dev.aidossier.classify.ClassificationFile;
import dev.aidossier.classify.ClassificationFile.FactDecl;
import dev.aidossier.model.Doc;
import dev.aidossier.model.ModelDescription;
import dev.aidossier.model.SystemDescription;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import java.lang.reflect.AnnotatedParameterizedType;
import java.lang.reflect.AnnotatedType;
import java.lang.reflect.RecordComponent;
import java.time.LocalDate;
import dev.aidossier.load.Limits;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Generates the JSON Schema (draft 2020-12) of the description format from the model records, their
 * validation annotations and {@link Doc} texts, plus the classification facts declared in the rule
 * pack. One source of truth: the binder, the validator and the schema all read the same records.
 */
public final class SchemaGenerator {

    /** The {@code $comment} of a field that no published document prints (see {@link Doc#confidential()}). */
    public static final String CONFIDENTIAL = "confidential: for the AI Office and national authorities only; never printed in the public training-content summary";

    private final Map<String, Object> defs = new LinkedHashMap<>();
    private final Map<Class<?>, String> names = new LinkedHashMap<>();
    private final ClassificationFile facts;

    public SchemaGenerator(ClassificationFile facts) {
        this.facts = facts;
    }

    public Map<String, Object> generate() {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        root.put("title", "AI Dossier description (apiVersion dossier/v1)");
        root.put("description", "One AI system (kind: AISystem) or general-purpose AI model (kind: GPAIModel) described for the EU AI Act.");
        root.put("type", "object");
        Map<String, Object> system = recordSchema(SystemDescription.class);
        Map<String, Object> model = recordSchema(ModelDescription.class);
        root.put("required", system.get("required"));
        Map<String, Object> props = new LinkedHashMap<>(castMap(system.get("properties")));
        props.put("spec", Json.obj("type", "object", "description", "The description of the system or model; its shape depends on kind."));
        root.put("properties", props);
        root.put("additionalProperties", false);
        root.put("if", Json.obj("properties", Json.obj("kind", Json.obj("const", "GPAIModel")), "required", List.of("kind")));
        root.put("then", Json.obj("properties", Json.obj("spec", castMap(model.get("properties")).get("spec"))));
        root.put("else", Json.obj("properties", Json.obj("spec", castMap(system.get("properties")).get("spec"))));
        defs.put("ClassificationFacts", factsSchema());
        root.put("$defs", defs);
        return root;
    }

    /**
     * The same schema in draft-07, the dialect editors support fully (yaml-language-server, VS Code): {@code $defs}
     * become {@code definitions}; everything else the generator writes (if/then/else, const, exclusiveMinimum as a
     * number, formats) means the same in both.
     */
    public static Map<String, Object> draft07(Map<String, Object> schema) {
        Map<String, Object> out = castMap(draft07Node(schema));
        out.put("$schema", "http://json-schema.org/draft-07/schema#");
        return out;
    }

    private static Object draft07Node(Object node) {
        if (node instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, v) -> {
                String key = (String) k;
                if (key.equals("$ref") && v instanceof String ref && ref.startsWith("#/$defs/")) {
                    out.put(key, "#/definitions/" + ref.substring("#/$defs/".length()));
                } else {
                    out.put(key.equals("$defs") ? "definitions" : key, draft07Node(v));
                }
            });
            return out;
        }
        if (node instanceof List<?> l) {
            return l.stream().map(SchemaGenerator::draft07Node).toList();
        }
        return node;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castMap(Object o) {
        return (Map<String, Object>) o;
    }

    private String ref(Class<?> type) {
        String name = names.get(type);
        if (name == null) {
            name = type.getSimpleName();
            if (defs.containsKey(name) || names.containsValue(name)) {
                name = type.getEnclosingClass().getSimpleName() + type.getSimpleName();
            }
            names.put(type, name);
            defs.put(name, Json.obj()); // placeholder against recursion
            defs.put(name, recordSchema(type));
        }
        return "#/$defs/" + name;
    }

    private Map<String, Object> recordSchema(Class<?> type) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("type", "object");
        Doc typeDoc = type.getAnnotation(Doc.class);
        if (typeDoc != null) {
            s.put("description", typeDoc.value());
        }
        Map<String, Object> props = new LinkedHashMap<>();
        List<String> required = new ArrayList<>();
        for (RecordComponent rc : type.getRecordComponents()) {
            Map<String, Object> p;
            java.lang.annotation.Annotation[] anns = annotations(rc);
            if (rc.getName().equals("classification") && Map.class.isAssignableFrom(rc.getType())) {
                p = new LinkedHashMap<>(Json.obj("$ref", "#/$defs/ClassificationFacts"));
            } else {
                p = typeSchema(rc.getAnnotatedType(), anns);
            }
            Doc doc = rc.getAnnotation(Doc.class);
            if (doc != null) {
                p.put("description", describe(doc) + (rc.getType() == LocalDate.class ? " " + DATE_RANGE : ""));
                if (doc.confidential()) {
                    // $comment, not an x- keyword: strict validators (ajv) refuse unknown keywords
                    p.put("$comment", CONFIDENTIAL);
                }
            }
            props.put(rc.getName(), p);
            if (has(anns, NotNull.class) || has(anns, NotBlank.class) || has(anns, NotEmpty.class)) {
                required.add(rc.getName());
            }
        }
        s.put("properties", props);
        if (!required.isEmpty()) {
            s.put("required", required);
        }
        s.put("additionalProperties", false);
        return s;
    }

    private static java.lang.annotation.Annotation[] annotations(RecordComponent rc) {
        return dev.aidossier.model.Components.annotations(rc);
    }

    private static String describe(Doc doc) {
        return doc.refs().length == 0 ? doc.value() : doc.value() + " [" + String.join(", ", doc.refs()) + "]";
    }

    private Map<String, Object> typeSchema(AnnotatedType at, java.lang.annotation.Annotation[] anns) {
        Map<String, Object> s = new LinkedHashMap<>();
        Class<?> raw = at.getType() instanceof Class<?> c ? c : (Class<?>) ((java.lang.reflect.ParameterizedType) at.getType()).getRawType();
        if (List.class.isAssignableFrom(raw)) {
            s.put("type", "array");
            AnnotatedType elem = ((AnnotatedParameterizedType) at).getAnnotatedActualTypeArguments()[0];
            s.put("items", typeSchema(elem, elem.getAnnotations()));
            if (has(anns, NotEmpty.class)) {
                s.put("minItems", 1);
            }
            return s;
        }
        if (raw.isRecord()) {
            s.put("$ref", ref(raw));
            return s;
        }
        if (raw == String.class) {
            // the loader takes a number for a text (version: 1.4 is "1.4"), unless a pattern decides the form
            s.put("type", has(anns, Pattern.class) || has(anns, jakarta.validation.constraints.Email.class)
                    ? "string" : List.of("string", "number"));
        } else if (raw == Long.class || raw == Integer.class) {
            s.put("type", "integer");
        } else if (raw == Double.class) {
            s.put("type", "number");
        } else if (raw == Boolean.class) {
            s.put("type", "boolean");
        } else if (raw == LocalDate.class) {
            s.put("type", "string");
            putDate(s);
        } else if (raw.isEnum()) {
            s.put("type", "string");
            s.put("enum", Arrays.stream(raw.getEnumConstants()).map(e -> ((Enum<?>) e).name()).toList());
        } else if (Map.class.isAssignableFrom(raw)) {
            s.put("type", "object");
        }
        for (java.lang.annotation.Annotation a : anns) {
            if (a instanceof Pattern p) {
                s.put("pattern", "^(?:" + p.regexp() + ")$");
            } else if (a instanceof NotBlank) {
                s.put("minLength", 1);
            } else if (a instanceof Size z && raw == String.class) {
                if (z.min() > 0) {
                    s.put("minLength", z.min());
                }
                if (z.max() < Integer.MAX_VALUE) {
                    s.put("maxLength", z.max());
                }
            } else if (a instanceof Min m) {
                s.put("minimum", m.value());
            } else if (a instanceof Max m) {
                s.put("maximum", m.value());
            } else if (a instanceof Positive) {
                s.put("exclusiveMinimum", 0);
            } else if (a instanceof PositiveOrZero) {
                s.put("minimum", 0);
            } else if (a instanceof jakarta.validation.constraints.Email) {
                s.put("format", "email");
            }
        }
        return s;
    }

    /**
     * A date: ISO format, and a pattern that holds the year to the range of the tool's input limits
     * ({@link Limits#DEFAULT}), so an editor flags year 0 or 99999 as the loader does; the exact range
     * (month and day of its ends) is in the description.
     */
    private static final String DATE_RANGE = "A date " + Limits.DEFAULT.dateRange() + ".";

    private static void putDate(Map<String, Object> s) {
        Limits l = Limits.DEFAULT;
        s.put("format", "date");
        s.put("pattern", "^" + yearPattern(l.earliestDate().getYear(), l.latestDate().getYear()) + "-[0-9]{2}-[0-9]{2}$");
    }

    /** A regular expression for the four-digit years {@code lo..hi}, as blocks of whole decades and centuries: 1900..2200 gives (?:19[0-9]{2}|20[0-9]{2}|21[0-9]{2}|2200). */
    public static String yearPattern(int lo, int hi) {
        java.util.List<String> parts = new java.util.ArrayList<>();
        int a = lo;
        while (a <= hi) {
            int size = 1;
            int digits = 0;
            while (a % (size * 10) == 0 && a + size * 10 - 1 <= hi && digits < 3) {
                size *= 10;
                digits++;
            }
            String prefix = String.valueOf(a).substring(0, 4 - digits);
            parts.add(prefix + (digits == 0 ? "" : digits == 1 ? "[0-9]" : "[0-9]{" + digits + "}"));
            a += size;
        }
        return "(?:" + String.join("|", parts) + ")";
    }

    private static boolean has(java.lang.annotation.Annotation[] anns, Class<?> type) {
        for (java.lang.annotation.Annotation a : anns) {
            if (type.isInstance(a)) {
                return true;
            }
        }
        return false;
    }

    private Map<String, Object> factsSchema() {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("type", "object");
        s.put("description", "Facts that decide the classification; every fact defaults to false or empty. Declared in rules/eu-ai-act/classification.yaml.");
        Map<String, Object> groups = new LinkedHashMap<>();
        facts.facts().forEach((group, decls) -> {
            Map<String, Object> g = new LinkedHashMap<>();
            g.put("type", "object");
            Map<String, Object> props = new LinkedHashMap<>();
            decls.forEach((name, d) -> props.put(name, factSchema(d)));
            g.put("properties", props);
            g.put("additionalProperties", false);
            groups.put(group, g);
        });
        s.put("properties", groups);
        s.put("additionalProperties", false);
        return s;
    }

    private Map<String, Object> factSchema(FactDecl d) {
        Map<String, Object> s = new LinkedHashMap<>();
        switch (d.type()) {
            case "boolean" -> s.put("type", "boolean");
            case "number" -> s.put("type", "number");
            case "date" -> {
                s.put("type", "string");
                putDate(s);
            }
            case "string" -> {
                s.put("type", "string");
                if (d.values() != null) {
                    s.put("enum", d.values());
                }
            }
            default -> {
                s.put("type", "array");
                Map<String, Object> items = new LinkedHashMap<>();
                items.put("type", "string");
                if (d.valuesFrom() != null && facts.lists() != null && facts.lists().containsKey(d.valuesFrom())) {
                    items.put("enum", facts.lists().get(d.valuesFrom()).stream().map(ClassificationFile.ListItem::key).toList());
                }
                s.put("items", items);
            }
        }
        String refs = d.refs() == null || d.refs().isEmpty() ? "" : " [" + String.join(", ", d.refs()) + "]";
        s.put("description", d.doc() + refs + ("date".equals(d.type()) ? " " + DATE_RANGE : ""));
        return s;
    }
}
