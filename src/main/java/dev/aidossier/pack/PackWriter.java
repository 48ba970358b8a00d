package dev.aidossier.pack;

import dev.aidossier.util.AtomicFiles;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.Comparator;
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

    public static Path writeZip(Path target, Map<String, byte[]> files, String rootFolder, boolean force) throws IOException {
        Path parent = target.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        if (Files.exists(target) && !force) {
            throw new FileAlreadyExistsException(target + " exists; use --force to replace it");
        }
        Path tmp = AtomicFiles.tempFile(parent, "." + target.getFileName() + ".partial-", ".tmp");
        try {
            try (OutputStream os = Files.newOutputStream(tmp); ZipOutputStream zip = new ZipOutputStream(os)) {
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
