package dev.ccr.stats;

import dev.ccr.error.Redactor;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

import java.nio.charset.StandardCharsets;

/** {@code GET /metrics}: every meter in Prometheus' text format 0.0.4, what Prometheus scrapes by default. */
public final class MetricsResponder implements Processor {
    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final PrometheusMeterRegistry registry;

    public MetricsResponder(PrometheusMeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void process(Exchange exchange) {
        // labels that come from requests (model names) are redacted already; this is the last line of defence
        exchange.getIn().setBody(Redactor.redact(registry.scrape()).getBytes(StandardCharsets.UTF_8));
        exchange.getIn().setHeader(Exchange.CONTENT_TYPE, CONTENT_TYPE);
        exchange.getIn().setHeader(Exchange.HTTP_RESPONSE_CODE, 200);
    }
}
