package dev.aidossier.bench;

import dev.aidossier.analysis.Analysis;
import dev.aidossier.analysis.Engine;
import dev.aidossier.load.Limits;
import dev.aidossier.render.DocumentKind;
import dev.aidossier.render.RenderOptions;
import dev.aidossier.render.Renderer;
import dev.aidossier.rules.RulePackSource;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Warm CPU time per description, by document: analyses the first N descriptions of a folder, then
 * renders the four documents of each (the declaration of every AI system, whether or not its gate is open) PASSES
 * times on one thread, printing the thread's CPU time per description for each pass and the fastest
 * pass after the first three. CPU time of the rendering thread, not wall time: it leaves out the JIT
 * compiler and the garbage collector and is steadier than wall time on a shared machine.
 *
 * <pre>
 * mvn -B -q -Pbench verify -Dbench.main=dev.aidossier.bench.DescriptionCpu -Dbench.args="DIR 24 10"
 * </pre>
 *
 * DIR defaults to examples; generate a varied folder with {@link PackThroughput} (it prints where).
 */
public final class DescriptionCpu {
    private DescriptionCpu() {
    }

    public static void main(String[] args) throws Exception {
        args = Benchmarks.args(args);
        Path dir = Path.of(args.length > 0 ? args[0] : "examples");
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 24;
        int passes = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.toString().endsWith(".yaml")).sorted().limit(n).toList();
        }
        LocalDate asOf = LocalDate.parse("2028-09-01");
        Engine engine = Engine.load(RulePackSource.bundled(), "eu-ai-act", Limits.DEFAULT);
        Renderer renderer = new Renderer(engine, null, "bench");
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        double best = Double.MAX_VALUE;
        for (int pass = 0; pass < passes; pass++) {
            Map<String, Long> byDoc = new TreeMap<>();
            for (Path f : files) {
                long t = cpu.getCurrentThreadCpuTime();
                Analysis a = engine.analyse(f, f.toString(), asOf);
                byDoc.merge("analysis", cpu.getCurrentThreadCpuTime() - t, Long::sum);
                RenderOptions o = new RenderOptions(f.getFileName().toString().replaceFirst("\\.ya?ml$", ""), asOf, false, null);
                for (DocumentKind k : DocumentKind.values()) {
                    if (k.frameworks() || !Renderer.applies(k, a)) {
                        continue;
                    }
                    t = cpu.getCurrentThreadCpuTime();
                    renderer.render(k, a, o);
                    byDoc.merge(k.id(), cpu.getCurrentThreadCpuTime() - t, Long::sum);
                }
            }
            double total = byDoc.values().stream().mapToLong(Long::longValue).sum() / 1e6 / files.size();
            StringBuilder line = new StringBuilder(String.format("pass %2d: %6.1f ms of CPU per description:", pass + 1, total));
            byDoc.forEach((k, v) -> line.append(String.format(" %s %.1f", k, v / 1e6 / files.size())));
            System.out.println(line);
            if (pass >= 3) {
                best = Math.min(best, total);
            }
        }
        if (best < Double.MAX_VALUE) {
            System.out.printf("fastest pass after warm-up: %.1f ms of CPU per description (%d descriptions from %s)%n", best, files.size(), dir);
        }
    }
}
