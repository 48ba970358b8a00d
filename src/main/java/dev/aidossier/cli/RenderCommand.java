package dev.aidossier.cli;

import dev.aidossier.util.Hashes;
import dev.aidossier.analysis.Engine;
import dev.aidossier.analysis.Analysis;
import dev.aidossier.core.Finding;
import dev.aidossier.render.DeclarationGate;
import dev.aidossier.render.DocumentKind;
import dev.aidossier.render.RenderException;
import dev.aidossier.render.RenderOptions;
import dev.aidossier.render.Renderer;
import dev.aidossier.report.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.UnaryOperator;

/** {@code dossier render FILE --doc KIND -o DIR}: the documents of one description as PDF. */
@Command(name = "render", mixinStandardHelpOptions = true,
        header = "Render the documents of one description as PDF (or their XHTML).",
        description = {"Render the documents of one description as PDF: technical documentation (Annex IV), EU declaration of",
                "conformity (Annex V), gap report, instructions for use (Art. 13), and the regulatory passport and Regulatory",
                "Interoperability Plan (judged against every pack, or those named by --pack). Files are named <name>-<doc>.pdf (<name>-<doc>.draft.pdf with --draft).",
                "The declaration is refused (exit 1) while error-level findings are open or upcoming, unless --draft.",
                "PDF dates come from SOURCE_DATE_EPOCH if set, else metadata.documentDate: the same input gives the same bytes."})
final class RenderCommand implements Callable<Integer> {

    /** Reads the environment; replaced in tests to set SOURCE_DATE_EPOCH without touching the process. */
    static UnaryOperator<String> env = System::getenv;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Mixin
    RenderLimitOptions renderLimits;

    @Parameters(paramLabel = "FILE", arity = "1", description = "The description to render.")
    Path file;

    @Option(names = "--doc", paramLabel = "KIND", required = true,
            description = {"technical-documentation, declaration, gap-report, instructions, passport, interoperability-plan;",
                    "for a general-purpose AI model gap-report, gpai-technical-documentation, downstream-information, training-content-summary,",
                    "model-documentation-form; or all."})
    String doc;

    @Option(names = {"-o", "--output"}, paramLabel = "DIR", required = true, description = "Folder to write the PDFs into (created if missing).")
    Path output;

    @Option(names = "--draft", description = "Stamp every page as a draft; renders the declaration even while findings are open, marked 'DRAFT – not a declaration of conformity'.")
    boolean draft;

    @Option(names = "--templates", paramLabel = "DIR",
            description = "Use the templates (and style sheets, images, fonts) in DIR; the bundled ones fill in what DIR lacks.")
    Path templates;

    @Option(names = "--font", paramLabel = "FILE",
            description = {"A TrueType or OpenType font (.ttf, .otf, .ttc) for the characters the bundled fonts lack (Chinese, Arabic, ...);",
                    "repeatable: each character is drawn with the first font that has it. Without one, such characters fail the render."})
    List<Path> fonts = new ArrayList<>();

    @Option(names = "--audience", paramLabel = "WHO", defaultValue = "all",
            description = {"all (default), or dp: only what downstream providers receive (the information for downstream providers,",
                    "the public training-content summary, and the Model Documentation Form with only their items, as <name>-<doc>.dp.pdf)."})
    String audience;

    @Option(names = "--lang", paramLabel = "LANG[,LANG...]", split = ",",
            description = {"Write the documents in these languages (bg, cs, da, de, el, en, es, et, fi, fr, ga, hr, hu, it, lt, lv, mt, nl,",
                    "pl, pt, ro, sk, sl, sv), each as <name>-<doc>.<lang>.pdf. Without it: one file per document, <name>-<doc>.pdf,",
                    "in metadata.language (if there is a catalogue for it), else English. Documents not yet translated stay English."})
    List<String> langs = new ArrayList<>();

    @Option(names = "--xhtml",
            description = {"Write the XHTML each PDF is made from, as <name>-<doc>.xhtml, with the style sheets and images it links to,",
                    "instead of the PDF: to debug a template, or to render it with another engine (a browser, WeasyPrint)."})
    boolean xhtml;

    private record Written(DocumentKind kind, String lang, Path file, String sha256, int bytes) {
    }

    private record Rendered(DocumentKind kind, String lang, Path target, byte[] pdf) {
    }

    /** One document in one language (null: the plain name, in the description's language). */
    private record Job(DocumentKind kind, String lang) {
    }

