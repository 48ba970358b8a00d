package dev.aidossier.render;

import org.xhtmlrenderer.pdf.ITextOutputDevice;
import org.xhtmlrenderer.pdf.ITextUserAgent;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The only way Flying Saucer reaches resources (style sheets, images, fonts): documents are given the
 * base {@code dossier-template:/}, and a {@code dossier-template:} address is served from the user's
 * {@code --templates} folder (never through a link leading out of it), else from the bundled
 * {@code templates/} on the classpath. Everything else (http, https, file, jar, ftp, any other scheme, a
 * path with {@code ..}) is refused and recorded, so a template or a value of the description can never make
 * the renderer fetch a URL or read a file of the machine. {@code data:} images and fonts are inline and
 * need no fetch.
 */
final class LocalUserAgent extends ITextUserAgent {
    static final String SCHEME = "dossier-template";
    static final String BASE = SCHEME + ":/";
    /** Largest resource served (a logo or a font, not a data set). */
    static final long MAX_BYTES = 16L * 1024 * 1024;

    /** Flying Saucer's own default style sheet for XHTML, which it asks for by its jar URL. */
    private static final String DEFAULT_CSS = "resources/css/XhtmlNamespaceHandler.css";
    private static final String DEFAULT_CSS_URL = defaultCssUrl();

    private final Path userDir;
    private final java.util.Set<String> refused = new java.util.LinkedHashSet<>();

    private static String defaultCssUrl() {
        java.net.URL u = org.xhtmlrenderer.simple.extend.XhtmlCssOnlyNamespaceHandler.class.getResource("/" + DEFAULT_CSS);
        return u == null ? null : u.toString();
    }

    LocalUserAgent(ITextOutputDevice device, int dotsPerPixel, Path userDir) {
        super(device, dotsPerPixel);
        Path real = null;
        if (userDir != null) {
            try {
                real = userDir.toRealPath();
            } catch (IOException e) {
                real = null; // an unusable folder serves nothing; Templates already reported it
            }
        }
        this.userDir = real;
        setBaseURL(BASE);
    }

    /** Addresses refused during this render, in the order they were asked for. */
    List<String> refused() {
        return List.copyOf(refused);
    }

    @Override
    public String resolveURI(String uri) {
        if (uri == null) {
            return null;
        }
        if (uri.equals(DEFAULT_CSS_URL)) {
            return uri;
        }
        String u = uri.strip();
        if (u.regionMatches(true, 0, "data:", 0, 5)) {
            return u;
        }
        try {
            return new URI(BASE).resolve(new URI(u)).normalize().toString();
        } catch (URISyntaxException | IllegalArgumentException e) {
            return u; // not a URI: openStream refuses it
        }
    }

    @Override
    protected InputStream openStream(String uri) throws IOException {
        byte[] bytes = load(uri);
        if (bytes == null) {
            throw new IOException("not a bundled resource or a file of the templates folder: " + uri);
        }
        return new ByteArrayInputStream(bytes);
    }

    @Override
    protected URLConnection openConnection(String uri) throws IOException {
        refused.add(uri);
        throw new IOException("the renderer does not open connections: " + uri);
    }

    /** The bytes of an allowed resource, or null (recorded as refused). */
    byte[] load(String uri) {
        if (uri != null && uri.equals(DEFAULT_CSS_URL)) {
            try (InputStream in = org.xhtmlrenderer.simple.extend.XhtmlCssOnlyNamespaceHandler.class.getResourceAsStream("/" + DEFAULT_CSS)) {
                if (in != null) {
                    return in.readAllBytes();
                }
            } catch (IOException e) {
                // fall through: refused below
            }
        }
        String path = localPath(uri);
        byte[] bytes = path == null ? null : read(userDir, path);
        if (bytes == null) {
            refused.add(uri);
        }
        return bytes;
    }

    /**
     * A file of the templates folder (the user's {@code userDir}, if given, before the bundled templates) by its
     * relative path, or null when there is none, it leaves the folder or it is larger than {@link #MAX_BYTES}.
     */
    static byte[] read(Path userDir, String path) {
        try {
            if (userDir != null) {
                Path p = userDir.resolve(path).normalize();
                if (p.startsWith(userDir) && Files.isRegularFile(p)) {
                    Path real = p.toRealPath();
                    if (real.startsWith(userDir) && Files.size(real) <= MAX_BYTES) {
                        return Files.readAllBytes(real);
                    }
                    return null;
                }
            }
            try (InputStream in = LocalUserAgent.class.getClassLoader().getResourceAsStream("templates/" + path)) {
                if (in != null) {
                    return in.readNBytes((int) MAX_BYTES);
                }
            }
        } catch (IOException e) {
            // unreadable: treated as absent
        }
        return null;
    }

    /** The relative path of a {@code dossier-template:} address, or null when it is anything else. */
    static String localPath(String uri) {
        if (uri == null) {
            return null;
        }
        URI u;
        try {
            u = new URI(uri);
        } catch (URISyntaxException e) {
            return null;
        }
        if (!SCHEME.equals(u.getScheme()) || u.getRawAuthority() != null || u.getPath() == null) {
            return null;
        }
        String p = u.getPath();
        while (p.startsWith("/")) {
            p = p.substring(1);
        }
        if (p.isEmpty() || p.contains("\\") || p.indexOf('\0') >= 0 || p.contains(":")) {
            return null;
        }
        for (String seg : p.split("/")) {
            if (seg.equals("..") || seg.equals(".") || seg.isEmpty()) {
                return null;
            }
        }
        return p;
    }
}
