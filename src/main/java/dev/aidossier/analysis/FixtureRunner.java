package dev.aidossier.analysis;

import dev.aidossier.rules.RuleFile;
import dev.aidossier.rules.RuleEngine;

import dev.aidossier.analysis.Engine;
import dev.aidossier.core.Finding;
import dev.aidossier.core.Location;
import dev.aidossier.core.Status;
import dev.aidossier.load.DataFile;
import dev.aidossier.load.DescriptionLoader;
import dev.aidossier.load.Limits;
import dev.aidossier.load.Loaded;
import dev.aidossier.load.TreePatch;
import dev.aidossier.load.YNode;
import dev.aidossier.load.YPath;
import dev.aidossier.load.YamlReader;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Runs a pack's rule fixtures ({@code <pack>/tests/*.tests.yaml}). Each case takes a base description,
 * optionally patches it ({@code set}, {@code remove}), and states the status the rule must reach and,
 * for a failure, the path in the base file whose line and column the finding must point at.
 */
public final class FixtureRunner {

    public record RuleTests(
            @NotNull @Pattern(regexp = "dossier/rules/v1", message = "must be dossier/rules/v1") String apiVersion,
            @NotNull @Pattern(regexp = "RuleTests", message = "must be RuleTests") String kind,
            @NotNull LocalDate asOf,
            @NotEmpty List<@NotNull @Valid Case> cases) {
    }

    /**
     * A case names a rule (expect passed, failed, upcoming, waived or notApplicable) or a classification
     * conclusion (expect reached, upcoming, setAside or notReached; optionally the tier the description gets
     * and keys its basis must include).
     */
    public record Case(
            String rule,
            String conclusion,
            String tier,
            List<@NotBlank String> basis,
            @NotBlank @Pattern(regexp = "[a-z0-9-]+", message = "must be the name of a base description without .yaml") String base,
            Map<String, Object> set,
            List<@NotBlank String> remove,
            @NotNull @Pattern(regexp = "passed|failed|upcoming|waived|notApplicable|reached|setAside|notReached",
                    message = "must be passed, failed, upcoming, waived or notApplicable for a rule; reached, upcoming, setAside or notReached for a conclusion") String expect,
            String at,
            LocalDate asOf) {
    }

    /** One case's outcome. */
    public record Outcome(String file, Location location, String rule, String expect, boolean ok, String detail) {
    }

    /** All outcomes plus the rules lacking a passing or a failing case. */
    public record Report(List<Outcome> outcomes, List<String> uncovered, List<Finding> problems) {
        public boolean ok() {
            return problems.isEmpty() && uncovered.isEmpty() && outcomes.stream().allMatch(Outcome::ok);
        }
    }

    private final Engine engine;
    private final Path baseDir;
    private final Map<String, YNode> bases = new HashMap<>();

    public FixtureRunner(Engine engine, Path baseDir) {
        this.engine = engine;
        this.baseDir = baseDir;
    }

    public Report run(Path testsDir) throws IOException {
        List<Outcome> outcomes = new ArrayList<>();
        List<Finding> problems = new ArrayList<>();
        Map<String, Set<String>> seen = new LinkedHashMap<>();
        List<Path> files;
        if (Files.isDirectory(testsDir)) {
            try (Stream<Path> s = Files.list(testsDir)) {
                files = s.filter(p -> p.getFileName().toString().endsWith(".tests.yaml")).sorted().toList();
            }
        } else {
            files = List.of();
        }
        for (Path f : files) {
            DataFile<RuleTests> tf = DataFile.load(f, f.toString(), RuleTests.class);
            problems.addAll(tf.findings());
            if (tf.value() == null) {
                continue;
            }
            List<Case> cases = tf.value().cases();
            for (int i = 0; i < cases.size(); i++) {
                Case c = cases.get(i);
                Location where = YPath.nearest(tf.root(), "cases[" + i + "]").location();
                Outcome o = c.conclusion() != null && c.rule() == null ? runConclusion(c, tf.value().asOf(), where) : runCase(c, tf.value().asOf(), where);
                outcomes.add(o);
                if (o.ok()) {
                    seen.computeIfAbsent(c.rule() != null ? c.rule() : "conclusion:" + c.conclusion(), k -> new LinkedHashSet<>()).add(c.expect());
                }
            }
        }
        List<String> uncovered = new ArrayList<>();
        for (RuleEngine.Compiled r : engine.rules().rules()) {
            Set<String> s = seen.getOrDefault(r.rule().id(), Set.of());
            // a rule that can only fail where it applies (e.g. a prohibited practice) shows its other side as notApplicable
            RuleFile.Rule rr = r.rule();
            boolean onlyFails = rr.present() == null && rr.require() == null && rr.check() != null && rr.check().strip().equals("false");
            String other = onlyFails ? "notApplicable" : "passed";
            if (!s.contains(other) || !(s.contains("failed") || s.contains("upcoming"))) {
                uncovered.add(r.rule().id() + " (has " + (s.isEmpty() ? "no passing case" : s) + "; needs a " + other + " and a failing case)");
            }
        }
        if (engine.classifier() != null && files.stream().anyMatch(f -> f.getFileName().toString().equals("classification.tests.yaml"))) {
            for (var c : engine.classifier().data().conclusions()) {
                Set<String> s = seen.getOrDefault("conclusion:" + c.id(), Set.of());
                if (!s.contains("notReached") || !(s.contains("reached") || s.contains("upcoming") || s.contains("setAside"))) {
                    uncovered.add("conclusion " + c.id() + " (has " + (s.isEmpty() ? "no case" : s) + "; needs a reached and a notReached case)");
                }
            }
        }
        return new Report(outcomes, uncovered, problems);
    }

