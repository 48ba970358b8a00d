package dev.aidossier.render;

import dev.aidossier.load.YNode;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The message catalogues of templates/i18n/: all 24 official languages, each with exactly the keys of the
 * English one, the same placeholders, the Regulation's own terms (glossary.yaml), a note that the text is a
 * translation, and only characters the bundled fonts can draw.
 */
class CatalogueTest {

    static final List<String> OFFICIAL = List.of("bg", "cs", "da", "de", "el", "en", "es", "et", "fi", "fr", "ga", "hr", "hu",
            "it", "lt", "lv", "mt", "nl", "pl", "pt", "ro", "sk", "sl", "sv");

    @Test
    void everyOfficialLanguageOfTheUnionHasACatalogue() {
        assertThat(Catalogues.languages()).containsExactlyElementsOf(OFFICIAL);
        for (String l : OFFICIAL) {
            Catalogues.Catalogue c = Catalogues.get(l);
            assertThat(c).as(l).isNotNull();
            assertThat(c.lang()).isEqualTo(l);
            assertThat(c.locale().getLanguage()).as(l).isEqualTo(l);
        }
        assertThat(Catalogues.get("xx")).isNull();
        assertThat(Catalogues.resolve("DE-at")).isEqualTo("de");
        assertThat(Catalogues.resolve("zh")).isNull();
    }

    @Test
    void everyCatalogueHasEveryKeyAndNoOtherWithTheSamePlaceholders() {
        Map<String, Object> en = Catalogues.get("en").messages();
        for (String l : OFFICIAL) {
            Map<String, Object> m = Catalogues.get(l).messages();
            assertThat(m.keySet()).as("keys of %s.yaml", l).containsExactlyInAnyOrderElementsOf(en.keySet());
            for (String k : en.keySet()) {
                assertThat(Catalogues.placeholders(m.get(k))).as("placeholders of %s in %s.yaml", k, l)
                        .isEqualTo(Catalogues.placeholders(en.get(k)));
                if (!k.equals("doc.translationNote") || !l.equals("en")) {
                    assertThat(text(m.get(k))).as("%s in %s.yaml", k, l).isNotBlank();
                }
            }
        }
    }

