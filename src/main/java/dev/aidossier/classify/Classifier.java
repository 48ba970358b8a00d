package dev.aidossier.classify;

import dev.aidossier.classify.ClassificationFile.Conclusion;
import dev.aidossier.classify.ClassificationFile.FactDecl;
import dev.aidossier.classify.ClassificationFile.ListItem;
import dev.aidossier.core.Finding;
import dev.aidossier.core.Location;
import dev.aidossier.load.DataFile;
import dev.aidossier.load.Loaded;
import dev.aidossier.load.YNode;
import dev.aidossier.load.YNode.YList;
import dev.aidossier.load.YNode.YMap;
import dev.aidossier.load.YNode.YScalar;
import dev.aidossier.load.YPath;
import dev.aidossier.cel.CelEnv;
import dev.aidossier.cel.CelEnv.Program;
import dev.aidossier.util.Names;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Classifies a description by the data in {@code classification.yaml}. Java only sequences the
 * evaluation; which facts exist, which conclusions follow and from which date is all in the data.
 */
public final class Classifier {

    private final ClassificationFile data;
    private final DataFile<ClassificationFile> source;
    private final Map<String, Program> predicates = new LinkedHashMap<>();
    private final List<Program> when = new ArrayList<>();
    private final List<Program> basisFrom = new ArrayList<>();
    private final Map<String, Set<String>> listKeys = new LinkedHashMap<>();

    private Classifier(DataFile<ClassificationFile> source, CelEnv cel, List<Finding> problems) {
        this.source = source;
        this.data = source.value();
        if (data.lists() != null) {
            data.lists().forEach((name, items) -> {
                Set<String> keys = new LinkedHashSet<>();
                items.forEach(i -> keys.add(i.key()));
                listKeys.put(name, keys);
            });
        }
        data.facts().forEach((group, facts) -> facts.forEach((name, decl) -> {
            if (decl.valuesFrom() != null && !listKeys.containsKey(decl.valuesFrom())) {
                problems.add(at("facts." + group + "." + name + ".valuesFrom", "rules.schema",
                        "valuesFrom names an unknown list '" + decl.valuesFrom() + "'; lists: " + listKeys.keySet()));
            }
        }));
        for (int i = 0; i < data.conclusions().size(); i++) {
            Conclusion c = data.conclusions().get(i);
            if (c.because() != null) {
                for (int j = 0; j < c.because().size(); j++) {
                    String b = c.because().get(j);
                    if (!b.startsWith("spec.") && factDecl(b) == null) {
                        problems.add(at("conclusions[" + i + "].because[" + j + "]", "rules.schema", "because names '" + b
                                + "', which is neither a declared fact (group.name) nor a path of the description (spec....)"));
                    }
                }
            }
            if (!data.allowedEffects().contains(c.effect())) {
                problems.add(at("conclusions[" + i + "].effect", "rules.schema", "effect '" + c.effect() + "' of conclusion '" + c.id()
                        + "' is none of the tiers (tierOrder), effects.derogation, effects.modelClasses, note or set-aside: "
                        + String.join(", ", data.allowedEffects())));
            }
            if ("set-aside".equals(c.effect()) && (c.because() == null || c.because().isEmpty())) {
                problems.add(at("conclusions[" + i + "]", "rules.schema", "conclusion '" + c.id()
                        + "' sets a provision aside and must name the facts that do so in 'because'"));
            }
            for (String k : c.basis()) {
                if (data.citations() != null && !data.citations().containsKey(k)) {
                    problems.add(at("conclusions[" + i + "].basis", "rules.schema", "basis key '" + k + "' of conclusion '" + c.id()
                            + "' has no entry in citations"));
                }
            }
            for (String k : c.onlyProvisions() == null ? List.<String>of() : c.onlyProvisions()) {
                if (data.citations() != null && !data.citations().containsKey(k)) {
                    problems.add(at("conclusions[" + i + "].onlyProvisions", "rules.schema", "provision '" + k + "' of conclusion '" + c.id()
                            + "' has no entry in citations"));
                }
            }
            if (c.onlyProvisions() != null && !c.effect().equals(data.effects().highRisk())) {
                problems.add(at("conclusions[" + i + "].onlyProvisions", "rules.schema", "conclusion '" + c.id()
                        + "' limits the provisions that apply, which only a conclusion of effect " + data.effects().highRisk() + " may do"));
            }
        }
        if (data.predicates() != null) {
            data.predicates().forEach((name, expr) -> predicates.put(name, compile(expr, "predicates." + name, cel, problems)));
        }
        for (int i = 0; i < data.conclusions().size(); i++) {
            Conclusion c = data.conclusions().get(i);
            when.add(compile(c.when(), "conclusions[" + i + "].when", cel, problems));
            basisFrom.add(c.basisFrom() == null ? null : compile(c.basisFrom(), "conclusions[" + i + "].basisFrom", cel, problems));
        }
    }

