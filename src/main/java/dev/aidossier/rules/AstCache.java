package dev.aidossier.rules;

import dev.cel.common.CelAbstractSyntaxTree;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Checked CEL ASTs of the bundled packs' expressions, computed by the build ({@link AstCacheBuilder})
 * and shipped in the jar, so a cold start does not parse and type-check some 300 expressions (and does
 * not load CEL's compiler at all). Each entry is keyed by the SHA-256 of the CEL environment's
 * {@linkplain CelEnv#fingerprint() fingerprint} and the expression's text: an expression edited in a
 * rule file, a rule pack given with {@code --rules DIR}, or a changed CEL environment or CEL version
 * misses the cache and is compiled as before. The cache holds only expressions that compiled, so a
 * broken expression is always reported by the compiler.
 *
 * <p>File format: {@code int} magic, {@code int} format, {@code int} count, then per entry the 32-byte key,
 * an {@code int} length and the AST in {@link AstCodec}'s form; entries are sorted by key so the file is
 * the same on every build.
 */
final class AstCache {

    static final String RESOURCE = "/dev/aidossier/rules/cel-asts.bin";
    private static final int MAGIC = 0x44434541; // "DCEA"
    private static final int FORMAT = 2;

    private final Map<ByteBuffer, byte[]> entries;
    private final byte[] fingerprint;
    private final AtomicInteger hits = new AtomicInteger();
    private final AtomicInteger misses = new AtomicInteger();

    private AstCache(Map<ByteBuffer, byte[]> entries) {
        this.entries = entries;
        this.fingerprint = CelEnv.fingerprint().getBytes(StandardCharsets.UTF_8);
    }

    private static final class Holder {
        static final AstCache BUNDLED = readBundled();
    }

    /** The cache in the jar (empty when the build did not write one). */
    static AstCache bundled() {
        return Holder.BUNDLED;
    }

    private static AstCache readBundled() {
        try (InputStream in = AstCache.class.getResourceAsStream(RESOURCE)) {
            return new AstCache(in == null ? Map.of() : read(in.readAllBytes()));
        } catch (IOException | RuntimeException e) {
            return new AstCache(Map.of()); // a damaged cache only costs compile time
        }
    }

    private static Map<ByteBuffer, byte[]> read(byte[] bytes) throws IOException {
        DataInputStream in = new DataInputStream(new java.io.ByteArrayInputStream(bytes));
        if (in.readInt() != MAGIC || in.readInt() != FORMAT) {
            return Map.of();
        }
        int n = in.readInt();
        Map<ByteBuffer, byte[]> m = new HashMap<>(n * 2);
        for (int i = 0; i < n; i++) {
            byte[] key = new byte[32];
            in.readFully(key);
            byte[] ast = new byte[in.readInt()];
            in.readFully(ast);
            m.put(ByteBuffer.wrap(key), ast);
        }
        return m;
    }

    /** The key of an expression: SHA-256 of the environment's fingerprint, a NUL and the expression. */
    byte[] key(String expression) {
        MessageDigest md = sha256();
        md.update(fingerprint);
        md.update((byte) 0);
        md.update(expression.getBytes(StandardCharsets.UTF_8));
        return md.digest();
    }

    /** The checked AST of the expression, or null when the cache does not hold it. */
    CelAbstractSyntaxTree lookup(String expression) {
        byte[] bytes = entries.isEmpty() ? null : entries.get(ByteBuffer.wrap(key(expression)));
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
     * Writes the checked ASTs of these expressions; the build's side of {@link #bundled()}. An AST the
     * codec cannot write, or does not read back identically, is left out (compiled at run time).
     * Returns the expressions left out.
     */
    static List<String> write(Map<String, CelAbstractSyntaxTree> asts, Path file) throws IOException {
        AstCache keys = new AstCache(Map.of());
        TreeMap<String, byte[][]> sorted = new TreeMap<>();
        List<String> left = new java.util.ArrayList<>();
        for (Map.Entry<String, CelAbstractSyntaxTree> e : asts.entrySet()) {
            byte[] bytes;
            try {
                bytes = AstCodec.write(e.getValue());
                if (!AstCodec.same(AstCodec.read(bytes, e.getKey()), e.getValue())) {
                    left.add(e.getKey());
                    continue;
                }
            } catch (AstCodec.Unsupported ex) {
                left.add(e.getKey());
                continue;
            }
            byte[] key = keys.key(e.getKey());
            sorted.put(java.util.HexFormat.of().formatHex(key), new byte[][]{key, bytes});
        }
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(buf)) {
            out.writeInt(MAGIC);
            out.writeInt(FORMAT);
            out.writeInt(sorted.size());
            for (byte[][] e : sorted.values()) {
                out.write(e[0]);
                out.writeInt(e[1].length);
                out.write(e[1]);
            }
        }
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.write(file, buf.toByteArray());
        return left;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
