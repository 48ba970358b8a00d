package dev.aidossier.pack;

import dev.aidossier.core.Finding;
import dev.aidossier.core.Location;
import dev.aidossier.load.Limits;
import dev.aidossier.util.Names;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Reads a conformity pack (a folder or a zip) as hostile input: the one reader of {@code verify}, {@code diff}
 * and pack reuse. A pack is flat: regular files directly in the folder, or zip entries under one root folder.
 * Everything is bounded before it is read (entry count, each entry's and all entries' uncompressed size, the
 * compression ratio), and names and entry types are checked first: duplicate names (also apart from case),
 * absolute or {@code ..} names, nested folders, symbolic links and other non-regular entries are refused.
 * The zip's central directory is parsed here rather than by {@link java.util.zip.ZipFile}, which neither
 * shows an entry's Unix file type nor refuses duplicate names; each entry's local header must agree with it.
 *
 * <p>JSON entries are parsed by {@link #json} under the limits descriptions have (size, nesting depth, value
 * length), with duplicate keys refused. Every problem is an {@link Unreadable} carrying a finding that names
 * the pack, the entry and, for JSON, the line and column.
 */
public final class PackReader {
    private PackReader() {
    }

    /**
     * The bounds of one read: entries, each entry's and all entries' uncompressed bytes, the compression ratio
     * an entry may have once it is larger than {@link #RATIO_FLOOR}, and the limits of each JSON entry.
     */
    public record Bounds(int maxEntries, long maxEntryBytes, long maxTotalBytes, int maxRatio, Limits json) {
        public static final Bounds DEFAULT = new Bounds(64, 64L * 1024 * 1024, 96L * 1024 * 1024, 100, Limits.DEFAULT);

        public Bounds withJson(Limits limits) {
            return new Bounds(maxEntries, maxEntryBytes, maxTotalBytes, maxRatio, limits);
        }
    }

    /** Below this many bytes an entry may compress as well as it likes (a small JSON of repeated keys does). */
    static final long RATIO_FLOOR = 1024 * 1024;

    /**
     * A pack as read. {@code display} is the path as the user gave it, {@code root} the folder of a zip's
     * entries (null for a folder), {@code files} entry name to bytes: in name order for a folder, in the zip's
     * order for a zip.
     */
    public record Contents(String display, boolean zip, String root, Map<String, byte[]> files) {
        /** Where an entry is, as messages print it: {@code PACK/NAME}, or {@code ZIP!/ROOT/NAME} inside a zip. */
        public String where(String entry) {
            return zip ? display + "!/" + root + "/" + entry : display + "/" + entry;
        }
    }

    /** A pack that cannot be read; the finding says why, where. */
    public static final class Unreadable extends Exception {
        private final transient Finding finding;

        public Unreadable(Finding finding) {
            super(finding.toText(), null, false, false);
            this.finding = finding;
        }

        public Finding finding() {
            return finding;
        }
    }

    private static Unreadable fail(String rule, String message, Location at) {
        return new Unreadable(Finding.error(rule, message, at, null));
    }

    /** A folder or a zip (any regular file), as the path names it. */
    public static Contents read(Path p, String display, Bounds b) throws Unreadable {
        if (Files.isDirectory(p)) {
            return readFolder(p, display, b);
        }
        if (!Files.exists(p)) {
            throw fail("pack.io", "not found", Location.ofFile(display));
        }
        return readZip(p, display, b);
    }

    // ---------------------------------------------------------------- folders

