package dev.aidossier.bench;

import dev.aidossier.cli.Main;
import dev.aidossier.load.Limits;
import dev.aidossier.load.TreePatch;
import dev.aidossier.load.YNode;
import dev.aidossier.load.YamlReader;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Packs N generated descriptions (default 200) of varied size and prints throughput and peak memory.
 * Variants are made from the examples: renamed, and with their data-set, metric and risk lists
 * repeated 1-6 times, so sizes range from a few KB to several times the largest example.
 * Run: {@code mvn -B -q -Pbench verify -Dbench.main=dev.aidossier.bench.PackThroughput} or see README.
 */
public final class PackThroughput {
    private PackThroughput() {
    }

    public static void main(String[] args) throws Exception {
        args = java.util.Arrays.stream(args).filter(a -> !a.isBlank()).toArray(String[]::new); // -Dbench.args= may be empty
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int jobs = args.length > 1 ? Integer.parseInt(args[1]) : Runtime.getRuntime().availableProcessors();
        Path work = Files.createTempDirectory("dossier-bench");
        Path in = work.resolve("in");
        Files.createDirectories(in);
        List<Path> examples;
        try (Stream<Path> s = Files.list(Path.of("examples"))) {
            examples = s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        copyTree(Path.of("examples/evidence"), in.resolve("evidence"));
        long totalBytes = 0;
        for (int i = 0; i < n; i++) {
            Path src = examples.get(i % examples.size());
            YNode root = new YamlReader(Limits.DEFAULT).read(src, src.toString()).root();
            root = TreePatch.set(root, "metadata.name", "Generated system " + i);
            int copies = 1 + (i % 6);
            for (String list : List.of("spec.datasets", "spec.metrics", "spec.riskManagement.risks")) {
                Object plain = dev.aidossier.rules.PlainPath.get(root.toPlain(), list);
                if (plain instanceof List<?> l && !l.isEmpty()) {
                    List<Object> grown = new ArrayList<>();
                    for (int c = 0; c < copies; c++) {
                        for (Object o : l) {
                            if (o instanceof Map<?, ?> m && m.containsKey("name") && c > 0) {
                                Map<Object, Object> copy = new LinkedHashMap<>(m);
                                copy.put("name", m.get("name") + " (" + c + ")");
                                grown.add(copy);
                            } else {
                                grown.add(o);
                            }
                        }
                    }
                    root = TreePatch.set(root, list, grown);
                }
            }
            String yaml = tools.jackson.dataformat.yaml.YAMLMapper.builder().build().writeValueAsString(root.toPlain());
            Path out = in.resolve(String.format("system-%03d.yaml", i));
            Files.writeString(out, yaml, StandardCharsets.UTF_8);
            totalBytes += Files.size(out);
        }
        System.out.printf("generated %d descriptions, %.1f KB on average, in %s%n", n, totalBytes / 1024.0 / n, in);
        StringWriter o = new StringWriter();
        long t0 = System.nanoTime();
        int code = Main.run(new PrintWriter(o), new PrintWriter(new StringWriter()), "pack", "--as-of", "2028-09-01", "--fail-on", "never",
                "--jobs", String.valueOf(jobs), "-o", work.resolve("out").toString(), in.toString());
        double secs = (System.nanoTime() - t0) / 1e9;
        long packs;
        try (Stream<Path> s = Files.list(work.resolve("out"))) {
            packs = s.count();
        }
        long pdfs;
        try (Stream<Path> s = Files.walk(work.resolve("out"))) {
            pdfs = s.filter(p -> p.toString().endsWith(".pdf")).count();
        }
        System.out.printf("packed %d descriptions (%d PDFs) with --jobs %d in %.2f s: %.1f descriptions/s (exit %d)%n", packs, pdfs, jobs, secs, packs / secs, code);
        System.out.printf("peak heap used %.1f MB (max heap %d MB); peak resident set %s%n", Benchmarks.peakHeapMb(),
                Runtime.getRuntime().maxMemory() / 1048576, vmHwm());
    }

    private static String vmHwm() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return line.substring(6).trim();
                }
            }
        } catch (java.io.IOException e) {
            // not Linux
        }
        return "n/a";
    }

    private static void copyTree(Path from, Path to) throws java.io.IOException {
        if (!Files.isDirectory(from)) {
            return;
        }
        try (Stream<Path> s = Files.walk(from)) {
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
}
