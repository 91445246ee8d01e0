import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * Sequential streaming-latency probe for the benchmark: JDK only, no build step.
 *
 * <pre>java bench/Ttfb.java HOST PORT SECONDS [WARMUP_REQUESTS] [BODY_FILE] [stream|plain] [MAX_REQUESTS]</pre>
 *
 * Sends {@code POST /v1/messages} with {@code "stream":true} over one keep-alive connection, one request at a time,
 * for SECONDS (at most MAX_REQUESTS, default 50,000) after WARMUP_REQUESTS unmeasured ones, and measures for each
 * request, from just before the request is written:
 * <ul>
 *   <li>ttfb: the first byte of the response (status line), like curl's time_starttransfer;</li>
 *   <li>first_event: the first complete SSE event of the body (message_start) is in hand;</li>
 *   <li>full: the terminating chunk (the whole stream) is in hand.</li>
 * </ul>
 * Prints one line: {@code TTFB n=... ttfb_p50_us=... ttfb_p99_us=... first_event_p50_us=... ... full_p99_us=...}.
 * A non-200 answer or a stream without message_stop aborts with exit status 1. With {@code plain} the requests are
 * not streamed (a cross-check of wrk's unloaded latency): first_event is then the whole body.
 */
public final class Ttfb {
    private static final int MAX_REQUESTS = 50_000;

    public static void main(String[] args) throws Exception {
        String host = args[0];
        int port = Integer.parseInt(args[1]);
        double seconds = Double.parseDouble(args[2]);
        int warmup = args.length > 3 ? Integer.parseInt(args[3]) : 500;
        boolean stream = args.length <= 5 || !args[5].equals("plain");
        int max = args.length > 6 ? Math.min(Integer.parseInt(args[6]), MAX_REQUESTS) : MAX_REQUESTS;
        String flag = "\"stream\":" + stream;
        String body = args.length > 4 && !args[4].isEmpty()
                ? Files.readString(Path.of(args[4])).replaceFirst("\"stream\"\\s*:\\s*\\w+", flag)
                : "{\"model\":\"m\",\"max_tokens\":10,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],"
                        + flag + "}";
        if (!body.contains(flag)) {
            body = body.replaceFirst("^\\s*\\{", "{" + flag + ",");
        }
        byte[] bodyBytes = body.getBytes(StandardCharsets.UTF_8);
        byte[] request = ("POST /v1/messages HTTP/1.1\r\nHost: " + host + ":" + port
                + "\r\nContent-Type: application/json\r\nanthropic-version: 2023-06-01\r\nx-api-key: dummy"
                + "\r\nContent-Length: " + bodyBytes.length + "\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1);

        Client client = new Client(host, port, request, bodyBytes, stream ? "message_stop" : "end_turn");
        for (int i = 0; i < warmup; i++) {
            client.once();
        }
        long[] ttfb = new long[MAX_REQUESTS];
        long[] firstEvent = new long[MAX_REQUESTS];
        long[] full = new long[MAX_REQUESTS];
        int n = 0;
        long deadline = System.nanoTime() + (long) (seconds * 1e9);
        while (n < max && System.nanoTime() < deadline) {
            long[] t = client.once();
            ttfb[n] = t[0];
            firstEvent[n] = t[1];
            full[n] = t[2];
            n++;
        }
        client.close();
        System.out.println(String.format(Locale.ROOT,
                "TTFB n=%d reconnects=%d ttfb_p50_us=%d ttfb_p99_us=%d first_event_p50_us=%d first_event_p99_us=%d "
                        + "full_p50_us=%d full_p99_us=%d",
                n, client.connects - 1, pct(ttfb, n, 50), pct(ttfb, n, 99), pct(firstEvent, n, 50),
                pct(firstEvent, n, 99), pct(full, n, 50), pct(full, n, 99)));
    }

    private static long pct(long[] values, int n, double p) {
        if (n == 0) {
            return -1;
        }
        long[] sorted = Arrays.copyOf(values, n);
        Arrays.sort(sorted);
        int index = (int) Math.ceil(p / 100.0 * n) - 1;
        return sorted[Math.max(0, Math.min(n - 1, index))] / 1000;
    }

    /** One keep-alive connection; reconnects when the server closes it. */
    private static final class Client {
        private final String host;
        private final int port;
        private final byte[] head;
        private final byte[] body;
        private final String endMarker;
        private Socket socket;
        private InputStream in;
        private OutputStream out;
        private final byte[] buf = new byte[64 * 1024];
        private int pos;
        private int lim;
        int connects;

        Client(String host, int port, byte[] head, byte[] body, String endMarker) {
            this.endMarker = endMarker;
            this.host = host;
            this.port = port;
            this.head = head;
            this.body = body;
        }

        long[] once() throws IOException {
            if (socket == null) {
                socket = new Socket();
                socket.setTcpNoDelay(true);
                socket.connect(new InetSocketAddress(host, port), 5000);
                socket.setSoTimeout(30_000);
                in = socket.getInputStream();
                out = new BufferedOutputStream(socket.getOutputStream(), 64 * 1024);
                pos = 0;
                lim = 0;
                connects++;
            }
            long start = System.nanoTime();
            out.write(head);
            out.write(body);
            out.flush();
            fill();
            long ttfb = System.nanoTime() - start;
            String status = line();
            if (!status.startsWith("HTTP/1.1 200")) {
                throw new IOException("unexpected answer: " + status);
            }
            boolean chunked = false;
            boolean close = false;
            long length = -1;
            String h;
            while (!(h = line()).isEmpty()) {
                String lower = h.toLowerCase(Locale.ROOT);
                if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                    chunked = true;
                } else if (lower.startsWith("content-length:")) {
                    length = Long.parseLong(lower.substring(15).trim());
                } else if (lower.startsWith("connection:") && lower.contains("close")) {
                    close = true;
                }
            }
            ByteArrayOutputStream content = new ByteArrayOutputStream(4096);
            long firstEvent = -1;
            if (chunked) {
                while (true) {
                    String size = line();
                    int semi = size.indexOf(';');
                    int n = Integer.parseInt((semi >= 0 ? size.substring(0, semi) : size).trim(), 16);
                    if (n == 0) {
                        while (!line().isEmpty()) {
                            // trailers
                        }
                        break;
                    }
                    copy(content, n);
                    line();
                    if (firstEvent < 0 && hasEvent(content)) {
                        firstEvent = System.nanoTime() - start;
                    }
                }
            } else if (length >= 0) {
                copy(content, (int) length);
                firstEvent = System.nanoTime() - start;
            } else {
                close = true;
                while (fillOrEof()) {
                    content.write(buf, pos, lim - pos);
                    pos = lim;
                    if (firstEvent < 0 && hasEvent(content)) {
                        firstEvent = System.nanoTime() - start;
                    }
                }
            }
            long full = System.nanoTime() - start;
            if (firstEvent < 0) {
                firstEvent = full;
            }
            String text = content.toString(StandardCharsets.UTF_8);
            if (!text.contains(endMarker)) {
                throw new IOException("answer without " + endMarker + ": " + text);
            }
            if (close) {
                close();
            }
            return new long[] {ttfb, firstEvent, full};
        }

        private static boolean hasEvent(ByteArrayOutputStream content) {
            return content.toString(StandardCharsets.UTF_8).contains("\n\n");
        }

        private void fill() throws IOException {
            if (!fillOrEof()) {
                throw new EOFException("connection closed");
            }
        }

        private boolean fillOrEof() throws IOException {
            if (pos < lim) {
                return true;
            }
            int r = in.read(buf, 0, buf.length);
            if (r < 0) {
                return false;
            }
            pos = 0;
            lim = r;
            return true;
        }

        private String line() throws IOException {
            StringBuilder sb = new StringBuilder(64);
            while (true) {
                fill();
                byte b = buf[pos++];
                if (b == '\n') {
                    int n = sb.length();
                    if (n > 0 && sb.charAt(n - 1) == '\r') {
                        sb.setLength(n - 1);
                    }
                    return sb.toString();
                }
                sb.append((char) (b & 0xff));
            }
        }

        private void copy(ByteArrayOutputStream to, int n) throws IOException {
            while (n > 0) {
                fill();
                int k = Math.min(n, lim - pos);
                to.write(buf, pos, k);
                pos += k;
                n -= k;
            }
        }

        void close() throws IOException {
            if (socket != null) {
                socket.close();
                socket = null;
            }
        }
    }
}
