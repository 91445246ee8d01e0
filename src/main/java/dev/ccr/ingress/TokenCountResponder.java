package dev.ccr.ingress;

import dev.ccr.json.Json;
import dev.ccr.model.ExchangeKeys;
import dev.ccr.model.MessagesRequest;
import dev.ccr.tokens.TokenCounter;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

import java.util.Map;

/** Answers {@code POST /v1/messages/count_tokens} locally: {@code {"input_tokens": N}}, no provider call. */
public final class TokenCountResponder implements Processor {
    private final TokenCounter counter;

    public TokenCountResponder(TokenCounter counter) {
        this.counter = counter;
    }

    @Override
    public void process(Exchange exchange) {
        MessagesRequest request = exchange.getProperty(ExchangeKeys.REQUEST, MessagesRequest.class);
        exchange.getIn().setBody(Json.bytes(Map.of("input_tokens", counter.count(request.body()))));
        exchange.getIn().setHeader(Exchange.CONTENT_TYPE, "application/json");
    }
}
