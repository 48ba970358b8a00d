package dev.aidossier.rules;

import dev.aidossier.load.PlainPath;

import dev.aidossier.core.Finding;
import dev.aidossier.core.Location;
import dev.aidossier.load.Loaded;
import dev.aidossier.load.YPath;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks the evidence a description cites: each file exists inside the description's own folder (no
 * absolute paths, no {@code ..}, no symbolic link leading out), its SHA-256 matches, and every
 * {@code evidence:} reference names a listed file.
 */
public final class EvidenceCheck {
    private EvidenceCheck() {
    }

    /** A cited file, resolved safely; {@code problem} is null when it is usable. */
    public record Resolved(String id, Path file, String problem) {
    }

    /**
     * The findings about the evidence files {@code d} cites, each citing {@code refs}: the provisions the pack
     * says its evidence serves ({@code evidence.refs} in pack.yaml).
     */
    public static List<Finding> check(Loaded d, List<String> refs) {
        return check(d).stream().map(f -> new Finding(f.ruleId(), f.severity(), f.status(), f.message(), f.location(), f.path(), refs,
                f.remediation(), f.appliesFrom(), f.waiver())).toList();
    }

    private static List<Finding> check(Loaded d) {
        List<Finding> out = new ArrayList<>();
        Map<String, Object> plain = d.plain();
        Object ev = PlainPath.get(plain, "spec.evidence");
        Map<String, Integer> ids = new LinkedHashMap<>();
        if (ev instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                if (!(list.get(i) instanceof Map<?, ?> m)) {
                    continue;
                }
                String base = "spec.evidence[" + i + "]";
                String id = m.get("id") instanceof String s ? s : null;
                if (id != null && ids.putIfAbsent(id, i) != null) {
                    out.add(err("evidence.duplicate-id", "evidence id '" + id + "' is used twice; ids must be unique", d, base + ".id"));
                }
                String rel = m.get("path") instanceof String s ? s : null;
                String sha = m.get("sha256") instanceof String s ? s : null;
                if (rel == null || sha == null || d.path() == null) {
                    continue; // the structural check already reports the missing key
                }
                Resolved r = resolve(d.path(), id, rel);
                if (r.problem() != null) {
                    String ruleId = r.problem().startsWith("not found") ? "evidence.missing" : "evidence.path";
                    out.add(err(ruleId, "evidence '" + rel + "' " + r.problem(), d, base + ".path"));
                    continue;
                }
                try {
                    String actual = dev.aidossier.util.Hashes.sha256(r.file());
                    if (!actual.equalsIgnoreCase(sha)) {
                        out.add(err("evidence.hash-mismatch", "evidence '" + rel + "' has SHA-256 " + actual + ", but the description records "
                                + sha.toLowerCase(java.util.Locale.ROOT) + "; the file changed since it was cited", d, base + ".sha256")
                                .withRemediation("Check the file is the right version, then record its new hash (sha256sum " + rel + ")."));
                    }
                } catch (IOException e) {
                    out.add(err("evidence.missing", "evidence '" + rel + "' cannot be read: " + e.getMessage(), d, base + ".path"));
                }
            }
        }
        references(plain.get("spec"), "spec", ids, d, out);
        return out;
    }

    /** Every string under a key named {@code evidence} (other than the list itself) must name a listed file. */
    private static void references(Object node, String path, Map<String, Integer> ids, Loaded d, List<Finding> out) {
        if (node instanceof Map<?, ?> m) {
            for (Map.Entry<?, ?> e : m.entrySet()) {
                String key = String.valueOf(e.getKey());
                String child = YPath.child(path, key);
                if (key.equals("evidence") && e.getValue() instanceof String ref) {
                    if (!ids.containsKey(ref)) {
                        String s = dev.aidossier.util.Names.closest(ref, ids.keySet());
                        out.add(err("evidence.unknown-id", "'" + ref + "' is not an id in spec.evidence"
                                + (s != null ? "; did you mean '" + s + "'?" : ""), d, child));
                    }
                } else if (!(path.equals("spec") && key.equals("evidence"))) {
                    references(e.getValue(), child, ids, d, out);
                }
            }
        } else if (node instanceof List<?> l) {
            for (int i = 0; i < l.size(); i++) {
                references(l.get(i), YPath.index(path, i), ids, d, out);
            }
        }
    }

    /**
     * Resolves {@code rel} against the folder of {@code description}, refusing anything that could leave
     * that folder: absolute paths, {@code ..}, drive letters, backslashes and symbolic links pointing out.
     */
    public static Resolved resolve(Path description, String id, String rel) {
        if (rel.isBlank()) {
            return new Resolved(id, null, "is an empty path");
        }
        if (rel.startsWith("/") || rel.startsWith("\\") || rel.matches("^[A-Za-z]:.*") || rel.contains("\\")) {
            return new Resolved(id, null, "must be a relative path with '/' separators inside the description's folder");
        }
        for (String seg : rel.split("/")) {
            if (seg.equals("..")) {
                return new Resolved(id, null, "leaves the description's folder ('..' is not allowed)");
            }
        }
        if (rel.indexOf('\0') >= 0 || rel.chars().anyMatch(Character::isISOControl)) {
            return new Resolved(id, null, "contains control characters");
        }
        try {
            Path base = description.toAbsolutePath().getParent().toRealPath();
            Path candidate = base.resolve(rel).normalize();
            if (!candidate.startsWith(base)) {
                return new Resolved(id, null, "leaves the description's folder");
            }
            if (!Files.exists(candidate, LinkOption.NOFOLLOW_LINKS)) {
                return new Resolved(id, null, "not found (looked for " + rel + " next to the description)");
            }
            Path real = candidate.toRealPath();
            if (!real.startsWith(base)) {
                return new Resolved(id, null, "is a symbolic link that leads out of the description's folder");
            }
            if (!Files.isRegularFile(real)) {
                return new Resolved(id, null, "is not a regular file");
            }
            return new Resolved(id, real, null);
        } catch (IOException e) {
            return new Resolved(id, null, "not found (" + e.getMessage() + ")");
        }
    }

    private static Finding err(String id, String message, Loaded d, String path) {
        Location loc = d.root() == null ? Location.ofFile(d.file()) : YPath.nearest(d.root(), path).location();
        return new Finding(id, dev.aidossier.core.Severity.error, dev.aidossier.core.Status.failed, message, loc, path,
                List.of(), "Cite evidence by a path inside the description's folder and record its SHA-256.", null, null);
    }
}
