package dev.aidossier.core;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The tool's own checks (reading, structure, evidence, waivers): not law, so they live here rather than
 * in a rule pack. Reports (SARIF, JUnit, gap report) list them beside the pack's rules.
 */
public final class ToolRules {
    private ToolRules() {
    }

    /**
     * One check. {@code always}: listed in every report's rules (SARIF), else only in a report with a finding of
     * it (checks a command makes only when asked, such as the translation overlays of {@code --lang}, so that
     * the reports of every other run stay as they were). {@code level}: its SARIF default level.
     */
    public record Info(String id, String title, String help, boolean always, String level, String group) {
        public Info(String id, String title, String help) {
            this(id, title, help, true, "error", CHECK);
        }
    }

    /** The checks of reading and analysing a description (check, pack, render). */
    public static final String CHECK = "check";
    /** The checks of {@code dossier verify} and of reading a pack: listed in verify's report, in others only where they occur. */
    public static final String VERIFY = "verify";

    private static final Map<String, Info> ALL = new LinkedHashMap<>();

    private static void add(String id, String title, String help) {
        ALL.put(id, new Info(id, title, help, true, id.equals("waiver.unused") ? "note" : "error", CHECK));
    }

    private static void onDemand(String id, String title, String help, String level) {
        ALL.put(id, new Info(id, title, help, false, level, CHECK));
    }

