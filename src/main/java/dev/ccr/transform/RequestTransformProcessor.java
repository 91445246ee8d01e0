package dev.ccr.transform;

import dev.ccr.catalog.TargetLimits;
import dev.ccr.model.MessagesRequest;
import dev.ccr.model.Target;
import dev.ccr.provider.ProviderRegistry;
import org.apache.camel.Exchange;

/** Request half of a protocol's transform: the client's Anthropic request becomes the provider call (the body). */
public final class RequestTransformProcessor extends TransformStep {

    public RequestTransformProcessor(ProtocolTransformer transformer, ProviderRegistry providers, TargetLimits limits) {
        super(transformer, providers, limits);
    }

    @Override
    public void process(Exchange exchange) {
        Target target = target(exchange);
        // fitted to the model (thinking, max_tokens, images) for this attempt only: the next target gets the original
        MessagesRequest request = limits.fit(request(exchange), target);
        exchange.getIn().setBody(transformer.toUpstream(request, target, provider(target)));
    }

    @Override
    public String toString() {
        return transformer.protocol() + "RequestTransformer";
    }
}
