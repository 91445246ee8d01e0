package dev.ccr.stats.views;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ccr.json.Json;
import dev.ccr.error.Redactor;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

import java.nio.charset.StandardCharsets;

/** A read-only JSON view: builds its body per request and answers 200, redacted once more as a whole like /stats. */
abstract class JsonView implements Processor {
    protected abstract ObjectNode build();

    @Override
    public void process(Exchange exchange) {
        exchange.getIn().setBody(Redactor.redact(Json.string(build())).getBytes(StandardCharsets.UTF_8));
        exchange.getIn().setHeader(Exchange.CONTENT_TYPE, "application/json");
        exchange.getIn().setHeader(Exchange.HTTP_RESPONSE_CODE, 200);
    }
}
