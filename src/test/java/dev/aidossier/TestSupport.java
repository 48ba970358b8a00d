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

    /** The repository root (tests run with the module folder as working directory). */
    public static Path root() {
        return Path.of("").toAbsolutePath();
    }

    public static Path examples() {
        return root().resolve("examples");
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
}
