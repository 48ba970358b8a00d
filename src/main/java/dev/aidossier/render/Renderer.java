package dev.aidossier.render;

import dev.aidossier.Engine;
import dev.aidossier.Engine.Analysis;
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

    /**
     * @param engine        the engine the analyses came from (rule titles, pack identity)
     * @param userTemplates the user's templates folder, or null for the bundled templates only
     * @param toolVersion   printed on the cover and in the PDF producer
     */
    public Renderer(Engine engine, Path userTemplates, String toolVersion) throws RenderException {
        this(engine, userTemplates, toolVersion, null);
    }

    /**
     * @param frameworks what the passport and the interoperability plan are judged against (every
     *                   framework's pack and the crosswalk), or null when neither is rendered
     */
    public Renderer(Engine engine, Path userTemplates, String toolVersion, Frameworks frameworks) throws RenderException {
        this.frameworks = frameworks;
        this.engine = engine;
        this.userTemplates = userTemplates;
        this.toolVersion = toolVersion;
        this.templates = new Templates(userTemplates);
    }

    /** A rendered document: its PDF and the resources its template asked for but was refused. */
    public record Output(DocumentKind kind, byte[] pdf, List<String> refused) {
    }

    /** The XHTML of a document (what the PDF is made from), for tests and for debugging templates. */
    public String xhtml(DocumentKind kind, Analysis a, RenderOptions o) throws RenderException {
        check(kind, a);
        if (!kind.frameworks()) {
            return templates.process(kind.template(), DataModel.build(engine, a, kind, o, toolVersion));
        }
        if (frameworks == null) {
            throw RenderException.template("the " + kind.title() + " needs the rule packs of every framework; none were given to the renderer", null);
        }
        // judged against every framework: the same description, analysed by the engine holding all packs
        Analysis all = frameworks.engine() == engine ? a : frameworks.engine().analyse(a.loaded(), o.asOf());
        Map<String, Object> model = DataModel.build(frameworks.engine(), all, kind, o, toolVersion);
        Passport.add(model, frameworks, all, o.asOf());
        return templates.process(kind.template(), model);
    }

    public Output render(DocumentKind kind, Analysis a, RenderOptions o) throws RenderException {
        String xhtml = xhtml(kind, a, o);
        PdfOutput.Result r = PdfOutput.write(xhtml, pdfDate(a, o), producer(), userTemplates, kind.template());
        return new Output(kind, r.pdf(), r.refused());
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
        Map<String, byte[]> out = new LinkedHashMap<>();
        for (DocumentKind k : DocumentKind.values()) {
            if (k.frameworks() && !with.contains(k)) {
                continue;
            }
            if (!applies(k, a) || (k == DocumentKind.DECLARATION && !o.draft() && DeclarationGate.of(a).blocked())) {
                continue;
            }
            out.put(o.stem() + "-" + k.id() + ".pdf", render(k, a, o).pdf());
        }
        return out;
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
