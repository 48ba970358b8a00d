package dev.aidossier.analysis;

import dev.aidossier.core.Finding;
import dev.aidossier.core.Severity;
import dev.aidossier.core.Status;
import dev.aidossier.model.SystemDescription;
import dev.aidossier.model.SystemSpec;
import dev.aidossier.rules.CrosswalkFile;
import dev.aidossier.rules.RuleEngine;
import dev.aidossier.rules.RulePackFile;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One description's standing under every framework whose pack was loaded, judged once: per framework its
 * units and groups (as the pack's {@code passport} cuts rules into them), the parts of the description the
 * rules read, the crosswalk matrix, and the status of each action of {@code spec.actionPlan}. The regulatory
 * passport and the Regulatory Interoperability Plan show it; they do not judge.
 *
 * <p>Standing of a set of rules (a unit, a group, a framework, a section) from their outcomes: not
 * applicable when none applies; met when none is failed or upcoming (waived counts as met: accepted by
 * someone accountable); upcoming when none is failed but some are upcoming; gap when some are failed and
 * none met; otherwise partly met. A prohibited practice has the standing "prohibited" under the first pack.
 */
public final class Standings {

    /** Outcome counts of a set of rules, and the standing they give. */
    public static final class Tally {
        private final Set<String> rules = new LinkedHashSet<>();
        private int met;
        private int failed;
        private int upcoming;
        private int waived;
        private int notApplicable;

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

        public int met() {
            return met;
        }

        public int failed() {
            return failed;
        }

        public int upcoming() {
            return upcoming;
        }

        public int waived() {
            return waived;
        }

        public int notApplicable() {
            return notApplicable;
        }

        public int applicable() {
            return met + failed + upcoming;
        }

        /** The rule ids counted, in the order they were met. */
        public List<String> ruleIds() {
            return List.copyOf(rules);
        }

        public String standing() {
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
    }

    /** One framework: its pack, how it cuts rules into units and groups, its tallies, and its open findings. */
    public static final class Framework {
        private final RulePackFile pack;
        private final String name;
        private final Pattern unit;
        private final Pattern group;
        private final Pattern row;
        private final Map<String, String> titles;
        private final dev.aidossier.rules.Provisions provisions;
        private final Map<String, Tally> units = new LinkedHashMap<>();
        private final Map<String, String> unitGroup = new LinkedHashMap<>();
        private final Map<String, String> unitRuleTitle = new LinkedHashMap<>();
        private final Map<String, String> unitRuleId = new LinkedHashMap<>();
        private final Map<String, Tally> groups = new LinkedHashMap<>();
        private final Tally all = new Tally();
        private final List<Finding> gaps = new ArrayList<>();
        private final List<Finding> upcomingGaps = new ArrayList<>();
        private String standing;
        private String route;
        private int errors;
        private int warnings;

        Framework(RulePackFile pack) {
            this.pack = pack;
            RulePackFile.Passport p = pack.passport();
            this.name = p == null ? pack.id() : p.name();
            this.unit = p == null ? null : Pattern.compile(p.unit());
            this.group = p == null || p.group() == null ? null : Pattern.compile(p.group());
            this.row = p == null || p.row() == null ? null : Pattern.compile(p.row());
            this.titles = p == null || p.titles() == null ? Map.of() : p.titles();
            this.provisions = dev.aidossier.rules.Provisions.of(pack);
        }

        public RulePackFile pack() {
            return pack;
        }

        public String id() {
            return pack.id();
        }

        /** The name the passport gives the framework (its pack id without one). */
        public String name() {
            return name;
        }

        /** binding or voluntary. */
        public String nature() {
            return pack.passport() == null ? "voluntary" : pack.passport().nature();
        }

        /** How conformity is shown for this description's class or tier, from the pack's passport; or null. */
        public String route() {
            return route;
        }

        public String standing() {
            return standing;
        }

        /** Every rule of the framework. */
        public Tally all() {
            return all;
        }

        /** Units (articles, annexes, subcategories) in legal or pack order. */
        public Map<String, Tally> units() {
            return Collections.unmodifiableMap(units);
        }

        /** Groups in legal or pack order. */
        public Map<String, Tally> groups() {
            return Collections.unmodifiableMap(groups);
        }

        /** The units of one group, in unit order. */
        public List<String> unitsOf(String groupKey) {
            return units.keySet().stream().filter(u -> groupKey.equals(unitGroup.get(u))).toList();
        }

        /** Whether the pack cuts groups of its own (else each unit is its own group). */
        public boolean hasGroups() {
            return group != null;
        }

        /** The pack's own title of a key, or null. */
        public String packTitle(String key) {
            return titles.get(key);
        }

        /** Failed findings of this framework's rules, by severity then place; and the upcoming ones. */
        public List<Finding> gaps() {
            return Collections.unmodifiableList(gaps);
        }

        public List<Finding> upcomingGaps() {
            return Collections.unmodifiableList(upcomingGaps);
        }

        public int errors() {
            return errors;
        }

        public int warnings() {
            return warnings;
        }

        public String unitOf(String ref) {
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

        /**
         * Articles and annexes in legal order (the pack's rule files need not follow it), when every key belongs to
         * one of the pack's provisions; other keys stay in pack order.
         */
        void sort() {
            reorder(units);
            reorder(groups);
        }

        private void reorder(Map<String, Tally> m) {
            if (inLegalOrder(m.keySet())) {
                List<Map.Entry<String, Tally>> es = new ArrayList<>(m.entrySet());
                es.sort((x, y) -> legalOrder(x.getKey(), y.getKey()));
                m.clear();
                es.forEach(e -> m.put(e.getKey(), e.getValue()));
            }
        }

        boolean inLegalOrder(java.util.Collection<String> keys) {
            return keys.stream().allMatch(k -> provisions.of(k) != null);
        }

        /** Art. 9 before Art. 10 before Annex IV, Annex IV 2 before Annex IV 10 (the pack's provisions' order). */
        int legalOrder(String a, String b) {
            String pa = provisions.of(a);
            String pb = provisions.of(b);
            if (pa != null && pb != null) {
                int c = provisions.compare(pa, pb);
                if (c != 0) {
                    return c;
                }
            }
            return compareKeys(a, b);
        }

        /** The title of a unit or group: the pack's, else the title of its only rule; or null. */
        public String title(String key) {
            String t = titles.get(key);
            if (t != null) {
                return t;
            }
            return units.containsKey(key) && units.get(key).rules.size() == 1 ? unitRuleTitle.get(key) : null;
        }

        /** The rule whose title {@link #title} gives (so a document can show it translated), or null for a title of the pack. */
        public String titleRule(String key) {
            if (titles.containsKey(key)) {
                return null;
            }
            return units.containsKey(key) && units.get(key).rules.size() == 1 ? unitRuleId.get(key) : null;
        }
    }

    /** A part of the description the rules read ({@code spec.riskManagement}), where it is, and its tally per framework. */
    public record Section(String path, Integer line, Map<String, Tally> byFramework) {
        /** How many frameworks some applicable rule of this part serves. */
        public int serves() {
            return (int) byFramework.values().stream().filter(t -> t.applicable() > 0).count();
        }
    }

    /** A key of a framework the crosswalk names, with its unit's standing (notAssessed when the pack is not loaded). */
    public record KeyStanding(String key, String standing) {
    }

    /** One row of the crosswalk matrix: a unit of the EU framework, its tally, and the NIST and ISO keys it maps to. */
    public record MatrixRow(Framework framework, String unit, Tally tally, List<KeyStanding> nist, List<KeyStanding> iso, String strength,
                            List<String> sections) {
    }

    /** The three columns of the matrix: the EU framework and the ids of the two others (null frameworks when not loaded). */
    public record MatrixColumns(Framework eu, String nistId, Framework nist, String isoId, Framework iso) {
    }

    /**
     * An action of {@code spec.actionPlan} ({@code index} into that list) judged: the rules its gap names,
     * those still open, its status (open, met, unlinked), whether its target date has passed while not met,
     * and the frameworks it serves (named by the action, else those of its rules; {@code frameworks} holds
     * null for an id no loaded pack has).
     */
    public record Action(int index, SystemSpec.Action action, List<String> rules, List<String> openRules, String status, boolean overdue,
                         List<String> frameworkIds, List<Framework> frameworks) {
    }

    /** Per framework: how many of its rules are open (failed or upcoming), and the first open finding of each no action covers. */
    public record Unplanned(Framework framework, int open, List<Finding> gaps) {
        public int planned() {
            return open - gaps.size();
        }
    }

    private final List<Framework> frameworks;
    private final Map<String, Framework> ruleFramework;
    private final Map<String, Status> outcome;
    private final Map<String, Finding> firstOf;
    private final List<Section> sections;
    private final List<MatrixRow> matrix;
    private final MatrixColumns columns;
    private final List<Action> actions;
    private final List<Unplanned> unplanned;

    public List<Framework> frameworks() {
        return frameworks;
    }

    public List<Section> sections() {
        return sections;
    }

    public List<MatrixRow> matrix() {
        return matrix;
    }

    /** The columns of the last crosswalk whose EU pack is loaded, or null. */
    public MatrixColumns columns() {
        return columns;
    }

    /** The actions, by target date. */
    public List<Action> actions() {
        return actions;
    }

    public List<Unplanned> unplanned() {
        return unplanned;
    }

    public long overdue() {
        return actions.stream().filter(Action::overdue).count();
    }

    /**
     * The tally of one framework's applicable rules whose first finding lies in one of {@code sections} (the
     * parts of the description that cite a piece of evidence, say).
     */
    public Tally inSections(Framework f, Set<String> sections) {
        Tally t = new Tally();
        for (Map.Entry<String, Finding> r : firstOf.entrySet()) {
            Status s = outcome.get(r.getKey());
            if (ruleFramework.get(r.getKey()) == f && s != null && s != Status.notApplicable && sections.contains(section(r.getValue().path()))) {
                t.add(r.getKey(), s);
            }
        }
        return t;
    }

    /** {@code spec.riskManagement.risks[2].measures} → {@code spec.riskManagement}; {@code metadata.name} → {@code metadata}. */
    public static String section(String path) {
        String[] parts = path.replaceAll("\\[[0-9]+]", "").split("\\.");
        if (parts[0].equals("spec") && parts.length > 1) {
            return "spec." + parts[1];
        }
        return parts[0];
    }

    /** The standings of {@code a} (judged against every framework of {@code fw}) as of {@code asOf}. */
    public static Standings of(Frameworks fw, Analysis a, LocalDate asOf) {
        return new Standings(fw, a, asOf);
    }

    private Standings(Frameworks fw, Analysis a, LocalDate asOf) {
        RuleEngine rules = fw.engine().rules();
        outcome = new Coverage(a.findings(), rules).ruleOutcomes();

        // the first finding of each rule that has a place: its section of the description
        firstOf = new LinkedHashMap<>();
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

        Map<String, Framework> byId = new LinkedHashMap<>();
        for (RulePackFile p : fw.engine().packs()) {
            byId.put(p.id(), new Framework(p));
        }
        ruleFramework = new LinkedHashMap<>();
        for (RuleEngine.Compiled c : rules.rules()) {
            Framework f = byId.get(c.pack());
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
        byId.values().forEach(Framework::sort);
        List<String> routeKeys = routeKeys(a);
        List<Finding> sorted = new ArrayList<>(a.findings());
        sorted.sort(Comparator.comparing((Finding x) -> x.severity().ordinal()).thenComparing(Finding.ORDER));
        for (Framework f : byId.values()) {
            f.standing = f.all.standing();
            RulePackFile.Passport pp = f.pack.passport();
            if (pp != null) {
                f.route = routeKeys.stream().map(k -> pp.route().get(k)).filter(java.util.Objects::nonNull).findFirst().orElse(null);
            }
            for (Finding x : sorted) {
                RuleEngine.Compiled c = rules.rule(x.ruleId());
                if (c == null || !c.pack().equals(f.id())) {
                    continue;
                }
                if (x.status() == Status.failed) {
                    f.gaps.add(x);
                    if (x.severity() == Severity.error) {
                        f.errors++;
                    } else if (x.severity() == Severity.warning) {
                        f.warnings++;
                    }
                } else if (x.status() == Status.upcoming) {
                    f.upcomingGaps.add(x);
                }
            }
        }
        frameworks = List.copyOf(byId.values());
        // a prohibited practice has no standing to speak of under the Act that prohibits it: say so, whatever else is documented
        if (!frameworks.isEmpty() && a.classification() != null && a.classification().isProhibited()) {
            frameworks.get(0).standing = "prohibited";
        }
        sections = sections(a);
        List<MatrixRow> rows = new ArrayList<>();
        columns = matrix(fw.crosswalks(), byId, rules, rows);
        matrix = List.copyOf(rows);
        List<Action> acts = new ArrayList<>();
        unplanned = plan(a, byId, firstOpen, rules, asOf, acts);
        actions = List.copyOf(acts);
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

    private List<Section> sections(Analysis a) {
        Map<String, Map<String, Tally>> bySection = new LinkedHashMap<>();
        Map<String, Integer> line = new LinkedHashMap<>();
        for (Map.Entry<String, Finding> e : firstOf.entrySet()) {
            Framework f = ruleFramework.get(e.getKey());
            Status s = outcome.get(e.getKey());
            if (f == null || s == null || s == Status.notApplicable) {
                continue;
            }
            String sec = section(e.getValue().path());
            bySection.computeIfAbsent(sec, k -> new LinkedHashMap<>()).computeIfAbsent(f.id(), k -> new Tally()).add(e.getKey(), s);
            if (!line.containsKey(sec)) {
                // where the part is in the description; a part it lacks sorts last
                dev.aidossier.load.YNode node = a.loaded().root() == null ? null : dev.aidossier.load.YPath.find(a.loaded().root(), sec);
                line.put(sec, node == null ? Integer.MAX_VALUE : node.location().line());
            }
        }
        List<String> order = new ArrayList<>(bySection.keySet());
        order.sort(Comparator.comparing((String k) -> line.get(k)).thenComparing(k -> k));
        List<Section> out = new ArrayList<>();
        for (String sec : order) {
            Map<String, Tally> cells = new LinkedHashMap<>();
            for (Framework f : frameworks) {
                cells.put(f.id(), bySection.get(sec).getOrDefault(f.id(), new Tally()));
            }
            out.add(new Section(sec, line.get(sec) == Integer.MAX_VALUE ? null : line.get(sec), Collections.unmodifiableMap(cells)));
        }
        return List.copyOf(out);
    }

    private MatrixColumns matrix(List<CrosswalkFile> crosswalks, Map<String, Framework> byId, RuleEngine rules, List<MatrixRow> out) {
        MatrixColumns columns = null;
        for (CrosswalkFile cw : crosswalks) {
            Framework eu = byId.get(cw.packs().eu());
            if (eu == null) {
                continue;
            }
            Framework nist = byId.get(cw.packs().nist());
            Framework iso = byId.get(cw.packs().iso());
            columns = new MatrixColumns(eu, cw.packs().nist(), nist, cw.packs().iso(), iso);
            record Acc(Tally tally, Set<String> nist, Set<String> iso, Set<String> strengths, Set<String> sections) {
            }
            Map<String, Acc> byUnit = new LinkedHashMap<>();
            for (CrosswalkFile.Row row : cw.rows()) {
                RuleEngine.Compiled c = rules.rule(row.eu());
                if (c == null || !c.pack().equals(eu.id()) || outcome.get(row.eu()) == null) {
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
            if (eu.inLegalOrder(order)) {
                order.sort(eu::legalOrder);
            }
            for (String unit : order) {
                Acc acc = byUnit.get(unit);
                String strength = acc.strengths().contains("equivalent") ? "equivalent" : acc.strengths().contains("partial") ? "partial" : "related";
                out.add(new MatrixRow(eu, unit, acc.tally(), cells(nist, acc.nist()), cells(iso, acc.iso()), strength, List.copyOf(acc.sections())));
            }
        }
        return columns;
    }

    private static List<KeyStanding> cells(Framework f, Set<String> keys) {
        List<String> sorted = new ArrayList<>(keys);
        sorted.sort(Standings::compareKeys);
        List<KeyStanding> out = new ArrayList<>();
        for (String k : sorted) {
            Tally t = f == null ? null : f.units.get(f.unitOf(k));
            out.add(new KeyStanding(k, t == null ? "notAssessed" : t.standing()));
        }
        return List.copyOf(out);
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

    private List<Unplanned> plan(Analysis a, Map<String, Framework> byId, Map<String, Finding> firstOpen, RuleEngine rules,
                                 LocalDate asOf, List<Action> actions) {
        List<SystemSpec.Action> list = a.loaded().model() instanceof SystemDescription sd && sd.spec() != null && sd.spec().actionPlan() != null
                ? sd.spec().actionPlan() : List.of();
        Set<String> covered = new LinkedHashSet<>();
        for (int i = 0; i < list.size(); i++) {
            SystemSpec.Action in = list.get(i);
            String gap = in.gap() == null ? "" : in.gap().strip();
            Set<String> matched = new LinkedHashSet<>();
            for (RuleEngine.Compiled c : rules.rules()) {
                if (!outcome.containsKey(c.rule().id())) {
                    continue;
                }
                if (c.rule().id().equals(gap) || c.rule().refs().stream().anyMatch(r -> dev.aidossier.core.ReferenceKeys.under(r, List.of(gap)))) {
                    matched.add(c.rule().id());
                }
            }
            List<String> open = matched.stream().filter(r -> outcome.get(r) == Status.failed || outcome.get(r) == Status.upcoming).toList();
            String status = matched.isEmpty() ? "unlinked" : open.isEmpty() ? "met" : "open";
            boolean overdue = !status.equals("met") && in.targetDate() != null && in.targetDate().isBefore(asOf);
            List<String> ids = new ArrayList<>();
            List<Framework> fws = new ArrayList<>();
            if (in.frameworks() != null) {
                for (String x : in.frameworks()) {
                    ids.add(x);
                    fws.add(byId.get(x));
                }
            }
            if (ids.isEmpty()) {
                // no frameworks named: those of the rules it covers
                matched.stream().map(ruleFramework::get).filter(java.util.Objects::nonNull).distinct().forEach(f -> {
                    ids.add(f.id());
                    fws.add(f);
                });
            }
            covered.addAll(matched);
            actions.add(new Action(i, in, List.copyOf(matched), open, status, overdue, List.copyOf(ids), Collections.unmodifiableList(fws)));
        }
        actions.sort(Comparator.comparing((Action x) -> String.valueOf(x.action().targetDate())));

        List<Unplanned> out = new ArrayList<>();
        for (Framework f : byId.values()) {
            List<Finding> gaps = new ArrayList<>();
            int open = 0;
            for (Map.Entry<String, Finding> e : firstOpen.entrySet()) {
                if (ruleFramework.get(e.getKey()) != f) {
                    continue;
                }
                open++;
                if (!covered.contains(e.getKey())) {
                    gaps.add(e.getValue());
                }
            }
            gaps.sort(Comparator.comparing((Finding g) -> g.severity().ordinal()));
            out.add(new Unplanned(f, open, List.copyOf(gaps)));
        }
        return List.copyOf(out);
    }
}
