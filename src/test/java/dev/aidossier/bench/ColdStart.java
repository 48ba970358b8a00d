package dev.aidossier.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Cold start figures, each sample in a fresh JVM: loading and compiling the rule packs (from before the
 * first rules class is touched to a compiled, ready engine: reading the rule files from the jar, YAML
 * parsing, schema checks, CEL), and the wall time of the real command line. Not a unit test: run it
 * with {@code mvn -B -q -Pbench verify -Dbench.main=dev.aidossier.bench.ColdStart}.
 *
 * <p>The child JVMs run with default flags (no class data sharing archive of the application, no
 * tiered-compilation tuning) and the same heap limit as the parent; they run one after another, so the
 * samples do not compete with each other for the cores. Arguments: the number of samples (default 15).
 */
public final class ColdStart {

    private ColdStart() {
    }

    /** The child: prints the load time in nanoseconds and what was loaded. */
    public static final class Probe {
        private Probe() {
        }

        public static void main(String[] args) throws Exception {
            List<String> packs = List.of(args[0].split(","));
            long t0 = System.nanoTime(); // before any class of the tool is touched
            dev.aidossier.analysis.Engine engine = dev.aidossier.analysis.Engine.load(dev.aidossier.rules.RulePackSource.bundled(), packs,
                    dev.aidossier.load.Limits.DEFAULT);
            long t = System.nanoTime() - t0;
            // measured after the clock stops: the management beans take tens of milliseconds to set up
            long jvmUp = ManagementFactory.getRuntimeMXBean().getUptime();
            long cpu = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
            System.out.println("result " + t + " " + engine.rules().rules().size() + " " + jvmUp + " " + cpu);
        }
    }

    public static void main(String[] args) throws Exception {
        args = java.util.Arrays.stream(args).filter(a -> !a.isBlank()).toArray(String[]::new); // -Dbench.args= may be empty
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 15;
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String heap = "-Xmx" + (Runtime.getRuntime().maxMemory() / 1048576) + "m";
        // the shaded jar the CLI runs from, when built; else the Maven class path
        Path jar = Path.of("target/dossier.jar");
        String cp = Files.isRegularFile(jar) ? jar + java.io.File.pathSeparator + "target/test-classes" : System.getProperty("java.class.path");
        System.out.println("AI Dossier cold start, " + n + " fresh JVMs per line, " + Runtime.getRuntime().availableProcessors()
                + " cores, Java " + System.getProperty("java.version") + ", class path " + (Files.isRegularFile(jar) ? jar : "from Maven"));
        System.out.println("load average before: " + loadAverage());

        for (String packs : List.of("eu-ai-act", "eu-ai-act,nist-ai-rmf,iso-42001")) {
            long[] load = new long[n];
            long[] wall = new long[n];
            long[] cpu = new long[n];
            int rules = 0;
            for (int i = 0; i < n; i++) {
                long s = System.nanoTime();
                String out = run(List.of(javaBin, heap, "-cp", cp, Probe.class.getName(), packs));
                wall[i] = System.nanoTime() - s;
                String line = out.lines().filter(l -> l.startsWith("result ")).findFirst()
                        .orElseThrow(() -> new IllegalStateException("probe failed:\n" + out));
                String[] f = line.split(" ");
                load[i] = Long.parseLong(f[1]);
                rules = Integer.parseInt(f[2]);
                cpu[i] = Long.parseLong(f[4]);
            }
            print("cold: load + compile " + packs + " (" + rules + " rules)", load);
            print("      CPU time of the probe JVM until ready (all threads)", cpu);
            print("      whole probe JVM, start to exit", wall);
        }

        if (Files.isRegularFile(jar)) {
            for (List<String> cmd : List.of(List.of("check", "examples/cv-screening.yaml"), List.of("classify", "examples/cv-screening.yaml"))) {
                long[] wall = new long[n];
                for (int i = 0; i < n; i++) {
                    List<String> c = new ArrayList<>(List.of(javaBin, "-jar", jar.toString()));
                    c.addAll(cmd);
                    long s = System.nanoTime();
                    run(c);
                    wall[i] = System.nanoTime() - s;
                }
                print("cold CLI: dossier " + String.join(" ", cmd), wall);
            }
        }
        System.out.println("load average after: " + loadAverage());
    }

    private static String run(List<String> cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        p.waitFor();
        return new String(out, StandardCharsets.UTF_8);
    }

    private static void print(String what, long[] t) {
        long[] s = t.clone();
        Arrays.sort(s);
        System.out.printf("%-62s median %7.1f ms  p90 %7.1f ms  min %7.1f ms  max %7.1f ms  (n=%d)%n", what,
                s[s.length / 2] / 1e6, s[Math.min(s.length - 1, (int) Math.ceil(s.length * 0.9) - 1)] / 1e6, s[0] / 1e6, s[s.length - 1] / 1e6, s.length);
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (IOException | RuntimeException e) {
            return String.format("%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }
}
