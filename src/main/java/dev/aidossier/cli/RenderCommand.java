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

    @Parameters(paramLabel = "FILE", arity = "1", description = "The description to render.")
    Path file;

    @Option(names = "--doc", paramLabel = "KIND", required = true,
            description = "technical-documentation, declaration, gap-report, instructions, passport, interoperability-plan or all.")
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

    @Option(names = "--xhtml",
            description = {"Write the XHTML each PDF is made from, as <name>-<doc>.xhtml, with the style sheets and images it links to,",
                    "instead of the PDF: to debug a template, or to render it with another engine (a browser, WeasyPrint)."})
    boolean xhtml;

    private record Written(DocumentKind kind, Path file, String sha256, int bytes) {
    }

    private record Rendered(DocumentKind kind, Path target, byte[] pdf) {
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
            common.asOfDate(); // a bad --as-of is a usage error before anything is read
            Long epoch = sourceDateEpoch();
            if (Files.isDirectory(file)) {
                throw new CommonOptions.UsageError("render takes one description file; '" + file + "' is a folder (dossier pack renders many)");
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
            Renderer renderer = new Renderer(engine, templates, Main.version(), frameworks, readFonts(fonts));
            String stem = file.getFileName().toString().replaceFirst("\\.(ya?ml)$", "");
            RenderOptions options = new RenderOptions(stem, asOf, draft, epoch);
            // every document is rendered before the first is written: a failure leaves no files behind
            List<Rendered> rendered = new ArrayList<>();
            List<String> notes = new ArrayList<>();
            int code = Main.OK;
            for (DocumentKind kind : kinds) {
                if (!Renderer.applies(kind, a)) {
                    String why = "the " + kind.title().toLowerCase(java.util.Locale.ROOT) + " concerns AI systems and " + file
                            + " describes a general-purpose AI model";
                    if (kinds.size() == 1) {
                        throw new CommonOptions.UsageError(why + "; its gap report can be rendered (--doc gap-report)");
                    }
                    notes.add("skipped " + kind.id() + ": " + why);
                    continue;
                }
                if (kind == DocumentKind.DECLARATION && !draft) {
                    DeclarationGate gate = DeclarationGate.of(a);
                    if (gate.blocked()) {
                        err.println("dossier: the EU declaration of conformity was not rendered: " + refusal(gate)
                                + ". See them with 'dossier check " + file + "' (open and upcoming, each at its line) or 'dossier render "
                                + file + " --doc gap-report -o " + output + "'"
                                + "; add --draft to render a draft marked 'DRAFT \u2013 not a declaration of conformity'.");
                        code = Main.FINDINGS;
                        continue;
                    }
                }
                // a draft never takes the name of the real document: <name>-<doc>.draft.pdf
                Path target = output.resolve(stem + "-" + kind.id() + (draft ? ".draft" : "") + (xhtml ? ".xhtml" : ".pdf"));
                if (sameFile(target, file)) {
                    throw new CommonOptions.UsageError("refusing to write " + target + " over the input description");
                }
                if (xhtml) {
                    String x = renderer.xhtml(kind, a, options);
                    rendered.add(new Rendered(kind, target, x.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
                    for (Map.Entry<String, byte[]> r : renderer.linkedResources(x).entrySet()) {
                        Path res = output.resolve(r.getKey()).normalize();
                        if (!res.startsWith(output.normalize()) || sameFile(res, file)) {
                            continue;
                        }
                        if (rendered.stream().noneMatch(w -> w.target().equals(res))) {
                            rendered.add(new Rendered(null, res, r.getValue()));
                        }
                    }
                    continue;
                }
                Renderer.Output o = renderer.render(kind, a, options);
                renderer.requireResources(o);
                rendered.add(new Rendered(kind, target, o.pdf()));
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
                written.add(new Written(r.kind(), r.target(), Hashes.sha256(r.pdf()), r.pdf().length));
            }
            print(out, written, notes);
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

    private static String refusal(DeclarationGate gate) {
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

    private void print(PrintWriter out, List<Written> written, List<String> notes) {
        if (common.format == CommonOptions.Format.json) {
            List<Map<String, Object>> docs = new ArrayList<>();
            for (Written w : written) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("doc", w.kind().id());
                m.put("file", w.file().toString());
                m.put("sha256", w.sha256());
                m.put("bytes", w.bytes());
                docs.add(m);
            }
            Map<String, Object> root = new LinkedHashMap<>();
            root.put("written", docs);
            root.put("notes", notes);
            out.print(Json.write(root));
            return;
        }
        for (Written w : written) {
            out.println("wrote " + w.file() + " (" + w.kind().title() + ", " + w.bytes() + " bytes)");
        }
        notes.forEach(out::println);
    }
}
