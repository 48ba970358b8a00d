package dev.aidossier.cli;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** SOURCE_DATE_EPOCH as the render command reads it (through a replaceable view of the environment). */
class RenderCommandTest {

    @AfterEach
    void restore() {
        RenderCommand.env = System::getenv;
    }

    private static int run(StringWriter err, String... args) {
        return Main.run(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true), args);
    }

    private static Path complete() throws Exception {
        return Path.of(RenderCommandTest.class.getResource("/render/complete.yaml").toURI());
    }

    @Test
    void sourceDateEpochSetsThePdfDates(@TempDir Path out) throws Exception {
        RenderCommand.env = k -> k.equals("SOURCE_DATE_EPOCH") ? "1700000000" : null;
        assertThat(run(new StringWriter(), "render", complete().toString(), "--doc", "gap-report", "-o", out.toString())).isZero();
        try (PDDocument d = Loader.loadPDF(Files.readAllBytes(out.resolve("complete-gap-report.pdf")))) {
            assertThat(d.getDocumentInformation().getCreationDate().toInstant().getEpochSecond()).isEqualTo(1_700_000_000L);
        }
    }

    @Test
    void anInvalidSourceDateEpochIsAUsageError(@TempDir Path out) throws Exception {
        RenderCommand.env = k -> k.equals("SOURCE_DATE_EPOCH") ? "yesterday" : null;
        StringWriter err = new StringWriter();
        assertThat(run(err, "render", complete().toString(), "--doc", "gap-report", "-o", out.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("SOURCE_DATE_EPOCH must be a number of seconds since 1970-01-01, not 'yesterday'");
    }
}
