package dev.aidossier.render;

import dev.aidossier.analysis.Analysis;
import dev.aidossier.analysis.Frameworks;
import dev.aidossier.analysis.Standings;
import dev.aidossier.core.Finding;
import dev.aidossier.rules.RuleEngine;
import dev.aidossier.rules.RulePackFile;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
 * <p>A view: the judging (standings, the matrix, the plan's status) is {@link Standings}'s; this class only
 * turns it into the plain maps the templates read.
 */
final class Passport {

    private Passport() {
    }

    static void add(Map<String, Object> root, Frameworks fw, Analysis a, LocalDate asOf) {
        RuleEngine rules = fw.engine().rules();
        Standings st = Standings.of(fw, a, asOf);
        List<Map<String, Object>> out = new ArrayList<>();
        for (Standings.Framework f : st.frameworks()) {
            out.add(framework(f, rules));
        }
        root.put("frameworks", out);
        root.put("sections", sections(st));
        root.put("evidenceUse", evidenceUse(root, st));
        matrix(root, st);
        root.put("plan", plan(root, st, rules));
    }

    private static Map<String, Object> tally(Standings.Tally t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("standing", t.standing());
        m.put("met", t.met());
        m.put("failed", t.failed());
        m.put("upcoming", t.upcoming());
        m.put("waived", t.waived());
        m.put("notApplicable", t.notApplicable());
        m.put("applicable", t.applicable());
        m.put("rules", t.ruleIds().size());
        return m;
    }

    private static Map<String, Object> framework(Standings.Framework f, RuleEngine rules) {
        RulePackFile p = f.pack();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", p.id());
        m.put("name", Plain.xmlSafe(f.name()));
        m.put("title", Plain.xmlSafe(p.title()));
        m.put("law", Plain.xmlSafe(p.law()));
        m.put("version", p.version());
        m.put("textVersion", Plain.xmlSafe(p.textVersion()));
        if (p.link() != null) {
            m.put("link", p.link());
        }
        m.put("nature", f.nature());
        if (f.route() != null) {
            m.put("route", Plain.xmlSafe(f.route()));
        }
        m.put("standing", f.standing());
        m.put("rules", tally(f.all()));

        Map<String, Object> unitCounts = new LinkedHashMap<>();
        for (String s : List.of("met", "partly", "gap", "upcoming", "notApplicable")) {
            unitCounts.put(s, 0);
        }
        f.units().values().forEach(t -> unitCounts.merge(t.standing(), 1, (x, y) -> (Integer) x + (Integer) y));
        unitCounts.put("total", f.units().size());
        m.put("units", unitCounts);

        List<Map<String, Object>> groups = new ArrayList<>();
        for (Map.Entry<String, Standings.Tally> g : f.groups().entrySet()) {
            Map<String, Object> gm = new LinkedHashMap<>();
            gm.put("key", g.getKey());
            String gt = f.packTitle(g.getKey());
            if (gt == null && !f.hasGroups()) {
                gt = f.title(g.getKey());
            }
            if (gt != null) {
                gm.put("title", Plain.xmlSafe(gt));
                if (!f.hasGroups() && f.titleRule(g.getKey()) != null) {
                    gm.put("titleRule", f.titleRule(g.getKey()));
                }
            }
            gm.putAll(tally(g.getValue()));
            List<Map<String, Object>> units = new ArrayList<>();
            for (String u : f.unitsOf(g.getKey())) {
                Standings.Tally t = f.units().get(u);
                Map<String, Object> um = new LinkedHashMap<>();
                um.put("key", u);
                String ut = f.title(u);
                if (ut != null) {
                    um.put("title", Plain.xmlSafe(ut));
                    if (f.titleRule(u) != null) {
                        um.put("titleRule", f.titleRule(u));
                    }
                }
                um.putAll(tally(t));
                um.put("ruleIds", t.ruleIds());
                units.add(um);
            }
            gm.put("units", units);
            groups.add(gm);
        }
        m.put("groups", groups);
        m.put("gaps", f.gaps().stream().map(x -> DataModel.finding(x, rules)).toList());
        m.put("upcomingGaps", f.upcomingGaps().stream().map(x -> DataModel.finding(x, rules)).toList());
        m.put("errors", f.errors());
        m.put("warnings", f.warnings());
        return m;
    }

    private static List<Map<String, Object>> cells(Standings st, java.util.function.Function<Standings.Framework, Standings.Tally> tallyOf) {
        List<Map<String, Object>> cells = new ArrayList<>();
        for (Standings.Framework f : st.frameworks()) {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("id", f.id());
            c.put("name", Plain.xmlSafe(f.name()));
            c.putAll(tally(tallyOf.apply(f)));
            cells.add(c);
        }
        return cells;
    }

    private static List<Map<String, Object>> sections(Standings st) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Standings.Section sec : st.sections()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("path", sec.path());
            if (sec.line() != null) {
                m.put("line", sec.line());
            }
            m.put("frameworks", cells(st, f -> sec.byFramework().get(f.id())));
            m.put("serves", sec.serves());
            out.add(m);
        }
        return out;
    }

    /** Each evidence file of the data model with, per framework, the rules of the parts of the description citing it. */
    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> evidenceUse(Map<String, Object> root, Standings st) {
        List<Map<String, Object>> out = new ArrayList<>();
        Object ev = root.get("evidence");
        if (!(ev instanceof List<?> list)) {
            return out;
        }
        for (Object o : list) {
            Map<String, Object> e = (Map<String, Object>) o;
            Set<String> secs = new LinkedHashSet<>();
            for (Object c : (List<Object>) e.getOrDefault("citedBy", List.of())) {
                secs.add(Standings.section(c.toString()));
            }
            Map<String, Object> m = new LinkedHashMap<>();
            for (String k : List.of("id", "title", "path", "status")) {
                if (e.get(k) != null) {
                    m.put(k, e.get(k));
                }
            }
            m.put("sections", List.copyOf(secs));
            m.put("frameworks", cells(st, f -> st.inSections(f, secs)));
            out.add(m);
        }
        return out;
    }

    private static void matrix(Map<String, Object> root, Standings st) {
        List<Map<String, Object>> out = new ArrayList<>();
        Map<String, Object> columns = new LinkedHashMap<>();
        Standings.MatrixColumns cols = st.columns();
        if (cols != null) {
            columns.put("eu", Plain.xmlSafe(cols.eu().name()));
            columns.put("nist", cols.nist() == null ? cols.nistId() : Plain.xmlSafe(cols.nist().name()));
            columns.put("iso", cols.iso() == null ? cols.isoId() : Plain.xmlSafe(cols.iso().name()));
            columns.put("euId", cols.eu().id());
            columns.put("nistId", cols.nistId());
            columns.put("isoId", cols.isoId());
        }
        for (Standings.MatrixRow row : st.matrix()) {
            Standings.Framework eu = row.framework();
            Map<String, Object> m = new LinkedHashMap<>();
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("key", row.unit());
            String t = eu.title(row.unit());
            if (t != null) {
                e.put("title", Plain.xmlSafe(t));
                if (eu.titleRule(row.unit()) != null) {
                    e.put("titleRule", eu.titleRule(row.unit()));
                }
            }
            e.put("standing", row.tally().standing());
            e.put("met", row.tally().met());
            e.put("applicable", row.tally().applicable());
            m.put("eu", e);
            m.put("nist", keyCells(row.nist()));
            m.put("iso", keyCells(row.iso()));
            m.put("strength", row.strength());
            m.put("sections", row.sections());
            out.add(m);
        }
        root.put("matrix", out);
        root.put("matrixColumns", columns);
    }

    private static List<Map<String, Object>> keyCells(List<Standings.KeyStanding> keys) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Standings.KeyStanding k : keys) {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("key", k.key());
            c.put("standing", k.standing());
            out.add(c);
        }
        return out;
    }

    /** The plan: each action as the data model shows it (its texts in the document's language) with its judged status. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> plan(Map<String, Object> root, Standings st, RuleEngine rules) {
        Map<String, Object> plan = new LinkedHashMap<>();
        Object spec = root.get("spec");
        Object list = spec instanceof Map<?, ?> sm ? sm.get("actionPlan") : null;
        List<Object> shown = list instanceof List<?> l ? (List<Object>) l : List.of();
        List<Map<String, Object>> actions = new ArrayList<>();
        for (Standings.Action a : st.actions()) {
            Map<String, Object> m = new LinkedHashMap<>(a.index() < shown.size() ? (Map<String, Object>) shown.get(a.index()) : Map.of());
            m.put("status", a.status());
            m.put("rules", a.rules());
            m.put("openRules", a.openRules());
            m.put("overdue", a.overdue());
            List<String> names = new ArrayList<>();
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < a.frameworkIds().size(); i++) {
                Standings.Framework f = a.frameworks().get(i);
                names.add(Plain.xmlSafe(f == null ? a.frameworkIds().get(i) : f.name()));
                ids.add(Plain.xmlSafe(a.frameworkIds().get(i)));
            }
            m.put("frameworkNames", names);
            m.put("frameworkIds", ids);
            actions.add(m);
        }
        plan.put("actions", actions);

        List<Map<String, Object>> unplanned = new ArrayList<>();
        int unplannedTotal = 0;
        for (Standings.Unplanned u : st.unplanned()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", u.framework().id());
            m.put("name", Plain.xmlSafe(u.framework().name()));
            List<Map<String, Object>> gaps = new ArrayList<>();
            for (Finding g : u.gaps()) {
                gaps.add(DataModel.finding(g, rules));
            }
            m.put("open", u.open());
            m.put("planned", u.planned());
            m.put("gaps", gaps);
            unplannedTotal += gaps.size();
            unplanned.add(m);
        }
        plan.put("unplanned", unplanned);
        plan.put("unplannedTotal", unplannedTotal);
        plan.put("overdue", st.overdue());
        return plan;
    }
}
