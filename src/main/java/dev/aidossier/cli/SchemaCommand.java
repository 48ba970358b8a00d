package dev.aidossier.cli;

import dev.aidossier.analysis.Engine;
import dev.aidossier.report.Json;
import dev.aidossier.schema.SchemaGenerator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

@Command(name = "schema", mixinStandardHelpOptions = true,
        description = {"Print the JSON Schema of the description format (draft 2020-12, or draft-07 for editors).",
                "Save it and point your editor at it: # yaml-language-server: $schema=dossier.schema.json",
                "Example: dossier schema --draft 07 > dossier.schema.json"})
final class SchemaCommand implements Callable<Integer> {

    @picocli.CommandLine.Option(names = "--draft", paramLabel = "DRAFT",
            description = "JSON Schema dialect: 2020-12, or 07 (draft-07, which yaml-language-server and VS Code support fully) (default: ${DEFAULT-VALUE}).",
            defaultValue = "2020-12")
    String draft;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            if (!draft.equals("2020-12") && !draft.equals("07")) {
                err.println("dossier: --draft must be 2020-12 or 07, not '" + draft + "'");
                return Main.USAGE;
            }
            Engine engine = common.engine(err, false);
            if (engine == null) {
                return Main.USAGE;
            }
            java.util.Map<String, Object> schema = new SchemaGenerator(engine.classifier().data()).generate();
            out.print(Json.write(draft.equals("07") ? SchemaGenerator.draft07(schema) : schema));
            return Main.OK;
        } catch (CommonOptions.UsageError e) {
            err.println("dossier: " + e.getMessage());
            return Main.USAGE;
        }
    }
}
