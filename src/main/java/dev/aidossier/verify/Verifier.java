package dev.aidossier.verify;

import dev.aidossier.core.Finding;
import dev.aidossier.core.Location;
import dev.aidossier.core.Severity;
import dev.aidossier.core.Status;
import dev.aidossier.pack.PackIntegrity;
import dev.aidossier.pack.PackReader;
import dev.aidossier.util.Names;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code dossier verify}: a pack (folder or zip) or one PDF. For a pack: read it under its bounds, check every
 * file against the manifest, then the manifest's detached signature and every PDF's signature; for a PDF, its
 * signatures. One finding per problem.
 */
public final class Verifier {
    private Verifier() {
    }

    /** What was verified and what was found; {@code unreadable} when the input could not be read at all. */
    public record Report(String input, String kind, int files, List<Signatures.Signed> signatures, List<Finding> findings, boolean unreadable) {
        public boolean signed() {
            return !signatures.isEmpty();
        }
    }

    /** Verifies {@code input}, shown as {@code display}. */
    public static Report verify(Path input, String display, Signatures.Trust trust, PackReader.Bounds bounds) {
        if (Files.isDirectory(input)) {
            return pack(readOrFail(input, display, bounds, false), display, "pack", trust, bounds);
        }
        if (!Files.isRegularFile(input)) {
            return unreadable(display, Files.exists(input) ? "is neither a pack folder, a zip nor a PDF" : "not found", "unknown", "pack.io");
        }
        byte[] head;
        try (InputStream in = Files.newInputStream(input)) {
            head = in.readNBytes(5);
        } catch (IOException e) {
            return unreadable(display, "cannot be read", "unknown", "pack.io");
        }
        if (isPdf(head)) {
            return pdf(input, display, trust, bounds);
        }
        if (isZip(head, display)) {
            return pack(readOrFail(input, display, bounds, true), display, "zip", trust, bounds);
        }
        return neither(display);
    }

    /** As {@link #verify(Path, String, Signatures.Trust, PackReader.Bounds)}, for the bytes of a zip or a PDF. */
    public static Report verify(byte[] bytes, String display, Signatures.Trust trust, PackReader.Bounds bounds) {
        if (isPdf(bytes)) {
            if (bytes.length > bounds.maxEntryBytes()) {
                return tooLarge(display, bytes.length, bounds);
            }
            Signatures.Result r = Signatures.pdf(bytes, display, trust);
            return new Report(display, "pdf", 1, r.signatures(), sorted(r.findings()), false);
        }
        if (isZip(bytes, display)) {
            Object read;
            try {
                read = PackReader.readZip(bytes, display, bounds);
            } catch (PackReader.Unreadable e) {
                read = e.finding();
            }
            return pack(read, display, "zip", trust, bounds);
        }
        return neither(display);
    }

    private static boolean isPdf(byte[] head) {
        return head.length >= 5 && head[0] == '%' && head[1] == 'P' && head[2] == 'D' && head[3] == 'F' && head[4] == '-';
    }

    private static boolean isZip(byte[] head, String display) {
        return head.length >= 2 && head[0] == 'P' && head[1] == 'K' || display.toLowerCase(java.util.Locale.ROOT).endsWith(".zip");
    }

    private static Report neither(String display) {
        return unreadable(display, "is neither a pack folder, a zip nor a PDF (a PDF starts with %PDF-, a zip with PK)", "unknown", "pack.io");
    }

    private static Report tooLarge(String display, long size, PackReader.Bounds bounds) {
        return new Report(display, "pdf", 0, List.of(), List.of(Finding.error("pack.limit", "is " + size + " bytes, more than the limit of "
                + bounds.maxEntryBytes() + " bytes per file", Location.ofFile(display), null)), true);
    }

    private static Object readOrFail(Path input, String display, PackReader.Bounds bounds, boolean zip) {
        try {
            return zip ? PackReader.readZip(input, display, bounds) : PackReader.readFolder(input, display, bounds);
        } catch (PackReader.Unreadable e) {
            return e.finding();
        }
    }