    /**
     * Every key is used by a template: literally ({@code t("gap.kicker")}), or as a family whose last part the
     * template supplies ({@code t("severity." + f.severity)}), with each member a value that can occur.
     */
    @Test
    void noKeyIsUnused() throws IOException {
        // the renderer itself writes the label of untranslated free text (mark.untranslated)
        String templates = templatesText() + java.nio.file.Files.readString(java.nio.file.Path.of("src/main/java/dev/aidossier/render/Renderer.java"));
        Map<String, Set<String>> families = new LinkedHashMap<>();
        families.put("label.", Set.of("high-risk", "prohibited", "limited-risk", "minimal-risk", "out-of-scope", "none", "gpai",
                "gpai-systemic-risk", "annex-i", "annex-i-section-b", "annex-iii"));
        families.put("role.", Set.of("provider", "deployer", "importer", "distributor", "productManufacturer", "authorisedRepresentative"));
        families.put("severity.head.", names(dev.aidossier.core.Severity.values()));
        families.put("severity.", names(dev.aidossier.core.Severity.values()));
        families.put("count.", names(dev.aidossier.core.Severity.values()));
        families.put("kind.", names(dev.aidossier.model.Enums.Kind.values()));
        families.put("annexIV.", Set.of("1", "2", "3", "4", "5", "6", "7", "8", "9"));
        // section B: the instructions for use (the description's closed vocabularies) and the document status
        families.put("ifu.metric.", names(dev.aidossier.model.Enums.MetricKind.values()));
        families.put("ifu.threat.", names(dev.aidossier.model.Enums.Threat.values()));
        families.put("ifu.purpose.", names(dev.aidossier.model.Enums.DatasetPurpose.values()));
        families.put("ifu.oversight.", names(dev.aidossier.model.Enums.OversightType.values()));
        families.put("ifu.enables.", names(dev.aidossier.model.Enums.OversightCapability.values()));
        families.put("docStatus.", names(dev.aidossier.model.Enums.DocumentStatus.values()));
        // the passport and the interoperability plan: the standings and strengths dev.aidossier.render.Passport gives
        families.put("standing.", Set.of("met", "partly", "gap", "upcoming", "notApplicable", "notAssessed", "prohibited"));
        families.put("strength.", Set.of("equivalent", "partial", "related"));
        families.put("pp.framework.", Set.of("eu-ai-act"));
        families.put("plan.procedure.", names(dev.aidossier.model.Enums.AssessmentProcedure.values()));
        families.put("plan.evidence.", Set.of("verified", "missing", "hash-mismatch", "duplicate-id", "unknown-id", "path"));
        // section D: the phrase a rule message's {problem} is filled with in the document language (lib.ftlh's tmessage)
        families.put("problem.", Set.copyOf(dev.aidossier.cel.Problem.CODES));
        List<String> unused = new ArrayList<>();
        for (String key : Catalogues.get("en").messages().keySet()) {
            if (templates.contains("\"" + key + "\"")) {
                continue;
            }
            if (key.startsWith("doc.") && key.endsWith(".title")) {
                String id = key.substring(4, key.length() - 6);
                if (DocumentKind.parse(id) != null && templates.contains("\"doc.\" + doc.id + \".title\"")) {
                    continue;
                }
            }
            // a document's own draft stamp (the declaration's says it is not a declaration)
            if (key.startsWith("doc.") && key.endsWith(".draftStamp")) {
                String id = key.substring(4, key.length() - 11);
                if (DocumentKind.parse(id) != null && templates.contains("\"doc.\" + doc.id + \".draftStamp\"")) {
                    continue;
                }
            }
            boolean family = false;
            for (Map.Entry<String, Set<String>> f : families.entrySet()) {
                String rest = key.startsWith(f.getKey()) ? key.substring(f.getKey().length()) : null;
                if (rest != null && f.getValue().contains(rest) && templates.contains("\"" + f.getKey() + "\" +")) {
                    family = true;
                    break;
                }
            }
            if (!family) {
                unused.add(key);
            }
        }
        assertThat(unused).as("keys of en.yaml no template uses").isEmpty();
    }

