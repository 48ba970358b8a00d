package dev.aidossier.cli;

import dev.aidossier.analysis.Engine;
import dev.aidossier.report.Json;
import dev.aidossier.schema.OverlaySchema;
import dev.aidossier.schema.SchemaGenerator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

@Command(name = "schema", mixinStandardHelpOptions = true,
        description = {"Print the JSON Schema of the description format (draft 2020-12, or draft-07 for editors), or of a pack's findings.json or manifest.json.",
                "Save it and point your editor at it: # yaml-language-server: $schema=dossier.schema.json",
                "Example: dossier schema --draft 07 > dossier.schema.json"})
final class SchemaCommand implements Callable<Integer> {

    @picocli.CommandLine.Parameters(index = "0", arity = "0..1", paramLabel = "OF", defaultValue = "description",
            description = "description (default), overlay (a translation overlay <name>.<lang>.yaml), findings (a pack's findings.json) or manifest (a pack's manifest.json).")
    String of;

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
            common.textOrJson("schema");
            if (!draft.equals("2020-12") && !draft.equals("07")) {
                err.println("dossier: --draft must be 2020-12 or 07, not '" + draft + "'");
                return Main.USAGE;
            }
            if (of.equals("findings") || of.equals("manifest")) {
                if (!draft.equals("2020-12")) {
                    err.println("dossier: the " + of + " schema is published in draft 2020-12 only");
                    return Main.USAGE;
                }
                try (java.io.InputStream in = SchemaCommand.class.getResourceAsStream("/dev/aidossier/schemas/" + of + ".schema.json")) {
                    out.print(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
                }
                return Main.OK;
            }
            if (of.equals("overlay")) {
                java.util.Map<String, Object> schema = OverlaySchema.generate();
                out.print(Json.write(draft.equals("07") ? SchemaGenerator.draft07(schema) : schema));
                return Main.OK;
            }
            if (!of.equals("description")) {
                err.println("dossier: schema of what? description, overlay, findings or manifest, not '" + of + "'");
                return Main.USAGE;
            }
            Engine engine = common.engine(err, false);
            if (engine == null) {
                return Main.USAGE;
            }
            java.util.Map<String, Object> schema = new SchemaGenerator(engine.classifier().data()).generate();
            out.print(Json.write(draft.equals("07") ? SchemaGenerator.draft07(schema) : schema));
            return Main.OK;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e); // a resource of the jar itself: a broken build
        } catch (CommonOptions.UsageError e) {
            err.println("dossier: " + e.getMessage());
            return Main.USAGE;
        }
    }
}