    /** Loads and compiles a classification file; problems are reported at the file's own lines. */
    public static Classifier load(DataFile<ClassificationFile> file, CelEnv cel, List<Finding> problems) {
        if (!file.ok()) { // its findings were reported by whoever read it
            return null;
        }
        int before = problems.size();
        Classifier c = new Classifier(file, cel, problems);
        return problems.size() == before ? c : null;
    }

    /** The declaration of a fact named {@code group.name}, or null. */
    public FactDecl factDecl(String path) {
        int dot = path.indexOf('.');
        if (dot < 0) {
            return null;
        }
        Map<String, FactDecl> g = data.facts().get(path.substring(0, dot));
        return g == null ? null : g.get(path.substring(dot + 1));
    }

    /** The citation a person reads for a reference key, or the key itself. */
    public String cite(String key) {
        return data.citations() == null ? key : data.citations().getOrDefault(key, key);
    }

    public ClassificationFile data() {
        return data;
    }

    public Map<String, List<ListItem>> lists() {
        return data.lists() == null ? Map.of() : data.lists();
    }

    /** Title of a list key such as AnxIII.4.a, or null. */
    public String titleOf(String key) {
        for (List<ListItem> items : lists().values()) {
            for (ListItem i : items) {
                if (i.key().equals(key)) {
                    return i.title();
                }
            }
        }
        return null;
    }

    private Program compile(String expr, String path, CelEnv cel, List<Finding> problems) {
        try {
            return cel.compile(expr);
        } catch (CelEnv.CompileError e) {
            problems.add(at(path, "rules.expression", "expression does not compile: " + e.getMessage()));
            return null;
        }
    }

    private Finding at(String path, String id, String message) {
        Location loc = source.root() == null ? Location.ofFile(source.file()) : YPath.nearest(source.root(), path).location();
        return Finding.error(id, message, loc, path);
    }

    /** Reads and checks the facts of a description against the declarations, filling defaults. */
    public Map<String, Object> facts(Loaded d, List<Finding> findings) {
        Map<String, Object> out = new LinkedHashMap<>();
        YNode given = d.root() == null ? null : YPath.find(d.root(), "spec.classification");
        YMap givenMap = given instanceof YMap m ? m : null;
        if (given != null && givenMap == null && !(given instanceof YScalar s && s.value() == null)) {
            findings.add(Finding.error("schema.type", "expected a mapping of fact groups at spec.classification, found " + given.kindName(),
                    given.location(), "spec.classification"));
        }
        if (givenMap != null) {
            for (YNode.Entry g : givenMap.entries().values()) {
                if (!data.facts().containsKey(g.key())) {
                    String s = Names.closest(g.key(), data.facts().keySet());
                    findings.add(Finding.error("classification.unknown-fact", "unknown fact group '" + Names.clip(g.key(), 60) + "' in spec.classification"
                            + (s != null ? "; did you mean '" + s + "'?" : ".") + " Valid groups: " + String.join(", ", data.facts().keySet()),
                            g.keyLocation(), "spec.classification." + g.key()));
                }
            }
        }
        data.facts().forEach((group, decls) -> {
            Map<String, Object> g = new LinkedHashMap<>();
            YNode gn = givenMap == null ? null : givenMap.get(group);
            String gpath = "spec.classification." + group;
            if (gn instanceof YMap gm) {
                for (YNode.Entry e : gm.entries().values()) {
                    if (!decls.containsKey(e.key())) {
                        String s = Names.closest(e.key(), decls.keySet());
                        findings.add(Finding.error("classification.unknown-fact", "unknown fact '" + Names.clip(e.key(), 60) + "' in " + gpath
                                + (s != null ? "; did you mean '" + s + "'?" : ".") + " Valid facts: " + String.join(", ", decls.keySet()),
                                e.keyLocation(), gpath + "." + e.key()));
                    }
                }
            } else if (gn != null && !(gn instanceof YScalar s && s.value() == null)) {
                findings.add(Finding.error("schema.type", "expected a mapping at " + gpath + ", found " + gn.kindName(), gn.location(), gpath));
            }
            decls.forEach((name, decl) -> {
                YNode v = gn instanceof YMap gm ? gm.get(name) : null;
                if (v != null && decl.kinds() != null && !decl.kinds().contains(d.kind().name())
                        && !(v instanceof YScalar s0 && (s0.value() == null || Boolean.FALSE.equals(s0.value())))) {
                    findings.add(Finding.error("classification.kind", "the fact " + gpath + "." + name + " concerns "
                            + String.join(", ", decl.kinds()) + ", not " + d.kind().name() + ": " + decl.doc(), v.location(), gpath + "." + name));
                    v = null;
                }
                g.put(name, factValue(decl, v, gpath + "." + name, findings));
            });
            out.put(group, Collections.unmodifiableMap(g));
        });
        return Collections.unmodifiableMap(out);
    }

