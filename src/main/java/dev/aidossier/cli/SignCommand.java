package dev.aidossier.cli;

import dev.aidossier.analysis.Analysis;
import dev.aidossier.analysis.Engine;
import dev.aidossier.core.Finding;
import dev.aidossier.pack.PackSigning;
import dev.aidossier.pack.PackWriter;
import dev.aidossier.render.DeclarationGate;
import dev.aidossier.render.DocumentKind;
import dev.aidossier.report.Json;
import dev.aidossier.sign.PdfFacts;
import dev.aidossier.sign.SignException;
import dev.aidossier.sign.Signer;
import dev.aidossier.util.AtomicFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;

@Command(name = "sign", mixinStandardHelpOptions = true,
        header = "Sign PDFs and conformity packs with a key from a PKCS#12 keystore.",
        description = {"Sign each PDF with a PAdES signature (baseline B-B; B-T with --tsa), as an incremental update: the signed "
                + "PDF begins with the bytes of the original. A pack folder gets a signature on every PDF and a detached CAdES "
                + "signature of its manifest, manifest.json.p7s. An EU declaration of conformity is never signed as a draft or while "
                + "error-level findings are open or upcoming.",
                "The keystore password comes from " + SignOptions.PASSWORD_ENV + " or --keystore-password-file, never from the "
                + "command line. Files are replaced in one step (or written to -o DIR)."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every file signed", "1:a declaration was refused (draft, or error-level findings open or upcoming); the other files were signed",
                "2:usage error, unusable keystore or key, unreadable or already signed input, no time-stamp; nothing was written"})
final class SignCommand implements Callable<Integer> {

    /** Largest PDF signed: the documents this tool makes are far smaller. */
    static final long MAX_PDF_BYTES = 256L * 1024 * 1024;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    SignOptions signing;

    @Mixin
    CommonOptions common;

    @Parameters(paramLabel = "FILE.pdf|PACK", arity = "1..*", description = "PDFs made by dossier, or pack folders written by dossier pack.")
    List<Path> files;

    @Option(names = {"-o", "--output"}, paramLabel = "DIR", description = "Write the signed files into DIR (same names) instead of replacing the inputs.")
    Path output;

    @Option(names = "--force", description = "With -o: replace files or packs that already exist in DIR.")
    boolean force;

    @Option(names = "--description", paramLabel = "FILE",
            description = "The description a declaration PDF outside a pack was rendered from: it is judged again (with --as-of, --rules, "
                    + "--pack), and the declaration is signed only when no error-level finding is open or upcoming.")
    Path description;

