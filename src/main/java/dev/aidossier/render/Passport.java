package dev.aidossier.render;

import dev.aidossier.analysis.Frameworks;
import dev.aidossier.analysis.Analysis;
import dev.aidossier.core.Finding;
import dev.aidossier.core.Severity;
import dev.aidossier.core.Status;
import dev.aidossier.rules.CrosswalkFile;
import dev.aidossier.rules.RulePackFile;
import dev.aidossier.rules.RuleEngine;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The data of the regulatory passport and the Regulatory Interoperability Plan: one description's
 * standing under every framework whose pack was loaded, side by side. Added to the common data model as:
 *
 * <ul>
 *   <li>{@code frameworks}: per pack: id, name, title, law, version, textVersion, link, nature (binding or
 *       voluntary), route, standing, rules (tally), units (count per standing), groups [{key, title, titleRule,
 *       standing, units [{key, title, titleRule, standing, met, applicable, rules}]}], gaps (failed findings),
 *       upcomingGaps, errors, warnings. A title taken from a rule's title names that rule as titleRule, so that
 *       a document shows the rule's title in its language.
 *   <li>{@code matrix}: the crosswalk by EU unit: {eu {key, title, titleRule, standing}, nist [{key, standing}], iso
 *       [...], strength (a code: equivalent, partial, related), sections}; {@code matrixColumns}: the names of the
 *       three columns (eu, nist, iso) and their packs' ids (euId, nistId, isoId)
 *   <li>{@code sections}: each part of the description the rules read ({@code spec.riskManagement}), with
 *       line and, per framework, met / applicable / standing: where one piece of documentation serves
 *       several regimes
 *   <li>{@code evidenceUse}: each evidence file with, per framework, the rules of the sections citing it
 *   <li>{@code plan}: actions of {@code spec.actionPlan} with status (open, met, unlinked), overdue, the
 *       rules they cover and the frameworks they serve (frameworkNames, frameworkIds); unplanned: per framework, the open or upcoming rules no action covers
 * </ul>
 *
 * <p>Standing of a set of rules (a unit, a group, a framework, a section) from their outcomes: not
 * applicable when none applies; met when none is failed or upcoming (waived counts as met: accepted by
 * someone accountable); upcoming when none is failed but some are upcoming; gap when some are failed and
 * none met; otherwise partly met.
 */
final class Passport {

    private Passport() {
    }

    /** Outcome counts of a set of rules, and the standing they give. */
    static final class Tally {
        final Set<String> rules = new LinkedHashSet<>();
        int met;
        int failed;
        int upcoming;
        int waived;
        int notApplicable;

        void add(String rule, Status s) {
            if (!rules.add(rule)) {
                return;
            }
            switch (s) {
                case passed -> met++;
                case waived -> {
                    met++;
                    waived++;
                }
                case failed -> failed++;
                case upcoming -> upcoming++;
                case notApplicable -> notApplicable++;
            }
        }

        int applicable() {
            return met + failed + upcoming;
        }

        String standing() {
            if (applicable() == 0) {
                return "notApplicable";
            }
            if (failed == 0 && upcoming == 0) {
                return "met";
            }
            if (failed == 0) {
                return "upcoming";
            }
            return met == 0 ? "gap" : "partly";
        }