    private Object factValue(FactDecl decl, YNode v, String path, List<Finding> findings) {
        Object def = switch (decl.type()) {
            case "boolean" -> Boolean.FALSE;
            case "list" -> List.of();
            case "number" -> 0L;
            default -> decl.defaultValue() == null ? "" : decl.defaultValue();
        };
        if (v == null || (v instanceof YScalar s0 && s0.value() == null)) {
            return def;
        }
        switch (decl.type()) {
            case "boolean":
                if (v instanceof YScalar s && s.value() instanceof Boolean b) {
                    return b;
                }
                break;
            case "number":
                if (v instanceof YScalar s && s.value() instanceof Number n) {
                    return n;
                }
                break;
            case "string":
                if (v instanceof YScalar s && s.value() instanceof String str) {
                    if (decl.values() != null && !decl.values().contains(str)) {
                        badValue(str, decl.values(), v.location(), path, findings);
                        return def;
                    }
                    return str;
                }
                break;
            case "date":
                // kept as its ISO text, so that rules compare it with other ISO dates
                if (v instanceof YScalar s && s.value() instanceof String str && str.matches("[0-9]{4}-[0-9]{2}-[0-9]{2}")) {
                    try {
                        return LocalDate.parse(str).toString();
                    } catch (java.time.DateTimeException e) {
                        // reported below
                    }
                }
                break;
            case "list":
                if (v instanceof YList l) {
                    List<Object> items = new ArrayList<>();
                    Set<String> allowed = decl.valuesFrom() == null ? null : listKeys.get(decl.valuesFrom());
                    for (YNode item : l.items()) {
                        if (item instanceof YScalar s && s.value() instanceof String str) {
                            if (allowed != null && !allowed.contains(str)) {
                                badValue(str, allowed, item.location(), path, findings);
                            } else {
                                items.add(str);
                            }
                        } else {
                            findings.add(Finding.error("schema.type", "expected a string item in " + path + ", found " + item.kindName(), item.location(), path));
                        }
                    }
                    return List.copyOf(items);
                }
                break;
            default:
                break;
        }
        String expected = switch (decl.type()) {
            case "boolean" -> "true or false";
            case "list" -> "a list";
            case "number" -> "a number";
            case "date" -> "a date (YYYY-MM-DD)";
            default -> "a string";
        };
        String found = v.kindName() + (v instanceof YScalar s && s.value() != null ? " '" + Names.clip(s.text(), 40) + "'" : "");
        findings.add(Finding.error("schema.type", "expected " + expected + " at " + path + ", found " + found, v.location(), path));
        return def;
    }

    private static void badValue(String value, java.util.Collection<String> allowed, Location loc, String path, List<Finding> findings) {
        String s = Names.closest(value, allowed);
        findings.add(Finding.error("classification.value", "'" + Names.clip(value, 60) + "' is not allowed in " + path
                + (s != null ? "; did you mean '" + s + "'?" : ".") + " Allowed: " + String.join(", ", allowed), loc, path));
    }

