package dev.ccr.router;

import dev.ccr.model.NameRules;
import dev.ccr.provider.ProviderRegistry;
import org.apache.camel.Endpoint;
import org.apache.camel.support.DefaultComponent;

import java.util.Map;

/**
 * {@code provider:NAME[?model=MODEL]} — a load-balancing target written in a route file: one model of one configured
 * provider. Sending to it runs that provider's route ({@code direct:provider-NAME}) with the target on the exchange.
 * Unknown providers and models the provider does not list are refused when the route is created, so a typo stops
 * the start (or a reload) instead of failing a user's request.
 * <p>
 * {@code provider:pinned} is the one target read from the exchange instead: see {@link PinnedTargetEndpoint}.
 */
public class ProviderComponent extends DefaultComponent {
    private final ProviderRegistry providers;
    private final ProviderStatusBoard board;

    public ProviderComponent(ProviderRegistry providers, ProviderStatusBoard board) {
        this.providers = providers;
        this.board = board;
    }

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        if (NameRules.PINNED.equals(remaining) && parameters.isEmpty()) {
            return new PinnedTargetEndpoint(uri, this, providers, board);
        }
        String model = getAndRemoveParameter(parameters, "model", String.class);
        TargetValidator.check(providers, remaining, model);
        return new ProviderEndpoint(uri, this, remaining, model, board);
    }
}
