package dev.aidossier.load;

import dev.aidossier.core.Finding;
import dev.aidossier.core.Location;
import dev.aidossier.util.Names;
import dev.aidossier.load.YNode.Entry;
import dev.aidossier.load.YNode.YList;
import dev.aidossier.load.YNode.YMap;
import dev.aidossier.load.YNode.YScalar;
import dev.aidossier.util.Names;
import org.snakeyaml.engine.v2.api.LoadSettings;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.dataformat.yaml.YAMLFactory;
import tools.jackson.dataformat.yaml.YAMLParser;

import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads one YAML file into a {@link YNode} tree, bounded and strict: size, depth, node count and string
 * length are limited; duplicate keys, aliases, several documents and non-UTF-8 input are refused. Every
 * problem becomes a {@link Finding} at its {@code file:line:column}; nothing here throws for bad input.
 */
public final class YamlReader {

    /** What a description looks like at the top level, for messages about empty files and wrong roots. */
    public static final String DESCRIPTION = "a mapping with apiVersion, kind, metadata and spec";

    private final Limits limits;
    private final String topLevel;

    public YamlReader(Limits limits) {
        this(limits, DESCRIPTION);
    }

    /** @param topLevel what the file should hold, as messages name it (e.g. "a mapping with apiVersion and kind") */
    public YamlReader(Limits limits, String topLevel) {
        this.limits = limits;
        this.topLevel = topLevel;
    }

    /** Result of reading: the tree (null when the file could not be read) and the problems found. */
    public record Result(YNode root, List<Finding> problems, byte[] bytes) {
        public boolean readable() {
            return root != null;
        }
    }

