package dev.aidossier.bench;

import dev.aidossier.cli.Main;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Packs N generated descriptions (default 200) of varied size and prints throughput and peak memory.
 * Variants are made from the examples: renamed, and with their data-set, metric and risk lists
 * repeated 1-6 times, so sizes range from a few KB to several times the largest example.
 * Run: {@code mvn -B -q -Pbench verify -Dbench.main=dev.aidossier.bench.PackThroughput} or see README.
 *
 * <p>Arguments: N (descriptions, default 200), JOBS (default: cores), ROUNDS (default 1). With ROUNDS &gt; 1
 * the same descriptions are packed again in the same JVM, into a fresh folder: the first round is what a
 * CI job running {@code dossier pack} once sees (the JIT compiler still at work), later rounds what a
 * longer batch reaches. After the rounds, the CPU time of the JVM's threads is printed by kind (pack
 * workers, JIT compilers, garbage collector), read from /proc on Linux.
 */
public final class PackThroughput {
    private PackThroughput() {
    }

    public static void main(String[] args) throws Exception {
        args = Benchmarks.args(args);
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int jobs = args.length > 1 ? Integer.parseInt(args[1]) : Runtime.getRuntime().availableProcessors();
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 1;
        Path work = Files.createTempDirectory("dossier-bench");
        Path in = work.resolve("in");
        Files.createDirectories(in);
        long totalBytes = GenerateBatch.generate(n, Path.of("examples"), in);
        System.out.printf("generated %d descriptions, %.1f KB on average, in %s%n", n, totalBytes / 1024.0 / n, in);
        for (int round = 1; round <= rounds; round++) {
            Path outDir = work.resolve("out-" + round);
            StringWriter o = new StringWriter();
            long t0 = System.nanoTime();
            int code = Main.run(new PrintWriter(o), new PrintWriter(new StringWriter()), "pack", "--as-of", "2028-09-01", "--fail-on", "never",
                    "--jobs", String.valueOf(jobs), "-o", outDir.toString(), in.toString());
            double secs = (System.nanoTime() - t0) / 1e9;
            long packs;
            try (Stream<Path> s = Files.list(outDir)) {
                packs = s.count();
            }
            long pdfs;
            try (Stream<Path> s = Files.walk(outDir)) {
                pdfs = s.filter(p -> p.toString().endsWith(".pdf")).count();
            }
            System.out.printf("round %d: packed %d descriptions (%d PDFs) with --jobs %d in %.2f s: %.1f descriptions/s (exit %d)%n", round,
                    packs, pdfs, jobs, secs, packs / secs, code);
        }
        System.out.printf("heap: sum of the pools' peaks %.1f MB (max heap %d MB); peak resident set of the process %s%n", Benchmarks.peakHeapMb(),
                Runtime.getRuntime().maxMemory() / 1048576, vmHwm());
        System.out.println("CPU time by thread kind: " + threadCpu());
    }

    /** CPU seconds (user + system) of this JVM's threads, summed by kind, from /proc/self/task; empty elsewhere than Linux. */
    static String threadCpu() {
        Map<String, Double> byKind = new java.util.TreeMap<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path t : tasks.toList()) {
                String name;
                double secs;
                try {
                    name = Files.readString(t.resolve("comm")).strip();
                    secs = cpuSeconds(t.resolve("stat"));
                } catch (java.io.IOException e) {
                    continue; // the thread ended meanwhile
                }
                String kind = name.startsWith("C2 ") ? "JIT C2" : name.startsWith("C1 ") ? "JIT C1"
                        : name.startsWith("GC ") || name.startsWith("G1 ") ? "GC" : name.startsWith("dossier-pack") ? "pack workers" : "other";
                byKind.merge(kind, secs, Double::sum);
            }
        } catch (java.io.IOException | RuntimeException e) {
            return "n/a (" + e.getMessage() + ")";
        }
        // threads that ended (the pack's worker pool is shut down after each run) count only in the process total
        double total;
        try {
            total = cpuSeconds(Path.of("/proc/self/stat"));
        } catch (java.io.IOException | RuntimeException e) {
            return "n/a (" + e.getMessage() + ")";
        }
        double live = byKind.values().stream().mapToDouble(Double::doubleValue).sum();
        byKind.put("finished threads (the pack workers)", Math.max(0, total - live));
        StringBuilder sb = new StringBuilder(String.format("total %.1f s", total));
        byKind.forEach((k, v) -> sb.append(String.format(", %s %.1f s", k, v)));
        return sb.toString();
    }

    /** User plus system CPU seconds from a /proc stat file (fields 14 and 15, after the command name in parentheses). */
    private static double cpuSeconds(Path stat) throws java.io.IOException {
        String raw = Files.readString(stat);
        String[] f = raw.substring(raw.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / 100.0; // USER_HZ, 100 on every Linux this runs on
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
}
