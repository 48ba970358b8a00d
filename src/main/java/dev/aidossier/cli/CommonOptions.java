package dev.aidossier.cli;

import dev.aidossier.analysis.Engine;
import dev.aidossier.core.Finding;
import dev.aidossier.load.Limits;
import dev.aidossier.rules.RulePackSource;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/** Options shared by the commands that read descriptions. */
final class CommonOptions {

    enum Format { text, json, sarif, junit, github, gitlab }

    @Option(names = "--format", paramLabel = "FORMAT", description = "Output format: text, json, sarif, junit, github (workflow annotations) or gitlab (Code Quality JSON) (default: ${DEFAULT-VALUE}).", defaultValue = "text")
    Format format = Format.text; // also for a command that does not take --format (schema): text

    @Option(names = "--as-of", paramLabel = "DATE", description = "Judge which obligations apply on this date, YYYY-MM-DD (default: today).")
    String asOf;

    @Option(names = "--rules", paramLabel = "DIR", description = "Use the rule packs in DIR instead of the bundled ones.")
    Path rules;

    @Option(names = "--pack", paramLabel = "ID[,ID...]|all", description = "Rule packs to use: eu-ai-act, nist-ai-rmf, iso-42001, a comma-separated list, or all (default: eu-ai-act; the passport and the interoperability plan: all).")
    String pack;

    /** The pack used when --pack is not given. */
    static final String DEFAULT_PACK = "eu-ai-act";

    @Option(names = "--max-file-size", paramLabel = "BYTES", description = "Largest description file accepted (default: 4194304).")
    Long maxFileSize;

    @Option(names = "--max-depth", paramLabel = "N", description = "Deepest YAML nesting accepted (default: 40).")
    Integer maxDepth;

    @Option(names = "--max-nodes", paramLabel = "N", description = "Most YAML nodes accepted in one file (default: 100000).")
    Integer maxNodes;

    @Option(names = "--max-string-length", paramLabel = "CHARS", description = "Longest single value accepted (default: 1048576).")
    Integer maxStringLength;

    /** Thrown for a bad option value; reported as a usage error (exit 2). */
    static final class UsageError extends Exception {
        UsageError(String message) {
            super(message, null, false, false);
        }
    }

    /** The --fail-on value as a severity threshold; null for "never". */
    /** Refuses a --format the command does not write, rather than ignoring it. */
    void textOrJson(String command) throws UsageError {
        if (format != Format.text && format != Format.json) {
            throw new UsageError("--format " + format + " is not available for " + command + "; use text or json");
        }
    }

    static dev.aidossier.core.Severity failOnThreshold(String value) throws UsageError {
        if ("never".equals(value)) {
            return null;
        }
        try {
            return dev.aidossier.core.Severity.parse(value);
        } catch (IllegalArgumentException e) {
            throw new UsageError("--fail-on: '" + value + "' is not one of error, warning, info, never");
        }
    }

    LocalDate asOfDate() throws UsageError {
        if (asOf == null) {
            return LocalDate.now(java.time.ZoneId.systemDefault()); // today where the user is
        }
        LocalDate d;
        try {
            d = LocalDate.parse(asOf);
        } catch (DateTimeParseException e) {
            throw new UsageError("--as-of: '" + asOf + "' is not a date like 2026-11-23");
        }
        Limits l = limits();
        if (!l.accepts(d)) {
            throw new UsageError("--as-of: " + asOf + " is outside the dates the tool accepts, " + l.dateRange());
        }
        return d;
    }

    /**
     * The date a document judges obligations on: --as-of when given, else the description's documentDate (an
     * input of the document, so the same description renders the same document on any day), else today.
     */
    LocalDate asOfDate(dev.aidossier.model.Metadata m) throws UsageError {
        if (asOf == null && m != null && m.documentDate() != null) {
            return m.documentDate();
        }
        return asOfDate();
    }

    /** Whether --as-of was given. */
    boolean asOfGiven() {
        return asOf != null;
    }