    /** Classifies one loaded description as of {@code asOf}. */
    public Classification classify(Loaded d, LocalDate asOf) {
        List<Finding> findings = new ArrayList<>();
        String kind = d.kind().name();
        Map<String, Object> facts = facts(d, findings);
        Map<String, Object> plain = d.plain();
        Object spec = plain.getOrDefault("spec", Map.of());
        List<String> roles = new ArrayList<>();
        if (spec instanceof Map<?, ?> sm && sm.get("roles") instanceof List<?> rl) {
            rl.forEach(r -> roles.add(String.valueOf(r)));
        }
        List<String> declaredRoles = List.copyOf(roles);
        List<Classification.SetAside> setAside = new ArrayList<>();
        Map<String, Object> vars = new LinkedHashMap<>();
        vars.put("d", plain);
        vars.put("spec", spec instanceof Map<?, ?> ? spec : Map.of());
        vars.put("facts", facts);
        vars.put("params", data.parameters() == null ? Map.of() : data.parameters());
        vars.put("asOf", asOf.toString());
        vars.put("c", Map.of());
        List<String> effects = new ArrayList<>();
        List<String> fired = new ArrayList<>();
        vars.put("effects", effects);
        vars.put("fired", fired);
        Map<String, Object> p = new LinkedHashMap<>();
        vars.put("p", p);
        for (Map.Entry<String, Program> e : predicates.entrySet()) {
            try {
                p.put(e.getKey(), e.getValue().eval(vars));
            } catch (CelEnv.EvalError err) {
                findings.add(at("predicates." + e.getKey(), "rules.evaluation", "predicate '" + e.getKey() + "' failed for "
                        + d.file() + ": " + err.getMessage()));
                p.put(e.getKey(), null);
            }
        }
        List<Classification.Conclusion> reached = new ArrayList<>();
        List<Classification.Conclusion> upcoming = new ArrayList<>();
        Set<String> basis = new LinkedHashSet<>();
        List<String> routes = new ArrayList<>();
        LocalDate obligationsFrom = null;
        for (int i = 0; i < data.conclusions().size(); i++) {
            Conclusion c = data.conclusions().get(i);
            List<String> kinds = c.kinds() == null ? List.of("AISystem") : c.kinds();
            if (!kinds.contains(kind)) {
                continue;
            }
            boolean holds;
            try {
                holds = when.get(i).test(vars);
            } catch (CelEnv.EvalError err) {
                findings.add(at("conclusions[" + i + "].when", "rules.evaluation", "conclusion '" + c.id() + "' failed for "
                        + d.file() + ": " + err.getMessage()));
                continue;
            }
            if (!holds) {
                continue;
            }
            List<String> keys = new ArrayList<>(c.basis());
            if (basisFrom.get(i) != null) {
                try {
                    Object extra = basisFrom.get(i).eval(vars);
                    if (extra instanceof List<?> l) {
                        l.forEach(x -> keys.add(String.valueOf(x)));
                    }
                } catch (CelEnv.EvalError err) {
                    findings.add(at("conclusions[" + i + "].basisFrom", "rules.evaluation", err.getMessage()));
                }
            }
            if (c.effect().equals("set-aside")) {
                setAside.add(new Classification.SetAside(c.id(), List.copyOf(keys), c.title(), c.roles() == null ? List.of() : c.roles(),
                        reasons(d, facts, c.because())));
                fired.add(c.id());
                if (c.removesRoles() != null) {
                    roles.removeAll(c.removesRoles());
                }
                continue;
            }
            // a duty that binds roles the organisation does not hold (a description without roles is bound by all)
            if (c.roles() != null && !declaredRoles.isEmpty() && c.roles().stream().noneMatch(roles::contains)) {
                setAside.add(new Classification.SetAside(c.id(), List.copyOf(keys), c.title(), c.roles(),
                        List.of(new Classification.Reason("spec.roles", List.copyOf(roles), locationOf(d, "spec.roles")))));
                continue;
            }
            Classification.Conclusion out = new Classification.Conclusion(c.id(), c.effect(), List.copyOf(keys), c.title(), c.appliesFrom());
            if (c.appliesFrom() != null && c.appliesFrom().isAfter(asOf)) {
                upcoming.add(out);
                continue;
            }
            reached.add(out);
            effects.add(c.effect());
            fired.add(c.id());
            if (c.removesRoles() != null) {
                roles.removeAll(c.removesRoles());
            }
            if (c.route() != null) {
                routes.add(c.route());
            }
            if (c.obligationsFrom() != null && (obligationsFrom == null || c.obligationsFrom().isBefore(obligationsFrom))) {
                obligationsFrom = c.obligationsFrom();
            }
        }
        String tier;
        if (kind.equals("GPAIModel")) {
            tier = "none";
        } else {
            tier = data.defaultTier();
            for (String t : data.tierOrder()) {
                if (effects.contains(t)) {
                    tier = t;
                    break;
                }
            }
        }
        ClassificationFile.Effects fx = data.effects();
        List<Classification.Conclusion> effective = reached;
        if (fx.outsideTheAct().equals(tier)) {
            // outside the law nothing else it says applies
            effective = reached.stream().filter(c -> c.effect().equals(fx.outsideTheAct())).toList();
            routes.clear();
            obligationsFrom = null;
        }
        // Art. 2(2): a high-risk system reached only through conclusions that limit the provisions applying to
        // it (an Annex I Section B product) is bound by those alone; every other conclusion falls away as outside
        List<String> only = new ArrayList<>();
        if (fx.highRisk().equals(tier)) {
            List<Conclusion> limiting = data.conclusions().stream().filter(dc -> dc.onlyProvisions() != null && fired.contains(dc.id())).toList();
            boolean unlimited = reached.stream().anyMatch(rc -> rc.effect().equals(fx.highRisk())
                    && limiting.stream().noneMatch(l -> l.id().equals(rc.id())));
            if (!limiting.isEmpty() && !unlimited) {
                limiting.forEach(l -> l.onlyProvisions().stream().filter(k -> !only.contains(k)).forEach(only::add));
                List<String> because = limiting.stream().flatMap(l -> l.because() == null ? java.util.stream.Stream.<String>empty() : l.because().stream())
                        .distinct().toList();
                List<Classification.Conclusion> kept = new ArrayList<>();
                for (Classification.Conclusion rc : effective) {
                    if (rc.effect().equals(fx.highRisk()) || rc.effect().equals("note")
                            || rc.basis().stream().anyMatch(k -> dev.aidossier.core.ReferenceKeys.under(k, only))) {
                        kept.add(rc);
                    } else { // considered, and set aside by the provision that limits the Act (a negative decision is cited)
                        setAside.add(new Classification.SetAside(rc.id(), rc.basis(), rc.title(), List.of(), reasons(d, facts, because)));
                    }
                }
                effective = List.copyOf(kept);
            }
        }
        effective.forEach(c -> basis.addAll(c.basis()));
        List<String> transparency = effective.stream().filter(c -> c.effect().equals(fx.transparency()))
                .map(c -> c.basis().get(0)).distinct().sorted().toList();
        String gpai = "none";
        for (String cls : fx.modelClasses()) { // lowest first: the highest reached wins
            List<Classification.Conclusion> e = effective;
            if (e.stream().anyMatch(c -> c.effect().equals(cls))) {
                gpai = cls;
            }
        }
        boolean derogation = effective.stream().anyMatch(c -> c.effect().equals(fx.derogation()));
        if (!fx.highRisk().equals(tier) && !derogation) {
            obligationsFrom = null;
        }
        List<String> annexIII = new ArrayList<>();
        if (p.get("annexIIIPoints") instanceof List<?> l && !fx.outsideTheAct().equals(tier)) {
            l.forEach(x -> annexIII.add(String.valueOf(x)));
        }
        return new Classification(d.file(), kind, asOf, tier, gpai, transparency, List.copyOf(basis), List.copyOf(effective),
                List.copyOf(upcoming), List.copyOf(annexIII), List.copyOf(routes), obligationsFrom, derogation, List.copyOf(roles),
                facts, List.copyOf(findings), List.copyOf(setAside), citations(basis, setAside, upcoming, only),
                fx.highRisk().equals(tier), fx.prohibited().equals(tier), List.copyOf(only));
    }

