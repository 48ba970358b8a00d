package dev.aidossier.render;

import dev.aidossier.load.Overlay;

import dev.aidossier.analysis.Frameworks;
import dev.aidossier.analysis.Engine;
import dev.aidossier.analysis.Analysis;
import dev.aidossier.model.Metadata;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders the documents of one analysed description: FreeMarker template ({@code templates/<doc>.ftlh},
 * or the user's own from {@code --templates}) → XHTML → PDF. One instance serves many renders and may be
 * used from several threads at once; the same analysis and options always give the same bytes.
 *
 * <p>The renderer does not decide whether a document should be produced (the declaration's gate is
 * {@link DeclarationGate}); it renders what it is asked for, stamping drafts when told to.
 */
public final class Renderer {

    private final Engine engine;
    private final Templates templates;
    private final Path userTemplates;
    private final String toolVersion;
    private final Frameworks frameworks;
    private final List<UserFont> fonts;
    private final ThreadLocal<FontSet> fontSet;
    private final RenderLimits limits;

    /**
     * @param engine        the engine the analyses came from (rule titles, pack identity)
     * @param userTemplates the user's templates folder, or null for the bundled templates only
     * @param toolVersion   printed on the cover and in the PDF producer
     */
    public Renderer(Engine engine, Path userTemplates, String toolVersion) throws RenderException {
        this(engine, userTemplates, toolVersion, null, List.of());
    }

    /**
     * @param frameworks what the passport and the interoperability plan are judged against (every
     *                   framework's pack and the crosswalk), or null when neither is rendered
     */
    public Renderer(Engine engine, Path userTemplates, String toolVersion, Frameworks frameworks) throws RenderException {
        this(engine, userTemplates, toolVersion, frameworks, List.of());
    }

    /**
     * @param frameworks as above, or null
     * @param fonts      the user's --font files, in the order given: they draw the characters the bundled
     *                   fonts lack (a character goes to the first that has it)
     */
    public Renderer(Engine engine, Path userTemplates, String toolVersion, Frameworks frameworks, List<UserFont> fonts) throws RenderException {
        this(engine, userTemplates, toolVersion, frameworks, fonts, RenderLimits.DEFAULT);
    }

    /**
     * @param limits how much XHTML a template may write and how much processor time a document may take
     *               (--max-output-size, --render-timeout)
     */
    public Renderer(Engine engine, Path userTemplates, String toolVersion, Frameworks frameworks, List<UserFont> fonts, RenderLimits limits)
            throws RenderException {
        this.limits = limits;
        this.frameworks = frameworks;
        this.engine = engine;
        this.userTemplates = userTemplates;
        this.toolVersion = toolVersion;
        this.templates = new Templates(userTemplates);
        this.fonts = List.copyOf(fonts);
        this.fontSet = FontSet.perThread(this.fonts);
    }

    /**
     * The documents of one description share most of their data model, and the passport and the plan share
     * theirs (judged against every framework, with the passport's tables). Each thread keeps both models of
     * the description it rendered last, so a pack builds each once instead of once per document; an entry
     * is only used for the very same analysis object and date.
     */
    private record Cached(Analysis analysis, LocalDate asOf, Map<String, Object> model, Engine judgedBy, Analysis judged, byte[] findings) {
        boolean holds(Analysis a, LocalDate d) {
            return analysis == a && asOf.equals(d);
        }
    }

    private final ThreadLocal<Cached> lastModel = new ThreadLocal<>();
    private final ThreadLocal<Cached> lastFrameworksModel = new ThreadLocal<>();

    private Cached documentModel(Analysis a, RenderOptions o) {
        Cached c = lastModel.get();
        if (c != null && c.holds(a, o.asOf())) {
            return c;
        }
        Map<String, Object> m = DataModel.shared(engine, a, o, toolVersion);
        c = new Cached(a, o.asOf(), m, engine, a, Sources.findingsJson(engine, a, toolVersion));
        lastModel.set(c);
        return c;
    }

    private Cached frameworksModel(Analysis a, RenderOptions o) {
        Cached c = lastFrameworksModel.get();
        if (c != null && c.holds(a, o.asOf())) {
            return c;
        }
        // judged against every framework: the analysis step's (Frameworks.judge), made by the caller once per
        // description; judged here only for a caller that did not (tests, tools)
        Analysis all = frameworks.engine() == engine ? a : frameworks.judge(engine, a, o.asOf()).frameworks();
        Map<String, Object> m = new LinkedHashMap<>(all == a ? documentModel(a, o).model() : DataModel.shared(frameworks.engine(), all, o, toolVersion));
        Passport.add(m, frameworks, all, o.asOf());
        c = new Cached(a, o.asOf(), m, frameworks.engine(), all, Sources.findingsJson(frameworks.engine(), all, toolVersion));
        lastFrameworksModel.set(c);
        return c;
    }

    /** A rendered document: its PDF and the resources its template asked for but was refused. */
    public record Output(DocumentKind kind, byte[] pdf, List<String> refused) {
    }

    /** The XHTML of a document (what the PDF is made from), for tests and for debugging templates. */
    public String xhtml(DocumentKind kind, Analysis a, RenderOptions o) throws RenderException {
        Map<String, Object> model = model(kind, a, o);
        RenderBudget budget = RenderBudget.start(limits);
        try (RenderWatchdog.Watch w = RenderWatchdog.watch(budget)) {
            return marked(templates.process(kind.template(), model, budget), a, o);
        }
    }

    /** The data model of one document. */
    private Map<String, Object> model(DocumentKind kind, Analysis a, RenderOptions o) throws RenderException {
        return model(kind, cached(kind, a, o), a, o);
    }

    private Map<String, Object> model(DocumentKind kind, Cached c, Analysis a, RenderOptions o) {
        String lang = language(a, o);
        Map<String, Object> m = withRuleTexts(DataModel.forDocument(c.model(), kind, o, lang), c.judgedBy(), lang);
        Overlay overlay = overlay(a, o, lang);
        if (overlay != null) {
            Translation.apply(m, overlay);
        }
        return m;
    }

    /**
     * The translation of the description's free text into {@code lang}: the overlay given for it, else none
     * (every free-text value untranslated); null when {@code lang} is the description's own language (or the
     * template is not translated, so it is written in English whatever the language asked for).
     */
    private static Overlay overlay(Analysis a, RenderOptions o, String lang) {
        if (lang.equals(sourceLanguage(a))) {
            return null;
        }
        Overlay given = o.overlays().get(lang);
        return given != null ? given : Overlay.none(a.loaded(), lang);
    }

    /** The language the description is written in (see {@link Overlay#sourceLanguage}). */
    public static String sourceLanguage(Analysis a) {
        return Overlay.sourceLanguage(a.loaded());
    }

    /** The template's output with the marks of untranslated values turned into visible, language-tagged spans. */
    private static String marked(String xhtml, Analysis a, RenderOptions o) {
        String lang = language(a, o);
        if (lang.equals(sourceLanguage(a))) {
            return xhtml;
        }
        return Translation.markup(xhtml, sourceLanguage(a), Catalogues.get(lang).format("mark.untranslated", Map.of()));
    }

    /** The shared model of the description (or of it judged against every framework), with what the PDF embeds. */
    private Cached cached(DocumentKind kind, Analysis a, RenderOptions o) throws RenderException {
        check(kind, a);
        if (!kind.frameworks()) {
            return documentModel(a, o);
        }
        if (frameworks == null) {
            throw RenderException.template("the " + kind.title() + " needs the rule packs of every framework; none were given to the renderer", null);
        }
        return frameworksModel(a, o);
    }

    /**
     * {@code ruleTexts}: rule id to its title, message and remediation in the document language, where the pack translates
     * them (checked against the rules when the pack loaded);
     * {@code cellTitles}: a pack's unit key ("Art13") to its title in the document language.
     */
    private static Map<String, Object> withRuleTexts(Map<String, Object> model, Engine engine, String lang) {
        model.put("ruleTexts", Catalogues.DEFAULT.equals(lang) ? Map.of() : engine.ruleTexts(lang));
        model.put("cellTitles", Catalogues.DEFAULT.equals(lang) ? Map.of() : engine.unitTitles(lang));
        return model;
    }

    /**
     * The language a document is rendered in: the one asked for ({@code --lang}), else the description's
     * {@code metadata.language} when a catalogue exists for it ({@code de-AT} counts as {@code de}), else English.
     */
    public static String language(Analysis a, RenderOptions o) {
        return language(a, o.lang());
    }

    /** As above, for a language asked for, or null. */
    public static String language(Analysis a, String requested) {
        if (requested != null) {
            return requested;
        }
        Metadata m = a.loaded().metadata();
        String l = m == null ? null : Catalogues.resolve(m.language());
        return l == null ? Catalogues.DEFAULT : l;
    }

    private static final java.util.regex.Pattern LINKED = java.util.regex.Pattern.compile("<(?:link|img)\\s[^>]*?(?:href|src)=\"([^\"]+)\"");

    /**
     * The files of the templates folder (the user's, then the bundled ones) that an XHTML document links to
     * by a relative path (style sheets, images), path to bytes: what a browser or another engine needs
     * beside the XHTML to render it as this renderer does.
     */
    public Map<String, byte[]> linkedResources(String xhtml) {
        Map<String, byte[]> out = new java.util.TreeMap<>();
        Path dir = null;
        if (userTemplates != null) {
            try {
                dir = userTemplates.toRealPath();
            } catch (java.io.IOException e) {
                dir = null;
            }
        }
        java.util.regex.Matcher m = LINKED.matcher(xhtml);
        while (m.find()) {
            String path = LocalUserAgent.localPath(LocalUserAgent.BASE + m.group(1));
            if (path == null || m.group(1).contains(":")) {
                continue;
            }
            byte[] b = LocalUserAgent.read(dir, path);
            if (b != null) {
                out.put(path, b);
            }
        }
        return out;
    }

    /**
     * Has each of the pool's {@code threads} threads parse the bundled fonts it will render with (a fresh fixed
     * pool runs its first {@code threads} tasks on as many new threads), so that a caller can do it while the
     * rule packs are read: a cold start's first documents otherwise wait about a third of a second for them.
     * For renderers without --font; a failure is left for the render to report.
     */
    public static void warmUp(java.util.concurrent.ExecutorService pool, int threads) {
        for (int i = 0; i < threads; i++) {
            var unused = pool.submit(() -> FontSet.perThread(List.of()).get());
        }
    }

    /**
     * Starts parsing the bundled fonts (shared by every thread, see {@link FontSet}) on a daemon thread, for a caller
     * that renders on its own thread after reading the rule packs; a failure is left for the render to report.
     */
    public static void parseFontsInBackground() {
        Thread t = new Thread(() -> {
            try {
                FontSet.parseBundled();
            } catch (RuntimeException | Error e) {
                // no stack trace from here: the render that needs the fonts meets the same failure and reports it
            }
        }, "dossier-fonts");
        t.setDaemon(true);
        t.start();
    }

    public Output render(DocumentKind kind, Analysis a, RenderOptions o) throws RenderException {
        dev.aidossier.util.Trace.mark(kind.id(), "model");
        Cached c = cached(kind, a, o);
        Map<String, Object> model = model(kind, c, a, o);
        String template = templates.where(kind.template(), null, null);
        // the description and the findings it was judged with (and the gap report's SARIF), embedded as PDF/A-3 associated files
        List<PdfOutput.Attachment> sources = new java.util.ArrayList<>(Sources.of(kind, c.judged(), c.findings(),
                () -> Sources.findingsSarif(c.judgedBy(), c.judged(), toolVersion)));
        // a document in another language carries the overlay its translated free text came from, beside the description
        // (an overlay file given for the language; none is given for the description's own language)
        String lang = language(a, o);
        Overlay overlay = lang.equals(sourceLanguage(a)) ? null : o.overlays().get(lang);
        if (overlay != null && overlay.bytes() != null && overlay.file() != null) {
            String name = Plain.xmlSafe(java.nio.file.Path.of(overlay.file()).getFileName().toString());
            sources.add(new PdfOutput.Attachment(name, "application/yaml", "Supplement",
                    "The translation overlay (" + overlay.language() + ") of the description's free text this document shows", overlay.bytes()));
        }
        // one budget for the template and the layout; the watchdog (when the command line set one) ends a render
        // that a single uninterruptible instruction keeps past it
        RenderBudget budget = RenderBudget.start(limits);
        PdfOutput.Result r;
        try (RenderWatchdog.Watch w = RenderWatchdog.watch(budget)) {
            dev.aidossier.util.Trace.mark(kind.id(), "template");
            String xhtml = marked(templates.process(kind.template(), model, budget), a, o);
            dev.aidossier.util.Trace.mark(kind.id(), "layout and PDF");
            budget.at = null;
            r = PdfOutput.write(xhtml, pdfDate(a, o), producer(), userTemplates, template, fontSet.get(), budget,
                    refused -> refuseLinks(kind, model, xhtml, template, refused), sources);
        }
        dev.aidossier.util.Trace.mark(kind.id(), "done");
        if (!r.missingGlyphs().isEmpty()) {
            throw Glyphs.missing(r.missingGlyphs(), a.loaded().root(), a.loaded().file(), template, kind, !fonts.isEmpty());
        }
        return new Output(kind, r.pdf(), r.refused());
    }

    /** At most this many refused links are located in the templates (each is found by rendering the template again). */
    private static final int MAX_LOCATED_LINKS = 10;

    /** The error for links a PDF may not hold: a finding at the template line that wrote each. */
    private void refuseLinks(DocumentKind kind, Map<String, Object> model, String xhtml, String template, List<LinkPolicy.Refused> refused)
            throws RenderException {
        List<dev.aidossier.core.Finding> findings = new java.util.ArrayList<>();
        for (LinkPolicy.Refused x : refused) {
            dev.aidossier.core.Location at = null;
            if (findings.size() < MAX_LOCATED_LINKS) {
                int offset = LinkPolicy.offsetOf(xhtml, x.attribute(), x.value());
                at = offset < 0 ? null : templates.placeOf(kind.template(), model, offset, limits);
            }
            if (at == null) {
                at = dev.aidossier.core.Location.ofFile(template);
            }
            findings.add(dev.aidossier.core.Finding.error("render.link", x.attribute() + "='"
                    + dev.aidossier.util.Names.visible(dev.aidossier.util.Names.clip(x.value(), 80)) + "' is refused: " + x.reason(), at, null));
        }
        throw RenderException.withFindings(template + " was not rendered: " + refused.size()
                + (refused.size() == 1 ? " link or event handler" : " links or event handlers")
                + " the PDF may not hold (links lead to https:, http:, mailto: or #id of the document)", findings);
    }

    /**
     * Fails when the document asked for a style sheet, image or font it did not get: a URL, a file outside
     * the templates folder, or a file that is not there. The message names each address and, where a file
     * of the templates folder writes it, that file's line and column.
     */
    public void requireResources(Output o) throws RenderException {
        if (o.refused().isEmpty()) {
            return;
        }
        List<String> lines = new java.util.ArrayList<>();
        for (String uri : o.refused()) {
            boolean local = uri.startsWith(LocalUserAgent.BASE);
            String asWritten = local ? uri.substring(LocalUserAgent.BASE.length()) : uri;
            String at = locate(asWritten);
            lines.add((at != null ? at : templates.where(o.kind().template(), null, null)) + ": '" + asWritten + "' "
                    + (local && LocalUserAgent.localPath(uri) != null
                    ? "is neither a file inside the templates folder nor a bundled resource"
                    : "is outside the templates folder: the renderer fetches no URL and reads no file elsewhere"));
        }
        throw RenderException.template(String.join("\n", lines) + "\nput the file into the templates folder and name it by a relative path"
                + " (or inline it as a data: URL)", null);
    }

    /** The first place a file of the user's templates folder writes {@code text}, as file:line:column, or null. */
    private String locate(String text) {
        if (userTemplates == null || text.isEmpty()) {
            return null;
        }
        try (java.util.stream.Stream<Path> files = java.nio.file.Files.list(userTemplates)) {
            for (Path f : files.sorted().toList()) {
                String n = f.getFileName().toString();
                if (!java.nio.file.Files.isRegularFile(f, java.nio.file.LinkOption.NOFOLLOW_LINKS) || !n.matches(".*\\.(ftlh|ftl|ftlx|css)")
                        || java.nio.file.Files.size(f) > LocalUserAgent.MAX_BYTES) {
                    continue;
                }
                String s = java.nio.file.Files.readString(f, java.nio.charset.StandardCharsets.UTF_8);
                int i = s.indexOf(text);
                if (i >= 0) {
                    int line = 1;
                    int col = 1;
                    for (int k = 0; k < i; k++) {
                        if (s.charAt(k) == '\n') {
                            line++;
                            col = 1;
                        } else {
                            col++;
                        }
                    }
                    return f + ":" + line + ":" + col;
                }
            }
        } catch (java.io.IOException | java.io.UncheckedIOException e) {
            return null; // only a help for the message
        }
        return null;
    }

    /**
     * Every document that applies to the description, file name → PDF, as a conformity pack wants them:
     * the declaration only when its gate is open; for a general-purpose AI model the gap report and the
     * model documents the rule pack owes (see {@link #owed}).
     */
    public Map<String, byte[]> renderAll(Analysis a, RenderOptions o) throws RenderException {
        return renderAll(a, o, java.util.Set.of());
    }

    /** As {@link #renderAll(Analysis, RenderOptions)}, with the framework documents asked for in {@code with}. */
    public Map<String, byte[]> renderAll(Analysis a, RenderOptions o, java.util.Set<DocumentKind> with) throws RenderException {
        return renderAll(a, o, with, null);
    }

    /**
     * As above; with a {@code pool}, the documents are laid out at the same time on its threads (for a pack
     * of fewer descriptions than cores). The result, and the error when one fails (the first in document
     * order), are the same as without.
     */
    public Map<String, byte[]> renderAll(Analysis a, RenderOptions o, java.util.Set<DocumentKind> with,
                                         java.util.concurrent.ExecutorService pool) throws RenderException {
        return renderAll(a, o, with, pool, List.of());
    }

    /**
     * As above, once per language of {@code languages} ({@code --lang}): a document whose template is
     * translated ({@link #translated}) is written once per language as {@code <stem>-<doc>.<lang>.pdf}; one
     * that is not yet translated once, in English, under its plain name. With no languages: each document
     * once, in the description's language ({@link #language}), under its plain name.
     */
    public Map<String, byte[]> renderAll(Analysis a, RenderOptions o, java.util.Set<DocumentKind> with,
                                         java.util.concurrent.ExecutorService pool, List<String> languages) throws RenderException {
        if (languages.isEmpty()) {
            return renderAllOnce(a, o, with, pool, null);
        }
        Map<String, byte[]> out = new java.util.TreeMap<>();
        out.putAll(renderAllOnce(a, o.withLang(Catalogues.DEFAULT), with, pool, false));
        for (String lang : languages) {
            out.putAll(renderAllOnce(a, o.withLang(lang), with, pool, true));
        }
        return out;
    }

    /**
     * Whether a document's template takes its words from the catalogues: the catalogues name its title
     * ({@code doc.<id>.title}). The others are English until they are converted.
     */
    public static boolean translated(DocumentKind kind) {
        return Catalogues.get(Catalogues.DEFAULT).messages().containsKey("doc." + kind.id() + ".title");
    }

    /**
     * The file name of a document: {@code <stem>-<doc>[.<lang>][.draft].pdf}; {@code lang} null for the plain
     * name (no --lang, or a document that is not translated).
     */
    public static String fileName(String stem, DocumentKind kind, String lang, boolean draft, String extension) {
        return stem + "-" + kind.id() + (lang == null ? "" : "." + lang) + (draft ? ".draft" : "") + extension;
    }

    /**
     * One pass over the documents; {@code translatedOnly}: null for every document under its plain name,
     * true for the translated ones under their language's name, false for the untranslated ones (English).
     */
    private Map<String, byte[]> renderAllOnce(Analysis a, RenderOptions o, java.util.Set<DocumentKind> with,
                                              java.util.concurrent.ExecutorService pool, Boolean translatedOnly) throws RenderException {
        List<DocumentKind> kinds = new java.util.ArrayList<>();
        for (DocumentKind k : DocumentKind.values()) {
            if (k.frameworks() && !with.contains(k)) {
                continue;
            }
            if (!applies(k, a) || !owed(k, a) || (k == DocumentKind.DECLARATION && !o.draft() && DeclarationGate.of(a).blocked())) {
                continue;
            }
            if (translatedOnly != null && translated(k) != translatedOnly) {
                continue;
            }
            kinds.add(k);
        }
        List<java.util.concurrent.Future<Output>> futures = new java.util.ArrayList<>();
        if (pool != null && kinds.size() > 1) {
            for (DocumentKind k : kinds) {
                futures.add(pool.submit(() -> render(k, a, o)));
            }
        }
        Map<String, byte[]> out = new LinkedHashMap<>();
        for (int i = 0; i < kinds.size(); i++) {
            DocumentKind k = kinds.get(i);
            Output r = futures.isEmpty() ? render(k, a, o) : result(futures.get(i));
            requireResources(r);
            out.put(fileName(o.stem(), k, Boolean.TRUE.equals(translatedOnly) ? o.lang() : null, false, ".pdf"), r.pdf());
        }
        return out;
    }

    private static Output result(java.util.concurrent.Future<Output> f) throws RenderException {
        try {
            return f.get();
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof RenderException re) {
                throw re;
            }
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw RenderException.internal("a document could not be rendered: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw RenderException.internal("interrupted while rendering", e);
        }
    }

    /**
     * Whether the document exists for this kind of description (Annex IV, V and Art. 13 concern AI systems;
     * Art. 53 and Annexes XI and XII general-purpose AI models).
     */
    public static boolean applies(DocumentKind kind, Analysis a) {
        if (kind.modelsOnly()) {
            return a.loaded().kind() == dev.aidossier.model.Enums.Kind.GPAIModel;
        }
        return !kind.systemsOnly() || a.loaded().kind() == dev.aidossier.model.Enums.Kind.AISystem;
    }

    /**
     * Whether the rule pack owes the document for this description: the pack's {@code documents} names the
     * reference keys a document serves, and some rule citing one of them (or a key below one) must apply.
     * A document the pack does not name is always owed. A model under the Art. 53(2) exemption owes the
     * training-content summary but not the Annex XI and XII documents: the rules say so, not this code.
     */
    public boolean owed(DocumentKind kind, Analysis a) {
        java.util.Map<String, List<String>> docs = engine.pack().documents();
        List<String> keys = docs == null ? null : docs.get(kind.id());
        if (keys == null) {
            return true;
        }
        for (dev.aidossier.core.Finding f : a.findings()) {
            if (f.status() == dev.aidossier.core.Status.notApplicable || engine.rules().rule(f.ruleId()) == null) {
                continue;
            }
            if (f.refs().stream().anyMatch(ref -> dev.aidossier.core.ReferenceKeys.under(ref, keys))) {
                return true;
            }
        }
        return false;
    }

    private static void check(DocumentKind kind, Analysis a) throws RenderException {
        if (!a.readable() || a.loaded().model() == null) {
            throw RenderException.template(a.loaded().file() + " could not be read; nothing to render", null);
        }
        if (!applies(kind, a)) {
            throw RenderException.template(kind.modelsOnly()
                    ? "the " + kind.title().toLowerCase(java.util.Locale.ROOT) + " concerns general-purpose AI models; " + a.loaded().file() + " describes an AI system"
                    : "the " + kind.title().toLowerCase(java.util.Locale.ROOT) + " concerns AI systems; " + a.loaded().file()
                    + " describes a general-purpose AI model (render its gap report)", null);
        }
    }

    private String producer() {
        return "AI Dossier " + toolVersion + " (Flying Saucer, OpenPDF)";
    }

    /** SOURCE_DATE_EPOCH if given, else the description's documentDate (midnight UTC), else a fixed epoch. */
    static Instant pdfDate(Analysis a, RenderOptions o) {
        if (o.sourceDateEpoch() != null) {
            return Instant.ofEpochSecond(o.sourceDateEpoch());
        }
        Metadata m = a.loaded().metadata();
        LocalDate d = m == null ? null : m.documentDate();
        if (d != null) {
            return d.atStartOfDay().toInstant(ZoneOffset.UTC);
        }
        return Instant.ofEpochSecond(PdfOutput.FIXED_EPOCH);
    }
}
