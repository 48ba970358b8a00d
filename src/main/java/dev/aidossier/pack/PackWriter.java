package dev.aidossier.pack;

import dev.aidossier.util.AtomicFiles;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes a pack so that a reader never sees a half-written one: everything goes into a hidden
 * temporary folder or file next to the target, which is then moved into place in one step. An
 * existing pack is replaced only with {@code force}; an interrupted run leaves at most a hidden
 * {@code .*.partial-*} item, never a pack that looks complete.
 */
public final class PackWriter {
    private PackWriter() {
    }

    /** Zip entries get this fixed time, so the same files give the same zip bytes in any time zone. */
    private static final LocalDateTime ZIP_TIME = LocalDateTime.of(1980, 1, 1, 0, 0);

    /** What a kept pack tells of its description: the summary line and the exit code come from it. */
    public record Kept(String tier, List<dev.aidossier.core.Severity> openSeverities, long upcoming, long upcomingErrors, String signer,
                       String signingTime, String level) {
        public long openErrors() {
            return openSeverities.stream().filter(dev.aidossier.core.Severity.error::equals).count();
        }

        public long openWarnings() {
            return openSeverities.stream().filter(dev.aidossier.core.Severity.warning::equals).count();
        }
    }

    /**
     * The pack at {@code target} (a folder, or a zip when {@code zip}) if it can be kept as it is, else null:
     * its manifest's reuse key equals the key of the description as it is now (computed by {@code keyOf}
     * from the evidence files the manifest lists), and it is intact: every file it lists is there with the
     * listed size and SHA-256, nothing else is, and a zip is exactly the bytes this writer makes of its
     * entries. Anything unreadable, odd or oversized answers null (the pack is then built again), never
     * an error.
     */
    public static Kept reusable(Path target, boolean zip, String rootFolder,
                                java.util.function.Function<List<String>, String> keyOf) {
        return reusable(target, zip, rootFolder, keyOf, null);
    }

    /** The signature a kept pack must carry when the run signs (pack --sign); null for a run that does not sign. */
    public interface ExpectedSignature {
        /** SHA-256 of the certificate the run signs with. */
        String certificateSha256();

        /** Whether {@code p7s} is a valid signature of exactly {@code manifest} by that certificate. */
        boolean signs(byte[] p7s, byte[] manifest);
    }

    /**
     * As above, for a run that signs ({@code expected} not null) or not (null). A signed pack is kept only by a
     * run that signs with the same certificate (the reuse key covers the certificate and the level), and only
     * when its manifest signature still verifies; a run that does not sign keeps no signed pack.
     */
    public static Kept reusable(Path target, boolean zip, String rootFolder,
                                java.util.function.Function<List<String>, String> keyOf, ExpectedSignature expected) {
        // read as verify and diff read a pack (PackReader: bounded, no links, no odd names); whatever it refuses
        // is simply built again
        PackReader.Bounds bounds = PackReader.Bounds.DEFAULT;
        String display = target.toString();
        try {
            if (!Files.exists(target, java.nio.file.LinkOption.NOFOLLOW_LINKS)
                    || (zip ? !Files.isRegularFile(target, java.nio.file.LinkOption.NOFOLLOW_LINKS)
                    : !Files.isDirectory(target, java.nio.file.LinkOption.NOFOLLOW_LINKS))) {
                return null;
            }
            // the key first: a folder's other files are read only when its manifest names the key of the description now
            PackReader.Contents contents = zip ? PackReader.readZip(target, display, bounds) : null;
            if (contents != null && !rootFolder.equals(contents.root())) {
                return null;
            }
            byte[] manifest = zip ? contents.files().get(PackIntegrity.MANIFEST)
                    : PackReader.readFolderEntry(target, display, PackIntegrity.MANIFEST, bounds);
            if (manifest == null) {
                return null;
            }
            tools.jackson.databind.JsonNode m = PackReader.json(manifest, display + "/" + PackIntegrity.MANIFEST, bounds.json());
            String recorded = m.path("reuseKey").asString(null);
            if (recorded == null || !m.path("evidence").isArray()) {
                return null;
            }
            List<String> evidence = new java.util.ArrayList<>();
            for (tools.jackson.databind.JsonNode e : m.path("evidence")) {
                evidence.add(e.path("path").asString(""));
            }
            if (!recorded.equals(keyOf.apply(evidence))) {
                return null;
            }
            if (!zip) {
                contents = PackReader.readFolder(target, display, bounds);
            }
            Map<String, byte[]> files = contents.files();
            // every file as the manifest lists it (size and SHA-256); the JSON files are not parsed again as verify
            // does (PackIntegrity.problems): bytes with the manifest's hash are the bytes this tool wrote under
            // that key, and findings.json is read below (the SARIF alone took an eighth of a kept pack's time)
            if (!files.containsKey("findings.json") || !PackIntegrity.check(contents, PackIntegrity.manifest(contents, bounds)).isEmpty()) {
                return null;
            }
            tools.jackson.databind.JsonNode sig = m.path("signature");
            if (expected == null) {
                if (!sig.isMissingNode() || files.containsKey(PackSigning.SIGNATURE_FILE)) {
                    return null; // signed before: a run that does not sign builds it again
                }
            } else {
                byte[] p7s = files.get(PackSigning.SIGNATURE_FILE);
                if (!sig.isObject() || p7s == null || !expected.certificateSha256().equals(sig.path("certificateSha256").asString(null))
                        || !expected.signs(p7s, manifest)) {
                    return null;
                }
            }
            if (zip) {
                // the entries are read in the zip's order: the zip this writer makes of them must be the file
                java.io.ByteArrayOutputStream again = new java.io.ByteArrayOutputStream();
                zipTo(again, files, rootFolder);
                if (!java.util.Arrays.equals(again.toByteArray(), Files.readAllBytes(target))) {
                    return null;
                }
            }
            long upcoming = 0;
            long upcomingErrors = 0;
            List<dev.aidossier.core.Severity> open = new java.util.ArrayList<>();
            for (tools.jackson.databind.JsonNode f : PackReader.json(contents, "findings.json", bounds).path("findings")) {
                String status = f.path("status").asString("");
                if ("upcoming".equals(status)) {
                    upcoming++;
                    if ("error".equals(f.path("severity").asString(""))) {
                        upcomingErrors++;
                    }
                } else if ("failed".equals(status)) {
                    // an unknown severity throws, and the pack is built again (caught below)
                    open.add(dev.aidossier.core.Severity.valueOf(f.path("severity").asString("")));
                }
            }
            String tier = m.path("tier").isString() ? m.path("tier").asString() : null;
            return new Kept(tier, List.copyOf(open), upcoming, upcomingErrors, text(sig, "signer"), text(sig, "signingTime"), text(sig, "level"));
        } catch (PackReader.Unreadable | IOException | RuntimeException e) {
            return null;
        }
    }

