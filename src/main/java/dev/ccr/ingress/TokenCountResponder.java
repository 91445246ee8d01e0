package dev.ccr.ingress;

import dev.ccr.json.Json;
import dev.ccr.catalog.TargetLimits;
import dev.ccr.model.ExchangeKeys;
import dev.ccr.model.MessagesRequest;
import dev.ccr.model.Target;
import dev.ccr.tokens.TokenCounter;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

import java.util.Map;

/**
 * Answers {@code POST /v1/messages/count_tokens} locally: {@code {"input_tokens": N}}, no provider call. For a model
 * named {@code provider,model} whose context scaling is on, N is scaled as the messages' usage is.
 */
public final class TokenCountResponder implements Processor {
    private final TokenCounter counter;
    private final TargetLimits limits;

    public TokenCountResponder(TokenCounter counter, TargetLimits limits) {
        this.counter = counter;
        this.limits = limits;
    }

    @Override
    public void process(Exchange exchange) {
        MessagesRequest request = exchange.getProperty(ExchangeKeys.REQUEST, MessagesRequest.class);
        long tokens = counter.count(request.body());
        int comma = request.model().indexOf(',');
        if (comma > 0) {
            Target target = new Target(request.model().substring(0, comma), request.model().substring(comma + 1));
            tokens = Math.round(tokens * limits.contextScale(request, target));
        }
        exchange.getIn().setBody(Json.bytes(Map.of("input_tokens", tokens)));
        exchange.getIn().setHeader(Exchange.CONTENT_TYPE, "application/json");
    }
}
