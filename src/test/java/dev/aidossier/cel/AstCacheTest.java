package dev.aidossier.cel;

import dev.aidossier.rules.RuleEngine;
import dev.aidossier.rules.RulePackSource;
import dev.aidossier.analysis.AstCacheBuilder;
import dev.aidossier.analysis.FixtureRunner;

import dev.aidossier.analysis.Analysis;
import dev.aidossier.analysis.Engine;
import dev.aidossier.TestSupport;
import dev.aidossier.core.Finding;
import dev.aidossier.core.Status;
import dev.aidossier.load.Limits;
import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelProtoAbstractSyntaxTree;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The checked ASTs the build writes into the jar ({@link AstCache}): they cover every bundled expression,
 * they are the ASTs the compiler gives, an engine built from them reaches exactly the findings of one that
 * compiles everything, and anything not in the cache (a user's pack, an edited rule) is compiled.
 */
class AstCacheTest {

    private static final List<String> PACKS = List.of("eu-ai-act", "nist-ai-rmf", "iso-42001");

    @TempDir
    Path tmp;

    /** Loads packs with or without the cache (the switch is read when each CelEnv is made). */
    private static Engine load(RulePackSource source, List<String> packs, boolean cached) throws Engine.PackError {
        String before = System.getProperty(CelEnv.CACHE_PROPERTY);
        System.setProperty(CelEnv.CACHE_PROPERTY, String.valueOf(cached));
        try {
            return Engine.load(source, packs, Limits.DEFAULT);
        } finally {
            if (before == null) {
                System.clearProperty(CelEnv.CACHE_PROPERTY);
            } else {
                System.setProperty(CelEnv.CACHE_PROPERTY, before);
            }
        }
    }

    private static TreeSet<String> bundledExpressions() throws Engine.PackError {
        TreeSet<String> all = new TreeSet<>();
        for (String pack : PACKS) {
            all.addAll(AstCacheBuilder.expressions(load(RulePackSource.bundled(), List.of(pack), true)));
        }
        return all;
    }

    @Test
    void theBuildCachedEveryBundledExpression() throws Engine.PackError {
        AstCache cache = AstCache.bundled();
        assertThat(cache.size()).as("entries in " + AstCache.RESOURCE + " (written by mvn process-classes)").isGreaterThan(100);
        int misses = cache.misses();
        load(RulePackSource.bundled(), PACKS, true);
        for (String pack : PACKS) {
            load(RulePackSource.bundled(), List.of(pack), true);
        }
        assertThat(cache.misses() - misses).as("bundled expressions compiled instead of read from the cache").isZero();
    }

    @Test
    void cachedAstsAreTheAstsTheCompilerGives() throws Exception {
        TreeSet<String> expressions = bundledExpressions();
        expressions.add(CelEnv.WARM_UP);
        for (String e : expressions) {
            CelAbstractSyntaxTree cached = AstCache.bundled().lookup(e);
            assertThat(cached).as(e).isNotNull();
            CelAbstractSyntaxTree compiled = CelEnv.check(e);
            assertThat(cached.getExpr()).as(e).isEqualTo(compiled.getExpr());
            assertThat(cached.getReferenceMap()).as(e).isEqualTo(compiled.getReferenceMap());
            assertThat(cached.getTypeMap()).as(e).isEqualTo(compiled.getTypeMap());
            assertThat(cached.getSource().getPositionsMap()).as(e).isEqualTo(compiled.getSource().getPositionsMap());
            assertThat(cached.getSource().getLineOffsets()).as(e).isEqualTo(compiled.getSource().getLineOffsets());
            assertThat(cached.getSource().getDescription()).as(e).isEqualTo(compiled.getSource().getDescription());
            assertThat(cached.getSource().getContent().toString()).as(e).isEqualTo(compiled.getSource().getContent().toString());
            assertThat(AstCodec.same(cached, compiled)).as(e).isTrue();
            assertThat(CelProtoAbstractSyntaxTree.fromCelAst(cached).toCheckedExpr())
                    .as(e).isEqualTo(CelProtoAbstractSyntaxTree.fromCelAst(compiled).toCheckedExpr());
        }
    }

    /** Everything a finding says, so two engines can be compared finding by finding. */
    private static List<String> describe(List<Analysis> analyses) {
        List<String> out = new ArrayList<>();
        for (Analysis a : analyses) {
            out.add("== " + a.loaded().file() + " " + (a.classification() == null ? "" : a.classification().tier()));
            for (Finding f : a.findings()) {
                out.add(f.toString());
            }
        }
        return out;
    }

    @Test
    void cachedAndCompiledEnginesGiveTheSameFindingsOnEveryFixtureAndExample() throws Exception {
        Path rules = TestSupport.root().resolve("rules");
        List<Path> examples;
        try (Stream<Path> s = Files.list(TestSupport.examples())) {
            examples = s.filter(dev.aidossier.TestSupport::isDescription).sorted().toList();
        }
        for (List<String> packs : List.of(List.of("eu-ai-act"), List.of("nist-ai-rmf"), List.of("iso-42001"), PACKS)) {
            Engine cached = load(RulePackSource.bundled(), packs, true);
            Engine compiled = load(RulePackSource.bundled(), packs, false);
            List<Analysis> a = new ArrayList<>();
            List<Analysis> b = new ArrayList<>();
            for (String pack : packs.size() == 1 ? packs : List.<String>of()) { // the fixtures once per pack
                a.addAll(new FixtureRunner(cached, TestSupport.examples()).analyses(rules.resolve(pack).resolve("tests")));
                b.addAll(new FixtureRunner(compiled, TestSupport.examples()).analyses(rules.resolve(pack).resolve("tests")));
            }
            for (Path ex : examples) {
                for (LocalDate asOf : List.of(LocalDate.parse("2026-11-23"), LocalDate.parse("2028-09-01"))) {
                    a.add(cached.analyse(ex, ex.toString(), asOf));
                    b.add(compiled.analyse(ex, ex.toString(), asOf));
                }
            }
            assertThat(a).as("analyses for " + packs).hasSizeGreaterThan(15);
            assertThat(describe(a)).as("findings for " + packs).isEqualTo(describe(b));
        }
    }

    @Test
    void aCacheWrittenForAnotherEnvironmentIsIgnored() throws Exception {
        byte[] file;
        try (java.io.InputStream in = AstCache.class.getResourceAsStream(AstCache.RESOURCE)) {
            file = in.readAllBytes();
        }
        assertThat(AstCache.read(file, AstCache.fingerprintHash())).hasSize(AstCache.bundled().size());
        byte[] other = AstCache.fingerprintHash();
        other[0] ^= 1;
        assertThat(AstCache.read(file, other)).isEmpty();
    }

    @Test
    void anExpressionNotInTheCacheIsCompiled() throws Exception {
        CelEnv env = new CelEnv(Substance.lenient(), true);
        int misses = AstCache.bundled().misses();
        CelEnv.Program p = env.compile("size(spec) == 0 && asOf > '2020-01-01' && 'cache-miss-probe' != ''");
        assertThat(AstCache.bundled().misses()).isEqualTo(misses + 1);
        assertThat(p.test(java.util.Map.of("spec", java.util.Map.of(), "asOf", "2026-01-01"))).isTrue();
        // and one that does not compile is still reported by the compiler
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> env.compile("spec.x +"))
                .isInstanceOf(CelEnv.CompileError.class).hasMessageContaining("mismatched input");
    }

    @Test
    void anEditedRuleIsCompiledNotReadFromTheCache() throws Exception {
        // a copy of the bundled packs with one check changed so that it can no longer pass
        Path rules = TestSupport.root().resolve("rules");
        Path copy = tmp.resolve("rules");
        TestSupport.copyTree(rules, copy);
        Engine original = load(RulePackSource.directory(rules), List.of("eu-ai-act"), true);
        Path example = TestSupport.examples().resolve("cv-screening.yaml");
        LocalDate asOf = LocalDate.parse("2028-09-01");
        Analysis before = original.analyse(example, example.toString(), asOf);
        RuleEngine.Compiled target = null;
        Path file = null;
        for (RuleEngine.Compiled r : original.rules().rules()) {
            if (r.check() == null || r.rule().each() != null
                    || before.findings().stream().noneMatch(f -> f.ruleId().equals(r.rule().id()) && f.status() == Status.passed)) {
                continue;
            }
            Path f = copy.resolve("eu-ai-act").resolve(Path.of(r.file()).getFileName().toString());
            if (Files.readString(f).contains(r.check().source())) { // written on one line, as it is compiled
                target = r;
                file = f;
                break;
            }
        }
        assertThat(target).as("a rule with a one-line check that passes on the example").isNotNull();
        String expr = target.check().source();
        Files.writeString(file, Files.readString(file).replace(expr, "(" + expr + ") && size(spec) < 0"));

        int misses = AstCache.bundled().misses();
        Engine edited = load(RulePackSource.directory(copy), List.of("eu-ai-act"), true);
        assertThat(AstCache.bundled().misses()).as("the edited expression missed the cache").isGreaterThan(misses);
        Analysis after = edited.analyse(example, example.toString(), asOf);
        String id = target.rule().id();
        assertThat(after.findings().stream().filter(f -> f.ruleId().equals(id)).map(Finding::status))
                .as(id + " with the edited check").contains(Status.failed).doesNotContain(Status.passed);
    }
}