    private static String text(tools.jackson.databind.JsonNode n, String field) {
        return n.path(field).isString() ? n.path(field).asString() : null;
    }

    public static Path writeFolder(Path target, Map<String, byte[]> files, boolean force) throws IOException {
        Path parent = target.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        if (Files.exists(target) && !force) {
            throw new FileAlreadyExistsException(target + " exists; use --force to replace it");
        }
        Path tmp = AtomicFiles.tempDir(parent, "." + target.getFileName() + ".partial-");
        try {
            for (Map.Entry<String, byte[]> e : files.entrySet()) {
                Path f = tmp.resolve(e.getKey()).normalize();
                if (!f.startsWith(tmp) || e.getKey().contains("/") || e.getKey().startsWith(".")) {
                    throw new IOException("refusing pack entry name '" + e.getKey() + "'");
                }
                Files.write(f, e.getValue());
            }
            replace(tmp, target, force);
            return target;
        } finally {
            deleteTree(tmp);
        }
    }

    /** The zip of a pack: entries in the order given, under {@code rootFolder/}, with a fixed time. */
    private static void zipTo(OutputStream os, Map<String, byte[]> files, String rootFolder) throws IOException {
        try (ZipOutputStream zip = new ZipOutputStream(os)) {
            for (Map.Entry<String, byte[]> e : files.entrySet()) {
                String name = e.getKey();
                if (name.contains("/") || name.contains("\\") || name.contains("..") || name.startsWith(".")) {
                    throw new IOException("refusing zip entry name '" + name + "'");
                }
                ZipEntry ze = new ZipEntry(rootFolder + "/" + name);
                ze.setTimeLocal(ZIP_TIME);
                zip.putNextEntry(ze);
                zip.write(e.getValue());
                zip.closeEntry();
            }
        }
    }

    public static Path writeZip(Path target, Map<String, byte[]> files, String rootFolder, boolean force) throws IOException {
        Path parent = target.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        if (Files.exists(target) && !force) {
            throw new FileAlreadyExistsException(target + " exists; use --force to replace it");
        }
        Path tmp = AtomicFiles.tempFile(parent, "." + target.getFileName() + ".partial-", ".tmp");
        try {
            try (OutputStream os = Files.newOutputStream(tmp)) {
                zipTo(os, files, rootFolder);
            }
            replace(tmp, target, force);
            return target;
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static void replace(Path tmp, Path target, boolean force) throws IOException {
        Path old = null;
        if (Files.exists(target)) {
            if (!force) {
                throw new FileAlreadyExistsException(target + " exists; use --force to replace it");
            }
            old = target.resolveSibling("." + target.getFileName() + ".old-" + Long.toHexString(System.nanoTime()));
            AtomicFiles.move(target, old);
        }
        AtomicFiles.move(tmp, target);
        if (old != null) {
            deleteTree(old);
        }
    }

    static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p)) {
            return;
        }
        try (Stream<Path> s = Files.walk(p)) {
            for (Path q : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(q);
            }
        }
    }
}
