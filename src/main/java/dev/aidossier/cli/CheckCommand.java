package dev.aidossier.cli;

import dev.aidossier.analysis.Engine;
import dev.aidossier.analysis.Analysis;
import dev.aidossier.core.Finding;
import dev.aidossier.report.Json;
import picocli.CommandLine.Command;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

@Command(name = "check", mixinStandardHelpOptions = true,
        description = {"Check descriptions for structural errors and gaps against the rule pack.",
                "Each finding prints as file:line:col: severity [ID] message."})
final class CheckCommand extends AnalysisCommand {

    @picocli.CommandLine.Option(names = "--include-upcoming",
            description = {"Count upcoming findings (requirements not met whose obligation applies from a later date) as open",
                    "for --fail-on: gate a bid on everything the buyer will judge, not only what applies today."})
    boolean includeUpcoming;

    @Override
    boolean gates(Finding f) {
        return f.status().isOpen() || (includeUpcoming && f.status() == dev.aidossier.core.Status.upcoming);
    }

    @Override
    boolean acceptsFormat(CommonOptions.Format f) {
        return true;
    }

    @Override
    void print(List<Analysis> results, Engine engine, PrintWriter out) {
        if (common.format == CommonOptions.Format.sarif) {
            out.print(dev.aidossier.report.Sarif.write(results, engine, Main.version()));
            return;
        }
        if (common.format == CommonOptions.Format.github || common.format == CommonOptions.Format.gitlab) {
            List<Finding> all = new ArrayList<>();
            results.forEach(a -> all.addAll(a.findings()));
            java.nio.file.Path base = java.nio.file.Path.of("").toAbsolutePath();
            out.print(common.format == CommonOptions.Format.github ? dev.aidossier.report.CiAnnotations.github(all, base)
                    : dev.aidossier.report.CiAnnotations.gitlab(all, base));
            return;
        }
        if (common.format == CommonOptions.Format.junit) {
            out.print(dev.aidossier.report.JUnit.write(results, engine));
            return;
        }
        if (common.format == CommonOptions.Format.json) {
            out.print(Json.checkReport(results, engine, Main.version()));
            return;
        }
        for (Analysis a : results) {
            for (Finding f : a.findings()) {
                if (f.status().isOpen()) {
                    out.println(f.toText());
                }
            }
            // not met, applying later: a bid is judged on the documentation, so they are shown, with their date
            for (Finding f : a.findings()) {
                if (f.status() == dev.aidossier.core.Status.upcoming) {
                    out.println(f.location() + ": upcoming " + f.severity() + " [" + f.ruleId() + "] " + f.message()
                            + (f.appliesFrom() == null ? "" : " (applies from " + f.appliesFrom() + ")"));
                }
            }
        }
        out.println(counts(results));
    }
}
