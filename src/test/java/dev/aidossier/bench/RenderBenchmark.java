package dev.aidossier.bench;

import dev.aidossier.analysis.Engine;
import dev.aidossier.analysis.Analysis;
import dev.aidossier.load.Limits;
import dev.aidossier.render.DocumentKind;
import dev.aidossier.render.RenderOptions;
import dev.aidossier.render.Renderer;
import dev.aidossier.rules.RulePackSource;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;

/**
 * Warm render time and peak heap of the documents (goal: technical documentation under 150 ms warm, peak
 * heap under 256 MB). Not a unit test; run it in a fresh JVM with the heap capped at the goal:
 *
 * <pre>
 * mvn -B -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -Xmx256m -cp target/classes:target/test-classes:$(cat target/cp.txt) dev.aidossier.bench.RenderBenchmark [FILE]
 * </pre>
 *
 * FILE defaults to examples/border-biometrics.yaml when it exists, else the complete test description.
 * Method: the first render is timed alone (cold), then each document is rendered 30 times to warm up and
 * 100 times timed one by one; median, 90th percentile and mean are printed. "Render" is the whole path
 * from an analysed description to PDF bytes: data model, template, XHTML parse, layout, PDF. Heap is the
 * peak of the heap pools since the JVM started. {@link #run} is also called by the project's benchmark
 * harness ({@code dev.aidossier.bench.Benchmarks}) when this class is on the classpath.
 */
public final class RenderBenchmark {

    private RenderBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        args = java.util.Arrays.stream(args).filter(a -> !a.isBlank()).toArray(String[]::new); // -Dbench.args= may be empty
        Path example = args.length > 0 ? Path.of(args[0])
                : Files.exists(Path.of("examples/border-biometrics.yaml")) ? Path.of("examples/border-biometrics.yaml")
                : Path.of("src/test/resources/render/complete.yaml");
        System.out.println("AI Dossier render benchmark on " + Runtime.getRuntime().availableProcessors() + " cores, Java "
                + System.getProperty("java.version") + ", max heap " + Runtime.getRuntime().maxMemory() / 1048576 + " MB, example "
                + example + " (" + Files.size(example) + " bytes)");
        Engine engine = Engine.load(RulePackSource.bundled(), "eu-ai-act", Limits.DEFAULT);
        run(engine, example, LocalDate.parse("2028-09-01"));
        System.out.printf("peak heap used: %.1f MB%n", peakHeapMb());
    }

    /** Prints the figures for one example; called by main and by the project's benchmark harness. */
    public static void run(Engine engine, Path example, LocalDate asOf) throws Exception {
        Analysis a = engine.analyse(example, example.toString(), asOf);
        Renderer renderer = new Renderer(engine, null, "bench");
        RenderOptions o = new RenderOptions(example.getFileName().toString().replaceFirst("\\.ya?ml$", ""), asOf, true, null);
        long t0 = System.nanoTime();
        byte[] first = renderer.render(DocumentKind.TECHNICAL_DOCUMENTATION, a, o).pdf();
        System.out.printf("cold: first render of the technical documentation (%d bytes)   %8.1f ms%n", first.length, (System.nanoTime() - t0) / 1e6);
        for (DocumentKind k : DocumentKind.values()) {
            if (!Renderer.applies(k, a)) {
                continue;
            }
            long[] t = new long[100];
            for (int i = 0; i < 30; i++) {
                renderer.render(k, a, o);
            }
            int size = 0;
            for (int i = 0; i < t.length; i++) {
                long s = System.nanoTime();
                size = renderer.render(k, a, o).pdf().length;
                t[i] = System.nanoTime() - s;
            }
            Arrays.sort(t);
            System.out.printf("warm: render %-24s %7d bytes  median %7.1f ms  p90 %7.1f ms  mean %7.1f ms  (n=%d)%n", k.id(), size,
                    t[t.length / 2] / 1e6, t[(int) (t.length * 0.9)] / 1e6, Arrays.stream(t).average().orElse(0) / 1e6, t.length);
        }
    }

    static double peakHeapMb() {
        long peak = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP) {
                peak += p.getPeakUsage().getUsed();
            }
        }
        return peak / 1048576.0;
    }
}
