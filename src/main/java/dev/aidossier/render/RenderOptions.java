package dev.aidossier.render;

import java.time.LocalDate;

/**
 * Options of one render.
 *
 * @param stem            base name of the output files ({@code <stem>-<doc>.pdf}); documents cite each other by it
 * @param asOf            the date the findings were judged on (printed on the documents)
 * @param draft           stamp every page as a draft (the declaration: "not a declaration of conformity")
 * @param sourceDateEpoch seconds since 1970 for the PDF dates (the SOURCE_DATE_EPOCH convention), or null:
 *                        then the description's documentDate, else {@link PdfOutput#FIXED_EPOCH}
 * @param audience        who the documents are for: {@code all} (every item), or {@code dp} (downstream providers:
 *                        only the items they receive, in the documents whose content depends on the audience)
 * @param lang            the document language (a catalogue of {@code templates/i18n/}), or null: then the
 *                        description's {@code metadata.language} if a catalogue exists for it, else English
 * @param overlays        language to the translation overlay of the description's free text
 *                        ({@code <name>.<lang>.yaml}); a document in a language other than the description's
 *                        with no overlay shows every free-text value as written, marked as untranslated
 */
public record RenderOptions(String stem, LocalDate asOf, boolean draft, Long sourceDateEpoch, String audience, String lang,
                            java.util.Map<String, dev.aidossier.load.Overlay> overlays) {

    /** The audiences a render can be made for. */
    public static final java.util.List<String> AUDIENCES = java.util.List.of("all", "dp");

    public RenderOptions(String stem, LocalDate asOf, boolean draft, Long sourceDateEpoch) {
        this(stem, asOf, draft, sourceDateEpoch, "all", null);
    }

    public RenderOptions(String stem, LocalDate asOf, boolean draft, Long sourceDateEpoch, String audience, String lang) {
        this(stem, asOf, draft, sourceDateEpoch, audience, lang, java.util.Map.of());
    }

    public RenderOptions(String stem, LocalDate asOf, boolean draft, Long sourceDateEpoch, String audience) {
        this(stem, asOf, draft, sourceDateEpoch, audience, null);
    }

    public RenderOptions {
        overlays = overlays == null ? java.util.Map.of() : java.util.Map.copyOf(overlays);
        if (stem == null || stem.isBlank()) {
            throw new IllegalArgumentException("stem is required");
        }
        if (asOf == null) {
            throw new IllegalArgumentException("asOf is required");
        }
        if (!AUDIENCES.contains(audience)) {
            throw new IllegalArgumentException("audience must be one of " + AUDIENCES);
        }
        if (lang != null && Catalogues.get(lang) == null) {
            throw new IllegalArgumentException("no catalogue for language '" + lang + "'");
        }
    }

    public RenderOptions withDraft(boolean d) {
        return new RenderOptions(stem, asOf, d, sourceDateEpoch, audience, lang, overlays);
    }

    public RenderOptions withAudience(String a) {
        return new RenderOptions(stem, asOf, draft, sourceDateEpoch, a, lang, overlays);
    }

    public RenderOptions withLang(String l) {
        return new RenderOptions(stem, asOf, draft, sourceDateEpoch, audience, l, overlays);
    }

    public RenderOptions withOverlays(java.util.Map<String, dev.aidossier.load.Overlay> o) {
        return new RenderOptions(stem, asOf, draft, sourceDateEpoch, audience, lang, o);
    }
}
