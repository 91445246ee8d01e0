package dev.ccr.transform;

import dev.ccr.model.Target;
import dev.ccr.provider.ProviderRegistry;
import org.apache.camel.Exchange;

/** Request half of a protocol's transform: the client's Anthropic request becomes the provider call (the body). */
public final class RequestTransformProcessor extends TransformStep {

    public RequestTransformProcessor(ProtocolTransformer transformer, ProviderRegistry providers) {
        super(transformer, providers);
    }

    @Override
    public void process(Exchange exchange) {
        Target target = target(exchange);
        exchange.getIn().setBody(transformer.toUpstream(request(exchange), target, provider(target)));
    }

    @Override
    public String toString() {
        return transformer.protocol() + "RequestTransformer";
    }
}
