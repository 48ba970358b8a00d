package dev.aidossier.rules;

import dev.aidossier.cel.Substance;
import dev.aidossier.cel.CelEnv;
import dev.aidossier.cel.Problem;
import dev.aidossier.load.PlainPath;

import dev.aidossier.classify.Classification;
import dev.aidossier.core.Finding;
import dev.aidossier.core.Location;
import dev.aidossier.core.Severity;
import dev.aidossier.core.Status;
import dev.aidossier.load.DataFile;
import dev.aidossier.load.Loaded;
import dev.aidossier.load.YPath;
import dev.aidossier.rules.RuleFile.Rule;
import dev.aidossier.util.Names;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Evaluates a pack's rules against one description. Rules are compiled once at load; evaluation is a
 * loop over plain maps with no I/O. Every rule yields at least one finding per description (passed,
 * failed, upcoming or notApplicable), so reports can show coverage and not only gaps.
 */
public final class RuleEngine {

    /** A rule with its compiled expressions and where it was defined. */
    public record Compiled(Rule rule, String file, Location location, CelEnv.Program when, CelEnv.Program where,
                           CelEnv.Program check, String link, String pack, Substance substance, Map<String, LocalDate> dates) {
    }

    private final List<Compiled> rules;
    private final Map<String, Compiled> byId;

    private RuleEngine(List<Compiled> rules) {
        this.rules = List.copyOf(rules);
        Map<String, Compiled> m = new LinkedHashMap<>();
        rules.forEach(r -> m.put(r.rule().id(), r));
        this.byId = m;
    }

    /** The rules of several packs evaluated together (e.g. --pack all); ids are unique across packs. */
    public static RuleEngine combine(List<RuleEngine> engines, List<Finding> problems) {
        List<Compiled> all = new ArrayList<>();
        Map<String, Location> seen = new HashMap<>();
        for (RuleEngine e : engines) {
            for (Compiled c : e.rules) {
                Location prev = seen.putIfAbsent(c.rule().id(), c.location());
                if (prev != null) {
                    problems.add(Finding.error("rules.duplicate-id", "rule id " + c.rule().id() + " is already defined at " + prev, c.location(), null));
                } else {
                    all.add(c);
                }
            }
        }
        return new RuleEngine(all);
    }

