package dev.aidossier.cli;

import dev.aidossier.report.Json;
import dev.aidossier.analysis.Engine;
import dev.aidossier.analysis.Analysis;
import dev.aidossier.core.Finding;
import dev.aidossier.core.Severity;
import dev.aidossier.pack.PackBuilder;
import dev.aidossier.pack.PackKey;
import dev.aidossier.pack.PackWriter;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

@Command(name = "pack", mixinStandardHelpOptions = true,
        header = "Write a conformity pack per description; keep those that did not change.",
        description = {"Write a conformity pack per description: PDFs, findings.json, findings.sarif, junit.xml,",
                "registration.json and manifest.json (hash and size of every file). Same input, same bytes."})
final class PackCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Mixin
    RenderLimitOptions renderLimits;

    @Parameters(paramLabel = "FILE|DIR|GLOB", arity = "1..*", description = "Descriptions, folders to search for *.yaml, or globs such as 'systems/**/*.yaml'.")
    List<String> files;

    @Option(names = {"-o", "--output"}, paramLabel = "DIR", required = true, description = "Folder to write the packs into (created if missing).")
    Path output;

    @Option(names = "--zip", description = "Write each pack as DIR/<name>.zip instead of a folder.")
    boolean zip;

    @Option(names = "--force", description = "Replace packs that already exist in the output folder.")
    boolean force;

    @Option(names = "--no-reuse",
            description = {"Build every pack again. By default a pack already in the output folder whose manifest records the same",
                    "reuse key (description, evidence, findings, rules, templates, fonts, tool build, as-of date, options) and whose",
                    "files are intact is kept as it is: it would be written with the same bytes."})
    boolean noReuse;

    @Option(names = "--jobs", paramLabel = "N", description = "Descriptions packed in parallel (default: the number of cores).")
    Integer jobs;

    @Option(names = "--fail-on", paramLabel = "LEVEL", defaultValue = "error",
            description = "Exit 1 when a finding at or above LEVEL is open: error, warning, info or never (default: ${DEFAULT-VALUE}).")
    String failOn;

    @Option(names = "--max-files", paramLabel = "N", defaultValue = "10000", description = "Most descriptions accepted in one run (default: ${DEFAULT-VALUE}).")
    int maxFiles;

    @Option(names = "--templates", paramLabel = "DIR", description = "Use the templates in DIR before the bundled ones (corporate branding).")
    Path templates;

    @Option(names = "--font", paramLabel = "FILE",
            description = "A TrueType or OpenType font for the characters the bundled fonts lack (Chinese, Arabic, ...); repeatable.")
    List<Path> fonts = new ArrayList<>();

    @Option(names = "--lang", paramLabel = "LANG[,LANG...]", split = ",",
            description = {"Write the documents in these languages, each as <name>-<doc>.<lang>.pdf (see render --lang);",
                    "the manifest lists them. Without it: <name>-<doc>.pdf in metadata.language, else English."})
    List<String> langs = new ArrayList<>();

    /** --lang, checked; empty without it. */
    private List<String> languages = List.of();

    @Option(names = "--no-pdf", description = "Leave the PDFs out (findings, SARIF, JUnit, registration and manifest only).")
    boolean noPdf;

    @Option(names = "--sign",
            description = "Sign every PDF of each pack (PAdES) and its manifest (manifest.json.p7s, CAdES) with the key of --keystore; "
                    + "the declaration is in a pack, and signed, only when no error-level finding is open or upcoming.")
    boolean sign;

    @Mixin
    SignOptions signOptions;

    @Option(names = "--with", paramLabel = "DOC[,DOC...]", split = ",",
            description = "Add documents that are not in a pack by default: passport, interoperability-plan (judged against every pack of the rules folder, or those named by --pack).")
    List<String> with = List.of();

    /** The documents --with adds; a name that is not one of them is a usage error. */
    private java.util.Set<dev.aidossier.render.DocumentKind> extras() throws CommonOptions.UsageError {
        java.util.Set<dev.aidossier.render.DocumentKind> out = java.util.EnumSet.noneOf(dev.aidossier.render.DocumentKind.class);
        List<String> allowed = java.util.Arrays.stream(dev.aidossier.render.DocumentKind.values())
                .filter(dev.aidossier.render.DocumentKind::frameworks).map(dev.aidossier.render.DocumentKind::id).toList();
        for (String w : with) {
            dev.aidossier.render.DocumentKind k = dev.aidossier.render.DocumentKind.parse(w.strip());
            if (k == null || !k.frameworks()) {
                throw new CommonOptions.UsageError("--with: '" + w + "' is not one of " + String.join(", ", allowed)
                        + (k != null ? " (" + k.id() + " is always in the pack)" : ""));
            }
            out.add(k);
        }
        return out;
    }

    /**
     * The signature of a signed pack, for the summary: who signed, when, at which level, and, when the pack holds
     * no declaration because error-level findings are open or upcoming, why (null otherwise).
     */
    private record Signed(String signer, String signingTime, String level, String declaration) {
    }

    /**
     * What the summary needs of one description. Not the analysis itself: a batch of thousands would
     * otherwise hold every description's tree, model and findings until the end.
     *
     * @param loadFindings the reasons an unreadable description could not be read (empty otherwise)
     * @param atThreshold  whether an open finding reaches --fail-on
     */
    private record Outcome(Inputs.Input input, boolean readable, String tier, long errors, long warnings, long upcoming, boolean atThreshold,
                           List<Finding> loadFindings, Path written, String error, List<Finding> problems, boolean reused, Signed signed) {

        static Outcome of(Inputs.Input input, Analysis a, Severity threshold, Path written, String error, List<Finding> problems) {
            return of(input, a, threshold, written, error, problems, null);
        }

        static Outcome of(Inputs.Input input, Analysis a, Severity threshold, Path written, String error, List<Finding> problems, Signed signed) {
            boolean reaches = threshold != null && a.findings().stream().anyMatch(f -> f.status().isOpen() && f.severity().atLeast(threshold));
            return new Outcome(input, a.readable(), a.classification() == null ? null : a.classification().tier(),
                    count(a, Severity.error), count(a, Severity.warning),
                    a.findings().stream().filter(f -> f.status() == dev.aidossier.core.Status.upcoming).count(),
                    reaches, a.readable() ? List.of() : List.copyOf(a.findings()),
                    written, error, problems, false, signed);
        }

        static Outcome of(Inputs.Input input, Analysis a, Severity threshold, Path written, String error) {
            return of(input, a, threshold, written, error, List.of());
        }
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            Severity threshold = CommonOptions.failOnThreshold(failOn);
            renderLimits.limits(); // a bad value is a usage error before any work
            LocalDate asOf = common.asOfDate();
            int n = jobs == null ? Runtime.getRuntime().availableProcessors() : jobs;
            if (n < 1 || n > 256) {
                throw new CommonOptions.UsageError("--jobs must be between 1 and 256, not " + n);
            }
            List<Inputs.Input> inputs = Inputs.expand(files);
            if (inputs.isEmpty()) {
                err.println("dossier: no description files found in " + String.join(", ", files));
                return Main.USAGE;
            }
            if (inputs.size() > maxFiles) {
                throw new CommonOptions.UsageError(inputs.size() + " descriptions is more than --max-files " + maxFiles);
            }
            checkOutputFolder(inputs);
            if (!sign && signOptions.any()) {
                throw new CommonOptions.UsageError("--keystore, --key-alias, --keystore-password-file and --tsa sign the packs: add --sign");
            }
            if (sign) {
                // the key before anything else: a wrong password or an expired certificate stops the run before any pack is built
                try {
                    signer = signOptions.open(dev.aidossier.pack.PackSigning.now());
                } catch (dev.aidossier.sign.SignException e) {
                    err.println("dossier: " + e.getMessage());
                    err.println("dossier: no pack was written");
                    return Main.USAGE;
                }
            }
            Map<Inputs.Input, String> names = names(inputs);
            // the threads that will render: each description's documents side by side when there are fewer descriptions
            // than workers, else the workers themselves. When a pack is sure to be built (no earlier one to keep), they
            // parse their fonts now, while this thread reads the rule packs: a third of a cold one-description pack
            ExecutorService pool = daemonPool(n, "dossier-pack");
            ExecutorService docPool = !noPdf && inputs.size() < n ? daemonPool(n, "dossier-render") : null;
            if (!noPdf && fonts.isEmpty() && (noReuse || inputs.stream().anyMatch(in -> !Files.exists(target(names.get(in)), java.nio.file.LinkOption.NOFOLLOW_LINKS)))) {
                dev.aidossier.render.Renderer.warmUp(docPool != null ? docPool : pool, n);
            }
            Engine engine = common.engine(err);
            if (engine == null) {
                return Main.USAGE;
            }
            java.util.Set<dev.aidossier.render.DocumentKind> extras = extras();
            if (noPdf && !extras.isEmpty()) {
                throw new CommonOptions.UsageError("--with " + String.join(",", with) + " adds PDFs; it cannot be combined with --no-pdf");
            }
            languages = RenderCommand.languages(langs);
            if (noPdf && !languages.isEmpty()) {
                throw new CommonOptions.UsageError("--lang chooses the languages of the PDFs; it cannot be combined with --no-pdf");
            }
            PackBuilder.Documents documents = null;
            List<dev.aidossier.render.UserFont> userFonts = List.of();
            if (!noPdf) {
                if (templates != null && !Files.isDirectory(templates)) {
                    throw new CommonOptions.UsageError("--templates: '" + templates + "' is not a directory");
                }
                Long epoch = RenderCommand.sourceDateEpoch();
                dev.aidossier.analysis.Frameworks frameworks = null;
                if (!extras.isEmpty()) {
                    frameworks = common.frameworks(err, engine);
                    if (frameworks == null) {
                        return Main.USAGE;
                    }
                }
                dev.aidossier.render.Renderer renderer;
                try {
                    userFonts = RenderCommand.readFonts(fonts);
                    renderer = new dev.aidossier.render.Renderer(engine, templates, Main.version(), frameworks, userFonts, renderLimits.limits());
                } catch (dev.aidossier.render.RenderException e) {
                    err.println("dossier: " + e.getMessage());
                    return Main.USAGE;
                }
                // the passport and the plan are judged against every framework: once per description, before rendering
                dev.aidossier.analysis.Frameworks judge = frameworks;
                dev.aidossier.load.Limits readLimits = common.limits();
                documents = (a, stem) -> {
                    LocalDate judged = common.asOfDate(a.loaded().metadata());
                    // the description's free text in each --lang language: its overlay <name>.<lang>.yaml, else marked untranslated
                    Map<String, dev.aidossier.load.Overlay> overlays = dev.aidossier.load.Overlay.forLanguages(a.loaded(), languages, readLimits);
                    List<Finding> bad = overlays.values().stream().flatMap(o -> o.problems().stream()).toList();
                    if (!bad.isEmpty()) {
                        throw dev.aidossier.render.RenderException.withFindings("a translation overlay cannot be applied", bad);
                    }
                    return renderer.renderAll(judge == null ? a : judge.judge(engine, a, judged),
                            new dev.aidossier.render.RenderOptions(stem, judged, false, epoch).withOverlays(overlays), extras, docPool, languages);
                };
            }
            dev.aidossier.util.Trace.mark("renderer ready");
            PackBuilder builder = new PackBuilder(engine, Main.version(), documents, languages, docPool != null);
            PackKey keys = packKey(engine, asOf, extras, userFonts, languages);
            dev.aidossier.util.Trace.mark("pack key ready");
            // since Java 22 System.console() exists even when nothing is a terminal: ask whether one is
            java.io.Console console = System.console();
            boolean progress = console != null && console.isTerminal() && System.getenv("CI") == null;
            AtomicInteger done = new AtomicInteger();
            List<Future<Outcome>> futures = new ArrayList<>();
            for (Inputs.Input in : inputs) {
                futures.add(pool.submit(() -> {
                    Outcome o = packOne(engine, builder, keys, in, names.get(in), asOf, threshold);
                    int k = done.incrementAndGet();
                    if (progress) {
                        synchronized (err) {
                            err.print("\r[" + k + "/" + inputs.size() + "] " + in.display() + "\u001b[K");
                            err.flush();
                        }
                    }
                    return o;
                }));
            }
            List<Outcome> outcomes = new ArrayList<>();
            for (Future<Outcome> f : futures) {
                try {
                    outcomes.add(f.get());
                } catch (ExecutionException e) {
                    throw new IllegalStateException(e.getCause());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
            pool.shutdown();
            if (progress) {
                err.print("\r\u001b[K");
                err.flush();
            }
            if (!ciFormat()) {
                return report(outcomes, out);
            }
            // a CI format on standard output for the whole batch; the summary table goes to standard error
            int code = report(outcomes, err);
            List<Analysis> all = new ArrayList<>();
            for (Inputs.Input in : inputs) {
                Analysis a = ciAnalyses.get(in);
                if (a != null) {
                    all.add(a);
                }
            }
            out.print(switch (common.format) {
                case sarif -> dev.aidossier.report.Sarif.write(all, engine, Main.version());
                case junit -> dev.aidossier.report.JUnit.write(all, engine);
                case github -> dev.aidossier.report.CiAnnotations.github(findingsOf(all), Path.of("").toAbsolutePath());
                default -> dev.aidossier.report.CiAnnotations.gitlab(findingsOf(all), Path.of("").toAbsolutePath());
            });
            return code;
        } catch (CommonOptions.UsageError e) {
            err.println("dossier: " + e.getMessage());
            return Main.USAGE;
        } catch (IOException e) {
            err.println("dossier: " + e.getMessage());
            return Main.USAGE;
        } finally {
            if (signer != null) {
                signer.close();
            }
        }
    }

    /** With a CI format (--format sarif, junit, github, gitlab): each description's findings, for the report of the batch. */
    private final Map<Inputs.Input, Analysis> ciAnalyses = new java.util.concurrent.ConcurrentHashMap<>();

    private boolean ciFormat() {
        return common.format != CommonOptions.Format.text && common.format != CommonOptions.Format.json;
    }

    private static List<Finding> findingsOf(List<Analysis> all) {
        List<Finding> out = new ArrayList<>();
        all.forEach(a -> out.addAll(a.findings()));
        return out;
    }

    /**
     * What a CI report needs of an analysis: the file's name and bytes, the classification and the findings;
     * not the YAML tree or the model, so a batch does not keep every description in memory.
     */
    private void keepForCi(Inputs.Input in, Analysis a) {
        if (ciFormat()) {
            dev.aidossier.load.Loaded l = a.loaded();
            ciAnalyses.put(in, new Analysis(new dev.aidossier.load.Loaded(l.file(), l.path(), null, null, List.of(), l.bytes()),
                    a.classification(), a.findings()));
        }
    }

    /** The signer of a --sign run (null otherwise), opened before any pack is built. */
    private dev.aidossier.sign.Signer signer;

    /** Worker threads that do not keep the JVM alive. */
    private static ExecutorService daemonPool(int n, String name) {
        return Executors.newFixedThreadPool(n, r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * The run-wide part of the reuse key: everything besides the description that a pack's bytes depend on;
     * {@code userFonts} are the --font files as the renderer read them (none without PDFs).
     */
    private PackKey packKey(Engine engine, LocalDate asOf, java.util.Set<dev.aidossier.render.DocumentKind> extras,
                            List<dev.aidossier.render.UserFont> userFonts, List<String> languages) throws IOException, CommonOptions.UsageError {
        List<String> parts = new ArrayList<>();
        if (!languages.isEmpty()) {
            parts.add("lang=" + languages); // absent without --lang, so the keys of packs made before it stay valid
        }
        parts.add("tool=" + Main.version());
        parts.add("build=" + dev.aidossier.util.BuildId.current());
        parts.add("rules=" + engine.packHash());
        // without --as-of each description is judged as of its documentDate (part of its bytes), else today
        parts.add("asOf=" + (common.asOfGiven() ? asOf : "documentDate, else " + asOf));
        parts.add("epoch=" + RenderCommand.sourceDateEpoch());
        parts.add("pdf=" + !noPdf);
        parts.add("zip=" + zip);
        parts.add("with=" + extras.stream().map(dev.aidossier.render.DocumentKind::id).sorted().toList());
        parts.add("packs=" + common.pack);
        parts.add("limits=" + common.limits());
        if (signer != null) {
            // a signed pack is kept only by a run that signs with the same certificate, at the same level, with the same authority
            parts.add("sign=" + signer.key().certificateSha256() + "," + signer.level() + "," + signOptions.tsa);
        }
        // the bundled rule packs, crosswalks and templates are part of the build; a user's folders count file by file
        List<Path> folders = new ArrayList<>();
        if (common.rules != null) {
            folders.add(common.rules);
        }
        if (!noPdf && templates != null) {
            folders.add(templates);
        }
        return new PackKey(parts, folders, userFonts.stream().map(dev.aidossier.render.UserFont::bytes).toList(), languages);
    }

    /** Where the pack of the description with this name goes. */
    private Path target(String name) {
        return zip ? output.resolve(name + ".zip") : output.resolve(name);
    }

    private Outcome packOne(Engine engine, PackBuilder builder, PackKey keys, Inputs.Input in, String name, LocalDate asOf, Severity threshold) {
        Path target = target(name);
        byte[] bytes = null;
        if (!noReuse && Files.exists(target, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            // an unchanged pack is kept without analysing the description again: its summary comes from the pack
            try {
                if (Files.size(in.path()) <= common.limits().maxFileBytes()) {
                    bytes = Files.readAllBytes(in.path());
                }
            } catch (IOException | CommonOptions.UsageError e) {
                bytes = null;
            }
            if (bytes != null) {
                byte[] b = bytes;
                PackWriter.ExpectedSignature expected = signer == null ? null : new PackWriter.ExpectedSignature() {
                    @Override
                    public String certificateSha256() {
                        return signer.key().certificateSha256();
                    }

                    @Override
                    public boolean signs(byte[] p7s, byte[] manifest) {
                        return dev.aidossier.sign.Signer.signs(p7s, manifest, signer.key().certificate());
                    }
                };
                PackWriter.Kept kept = PackWriter.reusable(target, zip, name,
                        paths -> keys.of(in.path(), in.display(), b, name, PackKey.hash(in.path(), paths)), expected);
                if (kept != null) {
                    boolean reaches = threshold != null && kept.openSeverities().stream().anyMatch(sv -> sv.atLeast(threshold));
                    Signed signed = null;
                    if (signer != null) {
                        dev.aidossier.render.DeclarationGate gate = new dev.aidossier.render.DeclarationGate((int) kept.openErrors(), (int) kept.upcomingErrors());
                        signed = new Signed(kept.signer(), kept.signingTime(), kept.level(),
                                gate.blocked() && !"none".equals(kept.tier()) ? declarationNote(gate) : null);
                    }
                    if (ciFormat()) { // a kept pack is not analysed; the CI report needs its findings: analyse it (no rendering)
                        dev.aidossier.load.Loaded l = engine.load(in.path(), in.display());
                        keepForCi(in, engine.analyse(l, !common.asOfGiven() && l.metadata() != null && l.metadata().documentDate() != null
                                ? l.metadata().documentDate() : asOf));
                    }
                    return new Outcome(in, true, kept.tier(), kept.openErrors(), kept.openWarnings(), kept.upcoming(), reaches, List.of(), target, null,
                            List.of(), true, signed);
                }
            }
        }
        dev.aidossier.load.Loaded loaded = engine.load(in.path(), in.display());
        if (!common.asOfGiven() && loaded.metadata() != null && loaded.metadata().documentDate() != null) {
            asOf = loaded.metadata().documentDate(); // as the documents judge it: the document's own date
        }
        dev.aidossier.util.Trace.mark(in.display(), "loaded");
        Analysis a = engine.analyse(loaded, asOf);
        dev.aidossier.util.Trace.mark(in.display(), "analysed");
        keepForCi(in, a);
        if (!a.readable()) {
            return Outcome.of(in, a, threshold, null, "the file could not be read");
        }
        try {
            List<PackKey.Evidence> evidence = PackKey.evidence(a);
            String key = keys.of(in.path(), in.display(), a.loaded().bytes(), name, evidence);
            dev.aidossier.util.Trace.mark(in.display(), "keyed");
            if (!force && Files.exists(target, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                // known before rendering: the writer would refuse it after
                return Outcome.of(in, a, threshold, null, target + " exists; use --force to replace it");
            }
            Map<String, byte[]> content = builder.build(a, asOf, name, key, evidence,
                    signer == null ? null : new dev.aidossier.pack.PackSigning(signer));
            Path written = zip ? PackWriter.writeZip(target, content, name, force) : PackWriter.writeFolder(target, content, force);
            Signed signed = null;
            if (signer != null) {
                tools.jackson.databind.JsonNode sig = Json.mapper().readTree(content.get("manifest.json")).path("signature");
                dev.aidossier.render.DeclarationGate gate = dev.aidossier.render.DeclarationGate.of(a);
                boolean declarationApplies = dev.aidossier.render.Renderer.applies(dev.aidossier.render.DocumentKind.DECLARATION, a);
                signed = new Signed(sig.path("signer").asString(""), sig.path("signingTime").asString(""), sig.path("level").asString(""),
                        declarationApplies && gate.blocked() ? declarationNote(gate) : null);
            }
            // with --lang: member states whose languages none of the documents' languages covers (notes, as render prints them)
            List<Finding> coverage = noPdf || languages.isEmpty() ? List.of() : dev.aidossier.render.LanguageCoverage.check(a, languages);
            return Outcome.of(in, a, threshold, written, null, coverage, signed);
        } catch (dev.aidossier.sign.SignException e) {
            return Outcome.of(in, a, threshold, null, "cannot sign: " + e.getMessage());
        } catch (dev.aidossier.render.RenderException e) {
            return Outcome.of(in, a, threshold, null, "cannot render: " + e.getMessage(), e.findings());
        } catch (java.nio.file.FileAlreadyExistsException e) {
            return Outcome.of(in, a, threshold, null, e.getMessage());
        } catch (IOException e) {
            return Outcome.of(in, a, threshold, null, "cannot write pack: " + e.getMessage());
        } catch (Exception e) {
            return Outcome.of(in, a, threshold, null, "cannot build pack: " + e.getMessage());
        }
    }

    /** Why a signed pack holds no signed declaration: the declaration is not made while the gate is blocked. */
    private static String declarationNote(dev.aidossier.render.DeclarationGate gate) {
        return "the EU declaration of conformity is not in the pack, so not signed: " + RenderCommand.refusal(gate);
    }

    private int report(List<Outcome> outcomes, PrintWriter out) {
        boolean unusable = false;
        boolean findings = false;
        if (common.format == CommonOptions.Format.json) {
            List<Map<String, Object>> list = new ArrayList<>();
            for (Outcome o : outcomes) {
                Map<String, Object> m = new java.util.LinkedHashMap<>();
                m.put("file", o.input().display());
                m.put("tier", o.tier());
                m.put("errors", o.errors());
                m.put("warnings", o.warnings());
                m.put("upcoming", o.upcoming());
                m.put("pack", o.written() == null ? null : o.written().toString());
                m.put("reused", o.reused());
                if (o.signed() != null) {
                    Map<String, Object> s = new java.util.LinkedHashMap<>();
                    s.put("signer", o.signed().signer());
                    s.put("signingTime", o.signed().signingTime());
                    s.put("level", o.signed().level());
                    s.put("declaration", o.signed().declaration() == null ? "signed or not applicable" : o.signed().declaration());
                    m.put("signature", s);
                }
                m.put("problem", o.error());
                if (!o.problems().isEmpty()) {
                    m.put("problems", o.problems().stream().map(Finding::toText).toList());
                }
                list.add(m);
            }
            out.print(dev.aidossier.report.Json.write(list));
        } else {
            int width = Math.max(4, outcomes.stream().mapToInt(o -> o.input().display().length()).max().orElse(4));
            String row = "%-" + width + "s  %-13s %6s %8s %8s  %s%n";
            out.printf(row, "FILE", "TIER", "ERRORS", "WARNINGS", "UPCOMING", "PACK");
            for (Outcome o : outcomes) {
                String tier = o.tier() == null ? "-" : o.tier();
                out.printf(row, o.input().display(), tier, o.errors(), o.warnings(), o.upcoming(),
                        o.written() != null ? o.written() : "NOT WRITTEN: " + o.error().lines().findFirst().orElse(""));
            }
        }
        int written = 0;
        for (Outcome o : outcomes) {
            if (o.written() == null) {
                unusable = true;
                if (common.format != CommonOptions.Format.json && !o.readable()) {
                    o.loadFindings().forEach(f -> out.println(f.toText()));
                }
                if (common.format != CommonOptions.Format.json) {
                    o.problems().forEach(f -> out.println(f.toText()));
                    o.error().lines().skip(1).forEach(out::println); // the table showed the first line
                }
            } else {
                written++;
                if (common.format != CommonOptions.Format.json) {
                    o.problems().forEach(f -> out.println(f.toText())); // notes of a written pack (render.language-coverage)
                }
            }
            if (o.atThreshold()) {
                findings = true;
            }
        }
        if (common.format != CommonOptions.Format.json && signer != null) {
            for (Outcome o : outcomes) {
                if (o.signed() == null || o.written() == null) {
                    continue;
                }
                out.println(o.written() + ": signed by " + o.signed().signer() + " at " + o.signed().signingTime() + " (PAdES "
                        + o.signed().level() + " on every PDF, CAdES " + o.signed().level() + " on the manifest: "
                        + dev.aidossier.pack.PackSigning.SIGNATURE_FILE + ")" + (o.reused() ? ", kept from the last run" : ""));
                if (o.signed().declaration() != null) {
                    out.println(o.written() + ": " + o.signed().declaration());
                }
            }
        }
        if (common.format != CommonOptions.Format.json) {
            long reused = outcomes.stream().filter(Outcome::reused).count();
            out.println(written + " of " + outcomes.size() + (outcomes.size() == 1 ? " pack" : " packs") + " written to " + output
                    + (reused == 0 ? "" : " (" + reused + " unchanged since the last run, kept as they were; --no-reuse builds them again)"));
        }
        return unusable ? Main.USAGE : findings ? Main.FINDINGS : Main.OK;
    }

    private static long count(Analysis a, Severity s) {
        return a.findings().stream().filter(f -> f.status().isOpen() && f.severity() == s).count();
    }

    /** Pack names from file names; a name used twice gets -2, -3 in input order. */
    private static Map<Inputs.Input, String> names(List<Inputs.Input> inputs) {
        Map<Inputs.Input, String> out = new HashMap<>();
        Map<String, Integer> used = new HashMap<>();
        for (Inputs.Input in : inputs) {
            String stem = in.path().getFileName().toString().replaceFirst("\\.ya?ml$", "").replaceAll("[^A-Za-z0-9._-]", "_");
            if (stem.startsWith(".")) {
                stem = "_" + stem.substring(1);
            }
            int k = used.merge(stem, 1, Integer::sum);
            out.put(in, k == 1 ? stem : stem + "-" + k);
        }
        return out;
    }

    /** Never write packs into the rule packs or templates, nor over an input. */
    private void checkOutputFolder(List<Inputs.Input> inputs) throws CommonOptions.UsageError, IOException {
        Path outAbs = output.toAbsolutePath().normalize();
        if (Files.exists(output) && !Files.isDirectory(output)) {
            throw new CommonOptions.UsageError("-o " + output + " exists and is not a folder");
        }
        List<Path> protectedDirs = new ArrayList<>();
        protectedDirs.add(Path.of("rules").toAbsolutePath().normalize());
        protectedDirs.add(Path.of("templates").toAbsolutePath().normalize());
        if (common.rules != null) {
            protectedDirs.add(common.rules.toAbsolutePath().normalize());
        }
        Path realOut = Files.exists(output) ? output.toRealPath() : outAbs;
        for (Path p : protectedDirs) {
            Path real = Files.exists(p) ? p.toRealPath() : p;
            if (realOut.startsWith(real)) {
                throw new CommonOptions.UsageError("refusing to write packs inside " + p + " (rule packs and templates are inputs)");
            }
        }
        for (Inputs.Input in : inputs) {
            Path inAbs = in.path().toAbsolutePath().normalize();
            if (inAbs.equals(outAbs)) {
                throw new CommonOptions.UsageError("-o " + output + " is an input file");
            }
        }
    }

    static Finding first(List<Finding> fs) {
        return fs.isEmpty() ? null : fs.get(0);
    }
}
