package dev.aidossier.dist;

import dev.aidossier.TestSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The self-contained distribution, as a user gets it: unpacked from target/dossier-VERSION-linux-x64.tar.gz
 * and run with no Java on the PATH and no JAVA_HOME. Runs in 'mvn verify' after the package phase built
 * the archive (failsafe); the plain jar's behaviour is the reference.
 */
class DistributionIT {

    static final String VERSION = System.getProperty("dossier.version", "0.1.0");
    static final Path TARGET = TestSupport.root().resolve("target");
    static final Path ARCHIVE = TARGET.resolve("dossier-" + VERSION + "-linux-x64.tar.gz");

    @TempDir
    static Path tmp;

    /** The unpacked distribution. */
    static Path home;
    /** A PATH with the few commands the launcher uses, and no java. */
    static Path bin;

    @BeforeAll
    static void unpack() throws Exception {
        assertThat(ARCHIVE).as("the package phase builds the archive").exists();
        Path into = tmp.resolve("install");
        Files.createDirectories(into);
        Result r = exec(into, Map.of(), "tar", "xzf", ARCHIVE.toString());
        assertThat(r.exit).as(r.err).isZero();
        home = into.resolve("dossier-" + VERSION + "-linux-x64");
        bin = tmp.resolve("path");
        Files.createDirectories(bin);
        for (String tool : List.of("dirname", "readlink")) {
            Path real = Stream.of("/usr/bin/" + tool, "/bin/" + tool).map(Path::of).filter(Files::isExecutable).findFirst().orElseThrow();
            Files.createSymbolicLink(bin.resolve(tool), real);
        }
    }

    record Result(int exit, String out, String err) {
    }

