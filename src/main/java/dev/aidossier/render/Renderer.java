package dev.aidossier.render;

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

    private Cached model(DocumentKind kind, Analysis a, RenderOptions o) throws RenderException {
        check(kind, a);
        if (!kind.frameworks()) {
            return documentModel(a, o);
        }
        if (frameworks == null) {
            throw RenderException.template("the " + kind.title() + " needs the rule packs of every framework; none were given to the renderer", null);
        }
        return frameworksModel(a, o);
    }

    /** A rendered document: its PDF and the resources its template asked for but was refused. */
    public record Output(DocumentKind kind, byte[] pdf, List<String> refused) {
    }

    /** The XHTML of a document (what the PDF is made from), for tests and for debugging templates. */
    public String xhtml(DocumentKind kind, Analysis a, RenderOptions o) throws RenderException {
        return templates.process(kind.template(), DataModel.forDocument(model(kind, a, o).model(), kind, o));
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

    public Output render(DocumentKind kind, Analysis a, RenderOptions o) throws RenderException {
        Cached c = model(kind, a, o);
        String xhtml = templates.process(kind.template(), DataModel.forDocument(c.model(), kind, o));
        String template = templates.where(kind.template(), null, null);
        List<PdfOutput.Attachment> sources = Sources.of(kind, c.judged(), c.findings(),
                () -> Sources.findingsSarif(c.judgedBy(), c.judged(), toolVersion));
        PdfOutput.Result r = PdfOutput.write(xhtml, pdfDate(a, o), producer(), userTemplates, template, fontSet.get(), sources);
        if (!r.missingGlyphs().isEmpty()) {
            throw Glyphs.missing(r.missingGlyphs(), a.loaded().root(), a.loaded().file(), template, kind, !fonts.isEmpty());
        }
        return new Output(kind, r.pdf(), r.refused());
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
     * the declaration only when its gate is open; for a general-purpose AI model only the gap report.
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
        List<DocumentKind> kinds = new java.util.ArrayList<>();
        for (DocumentKind k : DocumentKind.values()) {
            if (k.frameworks() && !with.contains(k)) {
                continue;
            }
            if (!applies(k, a) || (k == DocumentKind.DECLARATION && !o.draft() && DeclarationGate.of(a).blocked())) {
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
            out.put(o.stem() + "-" + k.id() + ".pdf", r.pdf());
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

    /** Whether the document exists for this kind of description (Annex IV, V and Art. 13 concern AI systems). */
    public static boolean applies(DocumentKind kind, Analysis a) {
        return !kind.systemsOnly() || a.loaded().kind() == dev.aidossier.model.Enums.Kind.AISystem;
    }

    private static void check(DocumentKind kind, Analysis a) throws RenderException {
        if (!a.readable() || a.loaded().model() == null) {
            throw RenderException.template(a.loaded().file() + " could not be read; nothing to render", null);
        }
        if (!applies(kind, a)) {
            throw RenderException.template("the " + kind.title().toLowerCase(java.util.Locale.ROOT)
                    + " concerns AI systems; " + a.loaded().file() + " describes a general-purpose AI model (render its gap report)", null);
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
