package dev.aidossier.bench;

import dev.aidossier.render.DocumentKind;
import dev.aidossier.render.RenderOptions;
import dev.aidossier.render.Renderer;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.time.LocalDate;

/**
 * The size of each document's XHTML and the processor time of its render (the better of two, so warm): the
 * figures the defaults of --max-output-size and --render-timeout are set against (render/RenderLimits).
 * {@code java -Xmx384m -XX:+UseSerialGC -cp target/classes:target/test-classes:$(cat cp.txt) dev.aidossier.bench.RenderCost examples/*.yaml}
 * (cp.txt from {@code mvn dependency:build-classpath -Dmdep.outputFile=cp.txt}).
 */
public final class RenderCost {
    private RenderCost() {
    }

    public static void main(String[] args) throws Exception {
        var engine = dev.aidossier.TestSupport.euEngine();
        var frameworks = dev.aidossier.TestSupport.frameworks();
        Renderer r = new Renderer(engine, null, "bench", frameworks);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        LocalDate asOf = LocalDate.parse("2026-11-23");
        for (String f : args) {
            Path p = Path.of(f);
            var a = frameworks.judge(engine, engine.analyse(p, f, asOf), asOf);
            for (DocumentKind k : DocumentKind.values()) {
                if (!Renderer.applies(k, a)) {
                    continue;
                }
                RenderOptions o = new RenderOptions("bench", asOf, true, null);
                long best = Long.MAX_VALUE;
                for (int i = 0; i < 2; i++) {
                    long t0 = threads.getCurrentThreadCpuTime();
                    r.render(k, a, o);
                    best = Math.min(best, threads.getCurrentThreadCpuTime() - t0);
                }
                System.out.printf("%-45s %-24s %9d chars %8.3f s%n", p.getFileName(), k.id(), r.xhtml(k, a, o).length(), best / 1e9);
            }
        }
    }
}
