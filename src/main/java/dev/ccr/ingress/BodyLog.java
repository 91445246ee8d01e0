package dev.ccr.ingress;

import dev.ccr.error.Redactor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Logs request and response bodies on logger {@code dev.ccr.bodies} when switched on (the seeds' logRequests and
 * logResponses: {@code ccr.log.request-bodies}, {@code ccr.log.response-bodies}), each cut to a maximum length and
 * with secrets masked. Headers are never logged, so neither is any key a client or provider sends. Lines carry the
 * exchange id, so a request and its response can be matched.
 */
public final class BodyLog {
    private static final Logger LOG = LoggerFactory.getLogger("dev.ccr.bodies");
    private final boolean requests;
    private final boolean responses;
    private final int maxChars;

    public BodyLog(boolean requests, boolean responses, int maxChars) {
        this.requests = requests;
        this.responses = responses;
        this.maxChars = maxChars;
    }

    void request(String exchangeId, byte[] body) {
        if (requests) {
            LOG.info("request {} {}", exchangeId, readable(body, body.length));
        }
    }

    /** A capture of what the client receives, or null when responses are not logged. */
    Capture response(String exchangeId) {
        return responses ? new Capture(exchangeId) : null;
    }

    private String readable(byte[] bytes, int total) {
        String text = new String(bytes, 0, Math.min(bytes.length, maxChars), StandardCharsets.UTF_8);
        String cut = total > maxChars ? " … (" + total + " bytes)" : "";
        return Redactor.redact(text) + cut;
    }

    /** Collects the first {@code maxChars} bytes of one response and logs them when it ends. */
    final class Capture {
        private final String exchangeId;
        private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
        private long total;

        private Capture(String exchangeId) {
            this.exchangeId = exchangeId;
        }

        void add(byte[] bytes) {
            total += bytes.length;
            int room = maxChars - kept.size();
            if (room > 0) {
                kept.write(bytes, 0, Math.min(room, bytes.length));
            }
        }

        void log(int status) {
            LOG.info("response {} {} {}", exchangeId, status, readable(kept.toByteArray(), (int) Math.min(total,
                    Integer.MAX_VALUE)));
        }
    }
}
