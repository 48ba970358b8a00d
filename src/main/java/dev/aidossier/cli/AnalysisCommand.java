package dev.aidossier.cli;

import dev.aidossier.analysis.Engine;
import dev.aidossier.analysis.Analysis;
import dev.aidossier.core.Finding;
import dev.aidossier.core.Severity;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** Shared flow of the commands that analyse descriptions: expand inputs, analyse, print, exit code. */
abstract class AnalysisCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Option(names = "--fail-on", paramLabel = "LEVEL", defaultValue = "error",
            description = "Exit 1 when a finding at or above LEVEL is open: error, warning, info or never (default: ${DEFAULT-VALUE}).")
    String failOn;

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "Description files, or folders to search for *.yaml.")
    List<String> files;

    @Override
    public final Integer call() {
        dev.aidossier.util.Trace.mark("command parsed");
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            Severity threshold = CommonOptions.failOnThreshold(failOn);
            if (!acceptsFormat(common.format)) {
                throw new CommonOptions.UsageError("--format " + common.format + " is not available for this command; use text or json");
            }
            LocalDate asOf = common.asOfDate();
            prepare();
            List<Inputs.Input> inputs = Inputs.expand(files);
            if (inputs.isEmpty()) {
                err.println("dossier: no description files found in " + String.join(", ", files));
                return Main.USAGE;
            }
            Engine engine = common.engine(err, needsRules());
            dev.aidossier.util.Trace.mark("engine loaded");
            if (engine == null) {
                return Main.USAGE;
            }
            List<Analysis> results = new ArrayList<>();
            for (Inputs.Input in : inputs) {
                results.add(analyse(engine, in, asOf));
                dev.aidossier.util.Trace.mark(in.display(), "analysed");
            }
            print(results, engine, out);
            dev.aidossier.util.Trace.mark("printed");
            boolean unreadable = results.stream().anyMatch(this::unusable);
            if (unreadable) {
                return Main.USAGE;
            }
            if (threshold != null && results.stream().anyMatch(a -> fails(a, threshold))) {
                return Main.FINDINGS;
            }
            if (threshold != null) {
                for (Analysis a : results) {
                    for (Finding f : a.findings()) {
                        if (gates(f) && f.severity().atLeast(threshold)) {
                            return Main.FINDINGS;
                        }
                    }
                }
            }
            return Main.OK;
        } catch (CommonOptions.UsageError e) {
            err.println("dossier: " + e.getMessage());
            return Main.USAGE;
        } catch (IOException e) {
            err.println("dossier: cannot read input: " + e.getMessage());
            return Main.USAGE;
        }
    }

    /** Checks the command's own options before any input is read (a bad value is a usage error). */
    void prepare() throws CommonOptions.UsageError {
    }

    /** Whether an input could not be used (exit 2): a description that cannot be read. */
    boolean unusable(Analysis a) {
        return !a.readable();
    }

    /** Whether a description fails the command at {@code threshold} beyond its findings (classify: a prohibited practice). */
    boolean fails(Analysis a, Severity threshold) {
        return false;
    }

    /** Whether a finding counts towards the exit code: an open one; check can add the upcoming ones. */
    boolean gates(Finding f) {
        return f.status().isOpen();
    }

    /** Whether the command evaluates the rule packs (classify does not). */
    boolean needsRules() {
        return true;
    }

    /** Full analysis by default; classify overrides it to stop after classification. */
    Analysis analyse(Engine engine, Inputs.Input in, LocalDate asOf) {
        return engine.analyse(in.path(), in.display(), asOf);
    }

    boolean acceptsFormat(CommonOptions.Format f) {
        return f == CommonOptions.Format.text || f == CommonOptions.Format.json;
    }

    abstract void print(List<Analysis> results, Engine engine, PrintWriter out);

    static String counts(List<Analysis> results) {
        int errors = 0;
        int warnings = 0;
        int infos = 0;
        java.util.Map<dev.aidossier.core.Status, Integer> other = new java.util.EnumMap<>(dev.aidossier.core.Status.class);
        java.util.TreeSet<LocalDate> from = new java.util.TreeSet<>();
        for (Analysis a : results) {
            for (Finding f : a.findings()) {
                if (!f.status().isOpen()) {
                    other.merge(f.status(), 1, Integer::sum);
                    if (f.status() == dev.aidossier.core.Status.upcoming && f.appliesFrom() != null) {
                        from.add(f.appliesFrom());
                    }
                    continue;
                }
                switch (f.severity()) {
                    case error -> errors++;
                    case warning -> warnings++;
                    case info -> infos++;
                }
            }
        }
        int upcoming = other.getOrDefault(dev.aidossier.core.Status.upcoming, 0);
        return results.size() + (results.size() == 1 ? " file: " : " files: ") + plural(errors, "error") + ", "
                + plural(warnings, "warning") + ", " + plural(infos, "note") + " open; "
                + upcoming + " upcoming" + (from.isEmpty() ? "" : " (applying from " + from.first()
                + (from.size() > 1 ? " to " + from.last() : "") + ")") + ", "
                + other.getOrDefault(dev.aidossier.core.Status.waived, 0) + " waived, "
                + other.getOrDefault(dev.aidossier.core.Status.passed, 0) + " passed";
    }

    static String plural(int n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }
}