    private static Report unreadable(String display, String message, String kind, String rule) {
        return new Report(display, kind, 0, List.of(), List.of(Finding.error(rule, message, Location.ofFile(display), null)), true);
    }

    private static Report pdf(Path input, String display, Signatures.Trust trust, PackReader.Bounds bounds) {
        byte[] bytes;
        try {
            long size = Files.size(input);
            if (size > bounds.maxEntryBytes()) {
                return tooLarge(display, size, bounds);
            }
            try (InputStream in = Files.newInputStream(input)) {
                bytes = in.readNBytes((int) bounds.maxEntryBytes() + 1);
            }
        } catch (IOException e) {
            return unreadable(display, "cannot be read", "pdf", "pack.io");
        }
        Signatures.Result r = Signatures.pdf(bytes, display, trust);
        return new Report(display, "pdf", 1, r.signatures(), sorted(r.findings()), false);
    }

    private static Report pack(Object read, String display, String kind, Signatures.Trust trust, PackReader.Bounds bounds) {
        if (read instanceof Finding f) {
            return new Report(display, kind, 0, List.of(), List.of(f), true);
        }
        PackReader.Contents c = (PackReader.Contents) read;
        PackIntegrity.Manifest m;
        try {
            m = PackIntegrity.manifest(c, bounds);
            PackIntegrity.jsonFiles(c, bounds);
        } catch (PackReader.Unreadable e) {
            return new Report(c.display(), kind, c.files().size(), List.of(), List.of(e.finding()), true);
        }
        List<Finding> findings = new ArrayList<>(PackIntegrity.check(c, m));
        List<Signatures.Signed> signatures = new ArrayList<>();
        byte[] p7s = c.files().get(PackIntegrity.MANIFEST_SIGNATURE);
        Location manifestAt = Location.ofFile(c.where(PackIntegrity.MANIFEST));
        if (p7s == null) {
            findings.add(new Finding("pack.unsigned", Severity.warning, Status.failed, "the pack is not signed (no " + PackIntegrity.MANIFEST_SIGNATURE
                    + "): its files match the manifest, but anyone who changes a file can rewrite the manifest too", manifestAt,
                    null, List.of(), null, null, null));
            if (m.signature() != null) {
                findings.add(Finding.error("signature.missing", PackIntegrity.MANIFEST + " has a signature record but "
                        + PackIntegrity.MANIFEST_SIGNATURE + " is not in the pack", manifestAt, null));
            }
        } else {
            Signatures.Result r = Signatures.detached(p7s, c.files().get(PackIntegrity.MANIFEST), PackIntegrity.MANIFEST,
                    c.where(PackIntegrity.MANIFEST_SIGNATURE), trust);
            findings.addAll(r.findings());
            signatures.addAll(r.signatures());
            if (m.signature() == null) {
                findings.add(Finding.error("signature.record", PackIntegrity.MANIFEST + " has no signature record (signer, certificateSha256, "
                        + "signingTime, level, signedFiles) although the pack is signed", manifestAt, null));
            }
        }
        boolean packSigned = p7s != null || m.signature() != null;
        String manifestCert = r0(signatures) == null ? null : r0(signatures).certificateSha256();
        Set<String> recordedFiles = recordedFiles(m.signature());
        String recordedCert = m.signature() == null ? null : m.signature().path("certificateSha256").asString(null);
        if (m.signature() != null && manifestCert != null && !manifestCert.equals(recordedCert)) {
            findings.add(Finding.error("signature.record", PackIntegrity.MANIFEST + " records certificate SHA-256 " + Names.clip(String.valueOf(recordedCert), 80)
                    + ", but " + PackIntegrity.MANIFEST_SIGNATURE + " was made with certificate " + manifestCert, manifestAt, null));
        }
        Signatures.Signed ms = r0(signatures);
        if (m.signature() != null && ms != null) {
            // the record's time and level must be the manifest signature's own
            String recTime = m.signature().path("signingTime").asString(null);
            if (recTime != null && ms.signingTime() != null && !sameSecond(recTime, ms.signingTime())) {
                findings.add(Finding.error("signature.record", PackIntegrity.MANIFEST + " records signing time " + Names.clip(recTime, 60)
                        + ", but " + PackIntegrity.MANIFEST_SIGNATURE + " was signed at " + ms.signingTime(), manifestAt, null));
            }
            String recLevel = m.signature().path("level").asString(null);
            String level = baseline(ms.level());
            if (recLevel != null && level != null && !recLevel.equals(level)) {
                findings.add(Finding.error("signature.record", PackIntegrity.MANIFEST + " records level " + Names.clip(recLevel, 20)
                        + ", but " + PackIntegrity.MANIFEST_SIGNATURE + " is a " + level + " signature (" + ms.level() + ")", manifestAt, null));
            }
        }
        for (String name : c.files().keySet()) {
            if (!name.toLowerCase(java.util.Locale.ROOT).endsWith(".pdf") || !packSigned) {
                continue;
            }
            Signatures.Result r = Signatures.pdf(c.files().get(name), c.where(name), trust);
            findings.addAll(r.findings());
            signatures.addAll(r.signatures());
            if (recordedFiles != null && !recordedFiles.contains(name)) {
                findings.add(Finding.error("signature.record", Names.visible(name) + " is a PDF of a signed pack, but the manifest's signature record "
                        + "does not list it in signedFiles", Location.ofFile(c.where(name)), null));
            }
            for (Signatures.Signed s : r.signatures()) {
                if (recordedCert != null && s.certificateSha256() != null && !recordedCert.equals(s.certificateSha256())) {
                    findings.add(Finding.error("signature.record", "signed with certificate " + s.certificateSha256()
                            + ", not the certificate " + recordedCert + " the manifest records", Location.ofFile(c.where(name)), null));
                }
            }
        }
        if (recordedFiles != null) {
            for (String f : recordedFiles) {
                if (!c.files().containsKey(f) || !f.toLowerCase(java.util.Locale.ROOT).endsWith(".pdf")) {
                    findings.add(Finding.error("signature.record", "the manifest's signature record lists '" + Names.clip(f, 120)
                            + "' in signedFiles, which is not a PDF of the pack", manifestAt, null));
                }
            }
        }
        return new Report(c.display(), kind, c.files().size(), List.copyOf(signatures), sorted(findings), false);
    }

