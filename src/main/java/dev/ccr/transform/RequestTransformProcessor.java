package dev.ccr.transform;

import dev.ccr.model.ExchangeKeys;
import dev.ccr.model.MessagesRequest;
import dev.ccr.model.Target;
import dev.ccr.provider.ProviderRegistry;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/** Request half of a protocol's transform: the client's Anthropic request becomes the provider call (the body). */
public final class RequestTransformProcessor implements Processor {
    private final ProtocolTransformer transformer;
    private final ProviderRegistry providers;

    public RequestTransformProcessor(ProtocolTransformer transformer, ProviderRegistry providers) {
        this.transformer = transformer;
        this.providers = providers;
    }

    @Override
    public void process(Exchange exchange) {
        MessagesRequest request = exchange.getProperty(ExchangeKeys.REQUEST, MessagesRequest.class);
        Target target = exchange.getProperty(ExchangeKeys.TARGET, Target.class);
        exchange.getIn().setBody(transformer.toUpstream(request, target, providers.get(target.provider()).settings()));
    }

    @Override
    public String toString() {
        return transformer.protocol() + "RequestTransformer";
    }
}
