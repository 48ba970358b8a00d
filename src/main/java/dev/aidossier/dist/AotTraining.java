package dev.aidossier.dist;

import dev.aidossier.cli.Main;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The workload the build trains the AOT cache on (JEP 483/514/515): every command a user runs, on the
 * examples, in one JVM, so that the classes they load and the methods they run hot are in the cache.
 * The build runs it as {@code java -XX:AOTCacheOutput=dossier.aot -cp dossier.jar dev.aidossier.dist.AotTraining
 * EXAMPLES}; outputs go to a temporary folder that is deleted afterwards. Not a user command.
 */
public final class AotTraining {

    private AotTraining() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 1 || args.length > 2 || args.length == 2 && !args[1].equals("analysis")) {
            System.err.println("usage: AotTraining EXAMPLES_DIR [analysis]");
            System.exit(2);
        }
        Path examples = Path.of(args[0]);
        // 'analysis': only what a pre-commit hook runs (classify, check), for the small cache those commands start with
        boolean analysisOnly = args.length == 2;
        List<String> files = new ArrayList<>();
        try (Stream<Path> s = Files.list(examples)) {
            s.filter(p -> p.getFileName().toString().endsWith(".yaml") && !dev.aidossier.load.Overlay.isOverlay(p, dev.aidossier.render.Catalogues.languages())).sorted().forEach(p -> files.add(p.toString()));
        }
        if (files.size() < 2) {
            System.err.println("AotTraining: fewer than two descriptions in " + examples);
            System.exit(2);
        }
        Path tmp = Files.createTempDirectory("dossier-aot-");
        PrintWriter sink = new PrintWriter(OutputStream.nullOutputStream(), false, java.nio.charset.StandardCharsets.UTF_8);
        int failures = 0;
        try {
            // what a pre-commit hook and a CI job run: classify and check, in every output format
            failures += expect(run(sink, "classify", examples.toString()), 0, 1);
            failures += expect(run(sink, "classify", "--format", "json", examples.toString()), 0, 1);
            for (String format : List.of("text", "json", "sarif", "junit")) {
                failures += expect(run(sink, "check", "--fail-on", "never", "--format", format, examples.toString()), 0);
            }
            failures += expect(run(sink, "check", "--pack", "all", "--fail-on", "never", examples.toString()), 0);
            if (!analysisOnly) {
                failures += documents(sink, examples, files, tmp);
            }
        } finally {
            deleteTree(tmp);
        }
        if (failures > 0) {
            System.err.println("AotTraining: " + failures + " training commands ended with an unexpected exit code");
            System.exit(1);
        }
    }

    /** What a bid needs and a buyer runs: every document, the packs, diff, verify, and the other commands. */
    private static int documents(PrintWriter sink, Path examples, List<String> files, Path tmp) throws IOException {
        int failures = 0;
        // what a bid needs: every document and the packs, twice so that the rendering path runs hot
        for (int round = 0; round < 2; round++) {
            for (String f : files) {
                failures += expect(run(sink, "render", f, "--doc", "all", "--fail-on", "never", "-o",
                        tmp.resolve("render-" + round).toString()), 0, 1, 2);
            }
            failures += expect(run(sink, "pack", "--fail-on", "never", "--with", "passport,interoperability-plan",
                    "-o", tmp.resolve("pack-" + round).toString(), examples.toString()), 0);
        }
        // documents in other languages, with the translation overlays of the examples that have one
        failures += expect(run(sink, "check", "--lang", "de,fr", "--fail-on", "never", examples.toString()), 0);
        failures += expect(run(sink, "render", files.get(0), "--doc", "all", "--lang", "de,el", "--fail-on", "never", "-o",
                tmp.resolve("lang").toString()), 0, 1, 2);
        // one description alone: its documents are laid out side by side
        failures += expect(run(sink, "pack", "--fail-on", "never", "-o", tmp.resolve("one").toString(), files.get(files.size() / 2)), 0);
        failures += expect(run(sink, "pack", "--fail-on", "never", "--zip", "--no-pdf",
                "-o", tmp.resolve("zip").toString(), examples.toString()), 0);
        failures += expect(run(sink, "diff", files.get(0), files.get(1)), 0, 1, 2);
        // what a buyer runs on a pack it received: verify it (unsigned here: a warning), as a folder and as a zip
        Path onePack;
        try (Stream<Path> s = Files.list(tmp.resolve("pack-1"))) {
            onePack = s.filter(Files::isDirectory).sorted().findFirst().orElse(null);
        }
        if (onePack != null) {
            failures += expect(run(sink, "verify", onePack.toString()), 0);
            failures += expect(run(sink, "verify", "--format", "json", onePack.toString()), 0);
        }
        failures += expect(run(sink, "rules", "list"), 0);
        failures += expect(run(sink, "crosswalk"), 0);
        failures += expect(run(sink, "schema"), 0);
        return failures;
    }

    private static int run(PrintWriter sink, String... args) {
        return Main.run(sink, sink, args);
    }

    /** 0 when the exit code is one of those expected, else 1 (and says which command). */
    private static int expect(int code, int... allowed) {
        for (int a : allowed) {
            if (code == a) {
                return 0;
            }
        }
        System.err.println("AotTraining: unexpected exit code " + code);
        return 1;
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