    /** A route the classification can give (route: in classification.yaml) is shown by its label, never as its id. */
    @Test
    void everyRouteOfTheClassificationHasALabel() throws IOException {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?m)^\\s+route: ([a-z0-9-]+)\\s*$")
                .matcher(java.nio.file.Files.readString(java.nio.file.Path.of("rules/eu-ai-act/classification.yaml")));
        Set<String> routes = new java.util.TreeSet<>();
        while (m.find()) {
            routes.add(m.group(1));
        }
        assertThat(routes).contains("annex-i", "annex-i-section-b", "annex-iii");
        for (String route : routes) {
            assertThat(Catalogues.get("en").messages()).as("label of route " + route).containsKey("label." + route);
        }
    }

    @Test
    void everyTranslationSaysItIsOneAndThatTheOfficialTextPrevails() {
        for (String l : OFFICIAL) {
            String note = text(Catalogues.get(l).messages().get("doc.translationNote"));
            if (l.equals("en")) {
                assertThat(note).isEmpty(); // English is no translation of the tool's own text
                continue;
            }
            assertThat(note).as(l).contains("2024/1689").contains("AI Dossier");
        }
    }

    @Test
    void everyCatalogueUsesTheTermsOfItsLanguageVersionOfTheRegulation() {
        YNode g = Catalogues.read("glossary.yaml");
        YNode.YMap terms = (YNode.YMap) ((YNode.YMap) g).get("terms");
        assertThat(terms.entries()).containsKeys("provider", "deployer", "importer", "distributor", "authorisedRepresentative",
                "aiSystem", "gpaiModel", "declaration", "regulation");
        List<String> missing = new ArrayList<>();
        for (Map.Entry<String, YNode.Entry> t : terms.entries().entrySet()) {
            YNode.YMap term = (YNode.YMap) t.getValue().value();
            @SuppressWarnings("unchecked")
            List<String> usedIn = (List<String>) term.get("usedIn").toPlain();
            @SuppressWarnings("unchecked")
            Map<String, List<String>> forms = (Map<String, List<String>>) term.get("forms").toPlain();
            assertThat(forms.keySet()).as("languages of glossary term %s", t.getKey()).containsExactlyInAnyOrderElementsOf(OFFICIAL);
            for (String l : OFFICIAL) {
                Locale loc = Catalogues.get(l).locale();
                for (String key : usedIn) {
                    String msg = text(Catalogues.get(l).messages().get(key)).replace("\u00AD", "").toLowerCase(loc);
                    if (forms.get(l).stream().noneMatch(f -> msg.contains(f.toLowerCase(loc)))) {
                        missing.add(l + ": " + key + " = '" + msg + "' uses none of " + forms.get(l) + " (" + t.getKey() + ")");
                    }
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void theGlossaryCheckFailsOnAWrongTerm() {
        // the check above can fail: the French catalogue does not use the German term
        String fr = text(Catalogues.get("fr").messages().get("role.deployer"));
        assertThat(fr).isEqualTo("déployeur").doesNotContain("Betreiber");
    }

    @Test
    void everyCharacterOfEveryCatalogueHasAGlyphInTheBundledFonts() {
        FontSet fonts = FontSet.load(List.of());
        Map<String, Set<String>> missing = new LinkedHashMap<>();
        for (String l : OFFICIAL) {
            for (Map.Entry<String, Object> e : Catalogues.get(l).messages().entrySet()) {
                text(e.getValue()).codePoints().filter(cp -> !Glyphs.ignorable(cp) && !fonts.bundledCovers(cp))
                        .forEach(cp -> missing.computeIfAbsent(l + " " + e.getKey(), x -> new TreeSet<>()).add(Character.toString(cp)));
            }
        }
        assertThat(missing).isEmpty();
        // and the check itself sees a character the fonts lack
        assertThat(fonts.bundledCovers("人".codePointAt(0))).isFalse();
        assertThat(fonts.bundledCovers("ή".codePointAt(0))).isTrue();
    }

    @Test
    void datesAndNumbersAreWrittenAsTheLanguageWritesThem() {
        assertThat(Catalogues.get("en").date("2027-12-02")).isEqualTo("2027-12-02");
        assertThat(Catalogues.get("de").date("2027-12-02")).isEqualTo("2. Dezember 2027");
        assertThat(Catalogues.get("fr").date("2027-12-02")).isEqualTo("2 décembre 2027");
        assertThat(Catalogues.get("pl").date("2027-12-02")).isEqualTo("2 grudnia 2027");
        assertThat(Catalogues.get("el").date("2027-12-02")).isEqualTo("2 Δεκεμβρίου 2027");
        assertThat(Catalogues.get("de").number(1234.5)).isEqualTo("1.234,5");
        assertThat(Catalogues.get("en").number(1234.5)).isEqualTo("1,234.5");
        assertThat(Catalogues.get("de").format("completeness.value", Map.of("pct", 12, "passed", 6, "applicable", 48)))
                .isEqualTo("12 % (6 von 48)");
        assertThat(Catalogues.get("en").format("count.error", Map.of("n", 1))).isEqualTo("1 error");
        assertThat(Catalogues.get("en").format("count.error", Map.of("n", 3))).isEqualTo("3 errors");
    }

    private static Set<String> names(Enum<?>[] values) {
        Set<String> out = new TreeSet<>();
        for (Enum<?> v : values) {
            out.add(v.name());
        }
        return out;
    }

    private static String text(Object message) {
        return message instanceof Map<?, ?> m ? String.join(" ", m.values().stream().map(String::valueOf).toList()) : String.valueOf(message);
    }

    private static String templatesText() throws IOException {
        StringBuilder sb = new StringBuilder();
        try (Stream<Path> s = Files.list(dev.aidossier.TestSupport.root().resolve("templates"))) {
            for (Path p : s.filter(p -> p.toString().endsWith(".ftlh")).sorted().toList()) {
                sb.append(Files.readString(p)).append('\n');
            }
        }
        return sb.toString();
    }
}
