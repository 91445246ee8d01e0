package dev.ccr.stats;

import dev.ccr.json.Json;
import dev.ccr.error.ErrorType;
import dev.ccr.error.Redactor;
import dev.ccr.error.RouterException;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

import java.nio.charset.StandardCharsets;

/**
 * {@code GET /stats/sessions/<id>}: what the router did for one Claude Code session ({@link SessionStatistics}). The
 * id is only looked up, never used to build anything; one outside the allowed characters is a 400.
 */
public final class SessionStatsResponder implements Processor {
    static final String PREFIX = "/stats/sessions/";

    private final SessionStatistics sessions;

    public SessionStatsResponder(SessionStatistics sessions) {
        this.sessions = sessions;
    }

    @Override
    public void process(Exchange exchange) {
        String path = exchange.getIn().getHeader(Exchange.HTTP_URI, "", String.class).replaceFirst("[?#].*", "");
        int at = path.indexOf(PREFIX);
        String id = at < 0 ? "" : path.substring(at + PREFIX.length());
        if (!SessionStatistics.isValidId(id)) {
            throw new RouterException(ErrorType.INVALID_REQUEST, "session id: must be 1-128 letters, digits, '-' or "
                    + "'_' (Claude Code's session_id), as GET /stats/sessions/<id>");
        }
        String body = Json.string(sessions.find(id).orElseThrow(() -> new RouterException(ErrorType.NOT_FOUND,
                "No recent request of this session: the router keeps the most recent sessions since it started")));
        exchange.getIn().setBody(Redactor.redact(body).getBytes(StandardCharsets.UTF_8));
        exchange.getIn().setHeader(Exchange.CONTENT_TYPE, "application/json");
        exchange.getIn().setHeader(Exchange.HTTP_RESPONSE_CODE, 200);
    }
}
