package dev.aidossier.pack;

import dev.aidossier.load.Limits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Each bound of the pack reader at its boundary: the last value accepted and the first refused. */
class PackReaderTest {

    private static final PackReader.Bounds SMALL = new PackReader.Bounds(3, 100, 250, 100, Limits.DEFAULT);

    private static byte[] zip(Map<String, byte[]> entries) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(out)) {
            for (var e : entries.entrySet()) {
                z.putNextEntry(new ZipEntry(e.getKey()));
                z.write(e.getValue());
                z.closeEntry();
            }
        }
        return out.toByteArray();
    }

    private static Map<String, byte[]> entries(int n, int size) {
        Map<String, byte[]> m = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            byte[] b = new byte[size];
            new java.util.Random(i).nextBytes(b); // random bytes do not compress: the ratio stays out of the way
            m.put("p/f" + i, b);
        }
        return m;
    }

    private static String refusal(ThrowingRead r) {
        try {
            r.read();
        } catch (PackReader.Unreadable e) {
            return e.finding().ruleId() + ": " + e.finding().message();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        throw new AssertionError("accepted");
    }

    interface ThrowingRead {
        void read() throws PackReader.Unreadable, IOException;
    }

    @Test
    void entryCountAtItsBound() throws Exception {
        assertThat(PackReader.readZip(zip(entries(3, 10)), "z.zip", SMALL).files()).hasSize(3);
        assertThat(refusal(() -> PackReader.readZip(zip(entries(4, 10)), "z.zip", SMALL)))
                .isEqualTo("pack.limit: the zip has 4 entries, more than the limit of 3");
    }

    @Test
    void entrySizeAndTotalAtTheirBounds() throws Exception {
        assertThat(PackReader.readZip(zip(entries(1, 100)), "z.zip", SMALL).files().get("f0")).hasSize(100);
        assertThat(refusal(() -> PackReader.readZip(zip(entries(1, 101)), "z.zip", SMALL)))
                .isEqualTo("pack.limit: entry 'p/f0' is 101 bytes uncompressed, more than the limit of 100");
        Map<String, byte[]> total = entries(2, 100);
        total.put("p/f2", new byte[50]);
        assertThat(PackReader.readZip(zip(total), "z.zip", SMALL).files()).hasSize(3);
        total.put("p/f2", new byte[51]);
        assertThat(refusal(() -> PackReader.readZip(zip(total), "z.zip", SMALL)))
                .isEqualTo("pack.limit: the entries are more than 250 bytes together, uncompressed");
    }

    @Test
    void compressionRatioAboveTheFloor() throws Exception {
        PackReader.Bounds b = new PackReader.Bounds(3, 64L << 20, 96L << 20, 100, Limits.DEFAULT);
        // at the floor any ratio is accepted (a small JSON file of repeated keys compresses well)
        byte[] floor = zip(Map.of("p/zeros", new byte[(int) PackReader.RATIO_FLOOR]));
        assertThat(PackReader.readZip(floor, "z.zip", b).files().get("zeros")).hasSize((int) PackReader.RATIO_FLOOR);
        byte[] bomb = zip(Map.of("p/zeros", new byte[(int) PackReader.RATIO_FLOOR + 1]));
        assertThat(refusal(() -> PackReader.readZip(bomb, "z.zip", b))).startsWith("pack.limit: entry 'p/zeros' inflates ")
                .endsWith("(a ratio above 100 to 1): refused as a zip bomb");
    }

    @Test
    void jsonDepthAndValueLengthAtTheirBounds() throws Exception {
        Limits l = Limits.DEFAULT.withMaxDepth(5).withMaxStringLength(10);
        assertThat(PackReader.json("[[[[[1]]]]]".getBytes(StandardCharsets.UTF_8), "a.json", l).isArray()).isTrue();
        assertThat(refusal(() -> PackReader.json("[[[[[[1]]]]]]".getBytes(StandardCharsets.UTF_8), "a.json", l)))
                .isEqualTo("pack.limit: nesting deeper than 5 levels (raise the limit with --max-depth)");
        assertThat(PackReader.json("{\"a\": \"0123456789\"}".getBytes(StandardCharsets.UTF_8), "a.json", l).path("a").asString()).hasSize(10);
        assertThat(refusal(() -> PackReader.json("{\"a\": \"0123456789X\"}".getBytes(StandardCharsets.UTF_8), "a.json", l)))
                .isEqualTo("pack.limit: a value longer than the limit of 10 characters (raise it with --max-string-length)");
        Limits size = Limits.DEFAULT.withMaxFileBytes(8);
        assertThat(PackReader.json("[1,2,3,4]".getBytes(StandardCharsets.UTF_8), "a.json", Limits.DEFAULT.withMaxFileBytes(9)).size()).isEqualTo(4);
        assertThat(refusal(() -> PackReader.json("[1,2,3,4]".getBytes(StandardCharsets.UTF_8), "a.json", size)))
                .isEqualTo("pack.limit: file is 9 bytes, more than the limit of 8 bytes (raise it with --max-file-size)");
        // the number of values is bounded as YAML nodes are: a small file can hold very many of them
        Limits nodes = Limits.DEFAULT.withMaxNodes(10);
        assertThat(PackReader.json("[1,2,3,4,5,6,7,8]".getBytes(StandardCharsets.UTF_8), "a.json", nodes).size()).isEqualTo(8);
        String many = "[" + "0,".repeat(40) + "0]";
        assertThat(refusal(() -> PackReader.json(many.getBytes(StandardCharsets.UTF_8), "a.json", nodes)))
                .isEqualTo("pack.limit: more than 10 JSON values (raise the limit with --max-nodes)");
        // the place of a syntax error is line and column of the file
        PackReader.Unreadable e = (PackReader.Unreadable) org.assertj.core.api.Assertions.catchThrowable(
                () -> PackReader.json("{\n  \"a\": 1,\n  \"a\": 2\n}".getBytes(StandardCharsets.UTF_8), "p/a.json", Limits.DEFAULT));
        assertThat(e.finding().toText()).startsWith("p/a.json:3:").contains("error [pack.json] not valid JSON: Duplicate Object property \"a\"");
    }

    @Test
    void folderBoundsAndEntryTypes(@TempDir Path dir) throws Exception {
        Path p = Files.createDirectory(dir.resolve("p"));
        for (int i = 0; i < 3; i++) {
            Files.write(p.resolve("f" + i), new byte[i == 0 ? 100 : 10]);
        }
        assertThat(PackReader.readFolder(p, "p", SMALL).files()).containsOnlyKeys("f0", "f1", "f2");
        Files.write(p.resolve("f0"), new byte[101]);
        assertThat(refusal(() -> PackReader.readFolder(p, "p", SMALL))).isEqualTo("pack.limit: is 101 bytes, more than the limit of 100 bytes per file");
        Files.write(p.resolve("f0"), new byte[10]);
        Files.write(p.resolve("f3"), new byte[1]);
        assertThat(refusal(() -> PackReader.readFolder(p, "p", SMALL))).isEqualTo("pack.limit: the pack holds more than 3 files");
        Files.delete(p.resolve("f3"));
        Files.delete(p.resolve("f2"));
        Files.createDirectory(p.resolve("sub"));
        assertThat(refusal(() -> PackReader.readFolder(p, "p", SMALL))).startsWith("pack.entry-type: is a folder");
        Files.delete(p.resolve("sub"));
        Files.createSymbolicLink(p.resolve("link"), p.resolve("f0"));
        assertThat(refusal(() -> PackReader.readFolder(p, "p", SMALL))).isEqualTo("pack.entry-type: is a symbolic link; a pack holds regular files only");
    }

    @Test
    void theZipsPackWritesAreReadBackAsWritten(@TempDir Path dir) throws Exception {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("a.pdf", "%PDF-".getBytes(StandardCharsets.US_ASCII));
        files.put("manifest.json", "{}".getBytes(StandardCharsets.UTF_8));
        Path z = PackWriter.writeZip(dir.resolve("x.zip"), files, "x", false);
        PackReader.Contents c = PackReader.read(z, "x.zip", PackReader.Bounds.DEFAULT);
        assertThat(c.zip()).isTrue();
        assertThat(c.root()).isEqualTo("x");
        assertThat(c.files()).containsOnlyKeys("a.pdf", "manifest.json");
        assertThat(c.files().keySet()).containsExactly("a.pdf", "manifest.json");
        assertThat(c.where("a.pdf")).isEqualTo("x.zip!/x/a.pdf");
        assertThatThrownBy(() -> PackReader.read(dir.resolve("none"), "none", PackReader.Bounds.DEFAULT))
                .isInstanceOf(PackReader.Unreadable.class).hasMessage("none:1:1: error [pack.io] not found");
    }
}
