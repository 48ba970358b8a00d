package dev.aidossier.cli;

import dev.aidossier.analysis.Engine;
import dev.aidossier.analysis.Analysis;
import dev.aidossier.classify.Classification;
import dev.aidossier.core.Finding;
import dev.aidossier.report.Json;
import picocli.CommandLine.Command;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

@Command(name = "classify", mixinStandardHelpOptions = true,
        description = {"Classify AI systems and models under the EU AI Act (as amended in July 2026).",
                "Prints the risk tier, general-purpose AI class, Art. 50 transparency duties and the legal basis of each conclusion.",
                "A prohibited practice counts as an error for --fail-on (exit 1 at the default), as do classification findings."})
final class ClassifyCommand extends AnalysisCommand {

    /** The tier id (as classify prints it) of a system whose use the Act forbids: a failure at --fail-on error or below. */

    @Override
    boolean fails(Analysis a, dev.aidossier.core.Severity threshold) {
        return a.classification() != null && a.classification().isProhibited()
                && dev.aidossier.core.Severity.error.atLeast(threshold);
    }

    @Override
    boolean needsRules() {
        return false;
    }

    @Override
    Analysis analyse(Engine engine, Inputs.Input in, java.time.LocalDate asOf) {
        return engine.classify(in.path(), in.display(), asOf);
    }

    @Override
    void print(List<Analysis> results, Engine engine, PrintWriter out) {
        if (common.format == CommonOptions.Format.json) {
            List<Map<String, Object>> arr = new ArrayList<>();
            for (Analysis a : results) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("file", a.loaded().file());
                m.put("kind", a.classification() == null ? null : a.classification().kind());
                if (a.classification() != null) {
                    m.putAll(Json.classification(a.classification()));
                } else {
                    m.put("tier", null);
                    m.put("gpai", null);
                    m.put("transparency", List.of());
                    m.put("basis", List.of());
                }
                m.put("findings", Json.findings(a.findings()));
                arr.add(m);
            }
            out.print(Json.write(arr));
            return;
        }
        for (Analysis a : results) {
            Classification c = a.classification();
            if (c == null) {
                out.println(a.loaded().file() + ": not classified (the file could not be read)");
            } else {
                out.println(a.loaded().file() + ": " + c.tier() + (c.kind().equals("GPAIModel") ? " (general-purpose AI model)" : ""));
                out.println("  legal basis:     " + (c.basis().isEmpty() ? "none" : cited(c, c.basis())));
                for (String k : c.annexIII()) {
                    out.println("  Annex III:       " + k + " " + engine.classifier().titleOf(k));
                }
                for (Classification.Conclusion n : c.conclusions()) {
                    if (n.effect().equals("derogation")) {
                        out.println("  derogation:      " + n.title() + (c.obligationsFrom() == null ? "" : ", from " + c.obligationsFrom()));
                    } else if (n.effect().equals("note")) {
                        out.println("  note:            " + cited(c, n.basis()) + ": " + n.title());
                    }
                }
                if (c.obligationsFrom() != null && c.isHighRisk()) {
                    out.println("  obligations from " + c.obligationsFrom());
                }
                if (!c.onlyProvisions().isEmpty()) {
                    out.println("  only applies:    " + cited(c, c.onlyProvisions()));
                }
                out.println("  transparency:    " + (c.transparency().isEmpty() ? "none" : cited(c, c.transparency())));
                out.println("  general-purpose: " + c.gpai());
                for (Classification.Conclusion u : c.upcoming()) {
                    out.println("  upcoming:        " + cited(c, u.basis()) + " from " + u.appliesFrom() + ": " + u.title());
                }
                for (Classification.SetAside s : c.setAside()) {
                    out.println("  set aside:       " + cited(c, s.basis()) + ": " + s.title()
                            + (s.roles().isEmpty() ? "" : " [duty of: " + String.join(", ", s.roles()) + "]"));
                    for (Classification.Reason r : s.because()) {
                        out.println("                     because " + r.path() + " = " + value(r.value())
                                + (r.location() == null ? " (not stated: the default)" : " (" + r.location().file() + ":"
                                + r.location().line() + ":" + r.location().column() + ")"));
                    }
                }
            }
            for (Finding f : a.findings()) {
                out.println(f.toText());
            }
        }
    }

    /** Reference keys with the citations a person reads: "Art6.3.sub2.a (Art. 6(3), second subparagraph, point (a))". */
    private static String cited(Classification c, List<String> keys) {
        List<String> out = new ArrayList<>();
        for (String k : keys) {
            String t = c.cite(k);
            out.add(t.equals(k) ? k : k + " (" + t + ")");
        }
        return String.join(", ", out);
    }

    private static String value(Object v) {
        return v instanceof List<?> l ? "[" + String.join(", ", l.stream().map(String::valueOf).toList()) + "]" : String.valueOf(v);
    }
}
