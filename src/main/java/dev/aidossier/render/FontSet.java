package dev.aidossier.render;

import com.lowagie.text.pdf.BaseFont;
import org.xhtmlrenderer.pdf.FontDescription;
import org.xhtmlrenderer.pdf.FontFamily;
import org.xhtmlrenderer.pdf.ITextFontResolver;
import org.xhtmlrenderer.pdf.TrueTypeUtil;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The fonts of one thread: the bundled Liberation fonts under the families Liberation Sans, Serif and Mono,
 * and the user's {@code --font} files. The bundled faces are parsed once and shared by every thread (see
 * {@link Bundled}); each thread has its own resolver over them, and parses the user's fonts once for itself.
 *
 * <p>Flying Saucer draws a run of text with one font and has no fallback for characters that font lacks.
 * The user's fonts are therefore registered as fallbacks: {@link Glyphs#useFallbacks} puts the characters the
 * bundled fonts do not have into spans whose font family is {@code dossier-font-N}, the N-th family given
 * with {@code --font} (the faces of one family, e.g. Regular and Bold, are matched by weight). Each user
 * font is also registered under its own family name, so templates may name it.
 */
final class FontSet {

    static final List<String> FAMILIES = List.of("Sans", "Serif", "Mono");
    static final List<String> STYLES = List.of("Regular", "Bold", "Italic", "BoldItalic");

    private static final String MONO_REGULAR = "liberation/LiberationMono-Regular.ttf";

    /** The fonts of each thread when no --font is given. */
    private static final ThreadLocal<FontSet> BUNDLED = ThreadLocal.withInitial(() -> load(List.of()));

    /** A fallback family: the CSS name it is registered under and its faces, in the order given. */
    record Fallback(String cssFamily, String family, List<BaseFont> faces) {
        boolean covers(int cp) {
            for (BaseFont f : faces) {
                if (f.charExists(cp)) {
                    return true;
                }
            }
            return false;
        }
    }

    final ITextFontResolver resolver;
    /** Liberation Mono Regular: every character it has is in all twelve bundled faces (the others have a few more). */
    private final BaseFont common;
    final List<Fallback> fallbacks;

    private FontSet(ITextFontResolver resolver, BaseFont common, List<Fallback> fallbacks) {
        this.resolver = resolver;
        this.common = common;
        this.fallbacks = fallbacks;
    }

    /** The fonts of this thread, for the given user fonts (none: the shared bundled set). */
    static ThreadLocal<FontSet> perThread(List<UserFont> user) {
        return user.isEmpty() ? BUNDLED : ThreadLocal.withInitial(() -> load(user));
    }

    /** Whether every bundled face has a glyph for the character. */
    boolean bundledCovers(int cp) {
        return common.charExists(cp);
    }

    /** A bundled face: where it is, its family, its bytes, the font parsed from them and the font's prefix generator. */
    private record Face(String path, String family, byte[] ttf, BaseFont font, PerThreadRandom prefixes) {
    }

    /**
     * The twelve bundled faces, parsed once for every thread (on first use, by whichever thread comes first):
     * parsing them is about a third of a second of processor time on a cold start, a quarter of a one-description
     * pack's. A parsed OpenPDF font is not changed by rendering (each PDF keeps the glyphs it used in its own
     * writer, and a subset is read through its own view of the bytes), except for the generator of the subset
     * prefix, which is therefore one per thread ({@link PerThreadRandom}, reset by {@link PdfOutput} before each
     * render: the same prefixes as a font parsed by each thread).
     */
    private static final class Bundled {
        static final List<Face> FACES = parse();
        static final Map<BaseFont, PerThreadRandom> PREFIXES = prefixes(FACES);

        private static List<Face> parse() {
            List<Face> faces = new ArrayList<>();
            List<String> missing = new ArrayList<>();
            for (String family : FAMILIES) {
                for (String style : STYLES) {
                    String path = "liberation/Liberation" + family + "-" + style + ".ttf";
                    try (InputStream in = FontSet.class.getClassLoader().getResourceAsStream(path)) {
                        if (in == null) {
                            missing.add(path);
                            continue;
                        }
                        byte[] ttf = in.readAllBytes();
                        BaseFont bf = BaseFont.createFont(path, BaseFont.IDENTITY_H, BaseFont.EMBEDDED, false, ttf, null);
                        bf.setIncludeCidSet(false); // PDF/A: an incomplete CIDSet is an error, none is allowed
                        PerThreadRandom prefixes = new PerThreadRandom(bf.getPostscriptFontName());
                        bf.setSecureRandom(prefixes);
                        faces.add(new Face(path, "Liberation " + family, ttf, bf, prefixes));
                    } catch (IOException | com.lowagie.text.DocumentException e) {
                        throw new IllegalStateException("cannot load the bundled font " + path + ": " + e.getMessage(), e);
                    }
                }
            }
            if (!missing.isEmpty()) {
                throw new IllegalStateException("bundled fonts missing from the classpath: " + missing);
            }
            return List.copyOf(faces);
        }

        private static Map<BaseFont, PerThreadRandom> prefixes(List<Face> faces) {
            Map<BaseFont, PerThreadRandom> m = new java.util.IdentityHashMap<>();
            faces.forEach(f -> m.put(f.font(), f.prefixes()));
            return java.util.Collections.unmodifiableMap(m);
        }
    }

