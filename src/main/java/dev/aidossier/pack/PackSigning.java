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
        // read and checked as verify reads and checks a pack: bounded, every file against the manifest
        PackReader.Bounds bounds = PackReader.Bounds.DEFAULT;
        PackReader.Contents pack;
        JsonNode manifest;
        try {
            pack = PackReader.readFolder(dir, dir.toString(), bounds);
            if (!pack.files().containsKey(PackIntegrity.MANIFEST)) {
                throw new IOException(dir + " has no manifest.json: not a conformity pack");
            }
            manifest = PackReader.json(pack, PackIntegrity.MANIFEST, bounds);
        } catch (PackReader.Unreadable e) {
            throw new IOException(e.finding().toText());
        }
        if (pack.files().containsKey(SIGNATURE_FILE) || manifest.has("signature")) {
            throw new IOException(dir + " is signed already; a pack is signed once (build it again with pack --sign to sign it anew)");
        }
        List<dev.aidossier.core.Finding> problems = PackIntegrity.problems(pack, bounds);
        if (problems != null) {
            throw new IOException(problems.get(0).toText() + (problems.size() == 1 ? "" : " (and " + (problems.size() - 1)
                    + " more; dossier verify " + dir + " lists them)") + ": a pack is signed only as it was written");
        }
        return new TreeMap<>(pack.files());
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
