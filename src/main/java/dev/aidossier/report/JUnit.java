package dev.aidossier.report;

import dev.aidossier.analysis.Engine;
import dev.aidossier.analysis.Analysis;
import dev.aidossier.core.Finding;
import dev.aidossier.core.Status;
import dev.aidossier.core.ToolRules;
import dev.aidossier.rules.RuleEngine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JUnit XML: one test suite per description, one test case per rule evaluated (failed, passed or
 * skipped), so a CI server shows the coverage of the Act and not only the gaps. Each test case names the
 * file and the line of its (first) finding, which GitLab uses to link a failure; the suite's timestamp is
 * the date the obligations were judged on and times are 0, so the same input gives the same bytes.
 */
public final class JUnit {
    private JUnit() {
    }

    private record Case(String id, String title, List<Finding> findings) {
    }

    public static String write(List<Analysis> analyses, Engine engine) {
        StringBuilder body = new StringBuilder();
        int tests = 0;
        int failures = 0;
        int skipped = 0;
        for (Analysis a : analyses) {
            Map<String, Case> cases = new LinkedHashMap<>();
            for (Finding f : a.findings()) {
                cases.computeIfAbsent(f.ruleId(), id -> new Case(id, title(id, engine), new ArrayList<>())).findings().add(f);
            }
            int t = 0;
            int fl = 0;
            int sk = 0;
            StringBuilder suite = new StringBuilder();
            for (Case c : cases.values()) {
                t++;
                List<Finding> open = c.findings().stream().filter(f -> f.status() == Status.failed).toList();
                String cls = classname(c.id(), engine);
                Finding at = open.isEmpty() ? c.findings().get(0) : open.get(0);
                suite.append("    <testcase classname=\"").append(x(cls)).append("\" name=\"").append(x(c.id() + ": " + c.title()))
                        .append("\" file=\"").append(x(at.location().file())).append("\" line=\"").append(Math.max(1, at.location().line()))
                        .append("\" time=\"0\"");
                if (!open.isEmpty()) {
                    fl++;
                    StringBuilder text = new StringBuilder();
                    for (Finding f : open) {
                        text.append(f.toText()).append('\n');
                        if (f.remediation() != null) {
                            text.append("  fix: ").append(f.remediation()).append('\n');
                        }
                    }
                    Finding first = open.get(0);
                    suite.append(">\n      <failure message=\"").append(x(first.message())).append("\" type=\"").append(first.severity())
                            .append("\">").append(x(text.toString())).append("</failure>\n    </testcase>\n");
                } else if (c.findings().stream().allMatch(f -> f.status() == Status.notApplicable)) {
                    sk++;
                    suite.append(">\n      <skipped message=\"not applicable to this system\"/>\n    </testcase>\n");
                } else if (c.findings().stream().anyMatch(f -> f.status() == Status.upcoming)) {
                    sk++;
                    Finding u = c.findings().stream().filter(f -> f.status() == Status.upcoming).findFirst().orElseThrow();
                    suite.append(">\n      <skipped message=\"").append(x("applies from " + u.appliesFrom() + ": " + u.message())).append("\"/>\n    </testcase>\n");
                } else if (c.findings().stream().anyMatch(f -> f.status() == Status.waived)) {
                    sk++;
                    Finding w = c.findings().stream().filter(f -> f.status() == Status.waived).findFirst().orElseThrow();
                    suite.append(">\n      <skipped message=\"").append(x("waived until " + w.waiver().expires() + " by " + w.waiver().approver()
                            + ": " + w.waiver().reason())).append("\"/>\n    </testcase>\n");
                } else {
                    suite.append("/>\n");
                }
            }
            body.append("  <testsuite name=\"").append(x(a.loaded().file())).append("\" tests=\"").append(t).append("\" failures=\"").append(fl)
                    .append("\" errors=\"0\" skipped=\"").append(sk).append("\" time=\"0\"");
            if (a.classification() != null) {
                body.append(" timestamp=\"").append(a.classification().asOf()).append("T00:00:00\"");
            }
            body.append(">\n");
            body.append("    <properties>\n");
            body.append("      <property name=\"pack\" value=\"").append(x(packs(engine))).append("\"/>\n");
            if (a.classification() != null) {
                body.append("      <property name=\"tier\" value=\"").append(x(a.classification().tier())).append("\"/>\n");
                body.append("      <property name=\"asOf\" value=\"").append(a.classification().asOf()).append("\"/>\n");
            }
            body.append("    </properties>\n");
            body.append(suite);
            body.append("  </testsuite>\n");
            tests += t;
            failures += fl;
            skipped += sk;
        }
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"dossier check\" tests=\"" + tests + "\" failures=\"" + failures
                + "\" errors=\"0\" skipped=\"" + skipped + "\" time=\"0\">\n" + body + "</testsuites>\n";
    }

    /** "id version" of every pack evaluated, the primary one first. */
    private static String packs(Engine engine) {
        return String.join(", ", engine.packs().stream().map(p -> p.id() + " " + p.version()).toList());
    }

    private static String title(String id, Engine engine) {
        RuleEngine.Compiled c = engine.rules().rule(id);
        if (c != null) {
            return c.rule().title();
        }
        ToolRules.Info t = ToolRules.get(id);
        return t != null ? t.title() : id;
    }

    private static String classname(String id, Engine engine) {
        RuleEngine.Compiled c = engine.rules().rule(id);
        if (c != null) {
            String file = c.file().replaceAll(".*/", "").replaceFirst("\\.ya?ml$", "");
            return c.pack() + "." + file; // the rule's own pack: with --pack all, a NIST rule is not an EU AI Act rule
        }
        return "dossier." + id.replaceFirst("\\..*", "");
    }

    /** XML-escapes text for attributes and content; drops characters XML 1.0 cannot carry. */
    static String x(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&apos;");
                default -> {
                    if (ch == '\n' || ch == '\t' || ch == '\r' || (ch >= 0x20 && ch != 0xFFFE && ch != 0xFFFF)) {
                        sb.append(ch);
                    }
                }
            }
        }
        return sb.toString();
    }
}