    Limits limits() throws UsageError {
        Limits l = Limits.DEFAULT;
        if (maxFileSize != null) {
            l = l.withMaxFileBytes(positive("--max-file-size", maxFileSize));
        }
        if (maxDepth != null) {
            l = l.withMaxDepth((int) positive("--max-depth", maxDepth));
        }
        if (maxNodes != null) {
            l = l.withMaxNodes((int) positive("--max-nodes", maxNodes));
        }
        if (maxStringLength != null) {
            l = l.withMaxStringLength((int) positive("--max-string-length", maxStringLength));
        }
        return l;
    }

    private static long positive(String name, long v) throws UsageError {
        if (v < 1) {
            throw new UsageError(name + " must be at least 1, not " + v);
        }
        return v;
    }

    RulePackSource packSource() throws UsageError {
        if (rules == null) {
            return RulePackSource.bundled();
        }
        if (!Files.isDirectory(rules)) {
            throw new UsageError("--rules: '" + rules + "' is not a directory");
        }
        return RulePackSource.directory(rules);
    }

    /** The pack ids named by --pack ("all" reads rules/index.yaml). */
    java.util.List<String> packIds() throws UsageError {
        return packIds(pack == null ? DEFAULT_PACK : pack);
    }

    private java.util.List<String> packIds(String pack) throws UsageError {
        if (!pack.equals("all")) {
            java.util.List<String> ids = java.util.Arrays.stream(pack.split(",")).map(String::strip).filter(x -> !x.isEmpty()).toList();
            if (ids.isEmpty()) {
                throw new UsageError("--pack needs a pack id");
            }
            return ids;
        }
        RulePackSource src = packSource();
        try {
            byte[] bytes = src.read("index.yaml");
            if (bytes == null) {
                throw new UsageError("--pack all: no index.yaml in the rules folder");
            }
            dev.aidossier.load.DataFile<dev.aidossier.rules.RulePackIndex> idx = dev.aidossier.load.DataFile.parse(bytes, src.display("index.yaml"), dev.aidossier.rules.RulePackIndex.class);
            if (!idx.ok()) {
                throw new UsageError("--pack all: " + idx.findings().get(0).toText());
            }
            return idx.value().packs();
        } catch (java.io.IOException e) {
            throw new UsageError("--pack all: " + e.getMessage());
        }
    }

    /** Loads the engine, printing the pack's problems and returning null when it cannot be used. */
    Engine engine(PrintWriter err) throws UsageError {
        return engine(err, true);
    }

    /** As {@link #engine(PrintWriter)}; without rules when only the classification is needed. */
    Engine engine(PrintWriter err, boolean withRules) throws UsageError {
        try {
            return Engine.load(packSource(), packIds(), limits(), withRules);
        } catch (Engine.PackError e) {
            err.println("dossier: rule pack '" + (pack == null ? DEFAULT_PACK : pack) + "' cannot be used:");
            for (Finding f : e.findings()) {
                err.println(f.toText());
            }
            return null;
        }
    }

    /**
     * What the passport and the Regulatory Interoperability Plan are judged against: the packs named by
     * --pack, or every pack of the rules folder's index when --pack is not given, with the crosswalks the
     * index names. Null after printing the problems when they cannot be loaded.
     */
    dev.aidossier.analysis.Frameworks frameworks(PrintWriter err, Engine primary) throws UsageError {
        Engine engine = primary;
        if (pack == null) {
            try {
                engine = Engine.load(packSource(), packIds("all"), limits(), true);
            } catch (Engine.PackError e) {
                err.println("dossier: the rule packs of the passport cannot be used:");
                e.findings().forEach(f -> err.println(f.toText()));
                return null;
            }
        }
        try {
            return dev.aidossier.analysis.Frameworks.of(engine, packSource());
        } catch (java.io.IOException e) {
            throw new UsageError("--rules: " + e.getMessage());
        } catch (dev.aidossier.rules.Crosswalks.Unreadable e) {
            err.println("dossier: the crosswalk of the passport cannot be used:");
            e.findings().forEach(f -> err.println(f.toText()));
            return null;
        }
    }
}
