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

    @picocli.CommandLine.Option(names = "--lang", paramLabel = "LANG[,LANG...]", split = ",",
            description = {"Check the translations of the description's free text into these languages: each overlay",
                    "<name>.<lang>.yaml beside it (errors at the overlay's file:line:column, exit 2), and a note for every",
                    "free-text value it leaves untranslated (overlay.untranslated)."})
    List<String> langs = new ArrayList<>();

    private List<String> languages = List.of();
    private dev.aidossier.load.Limits limits;

    /** Overlay findings that make an overlay unusable (exit 2, as a description that cannot be read). */
    private static final java.util.Set<String> OVERLAY_ERRORS = java.util.Set.of("overlay.path", "overlay.type", "overlay.verbatim");

    @Override
    void prepare() throws CommonOptions.UsageError {
        languages = RenderCommand.languages(langs);
        limits = common.limits();
    }

    @Override
    Analysis analyse(Engine engine, Inputs.Input in, java.time.LocalDate asOf) {
        Analysis a = super.analyse(engine, in, asOf);
        if (languages.isEmpty() || !a.readable() || a.loaded().model() == null) {
            return a;
        }
        List<Finding> all = new ArrayList<>(a.findings());
        for (dev.aidossier.load.Overlay o : dev.aidossier.load.Overlay.forLanguages(a.loaded(), languages, limits).values()) {
            all.addAll(o.problems());
            if (o.usable()) {
                all.addAll(o.untranslatedFindings());
            }
        }
        all.sort(Finding.ORDER);
        return new Analysis(a.loaded(), a.classification(), List.copyOf(all), a.frameworks());
    }

    @Override
    boolean unusable(Analysis a) {
        return !a.readable() || a.findings().stream().anyMatch(f -> OVERLAY_ERRORS.contains(f.ruleId())
                || (f.ruleId().startsWith("yaml.") && !f.location().file().equals(a.loaded().file())));
    }

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
