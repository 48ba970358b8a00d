package dev.aidossier.load;

import dev.aidossier.TestSupport;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bad-input corpus: each case in src/test/resources/bad-input with the command that reads it, its
 * expected exit code, rule id, place and message (cases.tsv, which describes the columns). Whatever the
 * input, the tool answers with a clear error: the expected exit code, the place, no stack trace, and no
 * output left behind by a failed render.
 */
class BadInputCorpusTest {

    static final String AS_OF = "2026-11-23";

    /** One line of cases.tsv. */
    record Case(String name, String command, int exit, String rule, String location, String message, List<String> args) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Path dir() {
        return TestSupport.resource("bad-input");
    }

    static Stream<Arguments> cases() throws IOException {
        List<String> lines = Files.readAllLines(dir().resolve("cases.tsv"), StandardCharsets.UTF_8);
        List<Arguments> out = new ArrayList<>();
        for (String l : lines) {
            if (l.isBlank() || l.startsWith("#")) {
                continue;
            }
            String[] f = l.split("\t", -1);
            if (f.length != 7) {
                throw new IllegalArgumentException("cases.tsv: 7 tab-separated columns expected: " + l);
            }
            List<String> args = f[6].equals("-") ? List.of() : Arrays.asList(f[6].split(" "));
            out.add(Arguments.of(new Case(f[0], f[1], Integer.parseInt(f[2]), f[3], f[4], f[5], args)));
        }
        return out.stream();
    }

