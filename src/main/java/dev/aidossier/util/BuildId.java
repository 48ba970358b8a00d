package dev.aidossier.util;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * An identity of the build: a SHA-256 over every file of the compiled tool (classes, bundled rule packs
 * and templates) and the names of the libraries it runs with (their versions are in the names). Two builds
 * from the same sources and libraries have the same id; any change to code, template, style sheet or
 * library gives another. {@code pack} puts it into the key under which it reuses an earlier pack, since
 * the version number alone does not change between builds.
 *
 * <p>Written by the build (exec-maven-plugin, process-classes) as {@code dev/aidossier/build-id};
 * {@link #current()} reads it.
 */
public final class BuildId {

    static final String RESOURCE = "dev/aidossier/build-id";

    private BuildId() {
    }

    /** The id of the running build, or "unknown" when the resource is missing (a build that skipped the step). */
    public static String current() {
        try (InputStream in = BuildId.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            return in == null ? "unknown" : new String(in.readAllBytes(), StandardCharsets.US_ASCII).strip();
        } catch (IOException e) {
            return "unknown";
        }
    }

    /** {@code BuildId CLASSES_DIR}: hashes the folder and the runtime class path, writes the id into the folder. */
    public static void main(String[] args) throws IOException, NoSuchAlgorithmException {
        Path classes = Path.of(args[0]);
        Path out = classes.resolve(RESOURCE);
        MessageDigest md = Hashes.sha256();
        List<Path> files;
        try (Stream<Path> s = Files.walk(classes)) {
            files = s.filter(Files::isRegularFile).filter(p -> !p.equals(out)).sorted().toList();
        }
        for (Path f : files) {
            md.update(classes.relativize(f).toString().replace('\\', '/').getBytes(StandardCharsets.UTF_8));
            md.update((byte) 0);
            md.update(Files.readAllBytes(f));
            md.update((byte) 0);
        }
        // exec:java runs this in Maven's JVM with a class loader of the project's runtime class path
        List<Path> classPath = BuildId.class.getClassLoader() instanceof java.net.URLClassLoader u
                ? Stream.of(u.getURLs()).map(url -> Path.of(java.net.URI.create(url.toString()))).toList()
                : Stream.of(System.getProperty("java.class.path").split(java.io.File.pathSeparator)).map(Path::of).toList();
        for (Path p : classPath.stream().sorted().toList()) {
            if (!p.toAbsolutePath().normalize().equals(classes.toAbsolutePath().normalize())) {
                md.update(p.getFileName().toString().getBytes(StandardCharsets.UTF_8));
                md.update((byte) 0);
            }
        }
        Files.createDirectories(out.getParent());
        Files.writeString(out, HexFormat.of().formatHex(md.digest()) + "\n", StandardCharsets.US_ASCII);
    }
}