    /** Compiles the rule files; every problem is added to {@code problems} at its rule file's line. */
    public static RuleEngine compile(String pack, List<DataFile<RuleFile>> files, CelEnv cel, Substance substance,
                                     Map<String, LocalDate> dates, Map<String, String> links, RulePackFile.References references,
                                     List<Finding> problems) {
        java.util.regex.Pattern grammar = references == null ? null : references.compiled();
        Provisions provisions = Provisions.of(references);
        List<Pending> pending = new ArrayList<>();
        Map<String, Location> seen = new HashMap<>();
        for (DataFile<RuleFile> f : files) {
            if (!f.ok()) {
                continue;
            }
            List<Rule> rs = f.value().rules();
            for (int i = 0; i < rs.size(); i++) {
                Rule r = rs.get(i);
                String base = "rules[" + i + "]";
                Location loc = YPath.nearest(f.root(), base).location();
                Location prev = seen.putIfAbsent(r.id(), loc);
                if (prev != null) {
                    problems.add(Finding.error("rules.duplicate-id", "rule id " + r.id() + " is already defined at " + prev, loc, base + ".id"));
                    continue;
                }
                if (r.require() == null && r.present() == null && r.check() == null) {
                    problems.add(Finding.error("rules.schema", "rule " + r.id() + " needs 'require', 'present' or 'check'", loc, base));
                    continue;
                }
                for (int j = 0; grammar != null && j < r.refs().size(); j++) {
                    if (!grammar.matcher(r.refs().get(j)).matches()) {
                        String at = base + ".refs[" + j + "]";
                        problems.add(Finding.error("schema.constraint", at + " must be a reference key of pack " + pack + " such as "
                                + references.example(), YPath.nearest(f.root(), at).location(), at));
                    }
                }
                if (r.where() != null && r.each() == null) {
                    problems.add(Finding.error("rules.schema", "rule " + r.id() + ": 'where' needs 'each'", loc, base + ".where"));
                }
                // a rule's own applies, else the file's default: where its problems are reported follows
                String applies = r.applies() != null ? base + ".applies" : "applies";
                if (r.applies() == null) {
                    if (f.value().applies() == null) {
                        problems.add(Finding.error("rules.schema", "rule " + r.id() + " needs 'applies', or the file an 'applies' default", loc, base));
                        continue;
                    }
                    r = r.withApplies(f.value().applies());
                }
                String from = r.applies().from();
                if (from != null && !from.startsWith("@") && !isDate(from)) {
                    problems.add(Finding.error("rules.schema", "rule " + r.id() + ": '" + from + "' is not a date of the calendar (YYYY-MM-DD)",
                            YPath.nearest(f.root(), applies + ".from").location(), applies + ".from"));
                    continue;
                }
                if (from != null && from.startsWith("@") && !from.equals("@highRisk") && !dates.containsKey(from.substring(1))) {
                    problems.add(Finding.error("rules.schema", "rule " + r.id() + ": unknown date " + from + "; the pack defines @highRisk"
                            + dates.keySet().stream().map(k -> ", @" + k).collect(java.util.stream.Collectors.joining()), YPath.nearest(f.root(), applies + ".from").location(), applies + ".from"));
                }
                pending.add(new Pending(r, f, base, applies, loc));
            }
        }
        // Compiling is most of the cost of loading a pack (about 2 ms an expression): use every core.
        // Results and problems are collected per rule and joined in file order, so output stays deterministic.
        List<Compiled> out = new ArrayList<>();
        List<List<Finding>> perRule = new ArrayList<>();
        List<Compiled> compiled = pending.parallelStream().map(pr -> {
            List<Finding> ps = new ArrayList<>();
            RuleFile.Rule r = pr.rule();
            CelEnv.Program when = compile(cel, r.applies().when(), pr.file(), pr.applies() + ".when", ps);
            CelEnv.Program where = compile(cel, r.where(), pr.file(), pr.base() + ".where", ps);
            CelEnv.Program check = compile(cel, r.check(), pr.file(), pr.base() + ".check", ps);
            synchronized (perRule) {
                perRule.add(ps);
            }
            return new Compiled(r, pr.file().file(), pr.location(), when, where, check,
                    r.link() != null ? r.link() : linkFor(r.refs().get(0), links, provisions), pack, substance, dates);
        }).toList();
        out.addAll(compiled);
        List<Finding> collected = new ArrayList<>();
        perRule.forEach(collected::addAll);
        collected.sort(Finding.ORDER);
        problems.addAll(collected);
        return new RuleEngine(out);
    }

    private static boolean isDate(String s) {
        try {
            LocalDate.parse(s);
            return true;
        } catch (java.time.format.DateTimeParseException e) {
            return false;
        }
    }

    private record Pending(RuleFile.Rule rule, DataFile<RuleFile> file, String base, String applies, Location location) {
    }

    private static CelEnv.Program compile(CelEnv cel, String expr, DataFile<RuleFile> f, String path, List<Finding> problems) {
        if (expr == null) {
            return null;
        }
        try {
            return cel.compileCondition(expr);
        } catch (CelEnv.CompileError e) {
            problems.add(Finding.error("rules.expression", "expression does not compile: " + e.getMessage(),
                    YPath.nearest(f.root(), path).location(), path));
            return null;
        }
    }

    /** The link of a reference key: its provision's (pack.yaml references.provisions), else the pack's default link. */
    static String linkFor(String ref, Map<String, String> links, Provisions provisions) {
        String l = provisions.link(ref);
        if (l != null) {
            return l;
        }
        return links == null ? null : links.get("default");
    }

    public List<Compiled> rules() {
        return rules;
    }

    public Compiled rule(String id) {
        return byId.get(id);
    }