    /** One input and what signing it will do. */
    private record Item(Path input, Path target, boolean pack, Map<String, byte[]> files, Set<String> refused, List<String> reasons) {
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            if (common.format != CommonOptions.Format.text && common.format != CommonOptions.Format.json) {
                throw new CommonOptions.UsageError("--format " + common.format + " is not available for sign; use text or json");
            }
            if (force && output == null) {
                throw new CommonOptions.UsageError("--force replaces files in -o DIR; without -o the inputs themselves are replaced by their signed versions");
            }
            Instant now = PackSigning.now();
            // the key first: a wrong password or an expired certificate is known before any file is read
            try (Signer signer = signing.open(now)) {
                List<String> problems = new ArrayList<>();
                List<Item> items = new ArrayList<>();
                DescriptionGate judged = null;
                for (Path in : files) {
                    try {
                        Item item = inspect(in);
                        if (item.pack() == false && !item.refused().isEmpty() && item.reasons().isEmpty()) {
                            // a declaration outside a pack: judge its description now
                            if (judged == null) {
                                judged = judge(err);
                                if (judged == null) {
                                    return Main.USAGE;
                                }
                            }
                            item = judged.apply(item);
                        }
                        items.add(item);
                    } catch (IOException | SignException e) {
                        problems.add(e.getMessage());
                    }
                }
                java.util.Set<Path> targets = new java.util.HashSet<>();
                for (Item item : items) {
                    if (!targets.add(item.target().toAbsolutePath().normalize())) {
                        problems.add(item.input() + ": another input is written to " + item.target() + " too");
                    }
                }
                if (!problems.isEmpty()) {
                    problems.forEach(p -> err.println("dossier: " + p));
                    err.println("dossier: nothing was signed");
                    return Main.USAGE;
                }
                // sign everything in memory first: a failure (a time-stamp authority that does not answer) writes nothing
                List<Map<String, byte[]>> signed = new ArrayList<>();
                PackSigning packs = new PackSigning(signer);
                for (Item item : items) {
                    if (item.pack()) {
                        signed.add(packs.sign(item.files(), item.refused(), now));
                    } else if (item.refused().isEmpty()) {
                        Map.Entry<String, byte[]> only = item.files().entrySet().iterator().next();
                        signed.add(Map.of(only.getKey(), signer.signPdf(only.getValue(), only.getKey(), now)));
                    } else {
                        signed.add(null);
                    }
                }
                if (output != null) {
                    Files.createDirectories(output);
                }
                for (int i = 0; i < items.size(); i++) {
                    Item item = items.get(i);
                    Map<String, byte[]> content = signed.get(i);
                    if (content == null) {
                        continue;
                    }
                    if (item.pack()) {
                        PackWriter.writeFolder(item.target(), content, true);
                    } else {
                        AtomicFiles.write(item.target(), content.values().iterator().next());
                    }
                }
                return report(out, signer, now, items);
            }
        } catch (CommonOptions.UsageError e) {
            err.println("dossier: " + e.getMessage());
            return Main.USAGE;
        } catch (SignException e) {
            err.println("dossier: " + e.getMessage());
            err.println("dossier: nothing was signed");
            return Main.USAGE;
        } catch (IOException e) {
            err.println("dossier: cannot write: " + e.getMessage());
            return Main.USAGE;
        }
    }

    /** What signing {@code in} means: a pack folder or one PDF, which parts are refused and why. */
    private Item inspect(Path in) throws IOException, SignException, CommonOptions.UsageError {
        if (!Files.exists(in, LinkOption.NOFOLLOW_LINKS)) {
            throw new IOException(in + ": no such file or folder");
        }
        Path target = output == null ? in : output.resolve(in.toAbsolutePath().normalize().getFileName());
        if (output != null && !force && Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            throw new IOException(target + " exists; use --force to replace it");
        }
        if (output != null && target.toAbsolutePath().normalize().equals(in.toAbsolutePath().normalize())) {
            target = in; // -o names the folder the input is in: replace it, as without -o
        }
        if (Files.isDirectory(in, LinkOption.NOFOLLOW_LINKS)) {
            Map<String, byte[]> files = PackSigning.readUnsigned(in);
            Set<String> refused = new TreeSet<>();
            List<String> reasons = new ArrayList<>();
            DeclarationGate gate = null;
            for (Map.Entry<String, byte[]> e : files.entrySet()) {
                if (!e.getKey().endsWith(".pdf")) {
                    continue;
                }
                PdfFacts facts = PdfFacts.of(e.getValue(), in + "/" + e.getKey());
                if (facts.signed()) {
                    throw new IOException(in + "/" + e.getKey() + " carries a signature already; a pack is signed once");
                }
                if (isDraft(e.getKey(), facts)) {
                    refused.add(e.getKey());
                    reasons.add(in + "/" + e.getKey() + ": a draft is never signed");
                } else if (isDeclaration(e.getKey(), facts)) {
                    if (gate == null) {
                        gate = packGate(in, files.get("findings.json"));
                    }
                    if (gate.blocked()) {
                        refused.add(e.getKey());
                        reasons.add(in + "/" + e.getKey() + ": the EU declaration of conformity is not signed: "
                                + RenderCommand.refusal(gate) + " in the pack's findings.json");
                    }
                }
            }
            return new Item(in, target, true, files, refused, reasons);
        }
        String name = in.getFileName().toString();
        if (!Files.isRegularFile(in)) {
            throw new IOException(in + ": not a regular file");
        }
        if (name.toLowerCase(Locale.ROOT).endsWith(".zip")) {
            throw new IOException(in + ": a zipped pack is not signed afterwards; build it signed with 'dossier pack --zip --sign', or sign the pack folder");
        }
        if (Files.size(in) > MAX_PDF_BYTES) {
            throw new IOException(in + ": " + Files.size(in) + " bytes is larger than the " + MAX_PDF_BYTES + " bytes a PDF may have here");
        }
        byte[] pdf = Files.readAllBytes(in);
        PdfFacts facts = PdfFacts.of(pdf, in.toString());
        if (facts.signed()) {
            throw new IOException(in + " carries a signature already (" + facts.signatures() + "); dossier signs a PDF once");
        }
        Map<String, byte[]> one = new LinkedHashMap<>();
        one.put(name, pdf);
        if (isDraft(name, facts)) {
            return new Item(in, target, false, one, Set.of(name), List.of(in + ": a draft is never signed (its pages say DRAFT: it is not the document)"));
        }
        if (isDeclaration(name, facts)) {
            return new Item(in, target, false, one, Set.of(name), List.of()); // judged against --description
        }
        return new Item(in, target, false, one, Set.of(), List.of());
    }

    /** Judges a declaration outside a pack against its description, now. */
    private interface DescriptionGate {
        Item apply(Item declaration) throws IOException;
    }

    private DescriptionGate judge(PrintWriter err) throws CommonOptions.UsageError, IOException {
        if (description == null) {
            throw new CommonOptions.UsageError("a declaration of conformity is signed only when its description has no error-level finding"
                    + " open or upcoming: name the description it was rendered from with --description FILE (or sign the pack it is in)");
        }
        LocalDate asOf = common.asOfDate();
        Engine engine = common.engine(err);
        if (engine == null) {
            return null;
        }
        Analysis a = engine.analyse(description, description.toString(), asOf);
        if (!a.readable() || a.loaded().model() == null) {
            for (Finding f : a.findings()) {
                err.println(f.toText());
            }
            throw new CommonOptions.UsageError(description + " cannot be read; nothing was signed");
        }
        DeclarationGate gate = DeclarationGate.of(a);
        String name = a.loaded().metadata() == null ? null : a.loaded().metadata().name();
        return item -> {
            Map.Entry<String, byte[]> pdf = item.files().entrySet().iterator().next();
            PdfFacts facts;
            try {
                facts = PdfFacts.of(pdf.getValue(), item.input().toString());
            } catch (SignException e) {
                throw new IOException(e.getMessage());
            }
            if (name != null && !facts.title().contains(name) && !facts.subject().contains(name)) {
                throw new IOException(item.input() + " does not name '" + name + "' in its title or subject: is " + description
                        + " the description it was rendered from?");
            }
            if (gate.blocked()) {
                return new Item(item.input(), item.target(), false, item.files(), item.refused(),
                        List.of(item.input() + ": the EU declaration of conformity is not signed: " + RenderCommand.refusal(gate)
                                + " in " + description + " as of " + asOf + " (see them with 'dossier check " + description + "')"));
            }
            return new Item(item.input(), item.target(), false, item.files(), Set.of(), List.of());
        };
    }

    /** The declaration gate as the pack's findings.json records it: error-level findings failed or upcoming. */
    private static DeclarationGate packGate(Path pack, byte[] findings) throws IOException {
        if (findings == null) {
            throw new IOException(pack + " has no findings.json: whether its declaration may be signed cannot be told");
        }
        int failed = 0;
        int upcoming = 0;
        try {
            for (tools.jackson.databind.JsonNode f : Json.mapper().readTree(findings).path("findings")) {
                if (!"error".equals(f.path("severity").asString(""))) {
                    continue;
                }
                String status = f.path("status").asString("");
                if (status.equals("failed")) {
                    failed++;
                } else if (status.equals("upcoming")) {
                    upcoming++;
                }
            }
        } catch (RuntimeException e) {
            throw new IOException(pack + "/findings.json: not JSON (" + String.valueOf(e.getMessage()).lines().findFirst().orElse("") + ")");
        }
        return new DeclarationGate(failed, upcoming);
    }

    /** A draft: named <name>-<doc>.draft.pdf by render --draft, or titled with a draft stamp. */
    static boolean isDraft(String fileName, PdfFacts facts) {
        if (fileName.toLowerCase(Locale.ROOT).endsWith(".draft.pdf")) {
            return true;
        }
        for (DocumentKind k : DocumentKind.values()) {
            if (facts.title().startsWith(k.draftStamp() + " \u2013 ")) {
                return true;
            }
        }
        return false;
    }

    /** The EU declaration of conformity: by the name render and pack give it, or by its title or subject. */
    static boolean isDeclaration(String fileName, PdfFacts facts) {
        String n = fileName.toLowerCase(Locale.ROOT);
        String title = DocumentKind.DECLARATION.title().toLowerCase(Locale.ROOT);
        return n.endsWith("-" + DocumentKind.DECLARATION.id() + ".pdf") || n.endsWith("-" + DocumentKind.DECLARATION.id() + ".draft.pdf")
                || facts.title().toLowerCase(Locale.ROOT).contains(title) || facts.subject().toLowerCase(Locale.ROOT).contains(title);
    }

    private int report(PrintWriter out, Signer signer, Instant time, List<Item> items) {
        boolean refused = items.stream().anyMatch(i -> !i.refused().isEmpty());
        if (common.format == CommonOptions.Format.json) {
            List<Map<String, Object>> list = new ArrayList<>();
            for (Item i : items) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("input", i.input().toString());
                m.put("kind", i.pack() ? "pack" : "pdf");
                boolean wrote = i.pack() || i.refused().isEmpty();
                m.put("output", wrote ? i.target().toString() : null);
                m.put("signedFiles", i.files().keySet().stream().filter(n -> n.endsWith(".pdf") && !i.refused().contains(n)).toList());
                if (i.pack()) {
                    m.put("manifestSignature", PackSigning.SIGNATURE_FILE);
                }
                m.put("notSigned", i.reasons());
                list.add(m);
            }
            Map<String, Object> all = new LinkedHashMap<>();
            all.put("signer", signer.key().subject());
            all.put("certificateSha256", signer.key().certificateSha256());
            all.put("signingTime", time.toString());
            all.put("level", signer.level());
            all.put("files", list);
            out.print(Json.write(all));
        } else {
            for (Item i : items) {
                long pdfs = i.files().keySet().stream().filter(n -> n.endsWith(".pdf") && !i.refused().contains(n)).count();
                if (i.pack()) {
                    out.println("signed pack " + i.target() + ": " + pdfs + (pdfs == 1 ? " PDF" : " PDFs") + " (PAdES " + signer.level()
                            + ") and manifest.json (" + PackSigning.SIGNATURE_FILE + ", CAdES " + signer.level() + ")");
                } else if (i.refused().isEmpty()) {
                    out.println("signed " + i.target() + " (PAdES " + signer.level() + ")");
                }
                i.reasons().forEach(r -> out.println("not signed: " + r));
            }
            out.println("signer: " + signer.key().subject() + "; signing time " + time + "; certificate SHA-256 " + signer.key().certificateSha256());
        }
        return refused ? Main.FINDINGS : Main.OK;
    }
}
