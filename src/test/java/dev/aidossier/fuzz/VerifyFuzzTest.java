package dev.aidossier.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.aidossier.core.Finding;
import dev.aidossier.core.Severity;
import dev.aidossier.load.Limits;
import dev.aidossier.pack.PackReader;
import dev.aidossier.verify.Signatures;
import dev.aidossier.verify.Verifier;

import java.util.List;
import java.util.Set;

import static dev.aidossier.fuzz.FuzzContract.check;

/**
 * Fuzz target "verify": any bytes through {@code dossier verify} as it takes a file: a PDF (its signatures, read
 * by DSS and PDFBox) when they start with {@code %PDF-}, else a pack zip (reading, integrity, the manifest's
 * detached signature and each PDF's). A report always comes back: unreadable with exactly one error, or a list
 * of clean findings; never an exception. Every input costs a DSS validation, so {@code mvn verify} does not
 * fuzz it; run it by hand (README, Security).
 */
class VerifyFuzzTest {

    private static final PackReader.Bounds BOUNDS = new PackReader.Bounds(16, 1024 * 1024, 2 * 1024 * 1024, 100,
            Limits.DEFAULT.withMaxDepth(12).withMaxStringLength(4096).withMaxFileBytes(256 * 1024));
    private static final Set<String> KINDS = Set.of("pdf", "zip", "unknown");

    @FuzzTest
    void verify(byte[] input) {
        Verifier.Report r = Verifier.verify(input, "fuzz.bin", new Signatures.Trust(List.of()), BOUNDS);
        check(r != null && KINDS.contains(r.kind()), "a report of a known kind: " + (r == null ? null : r.kind()));
        if (r.unreadable()) {
            check(r.findings().size() == 1 && r.findings().get(0).severity() == Severity.error,
                    "an unreadable input comes with exactly one error: " + r.findings());
        }
        for (Finding f : r.findings()) {
            check(f.ruleId().startsWith("pack.") || f.ruleId().startsWith("signature."), "unexpected rule id: " + f.toText());
            check(f.location().file().startsWith("fuzz.bin"), "a finding names the input: " + f.toText());
        }
        FuzzContract.findingsAreClean(r.findings(), "-", Integer.MAX_VALUE, new String(input, java.nio.charset.StandardCharsets.ISO_8859_1));
        for (Signatures.Signed s : r.signatures()) {
            check(s.file().startsWith("fuzz.bin"), "a signature names its file: " + s);
        }
    }
}
