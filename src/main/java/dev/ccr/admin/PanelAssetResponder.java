package dev.ccr.admin;

import dev.ccr.error.ErrorType;
import dev.ccr.error.RouterException;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * {@code GET /ui} and {@code /ui/…}: the control panel's static files, from the jar's {@code ui/} folder. They hold
 * no secret (the page asks for the router key and sends it to the admin API), so they are served without one.
 */
final class PanelAssetResponder implements Processor {
    static final String MOUNT = "/ui";
    private static final String FOLDER = "ui/";
    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "svg", "image/svg+xml",
            "png", "image/png",
            "ico", "image/x-icon",
            "json", "application/json");

    @Override
    public void process(Exchange exchange) {
        String path = exchange.getIn().getHeader(Exchange.HTTP_URI, "", String.class).replaceFirst("[?#].*", "");
        String file = fileFor(path);
        String type = file == null ? null : TYPES.get(file.substring(file.lastIndexOf('.') + 1));
        byte[] bytes = type == null ? null : read(FOLDER + file);
        if (bytes == null) {
            throw new RouterException(ErrorType.NOT_FOUND, "Not found: " + path);
        }
        exchange.getIn().setBody(bytes);
        exchange.getIn().setHeader(Exchange.CONTENT_TYPE, type);
        exchange.getIn().setHeader(Exchange.HTTP_RESPONSE_CODE, 200);
    }

    /** The file under ui/ a request path names, or null when it names none (or tries to leave the folder). */
    static String fileFor(String path) {
        if (path.equals(MOUNT) || path.equals(MOUNT + "/")) {
            return "index.html";
        }
        if (!path.startsWith(MOUNT + "/")) {
            return null;
        }
        String file = path.substring(MOUNT.length() + 1);
        boolean escapes = file.contains("..") || file.contains("\\") || file.contains("//") || file.contains("%");
        return escapes || file.indexOf('.') < 0 ? null : file;
    }

    private byte[] read(String resource) {
        try (InputStream in = PanelAssetResponder.class.getClassLoader().getResourceAsStream(resource)) {
            return in == null ? null : in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
