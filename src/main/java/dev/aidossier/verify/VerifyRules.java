package dev.aidossier.verify;

import dev.aidossier.core.ToolRules;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The checks of {@code dossier verify} and of pack reading: stable ids, never reused. Kept apart from
 * {@link ToolRules} so that the reports of {@code check} and {@code pack} list only what they check.
 */
public final class VerifyRules {
    private VerifyRules() {
    }

    private static final Map<String, ToolRules.Info> ALL = new LinkedHashMap<>();

    private static void add(String id, String title, String help) {
        ALL.put(id, new ToolRules.Info(id, title, help));
    }

    static {
        add("pack.io", "The pack can be read", "The folder, zip or PDF must exist and be readable.");
        add("pack.limit", "The pack stays within the reading limits", "Entries, sizes, compression ratio, and each JSON file's size, depth and value length are bounded; the message names the flag that raises a limit where there is one.");
        add("pack.zip", "The zip is well-formed", "A pack zip is a plain (not ZIP64, not split, not encrypted) zip whose entries are stored or deflated and agree with its central directory.");
        add("pack.entry-name", "Entry names stay inside the pack", "No absolute names, no '..' or '.' segments, no backslashes or control characters; all entries in one folder, none in sub-folders.");
        add("pack.duplicate-entry", "Each entry is there once", "Two entries of one name (or names that differ only in case) let different readers see different files.");
        add("pack.entry-type", "Entries are regular files", "Symbolic links, sub-folders, devices and other special entries are refused.");
        add("pack.json", "JSON files are well-formed", "Every JSON file of a pack is valid JSON without duplicate keys.");
        add("pack.manifest", "The pack has a dossier manifest", "manifest.json with format dossier/pack/v1 lists every file with its name, SHA-256 and size.");
        add("pack.missing-file", "Every listed file is there", "A file the manifest lists is not in the pack.");
        add("pack.size-mismatch", "Files have the size the manifest lists", "The file changed after the pack was made.");
        add("pack.hash-mismatch", "Files have the SHA-256 the manifest lists", "The file changed after the pack was made.");
        add("pack.extra-file", "No file beside the listed ones", "A file the manifest does not list was added to the pack.");
        add("pack.unsigned", "The pack is signed", "Without manifest.json.p7s nothing says who made the pack; sign it with pack --sign.");
        add("signature.missing", "The signature is there", "A PDF of a signed pack, or a PDF given alone, carries no signature; or the manifest records a signature that is not in the pack.");
        add("signature.invalid", "The signature holds", "The signed bytes changed, the signature value does not verify or the signature is malformed.");
        add("signature.modified", "The PDF is unchanged since it was signed", "Bytes after the last signature's byte range are a later incremental update or appended data.");
        add("signature.untrusted", "The signer is trusted", "The signing certificate does not chain to any anchor given with --trust.");
        add("signature.no-trust-anchor", "Trust anchors are given", "Without --trust the signature can be checked, but not who made it.");
        add("signature.indeterminate", "The signature can be confirmed", "DSS could not confirm the signature (for instance an expired or not yet valid certificate); the message gives its reasons.");
        add("signature.record", "The manifest's signature record matches the signatures", "The manifest's signature record (signer, certificateSha256, signedFiles) must name the certificate that signed and every signed PDF.");
    }

    public static Map<String, ToolRules.Info> all() {
        return ALL;
    }
}
