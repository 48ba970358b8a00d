package dev.aidossier.analysis;

import dev.aidossier.core.Finding;
import dev.aidossier.core.Status;
import dev.aidossier.rules.RuleEngine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * How far a description meets the rules, per reference key and per provision.
 *
 * <p>A rule can yield several findings (one per list item); its outcome is the worst of them: failed,
 * then upcoming, then waived, then passed; notApplicable only when every finding is. A rule counts
 * towards every prefix of every reference key it names ({@code AnxIV.2.d.3} counts for {@code AnxIV},
 * {@code AnxIV.2}, {@code AnxIV.2.d} and {@code AnxIV.2.d.3}), once per prefix. Completeness of a key is
 * passed / applicable, where applicable is every rule that is not notApplicable (upcoming ones included:
 * they are unmet, only not yet due). Only rules of the pack count; the tool's own checks (schema,
 * evidence, waivers) have no passing side and are listed as findings instead. The documents show it
 * (the gap report's completeness per point and article); they do not compute it.
 */
public final class Coverage {


    /** Outcome counts of the rules under one key: each set holds the rule ids with that outcome. */
    public static final class Tally {
        private final Set<String> failed = new LinkedHashSet<>();
        private final Set<String> upcoming = new LinkedHashSet<>();
        private final Set<String> waived = new LinkedHashSet<>();
        private final Set<String> passed = new LinkedHashSet<>();
        private final Set<String> notApplicable = new LinkedHashSet<>();

        void add(String rule, Status s) {
            switch (s) {
                case failed -> failed.add(rule);
                case upcoming -> upcoming.add(rule);
                case waived -> waived.add(rule);
                case passed -> passed.add(rule);
                case notApplicable -> notApplicable.add(rule);
            }
        }

        public int failed() {
            return failed.size();
        }

        public int upcoming() {
            return upcoming.size();
        }

        public int waived() {
            return waived.size();
        }

        public int passed() {
            return passed.size();
        }

        public int notApplicable() {
            return notApplicable.size();
        }

        /** Every rule that is not notApplicable (upcoming ones included: unmet, only not yet due). */
        public int applicable() {
            return failed.size() + upcoming.size() + waived.size() + passed.size();
        }

        public int rules() {
            return applicable() + notApplicable.size();
        }

        /** passed / applicable in whole per cent, rounded down; null when no rule applies. */
        public Integer completeness() {
            return applicable() == 0 ? null : (int) Math.floor(100.0 * passed.size() / applicable());
        }
    }

    private final Map<String, Tally> byKey = new TreeMap<>();
    private final Map<String, Tally> byProvision;
    private final Map<String, Status> ruleOutcome = new LinkedHashMap<>();

    /** The outcome of each rule, with no provisions to count by. */
    public Coverage(List<Finding> findings, RuleEngine rules) {
        this(findings, rules, dev.aidossier.rules.Provisions.NONE);
    }

    /** The outcome of each rule, and the tallies per key and per provision of {@code provisions} (the pack's). */
    public Coverage(List<Finding> findings, RuleEngine rules, dev.aidossier.rules.Provisions provisions) {
        byProvision = new TreeMap<>(provisions::compare);
        Map<String, List<Finding>> perRule = new LinkedHashMap<>();
        for (Finding f : findings) {
            if (rules.rule(f.ruleId()) != null) {
                perRule.computeIfAbsent(f.ruleId(), k -> new ArrayList<>()).add(f);
            }
        }
        for (Map.Entry<String, List<Finding>> e : perRule.entrySet()) {
            String rule = e.getKey();
            Status outcome = e.getValue().stream().map(Finding::status).min(Comparator.comparingInt(Coverage::rank)).orElseThrow();
            ruleOutcome.put(rule, outcome);
            Set<String> keys = new LinkedHashSet<>();
            Set<String> under = new LinkedHashSet<>();
            for (String ref : rules.rule(rule).rule().refs()) {
                keys.addAll(prefixes(ref));
                String p = provisions.of(ref);
                if (p != null) {
                    under.add(p);
                }
            }
            keys.forEach(k -> byKey.computeIfAbsent(k, x -> new Tally()).add(rule, outcome));
            under.forEach(p -> byProvision.computeIfAbsent(p, x -> new Tally()).add(rule, outcome));
        }
    }

    private static int rank(Status s) {
        return switch (s) {
            case failed -> 0;
            case upcoming -> 1;
            case waived -> 2;
            case passed -> 3;
            case notApplicable -> 4;
        };
    }

    /** {@code AnxIV.2.d.3} → AnxIV, AnxIV.2, AnxIV.2.d, AnxIV.2.d.3. */
    public static List<String> prefixes(String ref) {
        List<String> out = new ArrayList<>();
        String[] parts = ref.split("\\.");
        StringBuilder sb = new StringBuilder();
        for (String p : parts) {
            if (sb.length() > 0) {
                sb.append('.');
            }
            sb.append(p);
            out.add(sb.toString());
        }
        return out;
    }

    /** Reference key (every prefix) → its tally, keys in their natural order. */
    public Map<String, Tally> byKey() {
        return java.util.Collections.unmodifiableMap(byKey);
    }

    /** Provision (Art10, AnxIV) → its tally, in the pack's order. */
    public Map<String, Tally> byProvision() {
        return java.util.Collections.unmodifiableMap(byProvision);
    }

    /** The outcome of each rule that produced findings. */
    public Map<String, Status> ruleOutcomes() {
        return ruleOutcome;
    }
}