        Map<String, Object> toMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("standing", standing());
            m.put("met", met);
            m.put("failed", failed);
            m.put("upcoming", upcoming);
            m.put("waived", waived);
            m.put("notApplicable", notApplicable);
            m.put("applicable", applicable());
            m.put("rules", rules.size());
            return m;
        }
    }

    /** One framework: its pack, how it cuts rules into units and groups, and its units in pack order. */
    private static final class Framework {
        final RulePackFile pack;
        final String name;
        final Pattern unit;
        final Pattern group;
        final Pattern row;
        final Map<String, String> titles;
        final Map<String, Tally> units = new LinkedHashMap<>();
        final Map<String, String> unitGroup = new LinkedHashMap<>();
        final Map<String, String> unitRuleTitle = new LinkedHashMap<>();
        final Map<String, String> unitRuleId = new LinkedHashMap<>();
        final Map<String, Tally> groups = new LinkedHashMap<>();
        final Tally all = new Tally();

        Framework(RulePackFile pack) {
            this.pack = pack;
            RulePackFile.Passport p = pack.passport();
            this.name = p == null ? pack.id() : p.name();
            this.unit = p == null ? null : Pattern.compile(p.unit());
            this.group = p == null || p.group() == null ? null : Pattern.compile(p.group());
            this.row = p == null || p.row() == null ? null : Pattern.compile(p.row());
            this.titles = p == null || p.titles() == null ? Map.of() : p.titles();
        }

        String unitOf(String ref) {
            return match(unit, ref);
        }

        String groupOf(String ref) {
            return group == null ? unitOf(ref) : match(group, ref);
        }

        String rowOf(String ref) {
            return row == null ? unitOf(ref) : match(row, ref);
        }

        private static String match(Pattern p, String ref) {
            if (p == null) {
                return ref;
            }
            Matcher m = p.matcher(ref);
            return m.find() && m.start() == 0 ? m.group() : ref;
        }

        /** Articles and annexes in legal order (the pack's rule files need not follow it); other keys stay in pack order. */
        void sort() {
            reorder(units);
            reorder(groups);
        }

        private static void reorder(Map<String, Tally> m) {
            if (m.keySet().stream().allMatch(k -> Coverage.provision(k) != null)) {
                List<Map.Entry<String, Tally>> es = new ArrayList<>(m.entrySet());
                es.sort((x, y) -> legalOrder(x.getKey(), y.getKey()));
                m.clear();
                es.forEach(e -> m.put(e.getKey(), e.getValue()));
            }
        }

        String title(String key) {
            String t = titles.get(key);
            if (t != null) {
                return t;
            }
            return units.containsKey(key) && units.get(key).rules.size() == 1 ? unitRuleTitle.get(key) : null;
        }

        /** The rule whose title {@link #title} gives (so a document can show it translated), or null for a title of the pack. */
        String titleRule(String key) {
            if (titles.containsKey(key)) {
                return null;
            }
            return units.containsKey(key) && units.get(key).rules.size() == 1 ? unitRuleId.get(key) : null;
        }
    }

    static void add(Map<String, Object> root, Frameworks fw, Analysis a, LocalDate asOf) {
        RuleEngine rules = fw.engine().rules();
        Map<String, Status> outcome = new Coverage(a.findings(), rules).ruleOutcomes();

        // the first finding of each rule that has a place: its section of the description
        Map<String, Finding> firstOf = new LinkedHashMap<>();
        Map<String, Finding> firstOpen = new LinkedHashMap<>();
        for (Finding f : a.findings()) {
            if (rules.rule(f.ruleId()) == null) {
                continue;
            }
            if (f.path() != null) {
                firstOf.putIfAbsent(f.ruleId(), f);
            }
            if (f.status() == Status.failed || f.status() == Status.upcoming) {
                firstOpen.putIfAbsent(f.ruleId(), f);
            }
        }

        Map<String, Framework> frameworks = new LinkedHashMap<>();
        for (RulePackFile p : fw.engine().packs()) {
            frameworks.put(p.id(), new Framework(p));
        }
        Map<String, Framework> ruleFramework = new LinkedHashMap<>();
        for (RuleEngine.Compiled c : rules.rules()) {
            Framework f = frameworks.get(c.pack());
            Status s = outcome.get(c.rule().id());
            if (f == null || s == null) {
                continue;
            }
            ruleFramework.put(c.rule().id(), f);
            String ref = c.rule().refs().isEmpty() ? c.rule().id() : c.rule().refs().get(0);
            String u = f.unitOf(ref);
            f.units.computeIfAbsent(u, k -> new Tally()).add(c.rule().id(), s);
            f.unitGroup.putIfAbsent(u, f.groupOf(ref));
            f.unitRuleTitle.putIfAbsent(u, c.rule().title());
            f.unitRuleId.putIfAbsent(u, c.rule().id());
            f.groups.computeIfAbsent(f.groupOf(ref), k -> new Tally()).add(c.rule().id(), s);
            f.all.add(c.rule().id(), s);
        }

        frameworks.values().forEach(Framework::sort);
        List<Map<String, Object>> out = new ArrayList<>();
        for (Framework f : frameworks.values()) {
            out.add(framework(f, a, rules, routeKeys(a)));
        }
        // a prohibited practice has no standing to speak of under the Act that prohibits it: say so, whatever else is documented
        if (!out.isEmpty() && a.classification() != null && a.classification().isProhibited()) {
            out.get(0).put("standing", "prohibited");
        }
        root.put("frameworks", out);

        List<Map<String, Object>> sections = sections(a, frameworks, ruleFramework, outcome, firstOf);
        root.put("sections", sections);
        root.put("evidenceUse", evidenceUse(root, frameworks, ruleFramework, outcome, firstOf));
        matrix(root, fw.crosswalks(), frameworks, rules, outcome, firstOf);
        root.put("plan", plan(root, frameworks, ruleFramework, outcome, firstOpen, rules, asOf));
    }

    /** The keys a pack's route text is looked up by, most specific first: general-purpose class, risk tier, default. */
    private static List<String> routeKeys(Analysis a) {
        List<String> keys = new ArrayList<>();
        if (a.classification() != null) {
            if (a.classification().gpai() != null && !"none".equals(a.classification().gpai())) {
                keys.add(a.classification().gpai());
            }
            if (a.classification().tier() != null) {
                keys.add(a.classification().tier());
            }
        }
        keys.add("default");
        return keys;
    }

    private static Map<String, Object> framework(Framework f, Analysis a, RuleEngine rules, List<String> routeKeys) {
        RulePackFile p = f.pack;
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", p.id());
        m.put("name", Plain.xmlSafe(f.name));
        m.put("title", Plain.xmlSafe(p.title()));
        m.put("law", Plain.xmlSafe(p.law()));
        m.put("version", p.version());
        m.put("textVersion", Plain.xmlSafe(p.textVersion()));
        if (p.link() != null) {
            m.put("link", p.link());
        }
        m.put("nature", p.passport() == null ? "voluntary" : p.passport().nature());
        if (p.passport() != null) {
            routeKeys.stream().map(k -> p.passport().route().get(k)).filter(java.util.Objects::nonNull).findFirst()
                    .ifPresent(r -> m.put("route", Plain.xmlSafe(r)));
        }
        m.put("standing", f.all.standing());
        m.put("rules", f.all.toMap());

        Map<String, Object> unitCounts = new LinkedHashMap<>();
        for (String s : List.of("met", "partly", "gap", "upcoming", "notApplicable")) {
            unitCounts.put(s, 0);
        }
        f.units.values().forEach(t -> unitCounts.merge(t.standing(), 1, (x, y) -> (Integer) x + (Integer) y));
        unitCounts.put("total", f.units.size());
        m.put("units", unitCounts);

        List<Map<String, Object>> groups = new ArrayList<>();
        for (Map.Entry<String, Tally> g : f.groups.entrySet()) {
            Map<String, Object> gm = new LinkedHashMap<>();
            gm.put("key", g.getKey());
            String gt = f.titles.get(g.getKey());
            if (gt == null && f.group == null) {
                gt = f.title(g.getKey());
            }
            if (gt != null) {
                gm.put("title", Plain.xmlSafe(gt));
                if (f.group == null && f.titleRule(g.getKey()) != null) {
                    gm.put("titleRule", f.titleRule(g.getKey()));
                }
            }
            gm.putAll(g.getValue().toMap());
            List<Map<String, Object>> units = new ArrayList<>();
            for (Map.Entry<String, Tally> u : f.units.entrySet()) {
                if (!g.getKey().equals(f.unitGroup.get(u.getKey()))) {
                    continue;
                }
                Map<String, Object> um = new LinkedHashMap<>();
                um.put("key", u.getKey());
                String ut = f.title(u.getKey());
                if (ut != null) {
                    um.put("title", Plain.xmlSafe(ut));
                    if (f.titleRule(u.getKey()) != null) {
                        um.put("titleRule", f.titleRule(u.getKey()));
                    }
                }
                um.putAll(u.getValue().toMap());
                um.put("ruleIds", List.copyOf(u.getValue().rules));
                units.add(um);
            }
            gm.put("units", units);
            groups.add(gm);
        }
        m.put("groups", groups);

        List<Map<String, Object>> gaps = new ArrayList<>();
        List<Map<String, Object>> upcoming = new ArrayList<>();
        int errors = 0;
        int warnings = 0;
        List<Finding> sorted = new ArrayList<>(a.findings());
        sorted.sort(Comparator.comparing((Finding x) -> x.severity().ordinal()).thenComparing(Finding.ORDER));
        for (Finding x : sorted) {
            RuleEngine.Compiled c = rules.rule(x.ruleId());
            if (c == null || !c.pack().equals(p.id())) {
                continue;
            }
            if (x.status() == Status.failed) {
                gaps.add(DataModel.finding(x, rules));
                if (x.severity() == Severity.error) {
                    errors++;
                } else if (x.severity() == Severity.warning) {
                    warnings++;
                }
            } else if (x.status() == Status.upcoming) {
                upcoming.add(DataModel.finding(x, rules));
            }
        }
        m.put("gaps", gaps);
        m.put("upcomingGaps", upcoming);
        m.put("errors", errors);
        m.put("warnings", warnings);
        return m;
    }

    /** {@code spec.riskManagement.risks[2].measures} → {@code spec.riskManagement}; {@code metadata.name} → {@code metadata}. */
    static String section(String path) {
        String[] parts = path.replaceAll("\\[[0-9]+]", "").split("\\.");
        if (parts[0].equals("spec") && parts.length > 1) {
            return "spec." + parts[1];
        }
        return parts[0];
    }

    private static List<Map<String, Object>> sections(Analysis a, Map<String, Framework> frameworks, Map<String, Framework> ruleFramework,
                                                      Map<String, Status> outcome, Map<String, Finding> firstOf) {
        Map<String, Map<String, Tally>> bySection = new LinkedHashMap<>();
        Map<String, Integer> line = new LinkedHashMap<>();
        for (Map.Entry<String, Finding> e : firstOf.entrySet()) {
            Framework f = ruleFramework.get(e.getKey());
            Status s = outcome.get(e.getKey());
            if (f == null || s == null || s == Status.notApplicable) {
                continue;
            }
            String sec = section(e.getValue().path());
            bySection.computeIfAbsent(sec, k -> new LinkedHashMap<>()).computeIfAbsent(f.pack.id(), k -> new Tally()).add(e.getKey(), s);
            if (!line.containsKey(sec)) {
                // where the part is in the description; a part it lacks sorts last
                dev.aidossier.load.YNode node = a.loaded().root() == null ? null : dev.aidossier.load.YPath.find(a.loaded().root(), sec);
                line.put(sec, node == null ? Integer.MAX_VALUE : node.location().line());
            }
        }
        List<String> order = new ArrayList<>(bySection.keySet());
        order.sort(Comparator.comparing((String k) -> line.get(k)).thenComparing(k -> k));
        List<Map<String, Object>> out = new ArrayList<>();
        for (String sec : order) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("path", sec);
            if (line.get(sec) != Integer.MAX_VALUE) {
                m.put("line", line.get(sec));
            }
            List<Map<String, Object>> cells = new ArrayList<>();
            int serves = 0;
            for (Framework f : frameworks.values()) {
                Tally t = bySection.get(sec).getOrDefault(f.pack.id(), new Tally());
                Map<String, Object> c = new LinkedHashMap<>();
                c.put("id", f.pack.id());
                c.put("name", Plain.xmlSafe(f.name));
                c.putAll(t.toMap());
                cells.add(c);
                if (t.applicable() > 0) {
                    serves++;
                }
            }
            m.put("frameworks", cells);
            m.put("serves", serves);
            out.add(m);
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> evidenceUse(Map<String, Object> root, Map<String, Framework> frameworks,
                                                         Map<String, Framework> ruleFramework, Map<String, Status> outcome,
                                                         Map<String, Finding> firstOf) {
        List<Map<String, Object>> out = new ArrayList<>();
        Object ev = root.get("evidence");
        if (!(ev instanceof List<?> list)) {
            return out;
        }
        for (Object o : list) {
            Map<String, Object> e = (Map<String, Object>) o;
            Set<String> secs = new LinkedHashSet<>();
            for (Object c : (List<Object>) e.getOrDefault("citedBy", List.of())) {
                secs.add(section(c.toString()));
            }
            Map<String, Object> m = new LinkedHashMap<>();
            for (String k : List.of("id", "title", "path", "status")) {
                if (e.get(k) != null) {
                    m.put(k, e.get(k));
                }
            }
            m.put("sections", List.copyOf(secs));
            List<Map<String, Object>> cells = new ArrayList<>();
            for (Framework f : frameworks.values()) {
                Tally t = new Tally();
                for (Map.Entry<String, Finding> r : firstOf.entrySet()) {
                    Status s = outcome.get(r.getKey());
                    if (ruleFramework.get(r.getKey()) == f && s != null && s != Status.notApplicable
                            && secs.contains(section(r.getValue().path()))) {
                        t.add(r.getKey(), s);
                    }
                }
                Map<String, Object> c = new LinkedHashMap<>();
                c.put("id", f.pack.id());
                c.put("name", Plain.xmlSafe(f.name));
                c.putAll(t.toMap());
                cells.add(c);
            }
            m.put("frameworks", cells);
            out.add(m);
        }
        return out;
    }

    private static void matrix(Map<String, Object> root, List<CrosswalkFile> crosswalks, Map<String, Framework> frameworks,
                               RuleEngine rules, Map<String, Status> outcome, Map<String, Finding> firstOf) {
        List<Map<String, Object>> out = new ArrayList<>();
        Map<String, Object> columns = new LinkedHashMap<>();
        for (CrosswalkFile cw : crosswalks) {
            Framework eu = frameworks.get(cw.packs().eu());
            if (eu == null) {
                continue;
            }
            Framework nist = frameworks.get(cw.packs().nist());
            Framework iso = frameworks.get(cw.packs().iso());
            columns.put("eu", Plain.xmlSafe(eu.name));
            columns.put("nist", nist == null ? cw.packs().nist() : Plain.xmlSafe(nist.name));
            columns.put("iso", iso == null ? cw.packs().iso() : Plain.xmlSafe(iso.name));
            columns.put("euId", eu.pack.id());
            columns.put("nistId", cw.packs().nist());
            columns.put("isoId", cw.packs().iso());
            record Acc(Tally tally, Set<String> nist, Set<String> iso, Set<String> strengths, Set<String> sections) {
            }
            Map<String, Acc> byUnit = new LinkedHashMap<>();
            for (CrosswalkFile.Row row : cw.rows()) {
                RuleEngine.Compiled c = rules.rule(row.eu());
                if (c == null || !c.pack().equals(eu.pack.id()) || outcome.get(row.eu()) == null) {
                    continue;
                }
                String ref = c.rule().refs().isEmpty() ? c.rule().id() : c.rule().refs().get(0);
                Acc acc = byUnit.computeIfAbsent(eu.rowOf(ref), k -> new Acc(new Tally(), new LinkedHashSet<>(), new LinkedHashSet<>(), new LinkedHashSet<>(), new LinkedHashSet<>()));
                acc.tally().add(row.eu(), outcome.get(row.eu()));
                acc.nist().addAll(row.nist());
                acc.iso().addAll(row.iso());
                acc.strengths().add(row.strength());
                Finding f = firstOf.get(row.eu());
                if (f != null && outcome.get(row.eu()) != Status.notApplicable) {
                    acc.sections().add(section(f.path()));
                }
            }
            List<String> order = new ArrayList<>(byUnit.keySet());
            if (order.stream().allMatch(k -> Coverage.provision(k) != null)) {
                order.sort(Passport::legalOrder);
            }
            for (String unit : order) {
                Acc acc = byUnit.get(unit);
                Map<String, Object> m = new LinkedHashMap<>();
                Map<String, Object> e = new LinkedHashMap<>();
                e.put("key", unit);
                String t = eu.title(unit);
                if (t != null) {
                    e.put("title", Plain.xmlSafe(t));
                    if (eu.titleRule(unit) != null) {
                        e.put("titleRule", eu.titleRule(unit));
                    }
                }
                e.put("standing", acc.tally().standing());
                e.put("met", acc.tally().met);
                e.put("applicable", acc.tally().applicable());
                m.put("eu", e);
                m.put("nist", cells(nist, acc.nist()));
                m.put("iso", cells(iso, acc.iso()));
                m.put("strength", acc.strengths().contains("equivalent") ? "equivalent" : acc.strengths().contains("partial") ? "partial" : "related");
                m.put("sections", List.copyOf(acc.sections()));
                out.add(m);
            }
        }
        root.put("matrix", out);
        root.put("matrixColumns", columns);
    }

    private static List<Map<String, Object>> cells(Framework f, Set<String> keys) {
        List<String> sorted = new ArrayList<>(keys);
        sorted.sort(Passport::compareKeys);
        List<Map<String, Object>> out = new ArrayList<>();
        for (String k : sorted) {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("key", k);
            Tally t = f == null ? null : f.units.get(f.unitOf(k));
            c.put("standing", t == null ? "notAssessed" : t.standing());
            out.add(c);
        }
        return out;
    }

    /** Art. 9 before Art. 10 before Annex IV, Annex IV 2 before Annex IV 10. */
    static int legalOrder(String a, String b) {
        String pa = Coverage.provision(a);
        String pb = Coverage.provision(b);
        if (pa != null && pb != null) {
            int c = Coverage.compareProvisions(pa, pb);
            if (c != 0) {
                return c;
            }
        }
        return compareKeys(a, b);
    }

    /** GOVERN-1.10 after GOVERN-1.9; A.10.2 after A.9.4: numbers compared as numbers. */
    static int compareKeys(String a, String b) {
        String[] x = a.split("(?<=\\D)(?=\\d)|(?<=\\d)(?=\\D)");
        String[] y = b.split("(?<=\\D)(?=\\d)|(?<=\\d)(?=\\D)");
        for (int i = 0; i < Math.min(x.length, y.length); i++) {
            int c;
            if (Character.isDigit(x[i].charAt(0)) && Character.isDigit(y[i].charAt(0))) {
                c = Long.compare(Long.parseLong(x[i]), Long.parseLong(y[i]));
            } else {
                c = x[i].compareTo(y[i]);
            }
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(x.length, y.length);
    }

    private static boolean before(String date, LocalDate asOf) {
        try {
            return LocalDate.parse(date).isBefore(asOf);
        } catch (java.time.format.DateTimeParseException e) {
            return false; // the description's own validation reports a bad date
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> plan(Map<String, Object> root, Map<String, Framework> frameworks, Map<String, Framework> ruleFramework,
                                            Map<String, Status> outcome, Map<String, Finding> firstOpen, RuleEngine rules, LocalDate asOf) {
        Map<String, Object> plan = new LinkedHashMap<>();
        Object spec = root.get("spec");
        Object list = spec instanceof Map<?, ?> sm ? sm.get("actionPlan") : null;
        List<Map<String, Object>> actions = new ArrayList<>();
        Set<String> covered = new LinkedHashSet<>();
        if (list instanceof List<?> l) {
            for (Object o : l) {
                Map<String, Object> in = (Map<String, Object>) o;
                String gap = in.get("gap") == null ? "" : String.valueOf(in.get("gap")).strip();
                Set<String> matched = new LinkedHashSet<>();
                for (RuleEngine.Compiled c : rules.rules()) {
                    if (!outcome.containsKey(c.rule().id())) {
                        continue;
                    }
                    if (c.rule().id().equals(gap) || c.rule().refs().stream().anyMatch(r -> Coverage.prefixes(r).contains(gap))) {
                        matched.add(c.rule().id());
                    }
                }
                Map<String, Object> m = new LinkedHashMap<>(in);
                List<String> open = matched.stream().filter(r -> outcome.get(r) == Status.failed || outcome.get(r) == Status.upcoming).toList();
                String status = matched.isEmpty() ? "unlinked" : open.isEmpty() ? "met" : "open";
                m.put("status", status);
                m.put("rules", List.copyOf(matched));
                m.put("openRules", open);
                Object target = in.get("targetDate");
                m.put("overdue", !status.equals("met") && target != null && before(target.toString(), asOf));
                List<String> names = new ArrayList<>();
                List<String> ids = new ArrayList<>();
                Object fws = in.get("frameworks");
                if (fws instanceof List<?> fl) {
                    for (Object x : fl) {
                        Framework f = frameworks.get(String.valueOf(x));
                        names.add(f == null ? Plain.xmlSafe(String.valueOf(x)) : Plain.xmlSafe(f.name));
                        ids.add(Plain.xmlSafe(String.valueOf(x)));
                    }
                }
                if (names.isEmpty()) {
                    // no frameworks named: those of the rules it covers
                    matched.stream().map(ruleFramework::get).filter(java.util.Objects::nonNull).distinct().forEach(f -> {
                        names.add(Plain.xmlSafe(f.name));
                        ids.add(f.pack.id());
                    });
                }
                m.put("frameworkNames", names);
                m.put("frameworkIds", ids);
                covered.addAll(matched);
                actions.add(m);
            }
        }
        actions.sort(Comparator.comparing((Map<String, Object> m) -> String.valueOf(m.get("targetDate"))));
        plan.put("actions", actions);

        List<Map<String, Object>> unplanned = new ArrayList<>();
        int unplannedTotal = 0;
        for (Framework f : frameworks.values()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", f.pack.id());
            m.put("name", Plain.xmlSafe(f.name));
            List<Map<String, Object>> gaps = new ArrayList<>();
            int open = 0;
            for (Map.Entry<String, Finding> e : firstOpen.entrySet()) {
                if (ruleFramework.get(e.getKey()) != f) {
                    continue;
                }
                open++;
                if (!covered.contains(e.getKey())) {
                    gaps.add(DataModel.finding(e.getValue(), rules));
                }
            }
            gaps.sort(Comparator.comparing((Map<String, Object> g) -> Severity.parse(g.get("severity").toString()).ordinal()));
            m.put("open", open);
            m.put("planned", open - gaps.size());
            m.put("gaps", gaps);
            unplannedTotal += gaps.size();
            unplanned.add(m);
        }
        plan.put("unplanned", unplanned);
        plan.put("unplannedTotal", unplannedTotal);
        plan.put("overdue", actions.stream().filter(m -> Boolean.TRUE.equals(m.get("overdue"))).count());
        return plan;
    }
}
