package dev.ccr.stats;

import dev.ccr.json.Json;
import dev.ccr.error.Redactor;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

import java.nio.charset.StandardCharsets;

/**
 * {@code GET /stats}: the statistics as JSON, or {@code ?format=text} as a table for a terminal. Everything shown is
 * passed through the {@link Redactor} once more: model names come from clients.
 */
public final class StatsResponder implements Processor {
    private final RequestStatistics statistics;

    public StatsResponder(RequestStatistics statistics) {
        this.statistics = statistics;
    }

    @Override
    public void process(Exchange exchange) {
        StatsSnapshot snapshot = statistics.snapshot();
        boolean text = wantsText(exchange.getIn().getHeader(Exchange.HTTP_QUERY, String.class));
        String body = text ? StatsText.render(snapshot) : Json.string(snapshot);
        exchange.getIn().setBody(Redactor.redact(body).getBytes(StandardCharsets.UTF_8));
        exchange.getIn().setHeader(Exchange.CONTENT_TYPE, text ? "text/plain; charset=utf-8" : "application/json");
        exchange.getIn().setHeader(Exchange.HTTP_RESPONSE_CODE, 200);
    }

    static boolean wantsText(String query) {
        if (query == null) {
            return false;
        }
        for (String pair : query.split("&")) {
            if (pair.equalsIgnoreCase("format=text")) {
                return true;
            }
        }
        return false;
    }
}
