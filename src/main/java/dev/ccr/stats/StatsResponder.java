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
    /** Sections other parts add to the JSON (e.g. usage per user key), by name; fixed once the router runs. */
    private final java.util.Map<String, java.util.function.Supplier<com.fasterxml.jackson.databind.JsonNode>> sections =
            new java.util.concurrent.ConcurrentSkipListMap<>();

    public StatsResponder(RequestStatistics statistics) {
        this.statistics = statistics;
    }

    /** Adds a top-level section to the JSON answer, and to the text one as indented JSON. */
    public void addSection(String name, java.util.function.Supplier<com.fasterxml.jackson.databind.JsonNode> section) {
        sections.put(name, section);
    }

    @Override
    public void process(Exchange exchange) {
        StatsSnapshot snapshot = statistics.snapshot();
        boolean text = wantsText(exchange.getIn().getHeader(Exchange.HTTP_QUERY, String.class));
        String body;
        if (text) {
            StringBuilder out = new StringBuilder(StatsText.render(snapshot));
            sections.forEach((name, section) -> out.append('\n').append(name).append(":\n")
                    .append(section.get().toPrettyString()).append('\n'));
            body = out.toString();
        } else {
            com.fasterxml.jackson.databind.node.ObjectNode json = Json.MAPPER.valueToTree(snapshot);
            sections.forEach((name, section) -> json.set(name, section.get()));
            body = Json.string(json);
        }
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
