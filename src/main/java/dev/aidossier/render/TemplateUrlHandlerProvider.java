package dev.aidossier.render;

import java.io.IOException;
import java.net.URL;
import java.net.URLConnection;
import java.net.URLStreamHandler;
import java.net.spi.URLStreamHandlerProvider;

/**
 * Lets {@code new URL("dossier-template:/brand.css")} parse, so Flying Saucer can resolve relative
 * addresses (an {@code @import} in a style sheet) against the documents' base. Without it Flying Saucer
 * falls back to a code path that prints to standard output. Opening such a URL directly always fails:
 * resources are served only by {@link LocalUserAgent}. Registered through
 * {@code META-INF/services/java.net.spi.URLStreamHandlerProvider}.
 */
public final class TemplateUrlHandlerProvider extends URLStreamHandlerProvider {

    @Override
    public URLStreamHandler createURLStreamHandler(String protocol) {
        if (!LocalUserAgent.SCHEME.equals(protocol)) {
            return null;
        }
        return new URLStreamHandler() {
            @Override
            protected URLConnection openConnection(URL u) throws IOException {
                throw new IOException(u + " is served only through the renderer's user agent");
            }
        };
    }
}
