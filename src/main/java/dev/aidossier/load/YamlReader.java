package dev.aidossier.load;

import dev.aidossier.core.Finding;
import dev.aidossier.core.Location;
import dev.aidossier.util.Names;
import dev.aidossier.load.YNode.Entry;
import dev.aidossier.load.YNode.YList;
import dev.aidossier.load.YNode.YMap;
import dev.aidossier.load.YNode.YScalar;
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

    private final Limits limits;

    public YamlReader(Limits limits) {
        this.limits = limits;
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
        if (bytes.length >= 2 && ((bytes[0] == (byte) 0xFE && bytes[1] == (byte) 0xFF)
                || (bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xFE))) {
            return fail(problems, "yaml.encoding", "file is encoded as UTF-16 (byte-order mark found); save it as UTF-8",
                    Location.ofFile(file), bytes);
        }
        if (bytes.length >= 3 && bytes[0] == (byte) 0xEF && bytes[1] == (byte) 0xBB && bytes[2] == (byte) 0xBF) {
            start = 3; // a UTF-8 byte-order mark is allowed by YAML; skip it so columns stay right
        }
        for (int i = start; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                return fail(problems, "yaml.encoding", "file contains a NUL byte: this is a binary file, not YAML text",
                        locationOfByte(bytes, start, i, file), bytes);
            }
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
            return fail(problems, "yaml.empty", "file is empty: expected a mapping with apiVersion, kind, metadata and spec",
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
                problems.add(Finding.error("yaml.syntax", syntaxMessage(e), problemLocation(file, e), null));
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
                    problems.add(Finding.error("yaml.empty", "file is empty: expected a mapping with apiVersion, kind, metadata and spec",
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
                    problems.add(Finding.error("yaml.root", "expected a mapping with apiVersion, kind, metadata and spec at the top level, found "
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
        }

        private YNode node(JsonToken t, int depth) throws JacksonException {
            Location loc = here();
            count(loc);
            if (p.isCurrentAlias()) {
                throw new LimitExceeded("YAML aliases (*name) are not allowed: write the value out in full", loc, "yaml.alias");
            }
            String tag = p.getTypeId();
            if (tag != null) {
                throw new LimitExceeded("YAML tags (" + shownTag(tag) + ") are not allowed: write the value without a tag", loc, "yaml.tag");
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

        /** A tag as the author wrote it: {@code !!float} for YAML's own, {@code !name} for a local one. */
        private static String shownTag(String tag) {
            String t = Names.clip(tag, 40);
            if (t.startsWith("tag:yaml.org,2002:")) {
                return "!!" + t.substring("tag:yaml.org,2002:".length());
            }
            return t.startsWith("!") ? t : "!" + t;
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
            int off = offsetOf(text, loc.line(), loc.column());
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

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    private static boolean isOnlyComments(String text) {
        for (String line : text.split("\\R")) {
            String s = line.strip();
            if (!s.isEmpty() && !s.startsWith("#") && !s.equals("---") && !s.equals("...")) {
                return false;
            }
        }
        return true;
    }

    /**
     * Offset in {@code text} of a 1-based line and column as the YAML parser counts them, or -1: lines end
     * at LF, CR LF or a lone CR, and columns count code points (an emoji is one column, two chars).
     */
    static int offsetOf(String text, int line, int column) {
        int l = 1;
        int i = 0;
        while (l < line && i < text.length()) {
            char c = text.charAt(i++);
            if (c == '\n' || (c == '\r' && (i == text.length() || text.charAt(i) != '\n'))) {
                l++;
            }
        }
        if (l != line) {
            return -1;
        }
        for (int col = 1; col < column; col++) {
            if (i >= text.length()) {
                return -1;
            }
            i += Character.charCount(text.codePointAt(i));
        }
        return i;
    }

    private static int firstInvalidUtf8(byte[] b, int start) {
        int i = start;
        while (i < b.length) {
            int c = b[i] & 0xFF;
            int n;
            if (c < 0x80) {
                n = 0;
            } else if (c >= 0xC2 && c <= 0xDF) {
                n = 1;
            } else if (c >= 0xE0 && c <= 0xEF) {
                n = 2;
            } else if (c >= 0xF0 && c <= 0xF4) {
                n = 3;
            } else {
                return i;
            }
            if (i + n >= b.length && n > 0) {
                return i;
            }
            for (int k = 1; k <= n; k++) {
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
