package dev.aidossier.pack;

import dev.aidossier.rules.EvidenceCheck;
import dev.aidossier.util.Hashes;
import dev.aidossier.analysis.Analysis;
import dev.aidossier.report.Json;
import dev.aidossier.load.PlainPath;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The key under which {@code pack} may reuse an earlier pack instead of rendering it again: a SHA-256 over
 * everything a pack's bytes depend on. Per run: the tool's build ({@code BuildId}: code, bundled templates,
 * style sheets, fonts and libraries), the rule packs' files, the user's templates folder and fonts, the
 * as-of date, the PDF date (SOURCE_DATE_EPOCH) and the options that change the files (documents added,
 * PDFs left out). Per description: its bytes and the name it is shown by, the pack's name, the content of
 * every evidence file it cites, and its findings as judged now. Two runs with the same key write the same
 * bytes; the key is recorded in the manifest ({@code reuseKey}).
 */
public final class PackKey {

    private final byte[] run;

    /**
     * @param parts the run-wide inputs, each already a string (hashes, dates, option values), in a fixed order
     * @param folders the user's folders that count (--templates, --rules): every regular file below each
     * @param fonts the --font files' bytes, in the order given
     */
    public PackKey(List<String> parts, List<Path> folders, List<byte[]> fonts) throws IOException {
        MessageDigest md = sha256();
        md.update("dossier/pack-key/v1".getBytes(StandardCharsets.UTF_8));
        for (String p : parts) {
            field(md, p == null ? "-" : p);
        }
        for (Path folder : folders) {
            Path root = folder.toRealPath();
            field(md, "folder");
            List<Path> files;
            try (Stream<Path> s = Files.walk(root)) {
                files = s.filter(f -> Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS)).sorted().toList();
            }
            for (Path f : files) {
                field(md, "template:" + root.relativize(f));
                field(md, Hashes.sha256(f));
            }
        }
        for (byte[] f : fonts) {
            field(md, "font:" + Hashes.sha256(f));
        }
        this.run = md.digest();
    }

    /** The key of one description's pack. */
    public String of(Analysis a, String packName) {
        MessageDigest md = sha256();
        md.update(run);
        field(md, packName);
        field(md, a.loaded().file());
        field(md, a.loaded().bytes() == null ? "-" : Hashes.sha256(a.loaded().bytes()));
        for (String e : evidence(a)) {
            field(md, e);
        }
        field(md, Json.write(a.classification() == null ? null : Json.classification(a.classification())));
        field(md, Json.write(Json.findings(a.findings())));
        return "sha256:" + HexFormat.of().formatHex(md.digest());
    }

    /** "path=hash" of every evidence file the description cites ("path=-" when it cannot be read). */
    private static List<String> evidence(Analysis a) {
        Object ev = PlainPath.get(a.loaded().plain(), "spec.evidence");
        if (!(ev instanceof List<?> list) || a.loaded().path() == null) {
            return List.of();
        }
        List<String> out = new java.util.ArrayList<>();
        for (Object o : list) {
            if (o instanceof Map<?, ?> m && m.get("path") instanceof String rel) {
                EvidenceCheck.Resolved r = EvidenceCheck.resolve(a.loaded().path(), null, rel);
                String hash = "-";
                if (r.problem() == null) {
                    try {
                        hash = Hashes.sha256(r.file());
                    } catch (IOException e) {
                        hash = "-";
                    }
                }
                out.add(rel + "=" + hash);
            }
        }
        return out;
    }

    private static void field(MessageDigest md, String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        md.update(Integer.toString(b.length).getBytes(StandardCharsets.US_ASCII));
        md.update((byte) ':');
        md.update(b);
    }

    private static MessageDigest sha256() {
        return Hashes.sha256();
    }
}
