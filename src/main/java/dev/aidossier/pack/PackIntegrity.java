package dev.aidossier.pack;

import dev.aidossier.core.Finding;
import dev.aidossier.core.Location;
import dev.aidossier.util.Hashes;
import dev.aidossier.util.Names;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A pack against its manifest: every file the manifest lists is there with the listed size and SHA-256, and
 * no other file is (besides the manifest and its detached signature). {@code verify}, {@code diff} and pack
 * reuse all ask this.
 */
public final class PackIntegrity {
    private PackIntegrity() {
    }

    public static final String MANIFEST = "manifest.json";
    /** The detached CAdES signature of the manifest's exact bytes, written by {@code pack --sign}. */
    public static final String MANIFEST_SIGNATURE = "manifest.json.p7s";
    public static final String FORMAT = "dossier/pack/v1";

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    /** One file as the manifest lists it. */
    public record Listed(String name, String sha256, long size) {
    }

    /** A pack's manifest: its JSON, the files it lists (in its order), and its {@code signature} record or null. */
    public record Manifest(JsonNode json, List<Listed> files, JsonNode signature) {
    }

    /**
     * The manifest of a pack, read under the pack's bounds and checked for the shape {@code verify} relies on;
     * a pack without one, or with one that is not a dossier manifest, cannot be read.
     */
    public static Manifest manifest(PackReader.Contents c, PackReader.Bounds b) throws PackReader.Unreadable {
        JsonNode m = PackReader.json(c, MANIFEST, b);
        Location at = Location.ofFile(c.where(MANIFEST));
        if (m == null) {
            throw unreadable("pack.manifest", "not a pack: " + MANIFEST + " is missing", Location.ofFile(c.zip() ? c.display() : c.where(MANIFEST)));
        }
        if (!m.isObject()) {
            throw unreadable("pack.manifest", "a pack manifest is a JSON object, not " + kind(m), at);
        }
        if (!FORMAT.equals(m.path("format").asString(null))) {
            throw unreadable("pack.manifest", "format is " + shown(m.get("format")) + ", not \"" + FORMAT + "\": not a pack manifest this version reads", at);
        }
        JsonNode files = m.get("files");
        if (files == null || !files.isArray()) {
            throw unreadable("pack.manifest", "files must be a list of the pack's files, found " + kind(files), at);
        }
        List<Listed> listed = new ArrayList<>();
        Map<String, Integer> seen = new LinkedHashMap<>();
        for (int i = 0; i < files.size(); i++) {
            JsonNode f = files.get(i);
            String where = "files[" + i + "]";
            if (!f.isObject()) {
                throw unreadable("pack.manifest", where + " must be an object with name, sha256 and size, found " + kind(f), at);
            }
            JsonNode name = f.get("name");
            JsonNode sha = f.get("sha256");
            JsonNode size = f.get("size");
            if (name == null || !name.isString() || name.asString().isEmpty()) {
                throw unreadable("pack.manifest", where + ".name must be a file name, found " + kind(name), at);
            }
            String n = name.asString();
            if (n.contains("/") || n.contains("\\") || n.equals(".") || n.equals("..") || n.equals(MANIFEST)) {
                throw unreadable("pack.manifest", where + ".name '" + Names.visible(n) + "' is not the name of a file of the pack", at);
            }
            if (sha == null || !sha.isString() || !SHA256.matcher(sha.asString()).matches()) {
                throw unreadable("pack.manifest", where + ".sha256 must be 64 lower-case hex digits, found " + shown(sha), at);
            }
            if (size == null || !size.isIntegralNumber() || !size.canConvertToLong() || size.asLong() < 0) {
                throw unreadable("pack.manifest", where + ".size must be a whole number of bytes, found " + shown(size), at);
            }
            Integer before = seen.putIfAbsent(n, i);
            if (before != null) {
                throw unreadable("pack.manifest", where + " lists '" + Names.visible(n) + "' again (files[" + before + "] lists it first)", at);
            }
            listed.add(new Listed(n, sha.asString(), size.asLong()));
        }
        JsonNode sig = m.get("signature");
        return new Manifest(m, List.copyOf(listed), sig == null || sig.isNull() ? null : sig);
    }