    /**
     * The regular files directly in {@code dir}. The folder itself may be reached through a link (the user named
     * it); inside it, links, sub-folders and special files are refused, and each file is opened without
     * following links.
     */
    public static Contents readFolder(Path dir, String display, Bounds b) throws Unreadable {
        List<Path> entries = new ArrayList<>();
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
            for (Path f : s) {
                if (entries.size() >= b.maxEntries()) {
                    throw fail("pack.limit", "the pack holds more than " + b.maxEntries() + " files", Location.ofFile(display));
                }
                entries.add(f);
            }
        } catch (IOException e) {
            throw fail("pack.io", "cannot list the pack folder: " + reason(e), Location.ofFile(display));
        }
        entries.sort(Comparator.comparing(f -> f.getFileName().toString()));
        Map<String, byte[]> files = new TreeMap<>();
        Map<String, String> folded = new HashMap<>();
        long total = 0;
        for (Path f : entries) {
            String name = f.getFileName().toString();
            Location at = Location.ofFile(display + "/" + Names.visible(name));
            String clash = folded.putIfAbsent(name.toLowerCase(Locale.ROOT), name);
            if (clash != null) {
                throw fail("pack.duplicate-entry", "'" + Names.visible(name) + "' and '" + Names.visible(clash)
                        + "' differ only in case: they are one file where case does not count", at);
            }
            BasicFileAttributes a;
            try {
                a = Files.readAttributes(f, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            } catch (IOException e) {
                throw fail("pack.io", "cannot read: " + reason(e), at);
            }
            if (a.isSymbolicLink()) {
                throw fail("pack.entry-type", "is a symbolic link; a pack holds regular files only", at);
            }
            if (a.isDirectory()) {
                throw fail("pack.entry-type", "is a folder; a pack holds regular files only, none in sub-folders", at);
            }
            if (!a.isRegularFile()) {
                throw fail("pack.entry-type", "is not a regular file (a device, socket or pipe); a pack holds regular files only", at);
            }
            if (a.size() > b.maxEntryBytes()) {
                throw fail("pack.limit", "is " + a.size() + " bytes, more than the limit of " + b.maxEntryBytes() + " bytes per file", at);
            }
            total += a.size();
            if (total > b.maxTotalBytes()) {
                throw fail("pack.limit", "the pack's files are more than " + b.maxTotalBytes() + " bytes together", Location.ofFile(display));
            }
            try (InputStream in = Files.newInputStream(f, LinkOption.NOFOLLOW_LINKS)) {
                byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, b.maxEntryBytes() + 1));
                if (bytes.length > b.maxEntryBytes()) {
                    throw fail("pack.limit", "grew beyond " + b.maxEntryBytes() + " bytes while it was read", at);
                }
                files.put(name, bytes);
            } catch (IOException e) {
                throw fail("pack.io", "cannot read: " + reason(e), at);
            }
        }
        return new Contents(display, false, null, files);
    }

    /**
     * One file of a pack folder, read as {@link #readFolder} reads it; null when it is not there. Lets pack reuse
     * look at a folder's manifest before it reads the rest.
     */
    public static byte[] readFolderEntry(Path dir, String display, String name, Bounds b) throws Unreadable {
        Path f = dir.resolve(name);
        Location at = Location.ofFile(display + "/" + name);
        BasicFileAttributes a;
        try {
            a = Files.readAttributes(f, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            throw fail("pack.io", "cannot read: " + reason(e), at);
        }
        if (!a.isRegularFile()) {
            throw fail("pack.entry-type", (a.isSymbolicLink() ? "is a symbolic link" : "is not a regular file") + "; a pack holds regular files only", at);
        }
        long max = Math.min(b.maxEntryBytes(), b.json().maxFileBytes());
        if (a.size() > max) {
            throw fail("pack.limit", "is " + a.size() + " bytes, more than the limit of " + max + " bytes", at);
        }
        try (InputStream in = Files.newInputStream(f, LinkOption.NOFOLLOW_LINKS)) {
            byte[] bytes = in.readNBytes((int) max + 1);
            if (bytes.length > max) {
                throw fail("pack.limit", "grew beyond " + max + " bytes while it was read", at);
            }
            return bytes;
        } catch (IOException e) {
            throw fail("pack.io", "cannot read: " + reason(e), at);
        }
    }

    // ---------------------------------------------------------------- zips

    private static final int EOCD = 0x06054b50;
    private static final int CEN = 0x02014b50;
    private static final int LOC = 0x04034b50;

    /** One record of the central directory. */
    private record Cen(String name, int flags, int method, long crc, long compressed, long size, long offset, int at) {
    }

    /**
     * A zip's entries under its one root folder. The whole file is read first (it is no larger than the total
     * bound); the central directory is checked completely before any entry is inflated.
     */
    public static Contents readZip(Path file, String display, Bounds b) throws Unreadable {
        Location whole = Location.ofFile(display);
        byte[] z;
        try {
            if (!Files.isRegularFile(file)) {
                throw fail("pack.io", "is neither a pack folder nor a file", whole);
            }
            long size = Files.size(file);
            if (size > b.maxTotalBytes()) {
                throw fail("pack.limit", "the zip is " + size + " bytes, more than the limit of " + b.maxTotalBytes() + " bytes", whole);
            }
            try (InputStream in = Files.newInputStream(file)) {
                z = in.readNBytes((int) b.maxTotalBytes() + 1);
            }
            if (z.length > b.maxTotalBytes()) {
                throw fail("pack.limit", "the zip grew beyond " + b.maxTotalBytes() + " bytes while it was read", whole);
            }
        } catch (IOException e) {
            throw fail("pack.io", "cannot read: " + reason(e), whole);
        }
        return readZip(z, display, b);
    }

    /** As {@link #readZip(Path, String, Bounds)}, from the zip's bytes. */
    public static Contents readZip(byte[] z, String display, Bounds b) throws Unreadable {
        Location whole = Location.ofFile(display);
        int eocd = -1;
        for (int i = z.length - 22; i >= Math.max(0, z.length - 22 - 0xFFFF); i--) {
            if (i >= 0 && u32(z, i) == EOCD && i + 22 + u16(z, i + 20) == z.length) {
                eocd = i;
                break;
            }
        }
        if (eocd < 0) {
            throw fail("pack.zip", "is not a zip file (no end of central directory at its end)", whole);
        }
        int disk = u16(z, eocd + 4);
        int cdDisk = u16(z, eocd + 6);
        int here = u16(z, eocd + 8);
        int count = u16(z, eocd + 10);
        long cdSize = u32(z, eocd + 12);
        long cdOffset = u32(z, eocd + 16);
        if (count == 0xFFFF || cdSize == 0xFFFFFFFFL || cdOffset == 0xFFFFFFFFL) {
            throw fail("pack.zip", "is a ZIP64 archive; a pack is small enough for a plain zip", whole);
        }
        if (disk != 0 || cdDisk != 0 || here != count) {
            throw fail("pack.zip", "is a zip split over several parts", whole);
        }
        if (count > b.maxEntries()) {
            throw fail("pack.limit", "the zip has " + count + " entries, more than the limit of " + b.maxEntries(), whole);
        }
        if (cdOffset + cdSize != eocd) {
            throw fail("pack.zip", "is damaged: its central directory is not where its end record says", whole);
        }
        List<Cen> cens = new ArrayList<>();
        int pos = (int) cdOffset;
        for (int i = 0; i < count; i++) {
            if (pos + 46 > eocd || u32(z, pos) != CEN) {
                throw fail("pack.zip", "is damaged: central directory record " + (i + 1) + " is broken", whole);
            }
            int madeBy = u16(z, pos + 4);
            int flags = u16(z, pos + 8);
            int method = u16(z, pos + 10);
            long crc = u32(z, pos + 16);
            long csize = u32(z, pos + 20);
            long usize = u32(z, pos + 24);
            int nameLen = u16(z, pos + 28);
            int extraLen = u16(z, pos + 30);
            int commentLen = u16(z, pos + 32);
            long external = u32(z, pos + 38);
            long offset = u32(z, pos + 42);
            if (pos + 46 + nameLen + extraLen + commentLen > eocd) {
                throw fail("pack.zip", "is damaged: central directory record " + (i + 1) + " runs past its end", whole);
            }
            String name = utf8(z, pos + 46, nameLen);
            if (name == null) {
                throw fail("pack.entry-name", "entry " + (i + 1) + " has a name that is not valid UTF-8", whole);
            }
            String shown = Names.visible(name);
            if ((flags & 1) != 0) {
                throw fail("pack.zip", "entry '" + shown + "' is encrypted", whole);
            }
            int unixMode = (madeBy >> 8) == 3 ? (int) (external >>> 16) : 0;
            int type = unixMode & 0170000;
            if (type == 0120000) {
                throw fail("pack.entry-type", "entry '" + shown + "' is a symbolic link; a pack holds regular files only", whole);
            }
            boolean dir = name.endsWith("/") || type == 0040000 || (external & 0x10) != 0;
            if (!dir && type != 0 && type != 0100000) {
                throw fail("pack.entry-type", "entry '" + shown + "' is not a regular file (Unix type " + Integer.toOctalString(type)
                        + "); a pack holds regular files only", whole);
            }
            cens.add(new Cen(name, dir ? -1 : flags, method, crc, csize, usize, offset, i + 1));
            pos += 46 + nameLen + extraLen + commentLen;
        }
        if (pos != eocd) {
            throw fail("pack.zip", "is damaged: its central directory holds more than its " + count + " records", whole);
        }
        // names: one root folder, flat, no escape, each once
        String root = null;
        Map<String, String> folded = new HashMap<>();
        List<Cen> files = new ArrayList<>();
        long declared = 0;
        for (Cen c : cens) {
            String name = c.name();
            String shown = Names.visible(name);
            if (name.startsWith("/") || name.startsWith("\\") || name.matches("^[A-Za-z]:.*")) {
                throw fail("pack.entry-name", "entry '" + shown + "' has an absolute name; a pack's entries are inside its folder", whole);
            }
            if (name.contains("\\")) {
                throw fail("pack.entry-name", "entry '" + shown + "' has a backslash in its name", whole);
            }
            for (String seg : name.split("/", -1)) {
                if (seg.equals("..") || seg.equals(".")) {
                    throw fail("pack.entry-name", "entry '" + shown + "' has a '" + seg + "' segment: it would leave the pack's folder", whole);
                }
            }
            for (int i = 0; i < name.length(); i++) {
                if (name.charAt(i) < 0x20 || name.charAt(i) == 0x7F) {
                    throw fail("pack.entry-name", "entry '" + shown + "' has a control character in its name", whole);
                }
            }
            String clash = folded.putIfAbsent(name.toLowerCase(Locale.ROOT), name);
            if (clash != null) {
                throw fail("pack.duplicate-entry", clash.equals(name)
                        ? "entry '" + shown + "' is in the zip twice; which one a reader takes depends on the reader"
                        : "entries '" + shown + "' and '" + Names.visible(clash) + "' differ only in case", whole);
            }
            int slash = name.indexOf('/');
            String top = slash < 0 ? "" : name.substring(0, slash);
            if (top.isEmpty()) {
                throw fail("pack.entry-name", "entry '" + shown + "' is not inside the pack's folder; a pack zip holds one folder", whole);
            }
            if (root == null) {
                root = top;
            } else if (!root.equals(top)) {
                throw fail("pack.entry-name", "entry '" + shown + "' is outside the folder '" + Names.visible(root) + "'; a pack zip holds one folder", whole);
            }
            String local = name.substring(slash + 1);
            if (c.flags() < 0) {
                if (!local.isEmpty()) {
                    throw fail("pack.entry-type", "entry '" + shown + "' is a sub-folder; a pack holds regular files only, none in sub-folders", whole);
                }
                continue;
            }
            if (local.isEmpty() || local.contains("/")) {
                throw fail("pack.entry-name", "entry '" + shown + "' is in a sub-folder; a pack's files are directly in its folder", whole);
            }
            if (c.size() > b.maxEntryBytes()) {
                throw fail("pack.limit", "entry '" + shown + "' is " + c.size() + " bytes uncompressed, more than the limit of " + b.maxEntryBytes(), whole);
            }
            declared += c.size();
            if (declared > b.maxTotalBytes()) {
                throw fail("pack.limit", "the entries are more than " + b.maxTotalBytes() + " bytes together, uncompressed", whole);
            }
            checkRatio(c.size(), c.compressed(), shown, b, whole);
            files.add(c);
        }
        // the data: each entry's local header agrees with the central directory, entries do not overlap
        List<Cen> byOffset = new ArrayList<>(cens);
        byOffset.sort(Comparator.comparingLong(Cen::offset));
        long end = 0;
        Map<Cen, int[]> data = new HashMap<>();
        for (Cen c : byOffset) {
            String shown = Names.visible(c.name());
            if (c.offset() < end || c.offset() + 30 > cdOffset || u32(z, (int) c.offset()) != LOC) {
                throw fail("pack.zip", "is damaged: the local header of entry '" + shown + "' is missing or overlaps another entry", whole);
            }
            int o = (int) c.offset();
            int nameLen = u16(z, o + 26);
            int extraLen = u16(z, o + 28);
            long start = o + 30L + nameLen + extraLen;
            if (start + c.compressed() > cdOffset || !java.util.Arrays.equals(z, o + 30, o + 30 + nameLen,
                    c.name().getBytes(StandardCharsets.UTF_8), 0, c.name().getBytes(StandardCharsets.UTF_8).length)) {
                throw fail("pack.zip", "entry '" + shown + "': its local header does not match the central directory", whole);
            }
            end = start + c.compressed();
            data.put(c, new int[]{(int) start, (int) c.compressed()});
        }
        Map<String, byte[]> out = new LinkedHashMap<>(); // in the zip's order: pack reuse compares a zip with the one it would write
        for (Cen c : files) {
            String shown = Names.visible(c.name());
            int[] d = data.get(c);
            byte[] bytes = switch (c.method()) {
                case 0 -> {
                    if (c.compressed() != c.size()) {
                        throw fail("pack.zip", "entry '" + shown + "' is stored but its sizes differ", whole);
                    }
                    yield java.util.Arrays.copyOfRange(z, d[0], d[0] + d[1]);
                }
                case 8 -> inflate(z, d[0], d[1], c, shown, b, whole);
                default -> throw fail("pack.zip", "entry '" + shown + "' uses compression method " + c.method() + "; only stored and deflated entries are read", whole);
            };
            if (bytes.length != c.size()) {
                throw fail("pack.zip", "entry '" + shown + "' is " + bytes.length + " bytes, not the " + c.size() + " its header says", whole);
            }
            CRC32 crc = new CRC32();
            crc.update(bytes);
            if (crc.getValue() != c.crc()) {
                throw fail("pack.zip", "entry '" + shown + "' is damaged (CRC mismatch)", whole);
            }
            out.put(c.name().substring(root.length() + 1), bytes);
        }
        if (root == null) {
            throw fail("pack.zip", "is an empty zip", whole);
        }
        return new Contents(display, true, root, out);
    }

    private static void checkRatio(long size, long compressed, String shown, Bounds b, Location whole) throws Unreadable {
        if (size > RATIO_FLOOR && size > (long) b.maxRatio() * Math.max(1, compressed)) {
            throw fail("pack.limit", "entry '" + shown + "' inflates " + compressed + " bytes to " + size + " (a ratio above "
                    + b.maxRatio() + " to 1): refused as a zip bomb", whole);
        }
    }

    /** Inflates one entry, stopping as soon as it passes its declared size, the bounds or the ratio. */
    private static byte[] inflate(byte[] z, int start, int len, Cen c, String shown, Bounds b, Location whole) throws Unreadable {
        Inflater inf = new Inflater(true);
        try {
            inf.setInput(z, start, len);
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream((int) Math.min(c.size(), 1 << 20));
            byte[] buf = new byte[64 * 1024];
            long limit = Math.min(c.size(), b.maxEntryBytes());
            while (!inf.finished()) {
                int n = inf.inflate(buf);
                if (n == 0 && (inf.needsInput() || inf.needsDictionary())) {
                    throw fail("pack.zip", "entry '" + shown + "' is damaged (its compressed data ends early)", whole);
                }
                out.write(buf, 0, n);
                if (out.size() > limit) {
                    throw fail("pack.zip", "entry '" + shown + "' inflates to more than the " + c.size() + " bytes its header says", whole);
                }
                checkRatio(out.size(), len, shown, b, whole);
            }
            return out.toByteArray();
        } catch (DataFormatException e) {
            throw fail("pack.zip", "entry '" + shown + "' is damaged (invalid compressed data)", whole);
        } finally {
            inf.end();
        }
    }

    private static int u16(byte[] z, int i) {
        if (i < 0 || i + 2 > z.length) {
            return -1;
        }
        return (z[i] & 0xFF) | (z[i + 1] & 0xFF) << 8;
    }

    private static long u32(byte[] z, int i) {
        if (i < 0 || i + 4 > z.length) {
            return -1;
        }
        return ((long) u16(z, i)) | ((long) u16(z, i + 2)) << 16;
    }

    private static String utf8(byte[] z, int off, int len) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(z, off, len)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    // ---------------------------------------------------------------- JSON

    /**
     * A JSON entry of a pack, parsed under the pack's JSON limits (the description limits: file size, nesting
     * depth, value length), with duplicate keys and trailing content refused; null when the entry is absent.
     */
    public static JsonNode json(Contents c, String entry, Bounds b) throws Unreadable {
        byte[] bytes = c.files().get(entry);
        return bytes == null ? null : json(bytes, c.where(entry), b.json());
    }

    /** As {@link #json(Contents, String, Bounds)}, for the bytes of one file shown as {@code display}. */
    public static JsonNode json(byte[] bytes, String display, Limits limits) throws Unreadable {
        if (bytes.length > limits.maxFileBytes()) {
            throw fail("pack.limit", "file is " + bytes.length + " bytes, more than the limit of " + limits.maxFileBytes()
                    + " bytes (raise it with --max-file-size)", Location.ofFile(display));
        }
        if (bytes.length == 0) {
            throw fail("pack.json", "file is empty; a JSON value was expected", Location.ofFile(display));
        }
        JsonMapper mapper = mapper(limits);
        tools.jackson.core.JsonParser parser = null;
        try {
            parser = mapper.createParser(bytes);
            JsonNode tree = mapper.readTree(parser);
            if (tree == null || tree.isMissingNode()) {
                throw fail("pack.json", "file holds no JSON value", Location.ofFile(display));
            }
            return tree;
        } catch (StreamConstraintsException e) {
            // the limit exceptions carry no place: the parser still knows where it stopped
            throw fail("pack.limit", constraint(e.getOriginalMessage(), limits), at(display, e.getLocation() != null ? e.getLocation()
                    : parser == null ? null : parser.currentLocation()));
        } catch (JacksonException e) {
            String m = e.getOriginalMessage();
            throw fail("pack.json", "not valid JSON: " + Names.clip(m == null ? e.getClass().getSimpleName() : m.replaceAll("\\s+", " "), 200),
                    at(display, e.getLocation()));
        } catch (RuntimeException | StackOverflowError e) {
            // the reader's own limits stop hostile input above; this keeps anything else a finding, not a crash
            throw fail("pack.json", "cannot be read as JSON", Location.ofFile(display));
        }
    }

    private static final Map<Limits, JsonMapper> MAPPERS = new java.util.concurrent.ConcurrentHashMap<>();

    private static JsonMapper mapper(Limits l) {
        return MAPPERS.computeIfAbsent(l, k -> JsonMapper.builder(JsonFactory.builder()
                        .streamReadConstraints(StreamReadConstraints.builder()
                                .maxNestingDepth(k.maxDepth())
                                .maxStringLength(k.maxStringLength())
                                .maxNameLength(k.maxStringLength())
                                .maxNumberLength(1000)
                                .maxDocumentLength(k.maxFileBytes())
                                // a JSON value is a node, as in YAML; each is at most two tokens (a name and a value)
                                .maxTokenCount(2L * k.maxNodes())
                                .build())
                        .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                        .build())
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .build());
    }

    /** Jackson's constraint messages name its own API; say which limit it was and which flag raises it. */
    private static String constraint(String m, Limits l) {
        String s = m == null ? "" : m.toLowerCase(Locale.ROOT);
        if (s.contains("nesting depth")) {
            return "nesting deeper than " + l.maxDepth() + " levels (raise the limit with --max-depth)";
        }
        if (s.contains("string value length") || s.contains("name length")) {
            return "a value longer than the limit of " + l.maxStringLength() + " characters (raise it with --max-string-length)";
        }
        if (s.contains("number value length")) {
            return "a number of more than 1000 digits";
        }
        if (s.contains("token count")) {
            return "more than " + l.maxNodes() + " JSON values (raise the limit with --max-nodes)";
        }
        if (s.contains("document length")) {
            return "file is more than " + l.maxFileBytes() + " bytes (raise the limit with --max-file-size)";
        }
        return "over a limit of the JSON reader";
    }

    private static Location at(String display, TokenStreamLocation l) {
        if (l == null || l.getLineNr() < 1) {
            return Location.ofFile(display);
        }
        return new Location(display, l.getLineNr(), Math.max(1, l.getColumnNr()));
    }

    private static String reason(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "not found";
        }
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