    static {
        add("yaml.io", "The file can be read", "The file must exist and be readable.");
        add("yaml.limit", "The file stays within the input limits", "Size, nesting depth, node count and value length are bounded; the message names the flag that raises the limit.");
        add("yaml.date-range", "Dates lie in the range the tool accepts", "Every date of a description lies in the range the message names (an input limit, like the file size); a year such as 0 or 99999 is a typo. The file is refused as a whole.");
        add("yaml.encoding", "The file is UTF-8 text", "Save descriptions as UTF-8 without NUL bytes; a UTF-8 byte-order mark is accepted.");
        add("yaml.empty", "The file is not empty", "A description is a YAML mapping with apiVersion, kind, metadata and spec.");
        add("yaml.syntax", "The file is valid YAML", "Fix the YAML syntax at the place named; indent with spaces, close quotes and brackets.");
        add("yaml.duplicate-key", "Each key appears once", "YAML mappings must not repeat a key; the later value would silently replace the earlier one.");
        add("yaml.alias", "No YAML aliases", "Aliases (*name) are refused: write values out in full so every value has one place.");
        add("yaml.tag", "No YAML tags or binary values", "Tags such as !!binary or !custom are not part of the format.");
        add("yaml.character", "Values hold printable characters only", "An escape such as \\x1b or \\u0000 in a quoted value must not produce a control character, a lone surrogate or U+FFFE/U+FFFF.");
        add("yaml.root", "The top level is a mapping", "A description starts with apiVersion, kind, metadata and spec.");
        add("yaml.multiple-documents", "One description per file", "Put each description in its own file.");
        add("pdf.source", "A PDF carries its description", "Give the description (.yaml), or a PDF rendered by dossier: it embeds the description it was rendered from.");
        add("schema.unknown-key", "Only known keys", "The key is not part of the format; the message lists the valid keys and the closest one.");
        add("schema.type", "Values have the expected type", "The message says what type was expected and what was found.");
        add("schema.enum", "Values come from the allowed list", "The message lists the allowed values and the closest one.");
        add("schema.required", "Required keys are present", "The format needs this key to identify the system or its provider.");
        add("schema.constraint", "Values have the expected format", "Country codes, e-mail addresses, URLs, hashes and ranges must be well-formed.");
        add("classification.unknown-fact", "Only declared classification facts", "The facts are declared in the rule pack's classification.yaml; see dossier schema.");
        add("classification.value", "Classification values come from the Act's lists", "Annex III points and Annex I legislation are named by their reference keys.");
        add("rules.evaluation", "Rule pack expressions evaluate", "A rule pack expression failed for this description; report it to the pack's authors.");
        add("evidence.duplicate-id", "Evidence ids are unique", "Each evidence file needs its own id.");
        add("evidence.missing", "Cited evidence exists", "The file named in spec.evidence must exist next to the description.");
        add("evidence.path", "Evidence stays inside the description's folder", "Evidence paths are relative, without '..', and may not lead out through symbolic links.");
        add("evidence.hash-mismatch", "Evidence matches its recorded SHA-256", "The file changed since it was cited; check it and record the new hash.");
        add("evidence.unknown-id", "Evidence references name listed files", "An evidence: field names an id that spec.evidence does not list.");
        add("waiver.unknown-rule", "Waivers name existing rules", "A waiver must name a rule id of the pack (dossier rules list).");
        add("waiver.expired", "Waivers are in date", "An expired waiver waives nothing; renew it or fix the finding.");
        add("render.language-coverage", "The document languages cover the member states", "A member state of spec.general.memberStates reads none of the languages the documents are in (rules/member-state-languages.yaml); add one of its languages with --lang.");
        onDemand("overlay.path", "Translation overlays hold the description's paths", "A translation overlay <name>.<lang>.yaml holds the description's own paths with translated texts; a path the description does not have translates nothing.", "error");
        onDemand("overlay.type", "Translations are texts where the description has texts", "Each translated value has the shape of the value it translates: a text for a text, a list for a list, a mapping for a mapping; an empty text is refused.", "error");
        onDemand("overlay.verbatim", "Only free text is translated", "Names, versions, ids, codes, dates, numbers and values from a list stay as the description writes them; remove them from the overlay.", "error");
        onDemand("overlay.untranslated", "Free text has a translation", "A free-text value has no translation in the document language's overlay <name>.<lang>.yaml: the documents show it as written, marked; add its translation under the same path.", "note");
        add("waiver.unused", "Waivers are needed", "The waived rule has no open finding; remove the waiver.");

        // dossier verify and pack reading (the verify group)
        verify("pack.io", "The pack can be read", "The folder, zip or PDF must exist and be readable.", "error");
        verify("pack.limit", "The pack stays within the reading limits", "Entries, sizes, compression ratio, and each JSON file's size, depth and value length are bounded; the message names the flag that raises a limit where there is one.", "error");
        verify("pack.zip", "The zip is well-formed", "A pack zip is a plain (not ZIP64, not split, not encrypted) zip whose entries are stored or deflated and agree with its central directory.", "error");
        verify("pack.entry-name", "Entry names stay inside the pack", "No absolute names, no '..' or '.' segments, no backslashes or control characters; all entries in one folder, none in sub-folders.", "error");
        verify("pack.duplicate-entry", "Each entry is there once", "Two entries of one name (or names that differ only in case) let different readers see different files.", "error");
        verify("pack.entry-type", "Entries are regular files", "Symbolic links, sub-folders, devices and other special entries are refused.", "error");
        verify("pack.json", "JSON files are well-formed", "Every JSON file of a pack is valid JSON without duplicate keys.", "error");
        verify("pack.manifest", "The pack has a dossier manifest", "manifest.json with format dossier/pack/v1 lists every file with its name, SHA-256 and size.", "error");
        verify("pack.missing-file", "Every listed file is there", "A file the manifest lists is not in the pack.", "error");
        verify("pack.size-mismatch", "Files have the size the manifest lists", "The file changed after the pack was made.", "error");
        verify("pack.hash-mismatch", "Files have the SHA-256 the manifest lists", "The file changed after the pack was made.", "error");
        verify("pack.extra-file", "No file beside the listed ones", "A file the manifest does not list was added to the pack.", "error");
        verify("pack.unsigned", "The pack is signed", "Without manifest.json.p7s nothing says who made the pack; sign it with pack --sign.", "warning");
        verify("signature.missing", "The signature is there", "A PDF of a signed pack, or a PDF given alone, carries no signature; or the manifest records a signature that is not in the pack.", "error");
        verify("signature.invalid", "The signature holds", "The signed bytes changed, the signature value does not verify or the signature is malformed.", "error");
        verify("signature.modified", "The PDF is unchanged since it was signed", "Bytes after the last signature's byte range are a later incremental update or appended data.", "error");
        verify("signature.untrusted", "The signer is trusted", "The signing certificate does not chain to any anchor given with --trust.", "error");
        verify("signature.no-trust-anchor", "Trust anchors are given", "Without --trust the signature can be checked, but not who made it.", "warning");
        verify("signature.indeterminate", "The signature can be confirmed", "DSS could not confirm the signature (for instance an expired or not yet valid certificate); the message gives its reasons.", "error");
        verify("signature.record", "The manifest's signature record matches the signatures", "The manifest's signature record (signer, certificateSha256, signingTime, level, signedFiles) must name the certificate that signed, the time and level of the manifest's signature, and every signed PDF.", "error");
    }

    private static void verify(String id, String title, String help, String level) {
        ALL.put(id, new Info(id, title, help, false, level, VERIFY));
    }

    /** The checks of one group ({@link #CHECK} or {@link #VERIFY}), in the order they were declared. */
    public static java.util.List<Info> group(String group) {
        return ALL.values().stream().filter(i -> i.group().equals(group)).toList();
    }

    public static Map<String, Info> all() {
        return ALL;
    }

    public static Info get(String id) {
        return ALL.get(id);
    }
}
