package dev.aidossier.cli;

import dev.aidossier.core.Finding;
import dev.aidossier.core.Severity;
import dev.aidossier.load.Limits;
import dev.aidossier.pack.PackReader;
import dev.aidossier.report.Json;
import dev.aidossier.verify.Signatures;
import dev.aidossier.verify.Verifier;
import dev.aidossier.verify.VerifyReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code dossier verify PACK|ZIP|PDF...}: a pack's files against its manifest, and the signatures of the
 * manifest and the PDFs, with trust anchored in the certificates given with {@code --trust}.
 */
@Command(name = "verify", mixinStandardHelpOptions = true,
        header = "Check that a pack or a PDF is what was signed: hashes, sizes, signatures, trust.",
        description = {"Check a pack (folder or zip) against its manifest (every file there, with its size and SHA-256, no file missing or added),",
                "the manifest's detached signature and each PDF's signature (valid, who signed, whether the certificate chains to a --trust anchor,",
                "no change after signing); or the signatures of one PDF. Signatures are validated offline with the EU's DSS library.",
                "Exit 0: all holds; 1: a check failed (or, with --fail-on warning, a warning such as an unsigned pack); 2: the input cannot be read."})
final class VerifyCommand implements Callable<Integer> {

    enum Format { text, json, sarif }

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "PACK|ZIP|PDF", description = "A pack folder, a pack zip or a PDF.")
    List<Path> inputs;

    @Option(names = "--trust", paramLabel = "FILE", description = "A trusted certificate (PEM or DER; a PEM file may hold several): a signature is trusted when its certificate chains to one. Repeatable.")
    List<Path> trust = new ArrayList<>();

    @Option(names = "--format", paramLabel = "FORMAT", description = "Output format: text, json or sarif (default: ${DEFAULT-VALUE}).", defaultValue = "text")
    Format format;

    @Option(names = "--fail-on", paramLabel = "SEVERITY", description = "error (default) or warning: the lowest severity that makes the exit code 1; warning also fails an unsigned pack or a signature without --trust.", defaultValue = "error")
    String failOn;

    @Option(names = "--max-file-size", paramLabel = "BYTES", description = "Largest JSON file of a pack accepted (default: 4194304).")
    Long maxFileSize;

    @Option(names = "--max-depth", paramLabel = "N", description = "Deepest JSON nesting accepted (default: 40).")
    Integer maxDepth;

    @Option(names = "--max-string-length", paramLabel = "CHARS", description = "Longest single JSON value accepted (default: 1048576).")
    Integer maxStringLength;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Severity threshold;
        if (failOn.equals("error") || failOn.equals("warning")) {
            threshold = Severity.valueOf(failOn);
        } else {
            err.println("dossier: --fail-on: '" + failOn + "' is not one of error, warning");
            return Main.USAGE;
        }
        Limits limits = Limits.DEFAULT;
        if (maxFileSize != null) {
            if (maxFileSize < 1) {
                return usage(err, "--max-file-size must be at least 1, not " + maxFileSize);
            }
            limits = limits.withMaxFileBytes(maxFileSize);
        }
        if (maxDepth != null) {
            if (maxDepth < 1) {
                return usage(err, "--max-depth must be at least 1, not " + maxDepth);
            }
            limits = limits.withMaxDepth(maxDepth);
        }
        if (maxStringLength != null) {
            if (maxStringLength < 1) {
                return usage(err, "--max-string-length must be at least 1, not " + maxStringLength);
            }
            limits = limits.withMaxStringLength(maxStringLength);
        }
        List<X509Certificate> anchors = new ArrayList<>();
        for (Path t : trust) {
            try {
                anchors.addAll(certificates(t));
            } catch (IOException e) {
                return usage(err, "--trust " + t + ": " + e.getMessage());
            }
        }
        PackReader.Bounds bounds = PackReader.Bounds.DEFAULT.withJson(limits);
        List<Verifier.Report> reports = new ArrayList<>();
        for (Path p : inputs) {
            reports.add(Verifier.verify(p, p.toString(), new Signatures.Trust(List.copyOf(anchors)), bounds));
        }
        switch (format) {
            case json -> out.print(Json.write(VerifyReport.json(reports)));
            case sarif -> out.print(VerifyReport.sarif(reports, Main.version()));
            default -> text(out, reports);
        }
        if (reports.stream().anyMatch(Verifier.Report::unreadable)) {
            return Main.USAGE;
        }
        boolean failed = reports.stream().flatMap(r -> r.findings().stream())
                .anyMatch(f -> f.severity() == Severity.error || (threshold == Severity.warning && f.severity() == Severity.warning));
        return failed ? Main.FINDINGS : Main.OK;
    }

    private static int usage(PrintWriter err, String message) {
        err.println("dossier: " + message);
        return Main.USAGE;
    }

    private static void text(PrintWriter out, List<Verifier.Report> reports) {
        for (Verifier.Report r : reports) {
            for (Finding f : r.findings()) {
                out.println(f.toText());
            }
            long errors = r.findings().stream().filter(f -> f.severity() == Severity.error).count();
            long warnings = r.findings().stream().filter(f -> f.severity() == Severity.warning).count();
            String what = r.unreadable() ? "not verified: cannot be read" : (errors == 0 ? "verified" : "NOT verified");
            out.println(r.input() + ": " + what + " (" + r.kind() + (r.kind().equals("pdf") ? "" : ", " + r.files() + " files") + "; "
                    + errors + (errors == 1 ? " error, " : " errors, ") + warnings + (warnings == 1 ? " warning)" : " warnings)"));
            for (Signatures.Signed s : r.signatures()) {
                out.println("  signature " + s.file() + ": " + s.signer() + (s.signingTime() == null ? "" : ", " + s.signingTime())
                        + (s.level() == null ? "" : ", " + s.level()) + ", " + (s.valid() ? "valid, trusted" : s.trusted() ? "trusted chain, " + s.indication()
                        : s.indication() + (s.subIndication() == null ? "" : " " + s.subIndication())) + "; revocation not checked (offline)");
            }
        }
    }

    /** Every certificate in a PEM (one or more) or DER file. */
    static List<X509Certificate> certificates(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException("not a file");
        }
        if (Files.size(file) > 1024 * 1024) {
            throw new IOException("more than 1 MB: not a certificate file");
        }
        try (InputStream in = Files.newInputStream(file)) {
            List<X509Certificate> out = new ArrayList<>();
            for (Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                out.add((X509Certificate) c);
            }
            if (out.isEmpty()) {
                throw new IOException("holds no certificate (PEM or DER expected)");
            }
            return out;
        } catch (CertificateException | RuntimeException e) {
            throw new IOException("not a PEM or DER certificate");
        }
    }
}
