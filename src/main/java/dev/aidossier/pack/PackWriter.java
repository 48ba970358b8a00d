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

    /**
     * What is read, at most, to decide whether a pack can be reused: the manifest, each file, all files
     * together, and how many. A pack beyond them is simply built again; the bounds keep a hostile or odd
     * output folder from filling the heap.
     */
    static final long MAX_MANIFEST = 4L * 1024 * 1024;
    static final long MAX_ENTRY = 64L * 1024 * 1024;
    static final long MAX_TOTAL = 96L * 1024 * 1024;
    static final int MAX_ENTRIES = 64;

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
        try {
            if (!Files.exists(target, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                return null;
            }
            // the key first: a folder's other files are read only when its manifest names the key of the description now
            Map<String, byte[]> files = zip ? readZip(target, rootFolder) : null;
            byte[] manifest = zip ? (files == null ? null : files.get("manifest.json")) : readManifest(target);
            if (manifest == null) {
                return null;
            }
            tools.jackson.databind.JsonNode m = dev.aidossier.report.Json.mapper().readTree(manifest);
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
                files = readFolder(target);
            }
            if (files == null || !files.containsKey("findings.json")) {
                return null;
            }
            java.util.Set<String> listed = new java.util.HashSet<>();
            for (tools.jackson.databind.JsonNode f : m.path("files")) {
                String name = f.path("name").asString(null);
                byte[] bytes = name == null ? null : files.get(name);
                if (bytes == null || bytes.length != f.path("size").asLong(-1)
                        || !dev.aidossier.util.Hashes.sha256(bytes).equals(f.path("sha256").asString(null))) {
                    return null;
                }
                listed.add(name);
            }
            listed.add("manifest.json");
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
                listed.add(PackSigning.SIGNATURE_FILE);
            }
            if (!listed.equals(files.keySet())) {
                return null;
            }
            if (zip) {
                // the entries are read in order from their local headers: the zip this writer makes of them must be the file
                java.io.ByteArrayOutputStream again = new java.io.ByteArrayOutputStream();
                zipTo(again, files, rootFolder);
                if (!java.util.Arrays.equals(again.toByteArray(), Files.readAllBytes(target))) {
                    return null;
                }
            }
            long upcoming = 0;
            long upcomingErrors = 0;
            List<dev.aidossier.core.Severity> open = new java.util.ArrayList<>();
            for (tools.jackson.databind.JsonNode f : dev.aidossier.report.Json.mapper().readTree(files.get("findings.json")).path("findings")) {
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
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static String text(tools.jackson.databind.JsonNode n, String field) {
        return n.path(field).isString() ? n.path(field).asString() : null;
    }

    /** A pack folder's manifest.json, or null when it is missing, not a regular file or too large. */
    private static byte[] readManifest(Path dir) throws IOException {
        Path f = dir.resolve("manifest.json");
        if (!Files.isDirectory(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS) || !Files.isRegularFile(f, java.nio.file.LinkOption.NOFOLLOW_LINKS)
                || Files.size(f) > MAX_MANIFEST) {
            return null;
        }
        return Files.readAllBytes(f);
    }

    private static Map<String, byte[]> readFolder(Path dir) throws IOException {
        if (!Files.isDirectory(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return null;
        }
        Map<String, byte[]> out = new java.util.TreeMap<>();
        long total = 0;
        try (Stream<Path> s = Files.list(dir)) {
            for (Path f : s.toList()) {
                if (!Files.isRegularFile(f, java.nio.file.LinkOption.NOFOLLOW_LINKS) || Files.size(f) > MAX_ENTRY
                        || out.size() >= MAX_ENTRIES || (total += Files.size(f)) > MAX_TOTAL) {
                    return null;
                }
                String name = f.getFileName().toString();
                if (name.equals("manifest.json") && Files.size(f) > MAX_MANIFEST) {
                    return null;
                }
                out.put(name, Files.readAllBytes(f));
            }
        }
        return out;
    }

    private static Map<String, byte[]> readZip(Path file, String rootFolder) throws IOException {
        if (!Files.isRegularFile(file, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return null;
        }
        if (Files.size(file) > MAX_TOTAL) {
            return null;
        }
        Map<String, byte[]> out = new java.util.LinkedHashMap<>();
        long total = 0;
        try (java.util.zip.ZipInputStream in = new java.util.zip.ZipInputStream(Files.newInputStream(file))) {
            ZipEntry e;
            while ((e = in.getNextEntry()) != null) {
                String name = e.getName();
                if (e.isDirectory() || !name.startsWith(rootFolder + "/")) {
                    return null;
                }
                String local = name.substring(rootFolder.length() + 1);
                byte[] bytes = in.readNBytes((int) MAX_ENTRY + 1);
                total += bytes.length;
                if (bytes.length > MAX_ENTRY || total > MAX_TOTAL || out.size() >= MAX_ENTRIES
                        || local.isEmpty() || local.contains("/") || out.put(local, bytes) != null) {
                    return null;
                }
            }
        }
        return out;
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
