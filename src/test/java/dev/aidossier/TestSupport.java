package dev.aidossier;

import dev.aidossier.cli.Main;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

/** Runs the CLI in this JVM and captures what it prints. */
public final class TestSupport {
    private TestSupport() {
    }

    public record Run(int exit, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exit + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    public static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out), new PrintWriter(err), args);
        return new Run(code, out.toString(), err.toString());
    }

    /** Runs the CLI in a JVM of its own with these JVM options (the test class path), and captures what it prints. */
    public static Run runProcess(java.util.List<String> jvmOptions, java.util.List<String> args) {
        java.util.List<String> cmd = new java.util.ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(jvmOptions);
        cmd.addAll(java.util.List.of("-cp", System.getProperty("java.class.path"), "dev.aidossier.cli.Main"));
        cmd.addAll(args);
        try {
            Path out = Files.createTempFile("dossier-run", ".out");
            Path err = Files.createTempFile("dossier-run", ".err");
            try {
                Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
                if (!p.waitFor(300, java.util.concurrent.TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    throw new IllegalStateException("the CLI did not end within 300 s: " + cmd);
                }
                return new Run(p.exitValue(), Files.readString(out), Files.readString(err));
            } finally {
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The repository root (tests run with the module folder as working directory). */
    /**
     * The bundled packs, loaded once for the whole test JVM rather than once per test class (an Engine is
     * thread-safe and immutable after loading): the EU AI Act pack alone, every pack, and what the passport
     * and the interoperability plan are judged against.
     */
    private static final class Shared {
        static final dev.aidossier.analysis.Engine EU = load(java.util.List.of("eu-ai-act"));
        static final dev.aidossier.analysis.Engine ALL = load(java.util.List.of("eu-ai-act", "nist-ai-rmf", "iso-42001"));
        static final dev.aidossier.analysis.Frameworks FRAMEWORKS = frameworks();

        private static dev.aidossier.analysis.Engine load(java.util.List<String> packs) {
            try {
                return dev.aidossier.analysis.Engine.load(dev.aidossier.rules.RulePackSource.bundled(), packs, dev.aidossier.load.Limits.DEFAULT);
            } catch (dev.aidossier.analysis.Engine.PackError e) {
                throw new IllegalStateException("the bundled packs cannot be loaded: " + e.getMessage(), e);
            }
        }

        private static dev.aidossier.analysis.Frameworks frameworks() {
            try {
                return dev.aidossier.analysis.Frameworks.of(ALL, dev.aidossier.rules.RulePackSource.bundled());
            } catch (dev.aidossier.rules.Crosswalks.Unreadable | java.io.IOException e) {
                throw new IllegalStateException("the bundled crosswalks cannot be loaded", e);
            }
        }
    }

    /** The bundled EU AI Act pack, loaded once per test JVM. */
    public static dev.aidossier.analysis.Engine euEngine() {
        return Shared.EU;
    }

    /** Every bundled pack (EU AI Act, NIST AI RMF, ISO/IEC 42001), loaded once per test JVM. */
    public static dev.aidossier.analysis.Engine allEngine() {
        return Shared.ALL;
    }

    /** Every bundled pack with the bundled crosswalks, loaded once per test JVM. */
    public static dev.aidossier.analysis.Frameworks frameworks() {
        return Shared.FRAMEWORKS;
    }

    public static Path root() {
        return Path.of("").toAbsolutePath();
    }

    /**
     * Whether a file of a folder of examples is a description: a {@code .yaml} file that is not a translation
     * overlay ({@code <name>.<lang>.yaml} beside {@code <name>.yaml}).
     */
    public static boolean isDescription(Path p) {
        return p.getFileName().toString().endsWith(".yaml")
                && !dev.aidossier.load.Overlay.isOverlay(p, dev.aidossier.render.Catalogues.languages());
    }

    public static Path examples() {
        return root().resolve("examples");
    }

    /** A node of a YAML tree with its path (as {@link dev.aidossier.load.YPath} writes it) and its parent. */
    public record TreeNode(String path, dev.aidossier.load.YNode node, dev.aidossier.load.YNode parent) {
    }

    /** Every node below {@code root} (not the root itself), parents before their children, in document order. */
    public static java.util.List<TreeNode> nodes(dev.aidossier.load.YNode root) {
        java.util.List<TreeNode> out = new java.util.ArrayList<>();
        nodes(root, "", out);
        return out;
    }

    private static void nodes(dev.aidossier.load.YNode n, String path, java.util.List<TreeNode> out) {
        if (n instanceof dev.aidossier.load.YNode.YMap m) {
            for (dev.aidossier.load.YNode.Entry e : m.entries().values()) {
                String p = dev.aidossier.load.YPath.child(path, e.key());
                out.add(new TreeNode(p, e.value(), n));
                nodes(e.value(), p, out);
            }
        } else if (n instanceof dev.aidossier.load.YNode.YList l) {
            for (int i = 0; i < l.items().size(); i++) {
                String p = dev.aidossier.load.YPath.index(path, i);
                out.add(new TreeNode(p, l.items().get(i), n));
                nodes(l.items().get(i), p, out);
            }
        }
    }

    /** Paths of every scalar below {@code root} that holds text. */
    public static java.util.List<String> stringPaths(dev.aidossier.load.YNode root) {
        return nodes(root).stream().filter(t -> t.node() instanceof dev.aidossier.load.YNode.YScalar s && s.value() instanceof String)
                .map(TreeNode::path).toList();
    }

    /** Every regular file below {@code root}: its path relative to root to its bytes, in name order. */
    public static java.util.Map<String, byte[]> files(Path root) throws java.io.IOException {
        java.util.Map<String, byte[]> out = new java.util.TreeMap<>();
        try (java.util.stream.Stream<Path> s = Files.walk(root)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                out.put(root.relativize(p).toString(), Files.readAllBytes(p));
            }
        }
        return out;
    }

    /** Copies the folder {@code from} with everything in it to {@code to} (created), for tests that edit a copy. */
    public static void copyTree(Path from, Path to) throws java.io.IOException {
        try (java.util.stream.Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(p, t);
                }
            }
        }
    }

    public static Path resource(String name) {
        Path p = root().resolve("src/test/resources").resolve(name);
        if (!Files.exists(p)) {
            throw new IllegalArgumentException("no test resource " + p);
        }
        return p;
    }

    /**
     * veraPDF's failed rules for PDF/A-3B, each as "clause-test: message" (empty: compliant; then veraPDF's own
     * verdict is asserted to agree). The one place the tests validate PDF/A.
     */
    public static java.util.List<String> pdfaFailures(byte[] pdf) throws Exception {
        org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider.initialise();
        org.verapdf.pdfa.flavours.PDFAFlavour flavour = org.verapdf.pdfa.flavours.PDFAFlavour.fromString("3b");
        java.util.List<String> failed = new java.util.ArrayList<>();
        try (org.verapdf.pdfa.PDFAParser parser = org.verapdf.pdfa.Foundries.defaultInstance().createParser(new java.io.ByteArrayInputStream(pdf), flavour);
             org.verapdf.pdfa.PDFAValidator validator = org.verapdf.pdfa.Foundries.defaultInstance().createValidator(flavour, false)) {
            org.verapdf.pdfa.results.ValidationResult result = validator.validate(parser);
            for (org.verapdf.pdfa.results.TestAssertion a : result.getTestAssertions()) {
                if (a.getStatus() == org.verapdf.pdfa.results.TestAssertion.Status.FAILED) {
                    failed.add(a.getRuleId().getClause() + "-" + a.getRuleId().getTestNumber() + ": " + a.getMessage());
                }
            }
            if (failed.isEmpty()) {
                org.assertj.core.api.Assertions.assertThat(result.isCompliant()).as("veraPDF's verdict").isTrue();
            }
        }
        return failed;
    }
}
