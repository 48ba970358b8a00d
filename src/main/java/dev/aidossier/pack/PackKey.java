package dev.aidossier.pack;

import dev.aidossier.analysis.Analysis;
import dev.aidossier.rules.EvidenceCheck;
import dev.aidossier.util.Hashes;
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
 * as-of date, the PDF date (SOURCE_DATE_EPOCH), the reading limits and the options that change the files
 * (documents added, PDFs left out). Per description: its bytes and the name it is shown by, the pack's
 * name, the content of every evidence file it cites and of the waivers file beside it. Two runs with the
 * same key write the same bytes; the key and the evidence it covered are recorded in the manifest
 * ({@code reuseKey}, {@code evidence}), so that a later run can check a pack without analysing the
 * description again.
 */
public final class PackKey {

    private final byte[] run;
    private final List<String> languages;

    /**
     * @param parts the run-wide inputs, each already a string (hashes, dates, option values), in a fixed order
     * @param folders the user's folders that count (--templates, --rules): every regular file below each
     * @param fonts the --font files' bytes, in the order given
     */
    public PackKey(List<String> parts, List<Path> folders, List<byte[]> fonts) throws IOException {
        this(parts, folders, fonts, List.of());
    }

    /**
     * As above, for documents in {@code languages} (--lang): each description's key also covers its translation
     * overlays for them ({@code <name>.<lang>.yaml} beside it, or their absence).
     */
    public PackKey(List<String> parts, List<Path> folders, List<byte[]> fonts, List<String> languages) throws IOException {
        this.languages = List.copyOf(languages);
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

    /** An evidence file a description cites, with the SHA-256 of its content now ("-" when it cannot be read). */
    public record Evidence(String path, String sha256) {
    }

    /**
     * The key of one description's pack, from what decides its bytes besides the run-wide inputs: the
     * description's bytes, the name it is shown by and the pack's name, the evidence files it cites
     * (their content now) and the waivers file beside it. Everything else in a pack (classification,
     * findings, documents) follows from these, the rules, the build and the run's options.
     */
    public String of(Path description, String display, byte[] bytes, String packName, List<Evidence> evidence) {
        MessageDigest md = sha256();
        md.update(run);
        field(md, packName);
        field(md, display);
        field(md, bytes == null ? "-" : Hashes.sha256(bytes));
        for (Evidence e : evidence) {
            field(md, e.path() + "=" + e.sha256());
        }
        Path waivers = description == null ? null : dev.aidossier.rules.Waivers.besideFile(description);
        String w = "-";
        try {
            if (waivers != null && Files.isRegularFile(waivers)) {
                w = Hashes.sha256(waivers);
            }
        } catch (IOException e) {
            w = "unreadable";
        }
        field(md, "waivers=" + w);
        for (String lang : languages) { // none without --lang, so the keys of packs made before it stay valid
            String o = "-";
            try {
                Path overlay = description == null ? null : dev.aidossier.load.Overlay.beside(description, lang);
                if (overlay != null && Files.isRegularFile(overlay)) {
                    o = Hashes.sha256(overlay);
                }
            } catch (IOException e) {
                o = "unreadable";
            }
            field(md, "overlay." + lang + "=" + o);
        }
        return "sha256:" + HexFormat.of().formatHex(md.digest());
    }

    /** The evidence files an analysed description cites, hashed now, in the order of spec.evidence. */
    public static List<Evidence> evidence(Analysis a) {
        Object ev = PlainPath.get(a.loaded().plain(), "spec.evidence");
        if (!(ev instanceof List<?> list) || a.loaded().path() == null) {
            return List.of();
        }
        List<String> paths = new java.util.ArrayList<>();
        for (Object o : list) {
            if (o instanceof Map<?, ?> m && m.get("path") instanceof String rel) {
                paths.add(rel);
            }
        }
        return hash(a.loaded().path(), paths);
    }

    /** The given evidence paths of a description, each with the SHA-256 of its content now ("-" when it cannot be read). */
    public static List<Evidence> hash(Path description, List<String> paths) {
        List<Evidence> out = new java.util.ArrayList<>();
        for (String rel : paths) {
            EvidenceCheck.Resolved r = EvidenceCheck.resolve(description, null, rel);
            String hash = "-";
            if (r.problem() == null) {
                try {
                    hash = Hashes.sha256(r.file());
                } catch (IOException e) {
                    hash = "-";
                }
            }
            out.add(new Evidence(rel, hash));
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
