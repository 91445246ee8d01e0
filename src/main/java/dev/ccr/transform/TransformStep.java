package dev.ccr.transform;

import dev.ccr.catalog.TargetLimits;
import dev.ccr.model.ExchangeKeys;
import dev.ccr.model.MessagesRequest;
import dev.ccr.model.Target;
import dev.ccr.provider.ProviderRegistry;
import dev.ccr.provider.ProviderSettings;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/** What both halves of a protocol's transform need: the protocol, and the request and target of the attempt. */
abstract class TransformStep implements Processor {
    protected final ProtocolTransformer transformer;
    protected final TargetLimits limits;
    private final ProviderRegistry providers;

    TransformStep(ProtocolTransformer transformer, ProviderRegistry providers, TargetLimits limits) {
        this.transformer = transformer;
        this.providers = providers;
        this.limits = limits;
    }

    protected static MessagesRequest request(Exchange exchange) {
        return exchange.getProperty(ExchangeKeys.REQUEST, MessagesRequest.class);
    }

    protected static Target target(Exchange exchange) {
        return exchange.getProperty(ExchangeKeys.TARGET, Target.class);
    }

    protected ProviderSettings provider(Target target) {
        return providers.settings(target.provider());
    }
}
