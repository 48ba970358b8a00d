package dev.aidossier.pack;

import dev.aidossier.sign.SignException;
import dev.aidossier.sign.Signer;

import dev.aidossier.report.Json;
import dev.aidossier.util.Hashes;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Signs a conformity pack: a PAdES signature on each of its PDFs, then, once the manifest lists the signed
 * PDFs' hashes, a detached CAdES signature over the manifest's exact bytes in {@value #SIGNATURE_FILE}
 * beside it. The manifest records who signed, when, at which level and which files
 * ({@code "signature": {"signer", "certificateSha256", "signingTime", "level", "signedFiles"}}); the
 * signature file is the one file of a signed pack the manifest does not list (it signs the manifest).
 */
public final class PackSigning {

    /** The detached signature of manifest.json: CAdES, DER, over the manifest's bytes. */
    public static final String SIGNATURE_FILE = "manifest.json.p7s";

    private final Signer signer;

    public PackSigning(Signer signer) {
        this.signer = signer;
    }

    public Signer signer() {
        return signer;
    }

    /** The time a pack is signed at: now, in whole seconds, as the signatures record it. */
    public static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.SECONDS);
    }

    /**
     * Signs every PDF among {@code files} (replacing its bytes) except those named in {@code refused}, and
     * returns the manifest's {@code signature} object.
     */
    public Map<String, Object> signPdfs(Map<String, byte[]> files, Set<String> refused, Instant time) throws SignException {
        List<String> signed = new ArrayList<>();
        for (Map.Entry<String, byte[]> e : files.entrySet()) {
            if (e.getKey().endsWith(".pdf") && !refused.contains(e.getKey())) {
                e.setValue(signer.signPdf(e.getValue(), e.getKey(), time));
                signed.add(e.getKey());
            }
        }
        return block(time, signed);
    }

    /** The detached signature of the manifest's bytes. */
    public byte[] signManifest(byte[] manifest, Instant time) throws SignException {
        return signer.signDetached(manifest, "manifest.json", time);
    }

    /** The reading bounds of a pack (PackReader's defaults); the manifest's own limit is sign's. */
    private static final long MAX_MANIFEST = 4L * 1024 * 1024;
    private static final long MAX_ENTRY = PackReader.Bounds.DEFAULT.maxEntryBytes();
    private static final long MAX_TOTAL = PackReader.Bounds.DEFAULT.maxTotalBytes();
    private static final int MAX_ENTRIES = PackReader.Bounds.DEFAULT.maxEntries();

    /**
     * The files of the unsigned pack folder {@code dir}, as they are, after checking that the folder is a
     * pack as this tool wrote it: regular files only, within the reading bounds of pack reuse, a
     * manifest.json, every file it lists there with its size and SHA-256, nothing else, and no signature yet.
     * Anything else is an {@link IOException} whose message says what is wrong.
     */
    public static Map<String, byte[]> readUnsigned(Path dir) throws IOException {
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            throw new IOException(dir + " is not a pack folder");
        }
        Map<String, byte[]> files = new TreeMap<>();
        long total = 0;
        try (Stream<Path> s = Files.list(dir)) {
            for (Path f : s.sorted().toList()) {
                String name = f.getFileName().toString();
                if (!Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS)) {
                    throw new IOException(dir + ": '" + name + "' is not a regular file; a pack holds only files");
                }
                long size = Files.size(f);
                if (files.size() >= MAX_ENTRIES || size > MAX_ENTRY || (total += size) > MAX_TOTAL) {
                    throw new IOException(dir + ": more than a pack holds (at most " + MAX_ENTRIES + " files of "
                            + MAX_ENTRY + " bytes, " + MAX_TOTAL + " bytes in all)");
                }
                files.put(name, Files.readAllBytes(f));
            }
        }
        byte[] manifest = files.get("manifest.json");
        if (manifest == null) {
            throw new IOException(dir + " has no manifest.json: not a conformity pack");
        }
        if (manifest.length > MAX_MANIFEST) {
            throw new IOException(dir + "/manifest.json: larger than " + MAX_MANIFEST + " bytes");
        }
        JsonNode m;
        try {
            m = Json.mapper().readTree(manifest);
        } catch (RuntimeException e) {
            throw new IOException(dir + "/manifest.json: not JSON (" + e.getMessage().lines().findFirst().orElse("") + ")");
        }
        if (!m.isObject() || !m.path("files").isArray()) {
            throw new IOException(dir + "/manifest.json: not a pack manifest (no \"files\" list)");
        }
        if (files.containsKey(SIGNATURE_FILE) || m.has("signature")) {
            throw new IOException(dir + " is signed already; a pack is signed once (build it again with pack --sign to sign it anew)");
        }
        java.util.Set<String> listed = new java.util.TreeSet<>();
        for (JsonNode f : m.path("files")) {
            String name = f.path("name").asString("");
            byte[] bytes = files.get(name);
            if (bytes == null) {
                throw new IOException(dir + ": '" + name + "', listed in manifest.json, is missing");
            }
            if (bytes.length != f.path("size").asLong(-1) || !Hashes.sha256(bytes).equals(f.path("sha256").asString(""))) {
                throw new IOException(dir + "/" + name + " is not the file manifest.json lists (size or SHA-256 differ): changed since the pack was written");
            }
            listed.add(name);
        }
        for (String name : files.keySet()) {
            if (!name.equals("manifest.json") && !listed.contains(name)) {
                throw new IOException(dir + "/" + name + " is not listed in manifest.json: not part of the pack");
            }
        }
        return files;
    }

    /**
     * The pack's files signed: the PDFs (except {@code refused}), then manifest.json with the signed files'
     * hashes and the {@code signature} object (before {@code files}; everything else as it was), then its
     * detached signature. {@code files} are those {@link #readUnsigned} returned.
     */
    public Map<String, byte[]> sign(Map<String, byte[]> files, Set<String> refused, Instant time) throws SignException {
        Map<String, byte[]> content = new TreeMap<>(files);
        byte[] oldManifest = content.remove("manifest.json");
        Map<String, Object> block = signPdfs(content, refused, time);
        JsonNode old = Json.mapper().readTree(oldManifest);
        tools.jackson.databind.node.ObjectNode m = Json.mapper().createObjectNode();
        for (Map.Entry<String, JsonNode> e : old.properties()) {
            if (e.getKey().equals("files")) {
                m.set("signature", Json.mapper().valueToTree(block));
                tools.jackson.databind.node.ArrayNode list = m.putArray("files");
                for (JsonNode f : e.getValue()) {
                    String name = f.path("name").asString("");
                    byte[] bytes = content.get(name);
                    tools.jackson.databind.node.ObjectNode entry = list.addObject();
                    entry.put("name", name);
                    entry.put("sha256", Hashes.sha256(bytes));
                    entry.put("size", bytes.length);
                }
            } else {
                m.set(e.getKey(), e.getValue());
            }
        }
        byte[] manifest = Json.write(m).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        Map<String, byte[]> out = new java.util.LinkedHashMap<>(content);
        out.put("manifest.json", manifest);
        out.put(SIGNATURE_FILE, signManifest(manifest, time));
        return out;
    }

    private Map<String, Object> block(Instant time, List<String> signed) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("signer", signer.key().subject());
        m.put("certificateSha256", signer.key().certificateSha256());
        m.put("signingTime", time.toString());
        m.put("level", signer.level());
        m.put("signedFiles", List.copyOf(signed));
        return m;
    }
}
