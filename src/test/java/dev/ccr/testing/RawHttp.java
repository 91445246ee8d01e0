package dev.ccr.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One HTTP/1.1 request written byte for byte to a loopback socket, for the headers Java's HttpClient refuses to set
 * ({@code Host}, {@code Origin}) — what a browser under DNS rebinding or a cross-site page sends. The request asks for
 * {@code Connection: close} unless sent on a connection the caller keeps; the answer is read as its framing says.
 */
public final class RawHttp {
    /** An answer: status, headers (names in lower case) and body. */
    public record Response(int status, Map<String, String> headers, String body) {
        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    private RawHttp() {
    }

    /** @param headers sent as given, in order; include {@code Host} (or leave it out on purpose) */
    public static Response send(int port, String method, String path, Map<String, String> headers, String body)
            throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            write(socket, method, path, headers, body, true);
            return read(socket.getInputStream(), method.equals("HEAD"));
        }
    }

    /**
     * The same on a kept-alive connection the caller opened (no {@code Connection: close}), to see what the router
     * does next on that connection.
     */
    public static Response exchange(Socket socket, String method, String path, Map<String, String> headers,
                                    String body) throws IOException {
        write(socket, method, path, headers, body, false);
        return read(socket.getInputStream(), method.equals("HEAD"));
    }

    private static void write(Socket socket, String method, String path, Map<String, String> headers, String body,
                              boolean close) throws IOException {
        byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        StringBuilder head = new StringBuilder(method).append(' ').append(path).append(" HTTP/1.1\r\n");
        headers.forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
        if (close) {
            head.append("Connection: close\r\n");
        }
        if (body != null) {
            head.append("Content-Length: ").append(bytes.length).append("\r\n");
        }
        head.append("\r\n");
        socket.getOutputStream().write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        socket.getOutputStream().write(bytes);
        socket.getOutputStream().flush();
    }

    /** The answer's head, then its body as Content-Length or chunked framing says (else until the router closes). */
    private static Response read(InputStream in, boolean head) throws IOException {
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        while (!raw.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new IllegalStateException("no complete HTTP answer: '" + raw + "'");
            }
            raw.write(b);
        }
        Response response = parse(raw.toString(StandardCharsets.ISO_8859_1));
        String length = response.header("content-length");
        byte[] body;
        if (head) {
            body = new byte[0];
        } else if (length != null) {
            body = in.readNBytes(Integer.parseInt(length));
        } else if ("chunked".equalsIgnoreCase(response.header("transfer-encoding"))) {
            body = dechunk(in);
        } else {
            body = in.readAllBytes();
        }
        return new Response(response.status(), response.headers(), new String(body, StandardCharsets.UTF_8));
    }

    private static byte[] dechunk(InputStream in) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            int size = Integer.parseInt(line(in).split(";")[0].trim(), 16);
            if (size == 0) {
                line(in);
                return body.toByteArray();
            }
            body.write(in.readNBytes(size));
            line(in);
        }
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b >= 0 && b != '\n'; b = in.read()) {
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.ISO_8859_1);
    }

    private static Response parse(String head) {
        String[] lines = head.trim().split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
        }
        return new Response(status, headers, "");
    }
}
