package dev.aidossier.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.aidossier.core.Finding;
import dev.aidossier.load.Limits;
import dev.aidossier.pack.PackIntegrity;
import dev.aidossier.pack.PackReader;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static dev.aidossier.fuzz.FuzzContract.check;

/**
 * Fuzz target "pack": any bytes as a pack zip through {@link PackReader} (central directory, names, entry types,
 * bounds, inflation, CRC), then the manifest, every JSON entry and the integrity check, as {@code verify} and
 * {@code diff} read a pack; and the same bytes as one JSON file of a pack. Bad input must end in a finding (a
 * {@link PackReader.Unreadable} or the integrity check's findings), never in another exception. The bounds are
 * small so that the fuzzer reaches them.
 *
 * <p>{@code mvn test} replays the committed inputs in {@code PackFuzzTestInputs/pack}; {@code mvn verify} fuzzes
 * it for a while; see the README (Security) for a long session.
 */
class PackFuzzTest {

    private static final PackReader.Bounds BOUNDS = new PackReader.Bounds(16, 256 * 1024, 512 * 1024, 100,
            Limits.DEFAULT.withMaxDepth(12).withMaxStringLength(4096).withMaxFileBytes(128 * 1024));
    private static final String DISPLAY = "fuzz.zip";

    @FuzzTest
    void pack(byte[] input) {
        try {
            PackReader.Contents c = PackReader.readZip(input, DISPLAY, BOUNDS);
            check(c.root() != null && !c.root().isEmpty() && !c.root().contains("/"), "a read zip has one root folder: " + c.root());
            check(c.files().size() <= BOUNDS.maxEntries(), "more entries than the bound: " + c.files().size());
            long total = 0;
            for (var e : c.files().entrySet()) {
                String n = e.getKey();
                check(!n.isEmpty() && !n.contains("/") && !n.contains("\\") && !n.equals("..") && !n.equals("."), "an unsafe entry name was accepted: " + n);
                check(e.getValue().length <= BOUNDS.maxEntryBytes(), "an entry over the bound: " + n);
                total += e.getValue().length;
            }
            check(total <= BOUNDS.maxTotalBytes(), "entries over the total bound: " + total);
            List<Finding> problems = PackIntegrity.problems(c, BOUNDS);
            if (problems != null) {
                check(!problems.isEmpty(), "problems, but none listed");
                clean(problems, input);
            }
        } catch (PackReader.Unreadable e) {
            clean(List.of(e.finding()), input);
            check(e.finding().location().file().equals(DISPLAY), "a zip that cannot be read is named: " + e.finding().toText());
        }
        try {
            check(PackReader.json(input, "fuzz.json", BOUNDS.json()) != null, "a parsed JSON file has a value");
        } catch (PackReader.Unreadable e) {
            clean(List.of(e.finding()), input);
        }
    }

    static void clean(List<Finding> findings, byte[] input) {
        for (Finding f : findings) {
            check(f.ruleId().startsWith("pack.") || f.ruleId().startsWith("signature."), "unexpected rule id: " + f.toText());
        }
        // locations point into the zip or one of its entries, not into the input as a text: no line check here
        FuzzContract.findingsAreClean(findings, "-", Integer.MAX_VALUE, new String(input, StandardCharsets.ISO_8859_1));
    }
}