    /**
     * One finding per file that differs from the manifest: missing, another size, another SHA-256, or not
     * listed at all. Empty when the pack is intact.
     */
    public static List<Finding> check(PackReader.Contents c, Manifest m) {
        List<Finding> out = new ArrayList<>();
        java.util.Set<String> listed = new java.util.HashSet<>();
        for (Listed f : m.files()) {
            listed.add(f.name());
            byte[] bytes = c.files().get(f.name());
            Location at = Location.ofFile(c.where(f.name()));
            if (bytes == null) {
                out.add(Finding.error("pack.missing-file", Names.visible(f.name()) + " is listed in " + MANIFEST + " but is not in the pack", at, null));
            } else if (bytes.length != f.size()) {
                out.add(Finding.error("pack.size-mismatch", Names.visible(f.name()) + " is " + bytes.length + " bytes; " + MANIFEST + " lists "
                        + f.size() + " bytes: the file changed after the pack was made", at, null));
            } else {
                String actual = Hashes.sha256(bytes);
                if (!actual.equals(f.sha256())) {
                    out.add(Finding.error("pack.hash-mismatch", Names.visible(f.name()) + " has SHA-256 " + actual + "; " + MANIFEST + " lists "
                            + f.sha256() + ": the file changed after the pack was made", at, null));
                }
            }
        }
        for (String name : c.files().keySet()) {
            if (!listed.contains(name) && !name.equals(MANIFEST) && !name.equals(MANIFEST_SIGNATURE)) {
                out.add(Finding.error("pack.extra-file", Names.visible(name) + " is in the pack but not listed in " + MANIFEST
                        + ": it was added after the pack was made", Location.ofFile(c.where(name)), null));
            }
        }
        out.sort(Finding.ORDER);
        return out;
    }

    /**
     * Every JSON file of the pack (by its name: {@code .json}, {@code .sarif}) parses under the pack's bounds,
     * whatever its hash says: a reader of the pack would parse it.
     */
    public static void jsonFiles(PackReader.Contents c, PackReader.Bounds b) throws PackReader.Unreadable {
        for (String name : c.files().keySet()) {
            if (name.endsWith(".json") || name.endsWith(".sarif")) {
                PackReader.json(c, name, b);
            }
        }
    }

    /**
     * Reads and checks a pack in one step (the manifest, every JSON file, every file against the manifest): null
     * when it is intact, else the findings that say why not.
     */
    public static List<Finding> problems(PackReader.Contents c, PackReader.Bounds b) {
        try {
            Manifest m = manifest(c, b);
            jsonFiles(c, b);
            List<Finding> f = check(c, m);
            return f.isEmpty() ? null : f;
        } catch (PackReader.Unreadable e) {
            return List.of(e.finding());
        }
    }

    private static PackReader.Unreadable unreadable(String rule, String message, Location at) {
        return new PackReader.Unreadable(Finding.error(rule, message, at, null));
    }

    private static String kind(JsonNode n) {
        if (n == null || n.isMissingNode()) {
            return "nothing";
        }
        if (n.isObject()) {
            return "an object";
        }
        if (n.isArray()) {
            return "a list";
        }
        if (n.isString()) {
            return "a string";
        }
        if (n.isNumber()) {
            return "a number";
        }
        if (n.isBoolean()) {
            return "true or false";
        }
        return "null";
    }

    private static String shown(JsonNode n) {
        if (n == null || n.isMissingNode()) {
            return "nothing";
        }
        if (n.isValueNode() && !n.isNull()) {
            return "'" + Names.clip(n.asString(), 80) + "'";
        }
        return kind(n);
    }
}
