package dev.aidossier.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/**
 * The {@code dossier} command. {@link #run} is the whole program and returns the exit code, so every
 * command is tested in the same JVM; only {@link #main} calls {@code System.exit}.
 *
 * <p>Exit codes: 0 nothing at or above {@code --fail-on}; 1 findings at or above it; 2 usage error,
 * unreadable input or an unusable rule pack or template; 3 an internal error of the tool.
 */
@Command(name = "dossier", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "EU AI Act documentation from one YAML description: classify, check, render, pack.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:nothing at or above --fail-on", "1:findings at or above --fail-on",
                "2:usage error, unreadable input, unusable rule pack or template", "3:internal error of the tool"})
public final class Main implements Runnable {

    public static final int OK = 0;
    public static final int FINDINGS = 1;
    public static final int USAGE = 2;
    public static final int INTERNAL = 3;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required: classify, check, render, rules or schema");
    }

    /** Commands that load the rule packs and read descriptions: they get a head start on another core. */
    private static final java.util.Set<String> ANALYSES = java.util.Set.of("check", "classify", "render", "pack", "diff");

    /**
     * The subcommands, in the order of the help. A command line holds only the one its arguments name (when
     * they name one): picocli reads the annotations of every command it is given, which cost a cold start
     * about a tenth of a second for commands that are not run.
     */
    private static final java.util.List<String> SUBCOMMANDS = java.util.List.of(
            "classify", "check", "render", "pack", "sign", "verify", "diff", "rules", "crosswalk", "schema", "help");

    /**
     * A new subcommand by name. A switch, not a table of constructor references: the JVM (25.0.3) crashes
     * writing an AOT cache that holds a lambda made from a class it cannot archive (picocli's Java 5 classes).
     */
    private static Object subcommand(String name) {
        return switch (name) {
            case "classify" -> new ClassifyCommand();
            case "check" -> new CheckCommand();
            case "render" -> new RenderCommand();
            case "pack" -> new PackCommand();
            case "sign" -> new SignCommand();
            case "verify" -> new VerifyCommand();
            case "diff" -> new DiffCommand();
            case "rules" -> new RulesCommand();
            case "crosswalk" -> new CrosswalkCommand();
            case "schema" -> new SchemaCommand();
            case "help" -> new CommandLine.HelpCommand();
            default -> throw new IllegalArgumentException("no subcommand " + name);
        };
    }

    /** The command line with every subcommand (help, completion, tests). */
    public static CommandLine commandLine() {
        return commandLine(null);
    }

    /**
     * The command line for these arguments: with only the subcommand the first argument names, or with
     * all of them when it names none (or names {@code help}, which lists them all).
     */
    static CommandLine commandLine(String first) {
        boolean one = first != null && !first.equals("help") && SUBCOMMANDS.contains(first);
        CommandLine cmd = new CommandLine(new Main());
        for (String name : SUBCOMMANDS) {
            if (!one || name.equals(first)) {
                cmd.addSubcommand(name, subcommand(name));
            }
        }
        return cmd;
    }

    public static void main(String[] args) {
        dev.aidossier.util.Trace.mark("main");
        if (args.length > 0 && ANALYSES.contains(args[0])) {
            // whoever compiles an expression joins the warm-up; its failure surfaces there, not here
            var unused = dev.aidossier.cel.CelEnv.warmUpInBackground();
        }
        PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        // a render that one uninterruptible template instruction keeps past --render-timeout ends the process
        dev.aidossier.render.RenderWatchdog.install(message -> {
            synchronized (err) {
                err.println(message);
                err.flush();
            }
            out.flush();
            System.exit(USAGE);
        });
        int code = run(out, err, args);
        out.flush();
        err.flush();
        System.exit(code);
    }

    /** Runs the command line; never throws and never exits. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cmd = commandLine(args.length > 0 ? args[0] : null);
        fitOptions(cmd);
        dev.aidossier.util.Trace.mark("command line built");
        cmd.setOut(out);
        cmd.setErr(err);
        cmd.setCaseInsensitiveEnumValuesAllowed(false);
        cmd.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            err.println("dossier: internal error: " + ex);
            err.println("This is a bug in AI Dossier; please report it with the input that caused it.");
            return INTERNAL;
        });
        cmd.setParameterExceptionHandler((ex, args1) -> {
            CommandLine c = ex.getCommandLine();
            c.getErr().println("dossier: " + ex.getMessage());
            c.getErr().println("Run 'dossier " + (c.getCommandName().equals("dossier") ? "" : c.getCommandName() + " ") + "--help' for usage.");
            return USAGE;
        });
        try {
            return cmd.execute(args);
        } catch (OutOfMemoryError e) {
            // picocli hands only exceptions to the handler above; renders turn their own into errors at the template
            err.println("dossier: the tool ran out of memory (" + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MB): give it more"
                    + " with DOSSIER_JAVA_OPTS=-Xmx1g (or java -Xmx1g), or split the batch");
            return USAGE;
        } catch (LinkageError e) {
            // a class missing or of another build (a damaged or mixed installation): no stack trace, a clear word
            err.println("dossier: internal error: " + e);
            err.println("The installation is damaged or mixes builds (a class could not be loaded); install the distribution again.");
            return INTERNAL;
        } catch (StackOverflowError e) {
            // picocli hands only exceptions to the handler above; an error would end the JVM with a stack trace
            err.println("dossier: internal error: " + e);
            err.println("This is a bug in AI Dossier; please report it with the input that caused it.");
            return INTERNAL;
        } finally {
            out.flush();
            err.flush();
        }
    }

    /**
     * Options of the shared mixin ({@link CommonOptions}) that mean nothing for a command, by command: they are
     * removed from it, so its help lists only what it uses and passing one is a usage error, not silently ignored.
     */
    private static final java.util.Map<String, java.util.List<String>> MEANINGLESS = java.util.Map.of(
            "schema", java.util.List.of("--as-of", "--format", "--max-file-size", "--max-depth", "--max-nodes", "--max-string-length"),
            "crosswalk", java.util.List.of("--as-of", "--pack", "--max-file-size", "--max-depth", "--max-nodes", "--max-string-length"),
            "rules", java.util.List.of("--as-of"));

    /** The commands whose --format takes the CI formats too (the others print text or JSON). */
    private static final java.util.Set<String> CI_FORMATS = java.util.Set.of("check", "pack");

    /** Fits the shared options to each command: removes the meaningless ones, and says which formats each takes. */
    static void fitOptions(CommandLine cl) {
        for (CommandLine sub : cl.getSubcommands().values()) {
            fit(sub, sub.getCommandName());
        }
    }

    private static void fit(CommandLine cl, String top) {
        CommandLine.Model.CommandSpec spec = cl.getCommandSpec();
        for (String name : MEANINGLESS.getOrDefault(top, java.util.List.of())) {
            CommandLine.Model.OptionSpec o = spec.findOption(name);
            if (o != null) {
                spec.remove(o);
            }
        }
        CommandLine.Model.OptionSpec format = spec.findOption("--format");
        if (format != null && !CI_FORMATS.contains(top)) {
            spec.remove(format);
            spec.addOption(format.toBuilder().description("Output format: text or json (default: ${DEFAULT-VALUE}).").build());
        }
        for (CommandLine sub : cl.getSubcommands().values()) {
            fit(sub, top);
        }
    }

    public static String version() {
        Properties p = new Properties();
        try (InputStream in = Main.class.getResourceAsStream("/dev/aidossier/version.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            // fall through to "unknown"
        }
        return p.getProperty("version", "unknown");
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[]{"dossier " + version(), "Java " + System.getProperty("java.version")};
        }
    }
}