    /**
     * The languages of --lang, each a catalogue of templates/i18n/ ("de", also written "DE" or "de-AT"), in the
     * order given, without repeats; an unknown one is a usage error naming the languages there are.
     */
    static List<String> languages(List<String> given) throws CommonOptions.UsageError {
        List<String> out = new ArrayList<>();
        for (String g : given) {
            String l = dev.aidossier.render.Catalogues.resolve(g);
            if (l == null) {
                throw new CommonOptions.UsageError("--lang: '" + g + "' is not one of the languages there is a catalogue for: "
                        + String.join(", ", dev.aidossier.render.Catalogues.languages()));
            }
            if (!out.contains(l)) {
                out.add(l);
            }
        }
        return out;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            if (!List.of("text", "json").contains(common.format.name())) {
                throw new CommonOptions.UsageError("--format " + common.format + " is not available for render; use text or json");
            }
            List<DocumentKind> kinds = kinds();
            renderLimits.limits(); // a bad value is a usage error before any work
            if (!RenderOptions.AUDIENCES.contains(audience)) {
                throw new CommonOptions.UsageError("--audience: '" + audience + "' is not one of " + String.join(", ", RenderOptions.AUDIENCES));
            }
            boolean dp = audience.equals("dp");
            List<String> languages = languages(langs);
            common.asOfDate(); // a bad --as-of is a usage error before anything is read
            Long epoch = sourceDateEpoch();
            if (Files.isDirectory(file)) {
                throw new CommonOptions.UsageError("render takes one description file; '" + file + "' is a folder (dossier pack renders many)");
            }
            if (!xhtml && fonts.isEmpty()) {
                // the bundled fonts are parsed on another core while this one reads the rule packs and the description
                Renderer.parseFontsInBackground();
            }
            Engine engine = common.engine(err);
            if (engine == null) {
                return Main.USAGE;
            }
            dev.aidossier.load.Loaded loaded = engine.load(file, file.toString());
            LocalDate asOf = common.asOfDate(loaded.metadata());
            Analysis a = engine.analyse(loaded, asOf);
            if (!a.readable() || a.loaded().model() == null) {
                for (Finding f : a.findings()) {
                    err.println(f.toText());
                }
                err.println("dossier: " + file + " cannot be read; nothing rendered");
                return Main.USAGE;
            }
            dev.aidossier.analysis.Frameworks frameworks = null;
            if (kinds.stream().anyMatch(DocumentKind::frameworks)) {
                frameworks = common.frameworks(err, engine);
                if (frameworks == null) {
                    return Main.USAGE;
                }
            }
            if (frameworks != null) {
                a = frameworks.judge(engine, a, asOf); // once, for the passport and the plan alike
            }
            Renderer renderer = new Renderer(engine, templates, Main.version(), frameworks, readFonts(fonts), renderLimits.limits());
            String stem = file.getFileName().toString().replaceFirst("\\.(ya?ml)$", "");
            // the description's free text in each language asked for: its overlay <name>.<lang>.yaml, else untranslated
            Map<String, dev.aidossier.load.Overlay> overlays = Overlays.load(a.loaded(), languages, common.limits(), err);
            if (overlays == null) {
                err.println("dossier: nothing rendered");
                return Main.USAGE;
            }
            RenderOptions base = new RenderOptions(stem, asOf, draft, epoch, audience).withOverlays(overlays);
            // every document is rendered before the first is written: a failure leaves no files behind
            List<Rendered> rendered = new ArrayList<>();
            List<String> notes = new ArrayList<>();
            int code = Main.OK;
            List<Job> jobs = new ArrayList<>();
            for (DocumentKind kind : kinds) {
                if (languages.isEmpty() || !Renderer.translated(kind)) {
                    if (!languages.isEmpty() && !languages.equals(List.of("en")) && Renderer.applies(kind, a)) {
                        notes.add(kind.id() + " is not translated yet: written in English as "
                                + Renderer.fileName(stem, kind, null, draft, xhtml ? ".xhtml" : ".pdf"));
                    }
                    jobs.add(new Job(kind, null));
                } else {
                    for (String l : languages) {
                        jobs.add(new Job(kind, l));
                    }
                }
            }
            for (Job job : jobs) {
                DocumentKind kind = job.kind();
                RenderOptions options = job.lang() == null ? base : base.withLang(job.lang());
                if (!Renderer.applies(kind, a)) {
                    String why = kind.modelsOnly()
                            ? "the " + kind.title().toLowerCase(java.util.Locale.ROOT) + " concerns general-purpose AI models and " + file + " describes an AI system"
                            : "the " + kind.title().toLowerCase(java.util.Locale.ROOT) + " concerns AI systems and " + file
                            + " describes a general-purpose AI model";
                    if (kinds.size() == 1) {
                        throw new CommonOptions.UsageError(why + (kind.modelsOnly() ? "" : "; its gap report can be rendered (--doc gap-report), and its own documents ("
                                + String.join(", ", java.util.Arrays.stream(DocumentKind.values()).filter(DocumentKind::modelsOnly).map(DocumentKind::id).toList()) + ")"));
                    }
                    if (!kind.modelsOnly() || !dp) {
                        notes.add("skipped " + kind.id() + ": " + why);
                    }
                    continue;
                }
                if (dp && !kind.forDownstream()) {
                    if (kinds.size() == 1) {
                        throw new CommonOptions.UsageError("--audience dp: downstream providers do not receive the " + kind.title().toLowerCase(java.util.Locale.ROOT)
                                + "; they receive " + String.join(", ", java.util.Arrays.stream(DocumentKind.values()).filter(DocumentKind::forDownstream).map(DocumentKind::id).toList()));
                    }
                    notes.add("skipped " + kind.id() + ": not for downstream providers (--audience dp)");
                    continue;
                }
                if (kinds.size() > 1 && kind.modelsOnly() && !renderer.owed(kind, a)) {
                    // rendered when asked for by name, with the document's own note that it is not owed
                    notes.add("skipped " + kind.id() + ": no rule of the pack requires it for this model (e.g. the Art. 53(2) open-source exemption)");
                    continue;
                }
                if (kind == DocumentKind.DECLARATION && !draft && !renderer.owed(kind, a)) {
                    // a declaration of conformity the Act does not ask for would declare what nobody assessed
                    String why = "no rule of the pack requires an EU declaration of conformity for " + file + " (classified "
                            + (a.classification() == null ? "not at all" : a.classification().tier()) + ")";
                    if (kinds.size() > 1) {
                        notes.add("skipped " + kind.id() + ": " + why);
                        continue;
                    }
                    err.println("dossier: the EU declaration of conformity was not rendered: " + why
                            + "; add --draft to render a draft marked 'DRAFT \u2013 not a declaration of conformity'.");
                    code = Math.max(code, Main.FINDINGS);
                    continue;
                }
                if (kind == DocumentKind.DECLARATION && !draft) {
                    DeclarationGate gate = DeclarationGate.of(a);
                    if (gate.blocked()) {
                        if (code == Main.FINDINGS) {
                            continue; // said once, not once per language
                        }
                        err.println("dossier: the EU declaration of conformity was not rendered: " + refusal(gate)
                                + ". See them with 'dossier check " + file + "' (open and upcoming, each at its line) or 'dossier render "
                                + file + " --doc gap-report -o " + output + "'"
                                + "; add --draft to render a draft marked 'DRAFT \u2013 not a declaration of conformity'.");
                        code = Main.FINDINGS;
                        continue;
                    }
                }
                // a draft never takes the name of the real document: <name>-<doc>.draft.pdf
                // nor does a document for one audience take the name of the full one: <name>-<doc>.dp.pdf
                String name = Renderer.fileName(stem, kind, job.lang(), draft, xhtml ? ".xhtml" : ".pdf");
                if (dp && kind.byAudience()) {
                    name = name.replaceFirst("^" + java.util.regex.Pattern.quote(stem + "-" + kind.id()), java.util.regex.Matcher.quoteReplacement(stem + "-" + kind.id() + ".dp"));
                }
                Path target = output.resolve(name);
                if (sameFile(target, file)) {
                    throw new CommonOptions.UsageError("refusing to write " + target + " over the input description");
                }
                if (xhtml) {
                    String x = renderer.xhtml(kind, a, options);
                    rendered.add(new Rendered(kind, job.lang(), target, x.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
                    for (Map.Entry<String, byte[]> r : renderer.linkedResources(x).entrySet()) {
                        Path res = output.resolve(r.getKey()).normalize();
                        if (!res.startsWith(output.normalize()) || sameFile(res, file)) {
                            continue;
                        }
                        if (rendered.stream().noneMatch(w -> w.target().equals(res))) {
                            rendered.add(new Rendered(null, null, res, r.getValue()));
                        }
                    }
                    continue;
                }
                Renderer.Output o = renderer.render(kind, a, options);
                renderer.requireResources(o);
                rendered.add(new Rendered(kind, job.lang(), target, o.pdf()));
            }
            if (!rendered.isEmpty()) {
                try {
                    Files.createDirectories(output);
                } catch (IOException e) {
                    throw new CommonOptions.UsageError("-o: cannot create the folder '" + output + "': " + e.getMessage());
                }
            }
            List<Written> written = new ArrayList<>();
            for (Rendered r : rendered) {
                if (r.target().getParent() != null) {
                    Files.createDirectories(r.target().getParent());
                }
                dev.aidossier.util.AtomicFiles.write(r.target(), r.pdf());
                if (r.kind() == null) {
                    continue; // a style sheet or image of --xhtml: not listed
                }
                written.add(new Written(r.kind(), r.lang(), r.target(), Hashes.sha256(r.pdf()), r.pdf().length));
            }
            // the market: a member state whose official languages none of the document languages covers (a note)
            List<String> covered = languages.isEmpty() ? List.of(Renderer.language(a, base)) : languages;
            List<Finding> coverage = written.isEmpty() ? List.of() : dev.aidossier.render.LanguageCoverage.check(a, covered);
            if (!written.isEmpty()) {
                notes.addAll(Overlays.notes(overlays, written.stream().map(Written::lang).filter(java.util.Objects::nonNull).toList()));
            }
            print(out, written, notes, coverage);
            return code;
        } catch (CommonOptions.UsageError e) {
            err.println("dossier: " + e.getMessage());
            return Main.USAGE;
        } catch (RenderException e) {
            for (Finding f : e.findings()) {
                err.println(f.toText());
            }
            err.println("dossier: " + e.getMessage());
            return e.userError() ? Main.USAGE : Main.INTERNAL;
        } catch (IOException e) {
            err.println("dossier: cannot write to " + output + ": " + e.getMessage());
            return Main.USAGE;
        }
    }

    /** Reads each --font file once (shared with pack). */
    static List<dev.aidossier.render.UserFont> readFonts(List<Path> paths) throws RenderException {
        List<dev.aidossier.render.UserFont> out = new ArrayList<>();
        for (Path p : paths) {
            out.add(dev.aidossier.render.UserFont.read(p));
        }
        return out;
    }

    static String refusal(DeclarationGate gate) {
        StringBuilder sb = new StringBuilder();
        sb.append(gate.total()).append(gate.total() == 1 ? " error-level finding remains" : " error-level findings remain");
        List<String> parts = new ArrayList<>();
        if (gate.failed() > 0) {
            parts.add(gate.failed() + " open");
        }
        if (gate.upcoming() > 0) {
            parts.add(gate.upcoming() + " upcoming: requirements not met whose obligation applies from a later date");
        }
        return sb.append(" (").append(String.join("; ", parts)).append(")").toString();
    }

    private List<DocumentKind> kinds() throws CommonOptions.UsageError {
        if ("all".equals(doc)) {
            return List.of(DocumentKind.values());
        }
        DocumentKind k = DocumentKind.parse(doc);
        if (k == null) {
            throw new CommonOptions.UsageError("--doc: '" + doc + "' is not one of " + String.join(", ", DocumentKind.ids()) + ", all");
        }
        return List.of(k);
    }

    static Long sourceDateEpoch() throws CommonOptions.UsageError {
        String v = env.apply("SOURCE_DATE_EPOCH");
        if (v == null || v.isBlank()) {
            return null;
        }
        try {
            long s = Long.parseLong(v.strip());
            if (s < 0 || s > 253_402_300_799L) {
                throw new NumberFormatException();
            }
            return s;
        } catch (NumberFormatException e) {
            throw new CommonOptions.UsageError("SOURCE_DATE_EPOCH must be a number of seconds since 1970-01-01, not '" + v + "'");
        }
    }

    private static boolean sameFile(Path target, Path input) {
        if (target.toAbsolutePath().normalize().equals(input.toAbsolutePath().normalize())) {
            return true;
        }
        try {
            return Files.exists(target) && Files.isSameFile(target, input);
        } catch (IOException e) {
            return false;
        }
    }

    private void print(PrintWriter out, List<Written> written, List<String> notes, List<Finding> coverage) {
        if (common.format == CommonOptions.Format.json) {
            List<Map<String, Object>> docs = new ArrayList<>();
            for (Written w : written) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("doc", w.kind().id());
                if (w.lang() != null) {
                    m.put("lang", w.lang());
                }
                m.put("file", w.file().toString());
                m.put("sha256", w.sha256());
                m.put("bytes", w.bytes());
                docs.add(m);
            }
            Map<String, Object> root = new LinkedHashMap<>();
            root.put("written", docs);
            root.put("notes", notes);
            root.put("findings", coverage.stream().map(Finding::toText).toList());
            out.print(Json.write(root));
            return;
        }
        for (Written w : written) {
            out.println("wrote " + w.file() + " (" + w.kind().title() + (w.lang() == null ? "" : ", " + w.lang()) + ", " + w.bytes() + " bytes)");
        }
        notes.forEach(out::println);
        coverage.forEach(f -> out.println(f.toText()));
    }
}
