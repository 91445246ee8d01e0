import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A fast mock of Anthropic's Messages API for the benchmark: JDK only, no build step.
 *
 * <pre>java bench/MockAnthropic.java PORT [EVENT_GAP_MS] [STREAM_DELTAS]</pre>
 *
 * Listens on 127.0.0.1:PORT. HTTP/1.1 with keep-alive, one pooled thread per connection, TCP_NODELAY; a stream's
 * stamped deltas are written by one ticker thread for all streams.
 * <ul>
 *   <li>{@code POST /v1/messages}: a small assistant message; with {@code "stream":true} in the body an SSE answer
 *       shaped like Anthropic's (message_start, ping, content_block_start, 4 deltas, content_block_stop,
 *       message_delta, message_stop), each event its own chunk, flushed one by one, with EVENT_GAP_MS
 *       (default 0, or env MOCK_EVENT_GAP_MS) between events. With STREAM_DELTAS (or env MOCK_STREAM_DELTAS) the
 *       stream has that many content_block_delta events instead of four, and each one's text is {@code @<ns>;}:
 *       the mock's {@link System#nanoTime()} just before writing it, so a client on the same machine can measure
 *       how long the event took to reach it (nanoTime is the system-wide monotonic clock on Linux). A request's
 *       {@code max_tokens}, when smaller, caps the number of stamped deltas, as it caps a real model's answer (the
 *       warm-up's short streams).</li>
 *   <li>{@code POST /v1/messages/count_tokens}: {@code {"input_tokens":9}}.</li>
 *   <li>{@code GET|HEAD} anything: {@code {"status":"ok"}} (readiness).</li>
 * </ul>
 * The model echoed back is the request's {@code "model"}.
 */