    private Outcome runConclusion(Case c, LocalDate defaultAsOf, Location where) {
        String name = "conclusion " + c.conclusion();
        if (engine.classifier() == null || engine.classifier().data().conclusions().stream().noneMatch(k -> k.id().equals(c.conclusion()))) {
            return new Outcome(where.file(), where, name, c.expect(), false, "no such conclusion in the classification");
        }
        if (!List.of("reached", "upcoming", "setAside", "notReached").contains(c.expect())) {
            return new Outcome(where.file(), where, name, c.expect(), false, "a conclusion is expected reached, upcoming, setAside or notReached");
        }
        Loaded loaded;
        try {
            loaded = patched(c);
        } catch (IOException | IllegalArgumentException e) {
            return new Outcome(where.file(), where, name, c.expect(), false, "cannot patch: " + e.getMessage());
        }
        LocalDate asOf = c.asOf() != null ? c.asOf() : defaultAsOf;
        dev.aidossier.classify.Classification k = engine.classifier().classify(loaded, asOf);
        if (!k.findings().isEmpty()) {
            return new Outcome(where.file(), where, name, c.expect(), false, "classification findings: " + k.findings().get(0).toText());
        }
        List<String> basis = null;
        String got = "notReached";
        for (var r : k.conclusions()) {
            if (r.id().equals(c.conclusion())) {
                got = "reached";
                basis = r.basis();
            }
        }
        for (var r : k.upcoming()) {
            if (r.id().equals(c.conclusion())) {
                got = "upcoming";
                basis = r.basis();
            }
        }
        for (var r : k.setAside()) {
            if (r.id().equals(c.conclusion())) {
                // a set-aside conclusion that holds is reached; another conclusion listed here was set aside by role
                boolean own = engine.classifier().data().conclusions().stream().anyMatch(x -> x.id().equals(c.conclusion()) && x.effect().equals("set-aside"));
                got = own ? "reached" : "setAside";
                basis = r.basis();
            }
        }
        String detail = got + ", tier " + k.tier() + (basis == null ? "" : ", basis " + basis);
        if (!got.equals(c.expect())) {
            return new Outcome(where.file(), where, name, c.expect(), false, "expected " + c.expect() + ", got " + detail);
        }
        if (c.tier() != null && !c.tier().equals(k.tier())) {
            return new Outcome(where.file(), where, name, c.expect(), false, "expected tier " + c.tier() + ", got " + detail);
        }
        if (c.basis() != null && (basis == null || !basis.containsAll(c.basis()))) {
            return new Outcome(where.file(), where, name, c.expect(), false, "expected the basis to include " + c.basis() + ", got " + detail);
        }
        return new Outcome(where.file(), where, name, c.expect(), true, detail);
    }

