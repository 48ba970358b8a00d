package dev.aidossier.cel;

import dev.cel.common.CelAbstractSyntaxTree;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Checked CEL ASTs of the bundled packs' expressions, computed by the build ({@link AstCacheBuilder})
 * and shipped in the jar, so a cold start does not parse and type-check some 150 expressions (and does
 * not load CEL's compiler at all). The file records the SHA-256 of the CEL environment's
 * {@linkplain CelEnv#fingerprint() fingerprint} (CEL version, options, variables, functions, macros) it
 * was written for, and holds each AST under the exact text of its expression. With another environment
 * the whole file is ignored; an expression edited in a rule file or one from a pack given with
 * {@code --rules DIR} is not found. Either way the expression is compiled as before. The cache holds only
 * expressions that compiled, so a broken expression is always reported by the compiler.
 *
 * <p>File format: {@code int} magic, {@code int} format, the 32-byte SHA-256 of the fingerprint,
 * {@code int} count, then per entry the expression (an {@code int} length and UTF-8 bytes), an
 * {@code int} length and the AST in {@link AstCodec}'s form. Entries are sorted by expression, so the
 * file is the same on every build.
 */
final class AstCache {

    static final String RESOURCE = "/dev/aidossier/cel/cel-asts.bin";
    private static final int MAGIC = 0x44434541; // "DCEA"
    private static final int FORMAT = 3;

    private final Map<String, byte[]> entries;
    private final AtomicInteger hits = new AtomicInteger();
    private final AtomicInteger misses = new AtomicInteger();

    private AstCache(Map<String, byte[]> entries) {
        this.entries = entries;
    }

    private static final class Holder {
        static final AstCache BUNDLED = readBundled();
    }

    /** The cache in the jar (empty when the build did not write one, or wrote it for another environment). */
    static AstCache bundled() {
        return Holder.BUNDLED;
    }

    private static AstCache readBundled() {
        try (InputStream in = AstCache.class.getResourceAsStream(RESOURCE)) {
            return new AstCache(in == null ? Map.of() : read(in.readAllBytes(), fingerprintHash()));
        } catch (IOException | RuntimeException e) {
            return new AstCache(Map.of()); // a damaged cache only costs compile time
        }
    }

    static Map<String, byte[]> read(byte[] bytes, byte[] fingerprintHash) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes));
        if (in.readInt() != MAGIC || in.readInt() != FORMAT) {
            return Map.of();
        }
        byte[] written = new byte[32];
        in.readFully(written);
        if (!Arrays.equals(written, fingerprintHash)) {
            return Map.of(); // written for another CEL version or environment
        }
        int n = in.readInt();
        Map<String, byte[]> m = new HashMap<>(n * 2);
        for (int i = 0; i < n; i++) {
            byte[] expr = new byte[in.readInt()];
            in.readFully(expr);
            byte[] ast = new byte[in.readInt()];
            in.readFully(ast);
            m.put(new String(expr, StandardCharsets.UTF_8), ast);
        }
        return m;
    }

    static byte[] fingerprintHash() {
        return dev.aidossier.util.Hashes.sha256().digest(CelEnv.fingerprint().getBytes(StandardCharsets.UTF_8));
    }

    /** The checked AST of the expression, or null when the cache does not hold it. */
    CelAbstractSyntaxTree lookup(String expression) {
        byte[] bytes = entries.get(expression);
        if (bytes != null) {
            try {
                CelAbstractSyntaxTree ast = AstCodec.read(bytes, expression);
                hits.incrementAndGet();
                return ast;
            } catch (IOException | RuntimeException e) {
                // unreadable entry: compile instead
            }
        }
        misses.incrementAndGet();
        return null;
    }

    int size() {
        return entries.size();
    }

    int hits() {
        return hits.get();
    }

    int misses() {
        return misses.get();
    }

    /**
     * Writes the checked ASTs of these expressions for the current environment; the build's side of
     * {@link #bundled()}. An AST the codec cannot write, or does not read back identically, is left out
     * (compiled at run time). Returns the expressions left out.
     */
    static List<String> write(Map<String, CelAbstractSyntaxTree> asts, Path file) throws IOException {
        TreeMap<String, byte[]> sorted = new TreeMap<>();
        List<String> left = new ArrayList<>();
        for (Map.Entry<String, CelAbstractSyntaxTree> e : asts.entrySet()) {
            try {
                byte[] bytes = AstCodec.write(e.getValue());
                if (AstCodec.same(AstCodec.read(bytes, e.getKey()), e.getValue())) {
                    sorted.put(e.getKey(), bytes);
                    continue;
                }
            } catch (AstCodec.Unsupported ex) {
                // left out below
            }
            left.add(e.getKey());
        }
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(buf)) {
            out.writeInt(MAGIC);
            out.writeInt(FORMAT);
            out.write(fingerprintHash());
            out.writeInt(sorted.size());
            for (Map.Entry<String, byte[]> e : sorted.entrySet()) {
                byte[] expr = e.getKey().getBytes(StandardCharsets.UTF_8);
                out.writeInt(expr.length);
                out.write(expr);
                out.writeInt(e.getValue().length);
                out.write(e.getValue());
            }
        }
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.write(file, buf.toByteArray());
        return left;
    }
}
