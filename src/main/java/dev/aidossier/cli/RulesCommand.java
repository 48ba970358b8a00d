package dev.aidossier.cli;

import dev.aidossier.analysis.Engine;
import dev.aidossier.report.Json;
import dev.aidossier.analysis.FixtureRunner;
import dev.aidossier.rules.RuleEngine;
import dev.aidossier.rules.RuleFile;
import dev.aidossier.util.Names;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code dossier rules list|show|test}: the pack's documentation, read from the rule files themselves. */
@Command(name = "rules", mixinStandardHelpOptions = true, description = "List, show and test the rules of a rule pack.",
        subcommands = {RulesCommand.ListRules.class, RulesCommand.ShowRule.class, RulesCommand.TestRules.class})
final class RulesCommand implements Runnable {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "a subcommand is required: list, show or test");
    }

    abstract static class Base implements Callable<Integer> {
        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Mixin
        CommonOptions common;

        @Override
        public final Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            try {
                common.textOrJson("rules " + spec.name());
                Engine engine = common.engine(err);
                if (engine == null) {
                    return Main.USAGE;
                }
                return run(engine, out, err);
            } catch (CommonOptions.UsageError e) {
                err.println("dossier: " + e.getMessage());
                return Main.USAGE;
            } catch (IOException e) {
                err.println("dossier: " + e.getMessage());
                return Main.USAGE;
            }
        }

        abstract int run(Engine engine, PrintWriter out, PrintWriter err) throws IOException, CommonOptions.UsageError;
    }

    static Map<String, Object> describe(RuleEngine.Compiled c) {
        RuleFile.Rule r = c.rule();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", r.id());
        m.put("title", r.title());
        m.put("refs", r.refs());
        m.put("link", c.link());
        m.put("status", r.status());
        m.put("severity", r.severity());
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("kinds", r.applies().kinds() == null ? List.of("AISystem") : r.applies().kinds());
        if (r.applies().tiers() != null) {
            a.put("tiers", r.applies().tiers());
        }
        if (r.applies().gpai() != null) {
            a.put("gpai", r.applies().gpai());
        }
        if (r.applies().roles() != null) {
            a.put("roles", r.applies().roles());
        }
        if (r.applies().when() != null) {
            a.put("when", r.applies().when());
        }
        if (r.applies().from() != null) {
            a.put("from", r.applies().from());
        }
        m.put("applies", a);
        if (r.each() != null) {
            m.put("each", r.each());
        }
        if (r.where() != null) {
            m.put("where", r.where());
        }
        if (r.present() != null) {
            m.put("present", r.present());
        }
        if (r.require() != null) {
            m.put("require", r.require());
        }
        if (r.check() != null) {
            m.put("check", r.check());
        }
        m.put("message", r.message());
        m.put("remediation", r.remediation());
        m.put("definedIn", c.location().toString());
        return m;
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the rules of the pack: id, severity, references, title.")
    static final class ListRules extends Base {
        @Override
        int run(Engine engine, PrintWriter out, PrintWriter err) {
            List<RuleEngine.Compiled> rules = engine.rules().rules();
            if (common.format == CommonOptions.Format.json) {
                Map<String, Object> root = new LinkedHashMap<>();
                root.put("pack", engine.pack().id());
                root.put("version", engine.pack().version());
                root.put("law", engine.pack().law());
                List<Map<String, Object>> list = new ArrayList<>();
                rules.forEach(r -> list.add(describe(r)));
                root.put("rules", list);
                out.print(Json.write(root));
                return Main.OK;
            }
            out.println(engine.pack().title() + " (pack " + engine.pack().id() + " " + engine.pack().version() + ", " + rules.size() + " rules)");
            for (RuleEngine.Compiled c : rules) {
                RuleFile.Rule r = c.rule();
                out.printf("%-34s %-7s %-28s %s%n", r.id(), r.severity(), String.join(",", r.refs().subList(0, Math.min(2, r.refs().size()))), r.title());
            }
            return Main.OK;
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "Show one rule in full.")
    static final class ShowRule extends Base {
        @Parameters(paramLabel = "ID", description = "Rule id, e.g. EUAIA-ANXIV-1A-PURPOSE.")
        String id;

        @Override
        int run(Engine engine, PrintWriter out, PrintWriter err) {
            RuleEngine.Compiled c = engine.rules().rule(id);
            if (c == null) {
                String s = Names.closest(id, engine.rules().rules().stream().map(r -> r.rule().id()).toList());
                err.println("dossier: no rule '" + id + "' in pack " + engine.pack().id() + (s != null ? "; did you mean '" + s + "'?" : ""));
                return Main.USAGE;
            }
            Map<String, Object> m = describe(c);
            if (common.format == CommonOptions.Format.json) {
                out.print(Json.write(m));
                return Main.OK;
            }
            RuleFile.Rule r = c.rule();
            out.println(r.id() + ": " + r.title());
            out.println();
            out.println("  references:  " + String.join(", ", r.refs()));
            out.println("  link:        " + c.link());
            out.println("  status:      " + r.status());
            out.println("  severity:    " + r.severity());
            out.println("  applies:     " + m.get("applies"));
            if (r.each() != null) {
                out.println("  for each:    " + r.each() + (r.where() != null ? " where " + r.where() : ""));
            }
            if (r.present() != null) {
                out.println("  present:     " + String.join(", ", r.present()));
            }
            if (r.require() != null) {
                out.println("  substantive: " + String.join(", ", r.require()));
            }
            if (r.check() != null) {
                out.println("  check:       " + r.check());
            }
            out.println("  message:     " + r.message());
            out.println("  remediation: " + r.remediation());
            out.println("  defined in:  " + c.location());
            return Main.OK;
        }
    }

    @Command(name = "test", mixinStandardHelpOptions = true,
            description = "Run the pack's rule fixtures (<rules>/<pack>/tests/*.tests.yaml) and check every rule has a passing and a failing case.")
    static final class TestRules extends Base {
        @Option(names = "--examples", paramLabel = "DIR", defaultValue = "examples", description = "Folder of the base descriptions fixtures patch (default: ${DEFAULT-VALUE}).")
        Path examples;

        @Override
        int run(Engine ignored, PrintWriter out, PrintWriter err) throws IOException, CommonOptions.UsageError {
            Path rulesDir = common.rules != null ? common.rules : Path.of("rules");
            int passed = 0;
            int failed = 0;
            int uncovered = 0;
            boolean ok = true;
            for (String id : common.packIds()) {
                Path tests = rulesDir.resolve(id).resolve("tests");
                if (!Files.isDirectory(tests)) {
                    throw new CommonOptions.UsageError("no fixtures folder " + tests + " (name the rules folder with --rules)");
                }
                Engine engine;
                try {
                    engine = Engine.load(dev.aidossier.rules.RulePackSource.directory(rulesDir), id, common.limits());
                } catch (Engine.PackError e) {
                    e.findings().forEach(f -> out.println(f.toText()));
                    return Main.USAGE;
                }
                FixtureRunner.Report rep = new FixtureRunner(engine, examples).run(tests);
                rep.problems().forEach(p -> out.println(p.toText()));
                for (FixtureRunner.Outcome o : rep.outcomes()) {
                    if (o.ok()) {
                        passed++;
                    } else {
                        failed++;
                        out.println(o.location() + ": error [fixture] " + o.rule() + " expected " + o.expect() + ": " + o.detail());
                    }
                }
                rep.uncovered().forEach(u -> out.println("uncovered: " + u));
                uncovered += rep.uncovered().size();
                ok &= rep.ok();
            }
            out.println(passed + " passed, " + failed + " failed" + (uncovered == 0 ? "" : "; " + uncovered + " rules lack fixtures"));
            return ok ? Main.OK : Main.FINDINGS;
        }
    }
}