    /** The date from which a rule applies for this classification, or null (applies now). */
    public LocalDate from(Compiled cr, Classification c) {
        Rule r = cr.rule();
        Map<String, LocalDate> dates = cr.dates();
        String f = r.applies().from();
        if (f == null) {
            return null;
        }
        if (f.equals("@highRisk")) {
            return c.obligationsFrom();
        }
        if (f.startsWith("@")) {
            return dates.get(f.substring(1));
        }
        return LocalDate.parse(f);
    }

    public List<Finding> evaluate(Loaded d, Classification c, LocalDate asOf) {
        Map<String, Object> plain = d.plain();
        Object spec = plain.get("spec");
        Map<String, Object> vars = new HashMap<>();
        vars.put("d", plain);
        vars.put("spec", spec instanceof Map<?, ?> ? spec : Map.of());
        vars.put("c", c.toCel());
        vars.put("asOf", asOf.toString());
        vars.put("facts", c.facts());
        vars.put("item", Map.of());
        List<Finding> out = new ArrayList<>();
        for (Compiled cr : rules) {
            evaluate(cr, d, c, asOf, plain, vars, out);
        }
        return out;
    }

    private void evaluate(Compiled cr, Loaded d, Classification c, LocalDate asOf, Map<String, Object> plain,
                          Map<String, Object> vars, List<Finding> out) {
        Rule r = cr.rule();
        Severity sev = Severity.parse(r.severity());
        LocalDate from = from(cr, c);
        Location top = new Location(d.file(), 1, 1);
        if (!applies(cr, c, vars)) {
            out.add(new Finding(r.id(), sev, Status.notApplicable, r.title() + ": not applicable to this system", top, null, r.refs(), null, from, null));
            return;
        }
        List<String> targets = new ArrayList<>();
        List<Object> items = new ArrayList<>();
        if (r.each() != null) {
            Object list = PlainPath.get(plain, r.each());
            if (list instanceof List<?> l) {
                for (int i = 0; i < l.size(); i++) {
                    Object item = l.get(i);
                    if (cr.where() != null) {
                        vars.put("item", item == null ? Map.of() : item);
                        if (!test(cr.where(), vars)) {
                            continue;
                        }
                    }
                    targets.add(YPath.index(r.each(), i));
                    items.add(item);
                }
            }
            if (targets.isEmpty()) {
                // nothing to check in an empty or absent list: the require/check of the list itself decides elsewhere
                out.add(new Finding(r.id(), sev, Status.passed, r.title() + ": no items to check", locate(d, r.each()), r.each(), r.refs(), null, from, null));
                vars.put("item", Map.of());
                return;
            }
        } else {
            targets.add(null);
            items.add(Map.of());
        }
        int failures = 0;
        for (int t = 0; t < targets.size(); t++) {
            String base = targets.get(t);
            vars.put("item", items.get(t) == null ? Map.of() : items.get(t));
            boolean failed = false;
            List<String> paths = new ArrayList<>();
            if (r.present() != null) {
                paths.addAll(r.present());
            }
            if (r.require() != null) {
                paths.addAll(r.require());
            }
            int presentCount = r.present() == null ? 0 : r.present().size();
            for (int pi = 0; pi < paths.size(); pi++) {
                String p = paths.get(pi);
                {
                    String full = base == null ? p : base + "." + p;
                    Object value = PlainPath.get(plain, full);
                    Problem problem = pi < presentCount ? Substance.presence(value) : cr.substance().problemOf(value);
                    if (problem != null) {
                        Raw w = wording(problem, full, value, null);
                        out.add(failure(cr, sev, from, asOf, render(r.message(), w), locate(d, full), full, w.wording()));
                        failed = true;
                        failures++;
                    }
                }
            }
            if (!failed && cr.check() != null) {
                String path = r.path() == null ? base : (base == null ? r.path() : base + "." + r.path());
                boolean ok;
                String why = null;
                try {
                    ok = cr.check().test(vars);
                } catch (CelEnv.EvalError e) {
                    ok = false;
                    why = e.getMessage();
                }
                if (!ok) {
                    Object value = path == null ? null : PlainPath.get(plain, path);
                    Raw w = wording(Problem.of(value == null ? "missing" : "notAsRequired"), path, value,
                            why == null ? null : Names.clip(why, 120));
                    out.add(failure(cr, sev, from, asOf, render(r.message(), w), locate(d, path), path, w.wording()));
                    failures++;
                }
            }
        }
        vars.put("item", Map.of());
        if (failures == 0) {
            String path = r.path() != null && r.each() == null ? r.path() : r.each() != null ? r.each()
                    : (r.present() != null ? r.present().get(0) : r.require() != null ? r.require().get(0) : null);
            out.add(new Finding(r.id(), sev, Status.passed, r.title(), locate(d, path), path, r.refs(), null, from, null));
        }
    }

