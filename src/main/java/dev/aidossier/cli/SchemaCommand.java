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
        description = {"Print the JSON Schema of the description format (draft 2020-12).",
                "Save it and point your editor at it: # yaml-language-server: $schema=dossier.schema.json"})
final class SchemaCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            Engine engine = common.engine(err, false);
            if (engine == null) {
                return Main.USAGE;
            }
            out.print(Json.write(new SchemaGenerator(engine.classifier().data()).generate()));
            return Main.OK;
        } catch (CommonOptions.UsageError e) {
            err.println("dossier: " + e.getMessage());
            return Main.USAGE;
        }
    }
}