    /** Every file and folder of the corpus has a line in cases.tsv, and every line names one that exists. */
    @org.junit.jupiter.api.Test
    void everyCaseIsListed() throws IOException {
        List<String> listed = cases().map(a -> ((Case) a.get()[0]).name()).toList();
        List<String> present;
        try (Stream<Path> s = Files.list(dir())) {
            present = s.map(p -> p.getFileName().toString()).filter(n -> !n.equals("cases.tsv")).sorted().toList();
        }
        assertThat(listed).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(present);
        assertThat(listed).hasSizeGreaterThanOrEqualTo(70);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void answersWithAClearErrorAtItsPlace(Case c, @TempDir Path tmp) throws IOException {
        Path p = dir().resolve(c.name());
        switch (c.command()) {
            case "describe" -> describe(c, p);
            case "rules" -> {
                Path description = TestSupport.resource("render/complete.yaml");
                TestSupport.Run r = run(c, List.of("check", "--as-of", AS_OF, "--rules", p.toString()), description.toString());
                expect(c, r, r.err(), p);
            }
            case "templates" -> {
                Path out = tmp.resolve("out");
                List<String> base = new ArrayList<>(List.of("render", "--as-of", AS_OF, "-o", out.toString(), "--templates", p.toString()));
                if (!c.args().contains("--doc")) {
                    base.addAll(List.of("--doc", "gap-report"));
                }
                TestSupport.Run r = run(c, base, TestSupport.resource("render/complete.yaml").toString());
                expect(c, r, r.err(), p);
                assertThat(out).as("a failed render leaves nothing behind").doesNotExist();
            }
            case "render" -> {
                Path out = tmp.resolve("out");
                TestSupport.Run r = run(c, List.of("render", "--as-of", AS_OF, "-o", out.toString()), p.toString());
                if (c.exit() == 0) {
                    // a hostile value that must print literally: the message column is text the PDF must hold
                    assertThat(r.exit()).as(r.toString()).isZero();
                    assertThat(r.err()).as(r.toString()).isEmpty();
                    try (Stream<Path> pdfs = Files.list(out)) {
                        List<Path> all = pdfs.toList();
                        assertThat(all).isNotEmpty();
                        for (Path pdf : all) {
                            // long values wrap at their break opportunities: compare without white space
                            assertThat(text(pdf).replaceAll("\\s", "")).as(pdf.toString()).contains(c.message().replaceAll("\\s", ""));
                        }
                    }
                } else {
                    expect(c, r, r.err(), p);
                    assertThat(out).as("a failed render leaves nothing behind").doesNotExist();
                }
            }
            case "verify" -> verify(c, p);
            default -> throw new IllegalArgumentException("cases.tsv: unknown command '" + c.command() + "' for " + c.name());
        }
    }

    /** A description: classify reports the finding at its place; check reports the same in JSON. */
    private static void describe(Case c, Path p) {
        TestSupport.Run r = run(c, List.of("classify", "--as-of", AS_OF), p.toString());
        expect(c, r, r.out(), p);
        TestSupport.Run j = run(c, List.of("check", "--as-of", AS_OF, "--format", "json"), p.toString());
        assertThat(j.exit()).as(j.toString()).isEqualTo(c.exit());
        String[] lc = c.location().split(":");
        assertThat(j.out()).as(j.toString()).contains("\"ruleId\" : \"" + c.rule() + "\"").contains("\"line\" : " + lc[lc.length - 2]);
        assertThat(j.out() + j.err()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    /**
     * A pack, zip or PDF: verify reports the finding at its place in text, JSON and SARIF with the same exit code;
     * and diff, given the pack, compares it when verify passes and refuses it (exit 2, same rule) when verify fails.
     */
    private static void verify(Case c, Path p) {
        TestSupport.Run r = run(c, List.of("verify"), p.toString());
        expect(c, r, r.out(), p);
        TestSupport.Run j = run(c, List.of("verify", "--format", "json"), p.toString());
        assertThat(j.exit()).as(j.toString()).isEqualTo(c.exit());
        assertThat(j.out()).as(j.toString()).contains("\"ruleId\" : \"" + c.rule() + "\"").contains(c.message().replace("\"", "\\\""));
        TestSupport.Run s = run(c, List.of("verify", "--format", "sarif"), p.toString());
        assertThat(s.exit()).as(s.toString()).isEqualTo(c.exit());
        assertThat(s.out()).as(s.toString()).contains("\"version\" : \"2.1.0\"").contains("\"ruleId\" : \"" + c.rule() + "\"");
        if (Files.isDirectory(p) || p.toString().endsWith(".zip")) {
            List<String> args = new ArrayList<>(List.of("diff"));
            args.addAll(c.args());
            args.addAll(List.of(p.toString(), p.toString()));
            TestSupport.Run d = TestSupport.run(args.toArray(String[]::new));
            if (c.exit() == 0) {
                assertThat(d.exit()).as(d.toString()).isZero();
            } else {
                assertThat(d.exit()).as(d.toString()).isEqualTo(2);
                assertThat(d.err()).as(d.toString()).contains("[" + c.rule() + "] ").contains(c.message());
            }
            assertThat(d.out() + d.err()).as(d.toString()).doesNotContain("Exception").doesNotContain("internal error");
        }
    }

    /**
     * Runs the command in this JVM; a case whose args hold JVM options ({@code -J-Xmx64m}) runs in a JVM of its
     * own with them (a template that exhausts the memory does so quickly in a small heap, and away from the tests).
     */
    private static TestSupport.Run run(Case c, List<String> command, String input) {
        List<String> args = new ArrayList<>(command);
        List<String> jvm = new ArrayList<>();
        for (String a : c.args()) {
            if (a.startsWith("-J")) {
                jvm.add(a.substring(2));
            } else {
                args.add(a);
            }
        }
        args.add(input);
        if (jvm.isEmpty()) {
            return TestSupport.run(args.toArray(String[]::new));
        }
        return TestSupport.runProcess(jvm, args);
    }

    /**
     * The exit code, the place ({@code file:line:column} of the case file, or of a file in the case folder),
     * the rule id when the problem is a finding, and the message; never a stack trace.
     */
    private static void expect(Case c, TestSupport.Run r, String text, Path p) {
        assertThat(r.exit()).as(r.toString()).isEqualTo(c.exit());
        String where;
        if (c.location().equals("-")) {
            where = "";
        } else if (c.location().startsWith("!/")) {
            where = p + c.location(); // ZIP!/ENTRY:LINE:COL, an entry of the case zip
        } else if (Character.isDigit(c.location().charAt(0))) {
            where = p + ":" + c.location(); // LINE:COL in the case file
        } else {
            where = p.resolve(c.location().replaceFirst(":.*$", "")) + c.location().replaceFirst("^[^:]*", ""); // PATH[:LINE:COL]
        }
        if (!c.rule().equals("-")) {
            String severity = c.command().equals("verify") && c.exit() == 0 ? "warning" : "error"; // a passing verify may warn
            // PATH:LINE names a line whatever the column (a loop stopped by time: the instruction of the loop running then)
            assertThat(text).as(r.toString()).containsPattern(java.util.regex.Pattern.quote(where) + "(:[0-9]+)?: " + severity + " \\[" + java.util.regex.Pattern.quote(c.rule()) + "\\] ");
        } else if (!where.isEmpty()) {
            assertThat(text).as(r.toString()).contains(where);
        }
        assertThat(text).as(r.toString()).contains(c.message());
        assertThat(r.out() + r.err()).as(r.toString()).doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("internal error");
    }

    private static String text(Path pdf) throws IOException {
        try (PDDocument d = Loader.loadPDF(pdf.toFile())) {
            return new PDFTextStripper().getText(d).replace("\u200B", "").replaceAll("\\s+", " ");
        }
    }
}
