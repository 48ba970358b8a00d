package dev.aidossier.schema;

import dev.aidossier.model.Components;
import dev.aidossier.model.Doc;
import dev.aidossier.model.Metadata;
import dev.aidossier.model.ModelSpec;
import dev.aidossier.model.SystemSpec;
import dev.aidossier.report.Json;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON Schema of a translation overlay ({@code <name>.<lang>.yaml}): the description's shape reduced to its
 * free text ({@link Components#freeText}), every key optional, every list item optional ({@code null} keeps an
 * item's place), nothing else allowed. An editor completes an overlay from it and marks a name or a date put
 * into one; the tool checks the same rules against the description itself ({@code dossier check --lang}).
 */
public final class OverlaySchema {
    private OverlaySchema() {
    }

    public static Map<String, Object> generate() {
        Map<String, Object> defs = new LinkedHashMap<>();
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        root.put("title", "AI Dossier translation overlay (<name>.<lang>.yaml)");
        root.put("description", "The free text of a description in another language: the description's own paths, with translated texts."
                + " Names, versions, ids, dates, numbers and listed values are never translated.");
        root.put("type", "object");
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("metadata", record(Metadata.class, defs));
        props.put("spec", Json.obj("anyOf", List.of(record(SystemSpec.class, defs), record(ModelSpec.class, defs)),
                "description", "The description of the system (kind AISystem) or model (kind GPAIModel), its free text only."));
        root.put("properties", props);
        root.put("additionalProperties", false);
        root.put("$defs", defs);
        return root;
    }

    /** A reference to the overlay shape of a record type, or null when the type holds no free text. */
    private static Map<String, Object> record(Class<?> type, Map<String, Object> defs) {
        String name = type.getEnclosingClass() == null ? type.getSimpleName() : type.getEnclosingClass().getSimpleName() + type.getSimpleName();
        if (!defs.containsKey(name)) {
            defs.put(name, Json.obj()); // placeholder against recursion
            Map<String, Object> props = new LinkedHashMap<>();
            for (RecordComponent rc : type.getRecordComponents()) {
                Map<String, Object> p = component(rc, defs);
                if (p != null) {
                    Doc doc = rc.getAnnotation(Doc.class);
                    if (doc != null) {
                        p.put("description", "Translation of: " + doc.value());
                    }
                    props.put(rc.getName(), p);
                }
            }
            if (props.isEmpty()) {
                defs.remove(name);
                return null;
            }
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("type", "object");
            s.put("properties", props);
            s.put("additionalProperties", false);
            defs.put(name, s);
        } else if (defs.get(name) instanceof Map<?, ?> m && m.isEmpty()) {
            return Json.obj("$ref", "#/$defs/" + name); // recursion: the shape is being built
        }
        return Json.obj("$ref", "#/$defs/" + name);
    }

    private static Map<String, Object> component(RecordComponent rc, Map<String, Object> defs) {
        if (Components.freeText(rc)) {
            Map<String, Object> text = Json.obj("type", "string", "minLength", 1);
            return rc.getType() == String.class ? new LinkedHashMap<>(text)
                    : new LinkedHashMap<>(Json.obj("type", "array", "items", Json.obj("anyOf", List.of(text, Json.obj("type", "null")))));
        }
        return nested(rc.getGenericType(), defs);
    }

    private static Map<String, Object> nested(Type t, Map<String, Object> defs) {
        if (t instanceof WildcardType w) {
            return nested(w.getUpperBounds()[0], defs);
        }
        if (t instanceof ParameterizedType pt && List.class.isAssignableFrom((Class<?>) pt.getRawType())) {
            Map<String, Object> item = nested(pt.getActualTypeArguments()[0], defs);
            return item == null ? null : new LinkedHashMap<>(Json.obj("type", "array",
                    "items", Json.obj("anyOf", List.of(item, Json.obj("type", "null")))));
        }
        if (t instanceof Class<?> c && c.isRecord()) {
            Map<String, Object> r = record(c, defs);
            return r == null ? null : new LinkedHashMap<>(r);
        }
        return null;
    }
}
