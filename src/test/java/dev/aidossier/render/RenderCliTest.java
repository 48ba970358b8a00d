package dev.aidossier.render;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static dev.aidossier.render.RenderFixtures.cli;
import static dev.aidossier.render.RenderFixtures.resource;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code dossier render}: file names, exit codes, atomic writes. */
class RenderCliTest {

    static List<String> names(Path dir) throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void allDocumentsAreWrittenUnderTheDescriptionsName(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("a/b/out");
        RenderFixtures.Run r = cli("render", resource("complete.yaml").toString(), "--doc", "all", "-o", out.toString(), "--as-of", "2028-01-01");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(names(out)).containsExactly("complete-declaration.pdf", "complete-gap-report.pdf", "complete-instructions.pdf",
                "complete-interoperability-plan.pdf", "complete-passport.pdf", "complete-technical-documentation.pdf");
        assertThat(r.out()).contains("wrote " + out.resolve("complete-technical-documentation.pdf"));
        assertThat(r.err()).isEmpty();
        for (String n : names(out)) {
            assertThat(Files.readAllBytes(out.resolve(n))).startsWith("%PDF-".getBytes());
        }
        // rendering again replaces the files and leaves no temporary file behind
        assertThat(cli("render", resource("complete.yaml").toString(), "--doc", "gap-report", "-o", out.toString(), "--as-of", "2028-01-01").code()).isZero();
        assertThat(names(out)).hasSize(6);
    }

    @Test
    void allOnAnIncompleteDescriptionWritesTheOthersAndRefusesTheDeclaration(@TempDir Path out) throws Exception {
        RenderFixtures.Run r = cli("render", resource("incomplete.yaml").toString(), "--doc", "all", "-o", out.toString(), "--as-of", "2028-01-01");
        assertThat(r.code()).isEqualTo(1);
        assertThat(names(out)).containsExactly("incomplete-gap-report.pdf", "incomplete-instructions.pdf", "incomplete-interoperability-plan.pdf",
                "incomplete-passport.pdf", "incomplete-technical-documentation.pdf");
        assertThat(r.err()).contains("the EU declaration of conformity was not rendered");
    }

    @Test
    void jsonOutputListsTheFilesWithTheirHashes(@TempDir Path out) {
        RenderFixtures.Run r = cli("render", resource("complete.yaml").toString(), "--doc", "gap-report", "-o", out.toString(), "--format", "json");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("\"doc\" : \"gap-report\"", "\"sha256\" : \"", "complete-gap-report.pdf");
    }

    @Test
    void aDescriptionThatCannotBeReadIsAUsageError(@TempDir Path tmp) throws Exception {
        RenderFixtures.Run missing = cli("render", tmp.resolve("nope.yaml").toString(), "--doc", "gap-report", "-o", tmp.resolve("out").toString());
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err()).contains("cannot be read; nothing rendered");
        Path broken = tmp.resolve("broken.yaml");
        Files.writeString(broken, "apiVersion: dossier/v1\nkind: [unclosed\n");
        RenderFixtures.Run bad = cli("render", broken.toString(), "--doc", "gap-report", "-o", tmp.resolve("out").toString());
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("broken.yaml:", "cannot be read");
        assertThat(tmp.resolve("out")).doesNotExist();
    }

    @Test
    void usageErrors(@TempDir Path tmp) throws Exception {
        RenderFixtures.Run kind = cli("render", resource("complete.yaml").toString(), "--doc", "brochure", "-o", tmp.toString());
        assertThat(kind.code()).isEqualTo(2);
        assertThat(kind.err()).contains("'brochure' is not one of technical-documentation, declaration, gap-report, instructions, passport, interoperability-plan, gpai-technical-documentation, downstream-information, training-content-summary, model-documentation-form, all");
        RenderFixtures.Run folder = cli("render", tmp.toString(), "--doc", "gap-report", "-o", tmp.resolve("o").toString());
        assertThat(folder.code()).isEqualTo(2);
        RenderFixtures.Run templates = cli("render", resource("complete.yaml").toString(), "--doc", "gap-report", "-o", tmp.toString(),
                "--templates", tmp.resolve("none").toString());
        assertThat(templates.code()).isEqualTo(2);
        assertThat(templates.err()).contains("--templates:", "is not a directory");
        Path t = Files.createDirectory(tmp.resolve("t"));
        Files.writeString(t.resolve("gap-report.ftlh"), "<html>\n${nothing}\n</html>");
        RenderFixtures.Run broken = cli("render", resource("complete.yaml").toString(), "--doc", "gap-report", "-o", tmp.resolve("o").toString(),
                "--templates", t.toString());
        assertThat(broken.code()).isEqualTo(2);
        assertThat(broken.err()).contains(t.resolve("gap-report.ftlh") + ":2:3: template error");
    }

    @Test
    void aGeneralPurposeModelGetsItsGapReportAndItsOwnDocuments(@TempDir Path out) throws Exception {
        RenderFixtures.Run all = cli("render", resource("gpai-model.yaml").toString(), "--doc", "all", "-o", out.toString());
        assertThat(all.code()).as(all.err()).isZero();
        // the Annex IV, V and Art. 13 documents concern AI systems; the gap report, the framework documents and
        // the model's own documents (Art. 53, Annexes XI and XII) remain
        assertThat(names(out)).containsExactly("gpai-model-downstream-information.pdf", "gpai-model-gap-report.pdf",
                "gpai-model-gpai-technical-documentation.pdf", "gpai-model-interoperability-plan.pdf", "gpai-model-model-documentation-form.pdf",
                "gpai-model-passport.pdf", "gpai-model-training-content-summary.pdf");
        assertThat(all.out()).contains("skipped technical-documentation", "skipped declaration", "skipped instructions");
        RenderFixtures.Run one = cli("render", resource("gpai-model.yaml").toString(), "--doc", "technical-documentation", "-o", out.toString());
        assertThat(one.code()).isEqualTo(2);
        assertThat(one.err()).contains("concerns AI systems", "--doc gap-report", "gpai-technical-documentation, downstream-information");
    }

    @Test
    void neverWritesOverTheInput(@TempDir Path tmp) throws Exception {
        Path in = tmp.resolve("x.yaml");
        Files.copy(resource("incomplete.yaml"), in);
        byte[] before = Files.readAllBytes(in);
        Path out = Files.createDirectory(tmp.resolve("out"));
        Files.createSymbolicLink(out.resolve("x-gap-report.pdf"), in);
        RenderFixtures.Run r = cli("render", in.toString(), "--doc", "gap-report", "-o", out.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("refusing to write", "over the input description");
        assertThat(Files.readAllBytes(in)).isEqualTo(before);
    }
}