    /**
     * The full analysis of every case of the fixtures in {@code testsDir} (cases whose base cannot be read
     * or patched are left out), in file and case order; for comparing two engines on the same inputs.
     */
    public List<Analysis> analyses(Path testsDir) throws IOException {
        List<Analysis> out = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> s = Files.list(testsDir)) {
            files = s.filter(p -> p.getFileName().toString().endsWith(".tests.yaml")).sorted().toList();
        }
        for (Path f : files) {
            DataFile<RuleTests> tf = DataFile.load(f, f.toString(), RuleTests.class);
            if (tf.value() == null) {
                continue;
            }
            for (Case c : tf.value().cases()) {
                try {
                    out.add(engine.analyse(patched(c), c.asOf() != null ? c.asOf() : tf.value().asOf()));
                } catch (IOException | IllegalArgumentException e) {
                    // reported as a failed case by run()
                }
            }
        }
        return out;
    }

    /** The case's base description with its patches applied. */
    private Loaded patched(Case c) throws IOException {
        YNode tree = base(c.base());
        if (c.remove() != null) {
            for (String p : c.remove()) {
                tree = TreePatch.remove(tree, p);
            }
        }
        if (c.set() != null) {
            for (Map.Entry<String, Object> e : c.set().entrySet()) {
                tree = TreePatch.set(tree, e.getKey(), e.getValue());
            }
        }
        Path basePath = baseDir.resolve(c.base() + ".yaml");
        return new DescriptionLoader(Limits.DEFAULT).fromTree(tree, basePath.toString(), basePath);
    }

    private Outcome runCase(Case c, LocalDate defaultAsOf, Location where) {
        if (c.rule() == null || c.rule().isBlank() || c.conclusion() != null) {
            return new Outcome(where.file(), where, String.valueOf(c.rule()), c.expect(), false, "a case names either a rule or a conclusion");
        }
        if (engine.rules().rule(c.rule()) == null) {
            return new Outcome(where.file(), where, c.rule(), c.expect(), false, "no such rule in the pack");
        }
        YNode base;
        try {
            base = base(c.base());
        } catch (IOException | IllegalArgumentException e) {
            return new Outcome(where.file(), where, c.rule(), c.expect(), false, e.getMessage());
        }
        Loaded loaded;
        try {
            loaded = patched(c);
        } catch (IOException | IllegalArgumentException e) {
            return new Outcome(where.file(), where, c.rule(), c.expect(), false, "cannot patch: " + e.getMessage());
        }
        LocalDate asOf = c.asOf() != null ? c.asOf() : defaultAsOf;
        Analysis a = engine.analyse(loaded, asOf);
        List<Finding> mine = a.findings().stream().filter(f -> f.ruleId().equals(c.rule())).toList();
        Status want = Status.valueOf(c.expect());
        boolean hasWant = mine.stream().anyMatch(f -> f.status() == want);
        boolean anyFailed = mine.stream().anyMatch(f -> f.status() == Status.failed);
        String got = mine.stream().map(f -> f.status() + " at " + f.location().line() + ":" + f.location().column()).distinct().toList().toString();
        if (!hasWant || (want == Status.passed && anyFailed)) {
            return new Outcome(where.file(), where, c.rule(), c.expect(), false, "expected " + c.expect() + ", got " + got);
        }
        if (c.at() != null && want != Status.passed) {
            YPath.Hit hit = YPath.nearest(base, c.at());
            if (!hit.exact()) {
                return new Outcome(where.file(), where, c.rule(), c.expect(), false, "'at: " + c.at() + "' does not exist in base " + c.base());
            }
            Location expected = hit.location();
            boolean placed = mine.stream().anyMatch(f -> f.status() == want && f.location().line() == expected.line()
                    && f.location().column() == expected.column());
            if (!placed) {
                return new Outcome(where.file(), where, c.rule(), c.expect(), false, "expected the finding at " + expected.line() + ":"
                        + expected.column() + " (" + c.at() + "), got " + got);
            }
        }
        return new Outcome(where.file(), where, c.rule(), c.expect(), true, got);
    }

    private YNode base(String name) throws IOException {
        YNode cached = bases.get(name);
        if (cached != null) {
            return cached;
        }
        Path p = baseDir.resolve(name + ".yaml");
        YamlReader.Result r = new YamlReader(Limits.DEFAULT).read(p, p.toString());
        if (!r.readable()) {
            throw new IOException("base description " + p + " cannot be read: " + r.problems().get(0).toText());
        }
        bases.put(name, r.root());
        return r.root();
    }
}