    /** Parses the bundled faces now (once per JVM, when the holder class is first used; later calls return at once). */
    static void parseBundled() {
        var unused = Bundled.FACES;
    }

    /**
     * Starts this thread's subset prefixes of a bundled font afresh (see {@link PdfOutput}); false for any other
     * font (a --font or @font-face font, which belongs to one thread and gets a fresh generator instead).
     */
    static boolean reseedShared(BaseFont font) {
        PerThreadRandom r = Bundled.PREFIXES.get(font);
        if (r == null) {
            return false;
        }
        r.restart();
        return true;
    }

    /**
     * The subset-prefix generator of a font that threads share: each thread draws from its own generator, seeded
     * as {@link PdfOutput#seeded} seeds a font's own. OpenPDF draws the prefix with {@code nextDouble}, which
     * takes its bytes from {@link #nextBytes}: the same bytes as the seeded generator's own {@code nextDouble}.
     */
    static final class PerThreadRandom extends java.security.SecureRandom {
        private static final long serialVersionUID = 1L;
        private final String seed;
        @SuppressWarnings("serial")
        private final transient ThreadLocal<java.security.SecureRandom> current = new ThreadLocal<>();

        PerThreadRandom(String seed) {
            this.seed = seed;
        }

        void restart() {
            current.set(PdfOutput.seeded(seed));
        }

        @Override
        public void nextBytes(byte[] bytes) {
            java.security.SecureRandom r = current.get();
            if (r == null) {
                restart();
                r = current.get();
            }
            r.nextBytes(bytes);
        }
    }

    static FontSet load(List<UserFont> user) {
        ITextFontResolver resolver = new CachingFontResolver();
        BaseFont common = null;
        for (Face f : Bundled.FACES) {
            FontFamily family = resolver.getFonts().get(f.family());
            if (family == null) {
                // the first face of a family makes it (the public way; it reads the face's file once more)
                resolver.addFont(f.font(), f.path(), f.family());
            } else {
                // ITextFontResolver.addFont(BaseFont, path, family) would read the font again from that path
                family.addFontDescription(TrueTypeUtil.extractDescription(f.path(), f.ttf(), f.font(), false, null, null));
            }
            if (f.path().equals(MONO_REGULAR)) {
                common = f.font();
            }
        }
        Map<String, List<BaseFont>> byFamily = new LinkedHashMap<>();
        Map<String, String> css = new LinkedHashMap<>();
        for (UserFont u : user) {
            BaseFont bf = u.create();
            String cssFamily = css.computeIfAbsent(u.family(), f -> "dossier-font-" + (css.size() + 1));
            byFamily.computeIfAbsent(u.family(), f -> new ArrayList<>()).add(bf);
            // ITextFontResolver.addFont(BaseFont, path, family) would read the font again from that path: the
            // description (weight, style, underline metrics) is made here from the bytes read once
            FontDescription d = TrueTypeUtil.extractDescription(u.baseName(), u.bytes(), bf, false, null, null);
            family(resolver, cssFamily, common).addFontDescription(d);
            if (!Set.of("Liberation Sans", "Liberation Serif", "Liberation Mono").contains(u.family())) {
                family(resolver, u.family(), common).addFontDescription(d);
            }
        }
        List<Fallback> fallbacks = new ArrayList<>();
        byFamily.forEach((family, faces) -> fallbacks.add(new Fallback(css.get(family), family, List.copyOf(faces))));
        return new FontSet(resolver, common, List.copyOf(fallbacks));
    }

    /**
     * Remembers the font chosen for each font specification. Flying Saucer's resolver builds a cache key
     * with String.format on every lookup, which took about a tenth of a render; this key is a record.
     * The fonts of @font-face rules are dropped after each render, and with them this cache.
     */
    /**
     * The resolver's family of that name, made empty if new. FontFamily has no public constructor; adding a
     * bundled font under the name is the public way to make one, and that font is then taken out again.
     */
    private static FontFamily family(ITextFontResolver resolver, String name, BaseFont bundled) {
        FontFamily f = resolver.getFonts().get(name);
        if (f == null) {
            resolver.addFont(bundled, MONO_REGULAR, name);
            f = resolver.getFonts().get(name);
            f.getFontDescriptions().clear();
        }
        return f;
    }

    static final class CachingFontResolver extends ITextFontResolver {
        private record Key(List<String> families, float size, org.xhtmlrenderer.css.constants.IdentValue weight,
                           org.xhtmlrenderer.css.constants.IdentValue style) {
        }

        private final java.util.Map<Key, org.xhtmlrenderer.render.FSFont> chosen = new java.util.HashMap<>();

        @Override
        public org.xhtmlrenderer.render.FSFont resolveFont(org.xhtmlrenderer.layout.SharedContext ctx,
                                                          org.xhtmlrenderer.css.value.FontSpecification spec) {
            Key k = new Key(spec.families == null ? List.of() : List.of(spec.families), spec.size, spec.fontWeight, spec.fontStyle);
            org.xhtmlrenderer.render.FSFont f = chosen.get(k);
            if (f == null) {
                f = super.resolveFont(ctx, spec);
                if (f != null) {
                    chosen.put(k, f);
                }
            }
            return f;
        }

        @Override
        public void flushFontFaceFonts() {
            chosen.clear();
            super.flushFontFaceFonts();
        }

        @Override
        public void flushCache() {
            chosen.clear();
            super.flushCache();
        }
    }
}