    static Result exec(Path dir, Map<String, String> env, String... cmd) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile());
        pb.environment().clear();
        pb.environment().putAll(env);
        Path out = Files.createTempFile(tmp, "out", ".txt");
        Path err = Files.createTempFile(tmp, "err", ".txt");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile());
        Process p = pb.start();
        assertThat(p.waitFor(240, TimeUnit.SECONDS)).as(String.join(" ", cmd)).isTrue();
        return new Result(p.exitValue(), Files.readString(out), Files.readString(err));
    }

    /** The launcher, as a user without Java runs it. */
    static Result dossier(Path dir, String... args) throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add(home.resolve("bin/dossier").toString());
        cmd.addAll(List.of(args));
        return exec(dir, Map.of("PATH", bin.toString(), "LANG", "C.UTF-8"), cmd.toArray(String[]::new));
    }

    /** The plain jar on the bundled runtime, with the launcher's options but without the AOT cache. */
    static Result plain(Path dir, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(home.resolve("runtime/bin/java").toString(),
                "@" + home.resolve("lib/jvm.options"), "-jar", home.resolve("lib/dossier.jar").toString()));
        cmd.addAll(List.of(args));
        return exec(dir, Map.of("PATH", bin.toString(), "LANG", "C.UTF-8"), cmd.toArray(String[]::new));
    }

    static void assertSameTree(Path a, Path b) throws IOException {
        Map<String, byte[]> ta = TestSupport.files(a);
        Map<String, byte[]> tb = TestSupport.files(b);
        assertThat(ta.keySet()).isEqualTo(tb.keySet()).isNotEmpty();
        for (String name : ta.keySet()) {
            assertThat(ta.get(name)).as(name).isEqualTo(tb.get(name));
        }
    }

    @Test
    void holdsRuntimeJarCacheLauncherReadmeAndLicences() throws Exception {
        assertThat(home.resolve("bin/dossier")).isExecutable();
        assertThat(home.resolve("runtime/bin/java")).isExecutable();
        assertThat(Files.readAllBytes(home.resolve("lib/dossier.jar"))).isEqualTo(Files.readAllBytes(TARGET.resolve("dossier.jar")));
        assertThat(Files.size(home.resolve("lib/dossier.aot"))).isGreaterThan(10_000_000L);
        // the cache of classify and check, trained on them alone: smaller than the one of every command
        assertThat(Files.size(home.resolve("lib/analysis.aot"))).isGreaterThan(10_000_000L).isLessThan(Files.size(home.resolve("lib/dossier.aot")));
        assertThat(Files.readString(home.resolve("README.md"))).startsWith("# AI Dossier");
        assertThat(Files.readString(home.resolve("LICENSES/THIRD-PARTY.txt"))).contains("picocli", "OpenPDF", "FreeMarker");
        assertThat(home.resolve("LICENSES/java-runtime/java.base")).isDirectory();
        // only the modules the tool needs: no compiler, no jshell, no jdk.jfr
        String modules = Files.readString(home.resolve("runtime/release"));
        assertThat(modules).contains("java.desktop", "jdk.localedata", "java.naming").doesNotContain("jdk.compiler", "jdk.jshell", "jdk.jfr");
        Set<PosixFilePermission> perms = Files.getPosixFilePermissions(home.resolve("README.md"));
        assertThat(perms).contains(PosixFilePermission.OTHERS_READ).doesNotContain(PosixFilePermission.OTHERS_WRITE);
        // no java on the PATH the launcher is run with
        assertThat(bin.resolve("java")).doesNotExist();
    }

    @Test
    void runsWithoutJavaAndWritesTheSamePackAsThePlainJar() throws Exception {
        Path work = tmp.resolve("pack");
        Files.createDirectories(work);
        // the examples outside both working folders (this JVM's and the launcher's), so that every run names the
        // input by the same absolute file: URI in its SARIF (a path inside the working folder is written relative)
        Path examples = tmp.resolve("examples");
        if (!Files.exists(examples)) {
            TestSupport.copyTree(TestSupport.examples(), examples);
        }
        String example = examples.resolve("cv-screening.yaml").toString();
        Result a = dossier(work, "pack", "--as-of", "2026-12-02", "-o", "with-cache", example);
        Result b = plain(work, "pack", "--as-of", "2026-12-02", "-o", "without-cache", example);
        assertThat(a.exit).as(a.err).isZero();
        assertThat(a.err).isEmpty();
        assertThat(a.out).contains("1 of 1 pack written to with-cache");
        assertThat(b.out.replace("without-cache", "with-cache")).isEqualTo(a.out);
        assertThat(b.err).isEqualTo(a.err);
        assertThat(work.resolve("with-cache/cv-screening/cv-screening-technical-documentation.pdf")).exists();
        assertSameTree(work.resolve("with-cache"), work.resolve("without-cache"));
        // and the same bytes as this JVM's run of the same command (a different JDK build and no jlink)
        Path here = tmp.resolve("pack-here");
        TestSupport.Run r = TestSupport.run("pack", "--as-of", "2026-12-02", "-o", here.toString(), example);
        assertThat(r.exit()).as(r.toString()).isZero();
        assertSameTree(work.resolve("with-cache"), here);
    }

    /**
     * pack --sign with a time-stamp authority on the distribution's own runtime: the signing libraries find every
     * module they need in the jlink image (the HTTP client of --tsa needs java.naming), and DSS accepts the result.
     */
    @Test
    void signsPacksWithATimeStampOnItsOwnRuntime() throws Exception {
        Path work = tmp.resolve("signed");
        Files.createDirectories(work);
        String example = TestSupport.examples().resolve("customer-chatbot.yaml").toString();
        try (dev.aidossier.sign.TestKeys.Tsa tsa = dev.aidossier.sign.TestKeys.tsaServer()) {
            List<String> cmd = new ArrayList<>(List.of(home.resolve("bin/dossier").toString(), "pack", "--as-of", "2026-12-02", "-o", "out",
                    example, "--sign", "--keystore", dev.aidossier.sign.TestKeys.signer().toString(), "--tsa", tsa.url()));
            Result r = exec(work, Map.of("PATH", bin.toString(), "LANG", "C.UTF-8", "DOSSIER_KEYSTORE_PASSWORD", dev.aidossier.sign.TestKeys.PASSWORD),
                    cmd.toArray(String[]::new));
            assertThat(r.exit).as(r.err).isZero();
            assertThat(r.err).isEmpty();
            assertThat(r.out).contains("signed by " + dev.aidossier.sign.TestKeys.SIGNER_DN).contains("(PAdES B-T on every PDF, CAdES B-T on the manifest");
        }
        Path pack = work.resolve("out/customer-chatbot");
        byte[] manifest = Files.readAllBytes(pack.resolve("manifest.json"));
        dev.aidossier.sign.Dss.Result m = dev.aidossier.sign.Dss.validate(Files.readAllBytes(pack.resolve("manifest.json.p7s")), manifest);
        assertThat(m.indications()).as(m.errors().toString()).containsExactly(eu.europa.esig.dss.enumerations.Indication.TOTAL_PASSED);
        dev.aidossier.sign.Dss.Result d = dev.aidossier.sign.Dss.validate(Files.readAllBytes(pack.resolve("customer-chatbot-gap-report.pdf")), null);
        assertThat(d.indications()).as(d.errors().toString()).containsExactly(eu.europa.esig.dss.enumerations.Indication.TOTAL_PASSED);
        assertThat(d.levels()).containsExactly(eu.europa.esig.dss.enumerations.SignatureLevel.PAdES_BASELINE_T);
    }

    @Test
    void checkClassifyAndErrorsAreTheSameWithAndWithoutTheCache() throws Exception {
        Path work = tmp.resolve("cli");
        Files.createDirectories(work);
        String examples = TestSupport.examples().toString();
        List<List<String>> commands = List.of(
                List.of("classify", "--as-of", "2026-12-02", examples),
                List.of("check", "--as-of", "2026-12-02", "--format", "sarif", examples),
                List.of("check", "--as-of", "2026-12-02", "no-such-file.yaml"),
                List.of("render", "--doc", "nonsense", "-o", "x", examples + "/cv-screening.yaml"),
                List.of("--version"));
        for (List<String> c : commands) {
            Result a = dossier(work, c.toArray(String[]::new));
            Result b = plain(work, c.toArray(String[]::new));
            assertThat(a).as(String.join(" ", c)).isEqualTo(b);
            assertThat(a.err).doesNotContain("Exception", "[aot]", "WARNING");
        }
        assertThat(dossier(work, "check", "no-such-file.yaml").exit).isEqualTo(2);
        assertThat(dossier(work, "--version").out).contains("dossier " + VERSION, "Java 25");
    }

    /**
     * The launcher raises the JIT's thresholds (CompileThresholdScaling=4) for the short runs that keep both cores
     * busy, classify, check and a pack of one description, and keeps the usual ones for a batch and for render;
     * a batch gets a young generation of 200 MB (MaxNewSize 209715200), every other run the JVM's own (128 MB).
     */
    @Test
    void theLauncherFitsTheJitAndTheYoungGenerationToOneDescriptionOrABatch() throws Exception {
        Path work = tmp.resolve("jit");
        Files.createDirectories(work.resolve("out"));
        String examples = TestSupport.examples().toString();
        String one = examples + "/customer-chatbot.yaml";
        String batchYoung = "= 209715200";
        String ownYoung = "= 134217728";
        Map<List<String>, List<String>> expected = new java.util.LinkedHashMap<>();
        expected.put(List.of("classify", one), List.of("= 4.000000", ownYoung));
        expected.put(List.of("check", "--fail-on", "never", one), List.of("= 4.000000", ownYoung));
        expected.put(List.of("pack", "--no-pdf", "--force", "-o", "out", one), List.of("= 4.000000", ownYoung));
        expected.put(List.of("pack", "--no-pdf", "--force", "--output=out", one), List.of("= 4.000000", ownYoung));
        expected.put(List.of("pack", "--no-pdf", "--force", "-o", "out", examples), List.of("= 1.000000", batchYoung));
        expected.put(List.of("pack", "--no-pdf", "--force", "-o", "out", one, examples + "/cv-screening.yaml"), List.of("= 1.000000", batchYoung));
        expected.put(List.of("render", "--xhtml", "--doc", "gap-report", "-o", "out", one), List.of("= 1.000000", ownYoung));
        for (Map.Entry<List<String>, List<String>> e : expected.entrySet()) {
            List<String> cmd = new ArrayList<>(List.of(home.resolve("bin/dossier").toString()));
            cmd.addAll(e.getKey());
            Result r = exec(work, Map.of("PATH", bin.toString(), "LANG", "C.UTF-8", "DOSSIER_JAVA_OPTS", "-XX:+PrintFlagsFinal"),
                    cmd.toArray(String[]::new));
            String jit = r.out.lines().filter(l -> l.contains(" CompileThresholdScaling ")).findFirst().orElse("");
            String young = r.out.lines().filter(l -> l.contains(" MaxNewSize ")).findFirst().orElse("");
            assertThat(jit).as(String.join(" ", e.getKey())).contains(e.getValue().get(0));
            assertThat(young).as(String.join(" ", e.getKey())).contains(e.getValue().get(1));
        }
    }

    @Test
    void aCacheThatDoesNotFitIsIgnoredWithoutAWord() throws Exception {
        // a copy of the installation whose cache is garbage, and one whose jar is not the one the cache was made for
        Path garbage = tmp.resolve("garbage");
        Path otherJar = tmp.resolve("other-jar");
        for (Path copy : List.of(garbage, otherJar)) {
            Result r = exec(tmp, Map.of(), "/bin/cp", "-a", home.toString(), copy.toString());
            assertThat(r.exit).as(r.err).isZero();
        }
        Files.writeString(garbage.resolve("lib/dossier.aot"), "not an AOT cache");
        Files.writeString(garbage.resolve("lib/analysis.aot"), "not an AOT cache");
        Files.setLastModifiedTime(otherJar.resolve("lib/dossier.jar"), java.nio.file.attribute.FileTime.fromMillis(0));
        String example = TestSupport.examples().resolve("customer-chatbot.yaml").toString();
        // classify starts with the analysis cache, crosswalk with the cache of every command
        for (List<String> c : List.of(List.of("classify", "--as-of", "2026-12-02", example), List.of("crosswalk"))) {
            Result reference = dossier(tmp, c.toArray(String[]::new));
            assertThat(reference.exit).isZero();
            for (Path copy : List.of(garbage, otherJar)) {
                List<String> cmd = new ArrayList<>(List.of(copy.resolve("bin/dossier").toString()));
                cmd.addAll(c);
                Result r = exec(tmp, Map.of("PATH", bin.toString()), cmd.toArray(String[]::new));
                assertThat(r).as(copy + " " + c).isEqualTo(reference);
            }
        }
    }

    /**
     * Two builds of the archive give the same bytes. The AOT cache is the exception (the JVM writes profiles
     * and layouts that depend on the timing of the training run), so the builds here leave it out, and the
     * real archive must hold the very same files besides it.
     */
    @Test
    void twoBuildsGiveTheSameBytes() throws Exception {
        String timestamp = System.getProperty("dossier.outputTimestamp", "2026-11-23T00:00:00Z");
        List<Path> archives = new ArrayList<>();
        for (String run : List.of("first", "second")) {
            Path target = tmp.resolve("build-" + run);
            Files.createDirectories(target.resolve("generated-sources/license"));
            Files.copy(TARGET.resolve("dossier.jar"), target.resolve("dossier.jar"));
            Files.copy(TARGET.resolve("generated-sources/license/THIRD-PARTY.txt"), target.resolve("generated-sources/license/THIRD-PARTY.txt"));
            Result r = exec(TestSupport.root(), Map.of("PATH", System.getenv("PATH")), "bash",
                    TestSupport.root().resolve("src/dist/build-dist.sh").toString(), TestSupport.root().toString(),
                    target.toString(), VERSION, timestamp, System.getProperty("java.home"), "false");
            assertThat(r.exit).as(r.out + r.err).isZero();
            archives.add(target.resolve("dossier-" + VERSION + "-linux-x64.tar.gz"));
        }
        assertThat(Files.readAllBytes(archives.get(0))).isEqualTo(Files.readAllBytes(archives.get(1)));
        Path unpacked = tmp.resolve("build-first/unpacked");
        Files.createDirectories(unpacked);
        assertThat(exec(unpacked, Map.of(), "tar", "xzf", archives.get(0).toString()).exit).isZero();
        Map<String, byte[]> real = TestSupport.files(home);
        real.remove("lib/dossier.aot");
        real.remove("lib/analysis.aot");
        Map<String, byte[]> rebuilt = TestSupport.files(unpacked.resolve("dossier-" + VERSION + "-linux-x64"));
        assertThat(rebuilt.keySet()).isEqualTo(real.keySet());
        for (String name : real.keySet()) {
            assertThat(rebuilt.get(name)).as(name).isEqualTo(real.get(name));
        }
    }
}