    /** Two instants written as ISO-8601 that name the same second; a record that is no instant never matches. */
    private static boolean sameSecond(String a, String b) {
        try {
            return java.time.Instant.parse(a).getEpochSecond() == java.time.Instant.parse(b).getEpochSecond();
        } catch (java.time.format.DateTimeParseException e) {
            return false;
        }
    }

    /** DSS's level ("CAdES-BASELINE-T", "CAdES_BASELINE_B") as the manifest writes it ("B-T", "B-B"), or null. */
    static String baseline(String dss) {
        if (dss == null) {
            return null;
        }
        java.util.regex.Matcher x = java.util.regex.Pattern.compile("BASELINE[-_]([A-Z]+)$").matcher(dss.toUpperCase(java.util.Locale.ROOT));
        return x.find() ? "B-" + x.group(1) : null;
    }

    private static Signatures.Signed r0(List<Signatures.Signed> s) {
        return s.isEmpty() ? null : s.get(0);
    }

    private static Set<String> recordedFiles(JsonNode sig) {
        if (sig == null || !sig.path("signedFiles").isArray()) {
            return null;
        }
        Set<String> out = new HashSet<>();
        sig.path("signedFiles").forEach(n -> out.add(n.asString("")));
        return out;
    }

    private static List<Finding> sorted(List<Finding> f) {
        List<Finding> out = new ArrayList<>(f);
        out.sort(Finding.ORDER);
        return List.copyOf(out);
    }
}