public final class MockAnthropic {
    private static final byte[] CRLF = {'\r', '\n'};
    private static final AtomicLong IDS = new AtomicLong(0x5eed_0000L);
    private static final AtomicInteger THREADS = new AtomicInteger();
    private static final String[] TEXT = {"MOCK-REPLY: ", "hello from t", "he mock serv", "er (model=%s)"};
    private static int gapMs;
    private static int stampedDeltas;
    /**
     * Writes every stream's stamped deltas when they are due. One thread per connection sleeping between events made
     * the mock wake 10,000 threads a second at 1,000 streams: on a 2-core machine that crowds the run queue the router
     * and the client wait in, which a real provider (elsewhere) does not. The connection's thread waits meanwhile.
     * Writes block: a client that stops reading would hold up every stream (the benchmark's clients read everything).
     */
    private static final ScheduledExecutorService TICKER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "mock-ticker");
        t.setDaemon(true);
        return t;
    });

    public static void main(String[] args) throws IOException {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 18080;
        String gapEnv = System.getenv("MOCK_EVENT_GAP_MS");
        gapMs = args.length > 1 ? Integer.parseInt(args[1])
                : gapEnv != null && !gapEnv.isBlank() ? Integer.parseInt(gapEnv.trim()) : 0;
        String deltasEnv = System.getenv("MOCK_STREAM_DELTAS");
        stampedDeltas = args.length > 2 ? Integer.parseInt(args[2])
                : deltasEnv != null && !deltasEnv.isBlank() ? Integer.parseInt(deltasEnv.trim()) : 0;
        // one thread per connection: the streams benchmark holds a few thousand connections open at once
        ThreadPoolExecutor pool = new ThreadPoolExecutor(0, 8192, 60, TimeUnit.SECONDS, new SynchronousQueue<>(), r -> {
            Thread t = new Thread(r, "mock-conn-" + THREADS.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        ServerSocket server = new ServerSocket();
        server.setReuseAddress(true);
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 4096);
        System.out.println("mock-anthropic listening on 127.0.0.1:" + port + " (event gap " + gapMs + " ms"
                + (stampedDeltas > 0 ? ", " + stampedDeltas + " stamped deltas per stream" : "") + ")");
        while (true) {
            Socket socket = server.accept();
            try {
                socket.setTcpNoDelay(true);
                pool.execute(() -> serve(socket));
            } catch (Exception e) {
                closeQuietly(socket);
            }
        }
    }

    private static void serve(Socket socket) {
        try (socket) {
            InputStream in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
            OutputStream out = new BufferedOutputStream(socket.getOutputStream(), 16 * 1024);
            Request request;
            while ((request = Request.read(in)) != null) {
                respond(request, out);
                if (!request.keepAlive) {
                    break;
                }
            }
        } catch (IOException e) {
            // client went away: nothing to do
        }
    }

    private static void respond(Request request, OutputStream out) throws IOException {
        if (request.method.equals("GET") || request.method.equals("HEAD")) {
            writeFixed(out, request, "200 OK", "application/json", "{\"status\":\"ok\"}");
            return;
        }
        if (!request.method.equals("POST")) {
            writeFixed(out, request, "405 Method Not Allowed", "application/json",
                    "{\"type\":\"error\",\"error\":{\"type\":\"invalid_request_error\",\"message\":\"method\"}}");
            return;
        }
        if (request.path.startsWith("/v1/messages/count_tokens")) {
            writeFixed(out, request, "200 OK", "application/json", "{\"input_tokens\":9}");
            return;
        }
        String model = jsonString(request.body, "model", "claude-sonnet-4-5");
        String id = Long.toHexString(IDS.incrementAndGet());
        if (jsonTrue(request.body, "stream")) {
            stream(out, request, model, id);
        } else {
            String text = TEXT[0] + TEXT[1] + TEXT[2] + String.format(Locale.ROOT, TEXT[3], model);
            String body = "{\"id\":\"msg_mock" + id + "\",\"type\":\"message\",\"role\":\"assistant\",\"model\":\""
                    + model + "\",\"content\":[{\"type\":\"text\",\"text\":\"" + text + "\"}],"
                    + "\"stop_reason\":\"end_turn\",\"stop_sequence\":null,\"usage\":{\"input_tokens\":9,"
                    + "\"cache_creation_input_tokens\":0,\"cache_read_input_tokens\":0,\"output_tokens\":12}}";
            writeFixed(out, request, "200 OK", "application/json", body);
        }
    }

    private static void writeFixed(OutputStream out, Request request, String status, String type, String body)
            throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        String head = "HTTP/1.1 " + status + "\r\ncontent-type: " + type + "\r\ncontent-length: " + bytes.length
                + "\r\nrequest-id: req_mock" + Long.toHexString(IDS.get())
                + (request.keepAlive ? "" : "\r\nconnection: close") + "\r\n\r\n";
        out.write(head.getBytes(StandardCharsets.ISO_8859_1));
        if (!request.method.equals("HEAD")) {
            out.write(bytes);
        }
        out.flush();
    }

    private static void stream(OutputStream out, Request request, String model, String id) throws IOException {
        String head = "HTTP/1.1 200 OK\r\ncontent-type: text/event-stream; charset=utf-8\r\ncache-control: no-cache"
                + "\r\ntransfer-encoding: chunked\r\nrequest-id: req_mock" + id
                + (request.keepAlive ? "" : "\r\nconnection: close") + "\r\n\r\n";
        out.write(head.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
        event(out, "message_start", "{\"type\":\"message_start\",\"message\":{\"id\":\"msg_mock" + id
                + "\",\"type\":\"message\",\"role\":\"assistant\",\"model\":\"" + model + "\",\"content\":[],"
                + "\"stop_reason\":null,\"stop_sequence\":null,\"usage\":{\"input_tokens\":9,"
                + "\"cache_creation_input_tokens\":0,\"cache_read_input_tokens\":0,\"output_tokens\":1}}}", false);
        event(out, "ping", "{\"type\":\"ping\"}", true);
        event(out, "content_block_start", "{\"type\":\"content_block_start\",\"index\":0,"
                + "\"content_block\":{\"type\":\"text\",\"text\":\"\"}}", true);
        if (stampedDeltas > 0) {
            int deltas = Math.min(stampedDeltas, jsonInt(request.body, "max_tokens", stampedDeltas));
            if (gapMs > 0) {
                stampedDeltasOnTicker(out, deltas);
            } else {
                for (int i = 0; i < deltas; i++) {
                    delta(out, "@" + System.nanoTime() + ";");
                }
            }
        } else {
            for (String t : TEXT) {
                pause();
                delta(out, t.contains("%s") ? String.format(Locale.ROOT, t, model) : t);
            }
        }
        event(out, "content_block_stop", "{\"type\":\"content_block_stop\",\"index\":0}", true);
        event(out, "message_delta", "{\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"end_turn\","
                + "\"stop_sequence\":null},\"usage\":{\"output_tokens\":12}}", true);
        event(out, "message_stop", "{\"type\":\"message_stop\"}", true);
        out.write('0');
        out.write(CRLF);
        out.write(CRLF);
        out.flush();
    }

    /** {@code count} stamped deltas EVENT_GAP_MS apart, written by the ticker; returns when the last is written. */
    private static void stampedDeltasOnTicker(OutputStream out, int count) throws IOException {
        if (count <= 0) {
            return;
        }
        CompletableFuture<Void> done = new CompletableFuture<>();
        AtomicInteger left = new AtomicInteger(count);
        var task = TICKER.scheduleAtFixedRate(() -> {
            try {
                delta(out, "@" + System.nanoTime() + ";");
                if (left.decrementAndGet() == 0) {
                    done.complete(null);
                }
            } catch (IOException e) {
                done.completeExceptionally(e);
            }
            if (done.isDone()) {
                throw new IllegalStateException("stream written"); // ends this periodic task
            }
        }, gapMs, gapMs, TimeUnit.MILLISECONDS);
        try {
            done.get();
        } catch (InterruptedException e) {
            task.cancel(false);
            Thread.currentThread().interrupt();
            throw new IOException("interrupted");
        } catch (ExecutionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
        }
    }

    private static void delta(OutputStream out, String text) throws IOException {
        event(out, "content_block_delta", "{\"type\":\"content_block_delta\",\"index\":0,"
                + "\"delta\":{\"type\":\"text_delta\",\"text\":\"" + text + "\"}}", false);
    }

    private static void pause() throws IOException {
        if (gapMs > 0) {
            try {
                Thread.sleep(gapMs);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted");
            }
        }
    }

    private static void event(OutputStream out, String name, String data, boolean gapBefore) throws IOException {
        if (gapBefore) {
            pause();
        }
        byte[] bytes = ("event: " + name + "\ndata: " + data + "\n\n").getBytes(StandardCharsets.UTF_8);
        out.write(Integer.toHexString(bytes.length).getBytes(StandardCharsets.ISO_8859_1));
        out.write(CRLF);
        out.write(bytes);
        out.write(CRLF);
        out.flush();
    }

    /** The string value of the first {@code "key": "..."} in a JSON body (no escapes; good enough for a mock). */
    private static String jsonString(String body, String key, String fallback) {
        int at = valueStart(body, key);
        if (at < 0 || at >= body.length() || body.charAt(at) != '"') {
            return fallback;
        }
        int end = body.indexOf('"', at + 1);
        if (end < 0 || end - at > 200) {
            return fallback;
        }
        String value = body.substring(at + 1, end);
        return value.indexOf('\\') >= 0 ? fallback : value;
    }

    private static int jsonInt(String body, String key, int fallback) {
        int at = valueStart(body, key);
        int end = at;
        while (at >= 0 && end < body.length() && end - at < 9 && Character.isDigit(body.charAt(end))) {
            end++;
        }
        return at < 0 || end == at ? fallback : Integer.parseInt(body.substring(at, end));
    }

    private static boolean jsonTrue(String body, String key) {
        int at = valueStart(body, key);
        return at >= 0 && body.startsWith("true", at);
    }

    /** Index of the value after the first top-level-looking {@code "key":}, or -1. */
    private static int valueStart(String body, String key) {
        String quoted = "\"" + key + "\"";
        int from = 0;
        while (true) {
            int i = body.indexOf(quoted, from);
            if (i < 0) {
                return -1;
            }
            int j = i + quoted.length();
            while (j < body.length() && Character.isWhitespace(body.charAt(j))) {
                j++;
            }
            if (j < body.length() && body.charAt(j) == ':') {
                j++;
                while (j < body.length() && Character.isWhitespace(body.charAt(j))) {
                    j++;
                }
                return j;
            }
            from = i + 1;
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }

    /** One parsed HTTP/1.x request. */
    private static final class Request {
        String method;
        String path;
        boolean keepAlive;
        String body;

        static Request read(InputStream in) throws IOException {
            String line = readLine(in);
            while (line != null && line.isEmpty()) {
                line = readLine(in); // tolerate stray CRLF between requests
            }
            if (line == null) {
                return null;
            }
            String[] parts = line.split(" ", 3);
            if (parts.length < 3) {
                throw new IOException("bad request line");
            }
            Request r = new Request();
            r.method = parts[0];
            r.path = parts[1];
            boolean http11 = parts[2].trim().equalsIgnoreCase("HTTP/1.1");
            r.keepAlive = http11;
            long length = 0;
            boolean chunked = false;
            String header;
            while ((header = readLine(in)) != null && !header.isEmpty()) {
                int colon = header.indexOf(':');
                if (colon <= 0) {
                    continue;
                }
                String name = header.substring(0, colon).trim().toLowerCase(Locale.ROOT);
                String value = header.substring(colon + 1).trim();
                switch (name) {
                    case "content-length" -> length = Long.parseLong(value);
                    case "transfer-encoding" -> chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
                    case "connection" -> {
                        String v = value.toLowerCase(Locale.ROOT);
                        if (v.contains("close")) {
                            r.keepAlive = false;
                        } else if (v.contains("keep-alive")) {
                            r.keepAlive = true;
                        }
                    }
                    default -> { }
                }
            }
            if (header == null) {
                throw new EOFException();
            }
            byte[] body;
            if (chunked) {
                java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream();
                while (true) {
                    String size = readLine(in);
                    if (size == null) {
                        throw new EOFException();
                    }
                    int semi = size.indexOf(';');
                    int n = Integer.parseInt((semi >= 0 ? size.substring(0, semi) : size).trim(), 16);
                    if (n == 0) {
                        String trailer;
                        while ((trailer = readLine(in)) != null && !trailer.isEmpty()) {
                            // skip trailers
                        }
                        break;
                    }
                    all.write(in.readNBytes(n));
                    readLine(in);
                }
                body = all.toByteArray();
            } else {
                if (length > 64L * 1024 * 1024) {
                    throw new IOException("body too large");
                }
                body = in.readNBytes((int) length);
                if (body.length < length) {
                    throw new EOFException();
                }
            }
            r.body = new String(body, StandardCharsets.UTF_8);
            return r;
        }

        private static String readLine(InputStream in) throws IOException {
            StringBuilder sb = new StringBuilder(64);
            int c;
            while ((c = in.read()) >= 0) {
                if (c == '\n') {
                    int n = sb.length();
                    if (n > 0 && sb.charAt(n - 1) == '\r') {
                        sb.setLength(n - 1);
                    }
                    return sb.toString();
                }
                if (sb.length() > 64 * 1024) {
                    throw new IOException("line too long");
                }
                sb.append((char) c);
            }
            return sb.length() == 0 ? null : sb.toString();
        }
    }
}