    public Result read(Path file, String displayName) {
        List<Finding> problems = new ArrayList<>();
        byte[] bytes;
        try {
            if (Files.isDirectory(file)) {
                return fail(problems, "yaml.io", "is a directory, not a YAML file", Location.ofFile(displayName));
            }
            long size = Files.size(file);
            if (size > limits.maxFileBytes()) {
                return fail(problems, "yaml.limit", "file is " + size + " bytes, more than the limit of "
                        + limits.maxFileBytes() + " bytes (raise it with --max-file-size)", Location.ofFile(displayName));
            }
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return fail(problems, "yaml.io", "file not found", Location.ofFile(displayName));
        } catch (IOException | SecurityException e) {
            return fail(problems, "yaml.io", "cannot read file: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + e.getMessage()), Location.ofFile(displayName));
        }
        return parse(bytes, displayName);
    }

    /** Parses bytes that claim to be a UTF-8 YAML document. */
    public Result parse(byte[] bytes, String file) {
        List<Finding> problems = new ArrayList<>();
        if (bytes.length > limits.maxFileBytes()) {
            return fail(problems, "yaml.limit", "file is " + bytes.length + " bytes, more than the limit of "
                    + limits.maxFileBytes() + " bytes (raise it with --max-file-size)", Location.ofFile(file), bytes);
        }
        int start = 0;
        String wide = wideEncoding(bytes);
        if (wide != null) {
            return fail(problems, "yaml.encoding", "file is encoded as " + wide + "; save it as UTF-8",
                    Location.ofFile(file), bytes);
        }
        if (bytes.length >= 3 && bytes[0] == (byte) 0xEF && bytes[1] == (byte) 0xBB && bytes[2] == (byte) 0xBF) {
            start = 3; // a UTF-8 byte-order mark is allowed by YAML; skip it so columns stay right
        }
        // bytes as Latin-1 characters, one for one, so String.indexOf finds the first NUL byte (a byte loop
        // here runs interpreted on a cold start, over every rule file)
        int nul = new String(bytes, start, bytes.length - start, StandardCharsets.ISO_8859_1).indexOf(0);
        if (nul >= 0) {
            return fail(problems, "yaml.encoding", "file contains a NUL byte: this is a binary file, not YAML text",
                    locationOfByte(bytes, start, start + nul, file), bytes);
        }
        String text;
        try {
            CharsetDecoder dec = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
            text = dec.decode(ByteBuffer.wrap(bytes, start, bytes.length - start)).toString();
        } catch (CharacterCodingException e) {
            int bad = firstInvalidUtf8(bytes, start);
            return fail(problems, "yaml.encoding", String.format("invalid UTF-8 byte 0x%02X: save the file as UTF-8",
                    bytes[bad] & 0xFF), locationOfByte(bytes, start, bad, file), bytes);
        }
        if (text.isBlank() || isOnlyComments(text)) {
            return fail(problems, "yaml.empty", "file is empty: expected " + topLevel,
                    Location.ofFile(file), bytes);
        }
        try {
            YNode root = new TreeBuilder(file, text, problems).build();
            if (root == null) {
                return new Result(null, problems, bytes);
            }
            return new Result(root, problems, bytes);
        } catch (LimitExceeded e) {
            problems.add(Finding.error(e.ruleId, e.getMessage(), e.location, null));
            return new Result(null, problems, bytes);
        } catch (StreamConstraintsException e) {
            problems.add(Finding.error("yaml.limit", constraintMessage(e), location(file, e.getLocation()), null));
            return new Result(null, problems, bytes);
        } catch (JacksonException e) {
            org.snakeyaml.engine.v2.exceptions.ReaderException re = readerException(e);
            if (re != null) {
                problems.add(Finding.error("yaml.syntax", String.format("invalid YAML: control character U+%04X is not allowed in YAML text",
                        re.getCodePoint()), locationOfCodePoint(text, re.getPosition(), file), null));
            } else {
                problems.add(Finding.error("yaml.syntax", syntaxMessage(e) + began(e), problemLocation(file, e), null));
            }
            return new Result(null, problems, bytes);
        } catch (RuntimeException e) {
            // snakeyaml-engine can throw its own exceptions (e.g. YamlEngineException) through Jackson
            problems.add(Finding.error("yaml.syntax", "cannot parse YAML: " + firstLine(e.getMessage()), Location.ofFile(file), null));
            return new Result(null, problems, bytes);
        }
    }

    private final class TreeBuilder {
        private final String file;
        private final String text;
        private final List<Finding> problems;
        private YAMLParser p;
        private int nodes;
        private int[] lineStarts; // offset of each line's first character, built on first use

        TreeBuilder(String file, String text, List<Finding> problems) {
            this.file = file;
            this.text = text;
            this.problems = problems;
        }

        YNode build() throws JacksonException {
            LoadSettings settings = LoadSettings.builder()
                    .setAllowDuplicateKeys(true) // detected below, with both locations in the message
                    .setCodePointLimit(Math.max(1024, (int) Math.min(Integer.MAX_VALUE, limits.maxFileBytes())))
                    .setMaxAliasesForCollections(0)
                    .build();
            YAMLFactory factory = YAMLFactory.builder()
                    .loadSettings(settings)
                    .streamReadConstraints(StreamReadConstraints.builder()
                            .maxNestingDepth(limits.maxDepth() + 2)
                            .maxStringLength(limits.maxStringLength())
                            .maxNumberLength(100)
                            .build())
                    .build();
            try (YAMLParser parser = (YAMLParser) factory.createParser(ObjectReadContext.empty(), new StringReader(text))) {
                this.p = parser;
                JsonToken t = p.nextToken();
                if (t == null) {
                    problems.add(Finding.error("yaml.empty", "file is empty: expected " + topLevel,
                            Location.ofFile(file), null));
                    return null;
                }
                YNode root = node(t, 1);
                JsonToken next = p.nextToken();
                if (next != null) {
                    problems.add(Finding.error("yaml.multiple-documents",
                            "file holds more than one YAML document; put each description in its own file",
                            here(), null));
                    return null;
                }
                if (!(root instanceof YMap)) {
                    problems.add(Finding.error("yaml.root", "expected " + topLevel + " at the top level, found "
                            + root.kindName(), root.location(), null));
                    return null;
                }
                return root;
            }
        }

        private Location here() {
            return location(file, p.currentTokenLocation());
        }

        private void count(Location where) {
            if (++nodes > limits.maxNodes()) {
                throw new LimitExceeded("more than " + limits.maxNodes() + " YAML nodes (raise the limit with --max-nodes)", where);
            }
        }

        private void checkLength(String v, Location where) {
            if (v.length() > limits.maxStringLength()) {
                throw new LimitExceeded("a value of " + v.length() + " characters is longer than the limit of " + limits.maxStringLength()
                        + " (raise it with --max-string-length)", where);
            }
            int bad = firstUnprintable(v);
            if (bad >= 0) {
                // YAML refuses these characters in the text itself; an escape ("\x1b", "\u0000") must not smuggle them in
                throw new LimitExceeded(String.format("character U+%04X, written as an escape, is not allowed in a value: "
                        + "control characters, lone surrogates and U+FFFE/U+FFFF cannot be printed or rendered", bad), where, "yaml.character");
            }
        }

        private YNode node(JsonToken t, int depth) throws JacksonException {
            Location loc = here();
            count(loc);
            if (p.isCurrentAlias()) {
                throw new LimitExceeded("YAML aliases (*name) are not allowed: write the value out in full", loc, "yaml.alias");
            }
            String tag = p.getTypeId();
            if (tag != null) {
                throw new LimitExceeded("YAML tags (here " + shortTag(tag) + ") are not allowed: write plain values without '!' tags",
                        loc, "yaml.tag");
            }
            if (depth > limits.maxDepth()) {
                throw new LimitExceeded("nesting deeper than " + limits.maxDepth() + " levels (raise the limit with --max-depth)", loc);
            }
            switch (t) {
                case START_OBJECT: {
                    Map<String, Entry> entries = new LinkedHashMap<>();
                    JsonToken k;
                    while ((k = p.nextToken()) == JsonToken.PROPERTY_NAME) {
                        String key = p.currentName();
                        Location keyLoc = here();
                        checkLength(key, keyLoc);
                        JsonToken vt = p.nextToken();
                        YNode value = node(vt, depth + 1);
                        Entry previous = entries.get(key);
                        if (previous != null) {
                            problems.add(Finding.error("yaml.duplicate-key", "duplicate key '" + key + "' (first defined at line "
                                    + previous.keyLocation().line() + "); each key may appear once", keyLoc, null));
                            continue;
                        }
                        entries.put(key, new Entry(key, keyLoc, value));
                    }
                    return new YMap(entries, loc);
                }
                case START_ARRAY: {
                    List<YNode> items = new ArrayList<>();
                    JsonToken it;
                    while ((it = p.nextToken()) != JsonToken.END_ARRAY) {
                        items.add(node(it, depth + 1));
                    }
                    return new YList(items, loc);
                }
                case VALUE_STRING: {
                    boolean quoted = isQuoted(loc);
                    String v = p.getString();
                    checkLength(v, loc);
                    if (v.isEmpty() && !quoted) {
                        return new YScalar(null, "", false, loc); // 'key:' with nothing after it is null in YAML 1.2
                    }
                    return new YScalar(v, v, quoted, loc);
                }
                case VALUE_NUMBER_INT:
                    try {
                        return new YScalar(p.getLongValue(), p.getText(), false, loc);
                    } catch (JacksonException e) {
                        return new YScalar(p.getDoubleValue(), p.getText(), false, loc); // beyond a long
                    }
                case VALUE_NUMBER_FLOAT:
                    return new YScalar(floatValue(), p.getText(), false, loc);
                case VALUE_TRUE:
                    return new YScalar(Boolean.TRUE, p.getText(), false, loc);
                case VALUE_FALSE:
                    return new YScalar(Boolean.FALSE, p.getText(), false, loc);
                case VALUE_NULL:
                    return new YScalar(null, p.getText(), false, loc);
                case VALUE_EMBEDDED_OBJECT:
                    throw new LimitExceeded("binary or tagged values (!!binary, !tag) are not supported; write plain text", loc, "yaml.tag");
                default:
                    throw new LimitExceeded("unexpected YAML token " + t, loc, "yaml.syntax");
            }
        }

        private static String shortTag(String tag) {
            String t = tag.startsWith("tag:yaml.org,2002:") ? "!!" + tag.substring("tag:yaml.org,2002:".length())
                    : tag.contains(":") ? "!<" + tag + ">" : tag.startsWith("!") ? tag : "!" + tag;
            return Names.clip(t, 60);
        }

        /** The float the parser found; YAML's infinities and not-a-number, which Jackson cannot convert, included. */
        private double floatValue() throws JacksonException {
            String t = p.getText();
            String unsigned = t.startsWith("-") || t.startsWith("+") ? t.substring(1) : t;
            if (unsigned.equalsIgnoreCase(".inf")) {
                return t.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
            }
            if (unsigned.equalsIgnoreCase(".nan")) {
                return Double.NaN;
            }
            return p.getDoubleValue();
        }

        private boolean isQuoted(Location loc) {
            if (lineStarts == null) {
                lineStarts = lineStarts(text);
            }
            int off = offsetOf(text, lineStarts, loc.line(), loc.column());
            if (off < 0 || off >= text.length()) {
                return false;
            }
            char c = text.charAt(off);
            return c == '"' || c == '\'';
        }
    }

    /** Thrown inside tree building for conditions that end reading (limits, aliases). */
    private static final class LimitExceeded extends RuntimeException {
        final Location location;
        final String ruleId;

        LimitExceeded(String message, Location location) {
            this(message, location, "yaml.limit");
        }

        LimitExceeded(String message, Location location, String ruleId) {
            super(message, null, false, false);
            this.location = location;
            this.ruleId = ruleId;
        }
    }

    private Result fail(List<Finding> problems, String id, String message, Location loc) {
        return fail(problems, id, message, loc, null);
    }

    private Result fail(List<Finding> problems, String id, String message, Location loc, byte[] bytes) {
        problems.add(Finding.error(id, message, loc, null));
        return new Result(null, problems, bytes);
    }

    static Location location(String file, TokenStreamLocation l) {
        if (l == null || l.getLineNr() < 1) {
            return Location.ofFile(file);
        }
        return new Location(file, l.getLineNr(), Math.max(1, l.getColumnNr()));
    }

    private static org.snakeyaml.engine.v2.exceptions.ReaderException readerException(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof org.snakeyaml.engine.v2.exceptions.ReaderException r) {
                return r;
            }
        }
        return null;
    }

    /** Line and column of the {@code index}-th code point of {@code text}. */
    private static Location locationOfCodePoint(String text, int index, String file) {
        int line = 1;
        int col = 1;
        int cp = 0;
        for (int i = 0; i < text.length() && cp < index; i += Character.charCount(text.codePointAt(i)), cp++) {
            if (text.charAt(i) == '\n') {
                line++;
                col = 1;
            } else {
                col++;
            }
        }
        return new Location(file, line, col);
    }

    /** snakeyaml-engine knows where the problem is (its "problem mark"); Jackson reports the context. */
    private static Location problemLocation(String file, JacksonException e) {
        for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
            if (t instanceof org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException m && m.getProblemMark().isPresent()) {
                var mark = m.getProblemMark().get();
                return new Location(file, mark.getLine() + 1, mark.getColumn() + 1);
            }
        }
        return location(file, e.getLocation());
    }

    /**
     * Where the construct that is still open began, when the problem is found elsewhere: an unclosed quote or
     * bracket is only noticed at the end of the file, but it is fixed where it was opened.
     */
    private static String began(JacksonException e) {
        for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
            if (t instanceof org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException m
                    && m.getContext() != null && m.getContext().matches(".*(quoted scalar|flow sequence|flow mapping).*")
                    && m.getContextMark().isPresent() && m.getProblemMark().isPresent()) {
                var c = m.getContextMark().get();
                var p = m.getProblemMark().get();
                if (c.getLine() != p.getLine()) {
                    return " (it began at line " + (c.getLine() + 1) + ", column " + (c.getColumn() + 1) + ")";
                }
            }
        }
        return "";
    }

    private static String syntaxMessage(JacksonException e) {
        String m = e.getOriginalMessage();
        if (m == null) {
            return "invalid YAML";
        }
        // snakeyaml-engine messages carry a source excerpt after the first lines; keep the problem text
        String[] lines = m.split("\\R");
        StringBuilder sb = new StringBuilder();
        for (String line : lines) {
            String s = line.strip();
            if (s.isEmpty() || s.startsWith("in reader") || s.startsWith("^") || line.startsWith("    ")) {
                continue;
            }
            if (sb.length() > 0) {
                sb.append("; ");
            }
            sb.append(s);
            if (sb.length() > 200) {
                break;
            }
        }
        String msg = sb.toString().replace("\t", "\\t");
        if (msg.contains("(TAB)")) {
            return "invalid YAML: a tab character where YAML expects indentation or a value; indent with spaces, not tabs";
        }
        return msg.isEmpty() ? "invalid YAML" : "invalid YAML: " + msg;
    }

    private static String constraintMessage(StreamConstraintsException e) {
        String m = firstLine(e.getOriginalMessage());
        if (m.contains("Nesting depth")) {
            return "nesting too deep (raise the limit with --max-depth): " + m;
        }
        if (m.contains("String value length")) {
            return "a value is too long (raise the limit with --max-string-length): " + m;
        }
        return m;
    }

    /** The first code point of {@code v} outside YAML's printable set (YAML 1.2, 5.1), or -1. */
    static int firstUnprintable(String v) {
        for (int i = 0; i < v.length(); ) {
            int cp = v.codePointAt(i);
            boolean ok = cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0x7E) || cp == 0x85
                    || (cp >= 0xA0 && cp <= 0xD7FF) || (cp >= 0xE000 && cp <= 0xFFFD) || (cp >= 0x10000 && cp <= 0x10FFFF);
            if (!ok) {
                return cp;
            }
            i += Character.charCount(cp);
        }
        return -1;
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    /** True when every line is blank, a comment or a document marker; stops at the first other line. */
    private static boolean isOnlyComments(String text) {
        int n = text.length();
        int start = 0;
        while (start <= n) {
            int end = start;
            while (end < n && !isLineBreak(text.charAt(end))) {
                end++;
            }
            String s = text.substring(start, end).strip();
            if (!s.isEmpty() && !s.startsWith("#") && !s.equals("---") && !s.equals("...")) {
                return false;
            }
            start = end + 1; // a CR LF pair gives an empty line in between, which is skipped like any blank line
        }
        return true;
    }

    /** The line terminators of {@code \R}. */
    private static boolean isLineBreak(char c) {
        return c == '\n' || c == '\r' || c == '\u000B' || c == '\u000C' || c == '\u0085' || c == '\u2028' || c == '\u2029';
    }

    /**
     * Offset of the first character of each line as the YAML parser counts lines (LF, CR LF or a lone CR
     * end a line); index 0 is line 1.
     */
    static int[] lineStarts(String text) {
        // String.indexOf, not a charAt loop, for the common LF-only text: this runs before the JIT has compiled anything of ours
        if (text.indexOf('\r') < 0) {
            int count = 1;
            for (int i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
                count++;
            }
            int[] starts = new int[count];
            int l = 1;
            for (int i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
                starts[l++] = i + 1;
            }
            return starts;
        }
        java.util.List<Integer> starts = new java.util.ArrayList<>();
        starts.add(0);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || (c == '\r' && (i + 1 == text.length() || text.charAt(i + 1) != '\n'))) {
                starts.add(i + 1);
            }
        }
        return starts.stream().mapToInt(Integer::intValue).toArray();
    }

    /**
     * Offset of a 1-based line and column in {@code text} with these line starts, or -1; columns count code
     * points, as the parser does (an emoji is one column, two chars).
     */
    static int offsetOf(String text, int line, int column) {
        return offsetOf(text, lineStarts(text), line, column);
    }

    /** As {@link #offsetOf(String, int, int)}, with the line starts computed once for many lookups. */
    static int offsetOf(String text, int[] lineStarts, int line, int column) {
        if (line < 1 || line > lineStarts.length) {
            return -1;
        }
        int i = lineStarts[line - 1];
        for (int col = 1; col < column; col++) {
            if (i >= text.length()) {
                return -1;
            }
            i += Character.charCount(text.codePointAt(i));
        }
        return i;
    }

    /**
     * UTF-16 or UTF-32, told by a byte-order mark or, without one, by the NUL bytes of the first character
     * (YAML 1.2, 5.2: a stream starts with an ASCII character); null for anything else.
     */
    static String wideEncoding(byte[] b) {
        int n = b.length;
        int b0 = n > 0 ? b[0] & 0xFF : -1;
        int b1 = n > 1 ? b[1] & 0xFF : -1;
        int b2 = n > 2 ? b[2] & 0xFF : -1;
        int b3 = n > 3 ? b[3] & 0xFF : -1;
        if (b0 == 0 && b1 == 0 && b2 == 0xFE && b3 == 0xFF) {
            return "UTF-32 (big-endian, byte-order mark found)";
        }
        if (b0 == 0xFF && b1 == 0xFE && b2 == 0 && b3 == 0) {
            return "UTF-32 (little-endian, byte-order mark found)";
        }
        if ((b0 == 0xFE && b1 == 0xFF) || (b0 == 0xFF && b1 == 0xFE)) {
            return "UTF-16 (" + (b0 == 0xFE ? "big" : "little") + "-endian, byte-order mark found)";
        }
        if (n >= 4 && b0 == 0 && b1 == 0 && b2 == 0 && b3 != 0) {
            return "UTF-32 (big-endian, no byte-order mark)";
        }
        if (n >= 4 && b0 != 0 && b1 == 0 && b2 == 0 && b3 == 0) {
            return "UTF-32 (little-endian, no byte-order mark)";
        }
        if (n >= 2 && b0 == 0 && b1 != 0 && b1 < 0x80) {
            return "UTF-16 (big-endian, no byte-order mark)";
        }
        if (n >= 2 && b0 != 0 && b0 < 0x80 && b1 == 0) {
            return "UTF-16 (little-endian, no byte-order mark)";
        }
        return null;
    }

    /**
     * Index of the first byte that does not begin a well-formed UTF-8 sequence (Unicode Table 3-7: no
     * overlong forms, no encoded surrogates, nothing above U+10FFFF), or of a truncated sequence's lead byte.
     */
    static int firstInvalidUtf8(byte[] b, int start) {
        int i = start;
        while (i < b.length) {
            int c = b[i] & 0xFF;
            int n;
            int lo = 0x80;
            int hi = 0xBF; // allowed range of the second byte
            if (c < 0x80) {
                i++;
                continue;
            } else if (c >= 0xC2 && c <= 0xDF) {
                n = 1;
            } else if (c == 0xE0) {
                n = 2;
                lo = 0xA0; // below is an overlong form
            } else if (c == 0xED) {
                n = 2;
                hi = 0x9F; // above are the surrogates U+D800-U+DFFF
            } else if (c >= 0xE1 && c <= 0xEF) {
                n = 2;
            } else if (c == 0xF0) {
                n = 3;
                lo = 0x90; // below is an overlong form
            } else if (c >= 0xF1 && c <= 0xF3) {
                n = 3;
            } else if (c == 0xF4) {
                n = 3;
                hi = 0x8F; // above is beyond U+10FFFF
            } else {
                return i;
            }
            if (i + n >= b.length) {
                return i;
            }
            int second = b[i + 1] & 0xFF;
            if (second < lo || second > hi) {
                return i;
            }
            for (int k = 2; k <= n; k++) {
                if ((b[i + k] & 0xC0) != 0x80) {
                    return i;
                }
            }
            i += n + 1;
        }
        return Math.max(start, b.length - 1);
    }

    private static Location locationOfByte(byte[] b, int start, int index, String file) {
        int line = 1;
        int col = 1;
        for (int i = start; i < index; i++) {
            if (b[i] == '\n') {
                line++;
                col = 1;
            } else if ((b[i] & 0xC0) != 0x80) {
                col++; // count characters, not continuation bytes
            }
        }
        return new Location(file, line, col);
    }
}
