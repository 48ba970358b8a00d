package dev.aidossier.bench;

import dev.aidossier.analysis.Engine;
import dev.aidossier.classify.Classification;
import dev.aidossier.load.DescriptionLoader;
import dev.aidossier.load.Limits;
import dev.aidossier.load.Loaded;
import dev.aidossier.rules.RulePackSource;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

/**
 * Prints the figures the README records: cold pack load and compile, warm load + validate + classify,
 * warm rule evaluation, and (when the render module is present) warm rendering. Not a unit test:
 * run it with {@code mvn -B -q -Pbench verify} (a fresh JVM, so "cold" means cold).
 *
 * <p>Method: each measurement runs a warm-up, then times N iterations one by one and prints the
 * median, the 90th percentile and the mean; heap is the peak of the heap pools since start.
 */
public final class Benchmarks {

    private Benchmarks() {
    }

    public static void main(String[] args) throws Exception {
        args = java.util.Arrays.stream(args).filter(a -> !a.isBlank()).toArray(String[]::new); // -Dbench.args= may be empty
        Path example = Path.of(args.length > 0 ? args[0] : "examples/border-biometrics.yaml");
        LocalDate asOf = LocalDate.parse("2028-09-01");
        System.out.println("AI Dossier benchmarks on " + Runtime.getRuntime().availableProcessors() + " cores, Java "
                + System.getProperty("java.version") + ", example " + example + " (" + Files.size(example) + " bytes)");

        long t0 = System.nanoTime();
        Engine engine = Engine.load(RulePackSource.bundled(), "eu-ai-act", Limits.DEFAULT);
        long coldLoad = System.nanoTime() - t0;
        System.out.printf("cold: load and compile the EU AI Act pack (%d rules)      %8.1f ms%n", engine.rules().rules().size(), coldLoad / 1e6);

        byte[] bytes = Files.readAllBytes(example);
        DescriptionLoader loader = new DescriptionLoader();
        t0 = System.nanoTime();
        Loaded first = loader.load(bytes, example.toString(), example);
        engine.classifier().classify(first, asOf);
        System.out.printf("cold: first load + validate + classify                   %8.1f ms%n", (System.nanoTime() - t0) / 1e6);

        report("warm: load + validate + classify", 300, 2000, () -> {
            Loaded l = loader.load(bytes, example.toString(), example);
            return engine.classifier().classify(l, asOf);
        });
        Loaded loaded = loader.load(bytes, example.toString(), example);
        Classification c = engine.classifier().classify(loaded, asOf);
        report("warm: evaluate every rule of the pack", 300, 2000, () -> engine.rules().evaluate(loaded, c, asOf));
        report("warm: full analysis (load .. rules, evidence, waivers)", 200, 1000, () -> engine.analyse(example, example.toString(), asOf));

        for (String extra : List.of("dev.aidossier.bench.RenderBenchmark")) {
            try {
                Class<?> k = Class.forName(extra);
                k.getMethod("run", Engine.class, Path.class, LocalDate.class).invoke(null, engine, example, asOf);
            } catch (ClassNotFoundException e) {
                // the render module is not part of this build
            }
        }
        System.out.printf("peak heap used: %.1f MB%n", peakHeapMb());
    }

    public static void report(String what, int warmup, int n, Supplier<Object> task) {
        Object sink = null;
        for (int i = 0; i < warmup; i++) {
            sink = task.get();
        }
        long[] t = new long[n];
        for (int i = 0; i < n; i++) {
            long s = System.nanoTime();
            sink = task.get();
            t[i] = System.nanoTime() - s;
        }
        Arrays.sort(t);
        double mean = Arrays.stream(t).average().orElse(0) / 1e6;
        System.out.printf("%-56s median %7.3f ms  p90 %7.3f ms  mean %7.3f ms  (n=%d)%n", what, t[n / 2] / 1e6, t[(int) (n * 0.9)] / 1e6, mean, n);
        if (sink == null) {
            System.out.println("(no result)");
        }
    }

    /** The arguments, with -Dbench.args= (one argument, possibly empty, such as "200 2 2") split at white space. */
    public static String[] args(String[] args) {
        return java.util.Arrays.stream(args).flatMap(a -> java.util.Arrays.stream(a.strip().split("\\s+"))).filter(a -> !a.isBlank())
                .toArray(String[]::new);
    }

    public static double peakHeapMb() {
        long peak = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP) {
                peak += p.getPeakUsage().getUsed();
            }
        }
        return peak / 1048576.0;
    }
}
