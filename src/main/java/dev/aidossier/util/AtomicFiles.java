package dev.aidossier.util;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Writes that a reader never sees half done: into a hidden temporary file or folder next to the target,
 * then moved into place in one step. Temporary items are created with the process's default permissions
 * (0644 files and 0755 folders under a 022 umask), not the private ones of {@code Files.createTemp*}, so
 * a finished output is as readable as any other file the user writes.
 */
public final class AtomicFiles {
    private AtomicFiles() {
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private static String unique(String prefix, String suffix) {
        byte[] b = new byte[8];
        RANDOM.nextBytes(b);
        return prefix + HexFormat.of().formatHex(b) + suffix;
    }

    /** A new empty file {@code dir/prefix<random>suffix}, with default permissions. */
    public static Path tempFile(Path dir, String prefix, String suffix) throws IOException {
        while (true) {
            Path p = dir.resolve(unique(prefix, suffix));
            try {
                Files.newOutputStream(p, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE).close();
                return p;
            } catch (FileAlreadyExistsException e) {
                // another name
            }
        }
    }

    /** A new empty folder {@code dir/prefix<random>}, with default permissions. */
    public static Path tempDir(Path dir, String prefix) throws IOException {
        while (true) {
            Path p = dir.resolve(unique(prefix, ""));
            try {
                return Files.createDirectory(p);
            } catch (FileAlreadyExistsException e) {
                // another name
            }
        }
    }

    /**
     * Writes the bytes to {@code target} (replacing it) through a temporary file in the same folder; fails
     * rather than write in place when the file system cannot replace a file atomically.
     */
    public static void write(Path target, byte[] bytes) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Path tmp = tempFile(dir, "." + target.getFileName() + ".", ".tmp");
        try {
            try (OutputStream out = Files.newOutputStream(tmp, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
                out.write(bytes);
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                throw new IOException("the file system of " + dir + " cannot replace files atomically", e);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Moves a finished temporary item into place (the target must not exist): atomically where the file system can. */
    public static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }
}
