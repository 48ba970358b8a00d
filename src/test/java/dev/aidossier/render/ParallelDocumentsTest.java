package dev.aidossier.render;

import dev.aidossier.TestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A pack of one description lays its documents out side by side: same bytes as one after another. */
class ParallelDocumentsTest {

    @TempDir
    Path dir;

    private Map<String, byte[]> pack(String jobs) throws Exception {
        Path out = dir.resolve("jobs-" + jobs);
        TestSupport.Run r = TestSupport.run("pack", "--as-of", "2026-12-02", "--jobs", jobs, "--with", "passport,interoperability-plan",
                "-o", out.toString(), TestSupport.examples().resolve("cv-screening.yaml").toString());
        assertThat(r.exit()).as(r.toString()).isZero();
        return TestSupport.files(out);
    }

    @Test
    void sideBySideGivesTheSameBytes() throws Exception {
        Map<String, byte[]> sequential = pack("1");
        Map<String, byte[]> parallel = pack("4");
        assertThat(sequential.keySet()).contains("cv-screening/cv-screening-passport.pdf", "cv-screening/cv-screening-technical-documentation.pdf");
        assertThat(parallel).containsExactlyEntriesOf(sequential);
    }
}
