package dev.aidossier.schema;

import dev.aidossier.TestSupport;
import dev.aidossier.model.Doc;
import dev.aidossier.model.ModelSpec;
import dev.aidossier.report.Json;
import org.junit.jupiter.api.Test;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The GPAI format: every field names the Annex point or template item it serves, and confidential fields are marked. */
class GpaiSchemaTest {

    /** Every field below spec of a GPAIModel, as "Record.field", with its Doc (null when it has none). */
    private static void walk(Class<?> type, Set<Class<?>> seen, List<String> missing, List<String> all) {
        if (!type.isRecord() || !seen.add(type)) {
            return;
        }
        for (RecordComponent rc : type.getRecordComponents()) {
            String name = type.getSimpleName() + "." + rc.getName();
            all.add(name);
            Doc d = rc.getAnnotation(Doc.class);
            if (d == null || d.refs().length == 0) {
                missing.add(name);
            }
            Type t = rc.getGenericType();
            if (t instanceof ParameterizedType pt) {
                for (Type a : pt.getActualTypeArguments()) {
                    if (a instanceof Class<?> c && c.getName().startsWith("dev.aidossier.model.ModelSpec")) {
                        walk(c, seen, missing, all);
                    }
                }
            } else if (rc.getType().getName().startsWith("dev.aidossier.model.ModelSpec")) {
                walk(rc.getType(), seen, missing, all);
            }
        }
    }

    @Test
    void everyFieldOfTheModelFormatCarriesItsReferenceKeys() {
        List<String> missing = new ArrayList<>();
        List<String> all = new ArrayList<>();
        walk(ModelSpec.class, new HashSet<>(), missing, all);
        assertThat(all).as("the walk reaches the nested records").contains("DataSource.topDomains", "Crawler.userAgent",
                "TrainingTime.hardwareDays", "Estimate.approach", "Authenticity.sha256", "Modality.maxSize", "SizeRange.unit");
        assertThat(missing).as("fields of the GPAI format without reference keys").isEmpty();
    }

    @Test
    void theSchemaShowsReferenceKeysAndConfidentialMarks() {
        String schema = Json.write(new SchemaGenerator(TestSupport.euEngine().classifier().data()).generate());
        assertThat(schema)
                .contains("Maximum size per request, a number in `unit`. [AnxXII.2.b, MDF.2.c, MDF.2.d]")
                .contains("The most relevant domain names, by size of content collected (crawled data). [TCS.2.3]")
                .contains("\"$comment\" : \"confidential: ");
        // the compute figure is confidential, the public description of the data is not
        int compute = schema.indexOf("Cumulative compute used for training");
        assertThat(schema.substring(compute, schema.indexOf('}', compute))).contains("\"$comment\" : \"confidential: ");
        int pub = schema.indexOf("Public description of the content");
        assertThat(schema.substring(pub, schema.indexOf('}', pub))).doesNotContain("confidential:");
    }
}