    private Finding failure(Compiled cr, Severity sev, LocalDate from, LocalDate asOf, String message, Location loc, String path,
                            Finding.Wording wording) {
        Status st = from != null && from.isAfter(asOf) ? Status.upcoming : Status.failed;
        return new Finding(cr.rule().id(), sev, st, message, loc, path, cr.rule().refs(), cr.rule().remediation(), from, null, wording);
    }

    private boolean applies(Compiled cr, Classification c, Map<String, Object> vars) {
        RuleFile.Applies a = cr.rule().applies();
        List<String> kinds = a.kinds() == null ? List.of("AISystem") : a.kinds();
        if (!kinds.contains(c.kind())) {
            return false;
        }
        if (a.tiers() != null && !a.tiers().contains(c.tier())) {
            return false;
        }
        if (a.gpai() != null && !a.gpai().contains(c.gpai())) {
            return false;
        }
        if (a.roles() != null && a.roles().stream().noneMatch(c.roles()::contains)) {
            return false;
        }
        if (!c.provisionsApply(cr.rule().refs())) {
            return false; // Art. 2(2): the provision the rule checks does not apply to this system
        }
        return cr.when() == null || test(cr.when(), vars);
    }

    private static boolean test(CelEnv.Program p, Map<String, Object> vars) {
        try {
            return p.test(vars);
        } catch (CelEnv.EvalError e) {
            return false; // a condition about data that is absent does not hold
        }
    }

    private static Location locate(Loaded d, String path) {
        if (path == null || d.root() == null) {
            return new Location(d.file(), 1, 1);
        }
        return YPath.nearest(d.root(), path).location();
    }

    /** What a message is filled in with; the value as messages quote it, null for none. */
    private static Raw wording(Problem problem, String path, Object value, String why) {
        String v = value == null ? null : value instanceof String s ? "'" + Names.clip(s, 60) + "'" : Names.clip(String.valueOf(sorted(value)), 60);
        return new Raw(problem, path == null ? "" : path, v, why);
    }

    /** The arguments of a message as found (the finding keeps them made visible, see {@link Finding.Wording}). */
    private record Raw(Problem problem, String path, String value, String why) {
        String english() {
            return problem.english();
        }

        Finding.Wording wording() {
            return new Finding.Wording(path, problem.code(), problem.args(), value, why);
        }
    }

    /** The English message: the rule's template filled in (a document in another language fills in the translated one). */
    private static String render(String template, Raw w) {
        String msg = template.replace("{problem}", w.english()).replace("{path}", w.path()).replace("{value}", w.value() == null ? "nothing" : w.value());
        return w.why() == null ? msg : msg + " (the check could not be evaluated: " + w.why() + ")";
    }

    /**
     * A value with the keys of every mapping in it sorted, so a message quoting it (clipped) says the same
     * whatever order the description wrote the keys in.
     */
    private static Object sorted(Object value) {
        if (value instanceof Map<?, ?> m) {
            Map<String, Object> out = new java.util.TreeMap<>();
            m.forEach((k, v) -> out.put(String.valueOf(k), sorted(v)));
            return out;
        }
        if (value instanceof List<?> l) {
            return l.stream().map(RuleEngine::sorted).toList();
        }
        return value;
    }
}