    private Map<String, String> citations(Set<String> basis, List<Classification.SetAside> setAside, List<Classification.Conclusion> upcoming,
                                          List<String> only) {
        Map<String, String> out = new LinkedHashMap<>();
        only.forEach(k -> out.put(k, cite(k)));
        basis.forEach(k -> out.put(k, cite(k)));
        upcoming.forEach(u -> u.basis().forEach(k -> out.put(k, cite(k))));
        setAside.forEach(s -> s.basis().forEach(k -> out.put(k, cite(k))));
        return Collections.unmodifiableMap(out);
    }

    /** The facts named by a conclusion's because, with their values and where the description states them. */
    private static List<Classification.Reason> reasons(Loaded d, Map<String, Object> facts, List<String> because) {
        List<Classification.Reason> out = new ArrayList<>();
        if (because == null) {
            return out;
        }
        for (String b : because) {
            if (b.startsWith("spec.")) {
                YNode n = d.root() == null ? null : YPath.find(d.root(), b);
                Object v = n instanceof YScalar s ? s.value() : n == null ? null : n.toPlain();
                out.add(new Classification.Reason(b, v, n == null ? null : n.location()));
            } else {
                int dot = b.indexOf('.');
                Object v = facts.get(b.substring(0, dot)) instanceof Map<?, ?> g ? g.get(b.substring(dot + 1)) : null;
                String path = "spec.classification." + b;
                out.add(new Classification.Reason(path, v, locationOf(d, path)));
            }
        }
        return List.copyOf(out);
    }

    private static Location locationOf(Loaded d, String path) {
        YNode n = d.root() == null ? null : YPath.find(d.root(), path);
        return n == null ? null : n.location();
    }
}
