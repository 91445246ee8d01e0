package dev.ccr.ingress;

import dev.ccr.json.Json;
import dev.ccr.catalog.TargetLimits;
import dev.ccr.model.ExchangeKeys;
import dev.ccr.model.MessagesRequest;
import dev.ccr.model.Target;
import dev.ccr.router.CategoryTargets;
import dev.ccr.router.classify.Categories;
import dev.ccr.tokens.TokenCounter;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

import java.util.Map;

/**
 * Answers {@code POST /v1/messages/count_tokens} locally: {@code {"input_tokens": N}}, no provider call. Runs after the
 * classification flow, so N is scaled as the messages' usage would be: by the pinned target's factor when the request
 * names one ({@code provider,model}, a model map entry, a subagent tag), else by the largest factor among its category
 * route's targets — the smallest window wins, since the balancer may pick any of them and compacting early loses less
 * than a conversation too long for the target that answers.
 */
public final class TokenCountResponder implements Processor {
    private final TokenCounter counter;
    private final TargetLimits limits;
    private final CategoryTargets categories;

    public TokenCountResponder(TokenCounter counter, TargetLimits limits, CategoryTargets categories) {
        this.counter = counter;
        this.limits = limits;
        this.categories = categories;
    }

    @Override
    public void process(Exchange exchange) {
        MessagesRequest request = exchange.getProperty(ExchangeKeys.REQUEST, MessagesRequest.class);
        long tokens = Math.round(request.inputTokens(counter::count) * scale(exchange, request));
        exchange.getIn().setBody(Json.bytes(Map.of("input_tokens", tokens)));
        exchange.getIn().setHeader(Exchange.CONTENT_TYPE, "application/json");
    }

    private double scale(Exchange exchange, MessagesRequest request) {
        Target pinned = exchange.getProperty(ExchangeKeys.PINNED_TARGET, Target.class);
        if (pinned != null) {
            return limits.contextScale(request, pinned);
        }
        double scale = 1;
        for (Target target : categories.of(exchange.getProperty(ExchangeKeys.CATEGORY, Categories.DEFAULT, String.class))) {
            scale = Math.max(scale, limits.contextScale(request, target));
        }
        return scale;
    }
}
