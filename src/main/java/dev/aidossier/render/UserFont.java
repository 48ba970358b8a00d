package dev.aidossier.render;

import com.lowagie.text.pdf.BaseFont;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;

/**
 * A font the user gives with {@code --font FILE}: read once from a regular file, checked to be a TrueType
 * or OpenType font that may be embedded, and kept as bytes. The renderer draws with it the characters the
 * bundled Liberation fonts do not have (Chinese, Arabic, ...); it never reads the file again.
 *
 * @param file     the path as the user wrote it, for messages
 * @param bytes    the font file
 * @param baseName the name OpenPDF is given for it: its type is told by the extension (.ttf, .otf, .ttc,0)
 * @param family   the family name the font declares (e.g. "Noto Sans Arabic"), which templates may also use
 */
public record UserFont(String file, byte[] bytes, String baseName, String family) {

    /** Largest font accepted: a full CJK font is 10-20 MB. */
    public static final long MAX_BYTES = 64L * 1024 * 1024;

    /** Reads and checks a font file; every problem is a user error naming the file. */
    public static UserFont read(Path path) throws RenderException {
        String shown = path.toString();
        if (!Files.isRegularFile(path)) {
            throw RenderException.template("--font: '" + shown + "' is not a regular file", null);
        }
        byte[] bytes;
        try {
            long size = Files.size(path);
            if (size > MAX_BYTES) {
                throw RenderException.template("--font: '" + shown + "' is " + size + " bytes, more than the " + MAX_BYTES + " accepted", null);
            }
            bytes = Files.readAllBytes(path);
        } catch (IOException | SecurityException e) {
            throw RenderException.template("--font: cannot read '" + shown + "': " + e.getMessage(), e);
        }
        String type = type(bytes);
        if (type == null) {
            throw RenderException.template("--font: '" + shown + "' is not a TrueType or OpenType font (.ttf, .otf, .ttc)"
                    + (startsWith(bytes, "wOF") ? "; it is a WOFF web font: convert it to .ttf or .otf" : ""), null);
        }
        String base = path.getFileName().toString().replaceAll("[^A-Za-z0-9._-]", "_").replaceAll("\\.(ttf|otf|ttc|TTF|OTF|TTC)$", "") + type;
        BaseFont bf;
        try {
            bf = create(base, bytes);
        } catch (Exception e) {
            // a damaged file, or one whose licence bits forbid embedding
            throw RenderException.template("--font: '" + shown + "' cannot be used: " + e.getMessage(), e);
        }
        Collection<String> names = org.xhtmlrenderer.pdf.TrueTypeUtil.getFamilyNames(bf);
        String family = names.isEmpty() ? bf.getPostscriptFontName() : names.iterator().next();
        return new UserFont(shown, bytes, base, family);
    }

    /** A new OpenPDF font from the bytes (fonts are not shared between threads; see {@link FontSet}). */
    BaseFont create() {
        try {
            return create(baseName, bytes);
        } catch (Exception e) {
            throw new IllegalStateException("the font " + file + " was read once already: " + e.getMessage(), e);
        }
    }

    private static BaseFont create(String name, byte[] bytes) throws Exception {
        return BaseFont.createFont(name, BaseFont.IDENTITY_H, BaseFont.EMBEDDED, false, bytes, null);
    }

    /** The extension OpenPDF needs for this kind of font file, told by its first bytes; null for anything else. */
    private static String type(byte[] b) {
        if (b.length < 12) {
            return null;
        }
        if ((b[0] == 0 && b[1] == 1 && b[2] == 0 && b[3] == 0) || startsWith(b, "true")) {
            return ".ttf";
        }
        if (startsWith(b, "OTTO")) {
            return ".otf";
        }
        if (startsWith(b, "ttcf")) {
            return ".ttc,0"; // the first font of a collection
        }
        return null;
    }

    private static boolean startsWith(byte[] b, String ascii) {
        if (b.length < ascii.length()) {
            return false;
        }
        for (int i = 0; i < ascii.length(); i++) {
            if (b[i] != (byte) ascii.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof UserFont u && u.file.equals(file) && java.util.Arrays.equals(u.bytes, bytes);
    }

    @Override
    public int hashCode() {
        return file.hashCode() * 31 + java.util.Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return "UserFont[" + file + ", " + family + "]";
    }
}
