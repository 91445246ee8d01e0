package dev.ccr.router;

import dev.ccr.error.ErrorType;
import dev.ccr.model.ExchangeKeys;
import dev.ccr.model.MessagesRequest;
import dev.ccr.model.Target;
import dev.ccr.provider.FailureKind;
import dev.ccr.provider.ProviderException;
import dev.ccr.provider.ProviderUnavailableException;
import org.apache.camel.AsyncCallback;
import org.apache.camel.AsyncProducer;
import org.apache.camel.Consumer;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.support.DefaultAsyncProducer;
import org.apache.camel.support.DefaultEndpoint;
import org.apache.camel.support.service.ServiceHelper;

/**
 * One target. Sending to it admits the call against the provider's status (enabled, breaker, retry-after pause,
 * concurrency and token limits) — refusing with a retryable error so a balancer moves on at once — then runs the
 * provider's route. A successful call keeps its slot until the client's response ends.
 */
public class ProviderEndpoint extends DefaultEndpoint {
    private final String provider;
    private final String model;
    private final ProviderStatusBoard board;

    ProviderEndpoint(String uri, ProviderComponent component, String provider, String model, ProviderStatusBoard board) {
        super(uri, component);
        this.provider = provider;
        this.model = model;
        this.board = board;
    }

    public String getProvider() {
        return provider;
    }

    public String getModel() {
        return model;
    }

    public Target target() {
        return new Target(provider, model);
    }

    @Override
    public Producer createProducer() throws Exception {
        return new TargetProducer(getCamelContext().getEndpoint(RouterNames.providerRoute(provider)).createAsyncProducer());
    }

    @Override
    public Consumer createConsumer(Processor processor) {
        throw new UnsupportedOperationException("provider: endpoints are targets only");
    }

    @Override
    public boolean isSingleton() {
        return true;
    }

    /** Rough input size for the token budget before the real count is known: four bytes a token. */
    static long estimateTokens(MessagesRequest request) {
        return request == null ? 0 : request.rawBody().length / 4 + request.maxTokens();
    }

    private final class TargetProducer extends DefaultAsyncProducer {
        private final AsyncProducer route;

        TargetProducer(AsyncProducer route) {
            super(ProviderEndpoint.this);
            this.route = route;
        }

        @Override
        public boolean process(Exchange exchange, AsyncCallback callback) {
            ProviderStatus status = board.get(provider);
            MessagesRequest request = exchange.getProperty(ExchangeKeys.REQUEST, MessagesRequest.class);
            RequestRecord record = exchange.getProperty(ExchangeKeys.RECORD, RequestRecord.class);
            long estimate = estimateTokens(request);
            Unavailability refused = status.admit(estimate);
            if (refused != null) {
                exchange.setException(new ProviderUnavailableException(provider, FailureKind.UNAVAILABLE,
                        refused.overloaded() ? ErrorType.OVERLOADED : ErrorType.UNAVAILABLE,
                        refused.overloaded() ? 529 : 503, "Provider '" + provider + "' is " + refused.reason(),
                        refused.retryAfter(), null));
                callback.done(true);
                return true;
            }
            Target target = target();
            exchange.setProperty(ExchangeKeys.TARGET, target);
            if (record != null && request != null) {
                record.attempt(provider, target.modelFor(request));
            }
            long start = System.nanoTime();
            return route.process(exchange, doneSync -> {
                Exception failure = exchange.getException();
                if (failure != null) {
                    status.release(estimate, 0);
                    status.failed(failure);
                    if (record != null) {
                        record.attemptFailed(provider, failure instanceof ProviderException pe ? pe.kind()
                                : FailureKind.UNAVAILABLE);
                    }
                } else {
                    status.succeeded(System.nanoTime() - start);
                    if (record != null) {
                        record.upstreamHead();
                        record.onEnd(() -> status.release(estimate, record.inputTokens() + record.outputTokens()));
                    } else {
                        status.release(estimate, 0);
                    }
                }
                callback.done(doneSync);
            });
        }

        @Override
        protected void doStart() throws Exception {
            ServiceHelper.startService(route);
        }

        @Override
        protected void doStop() throws Exception {
            ServiceHelper.stopService(route);
        }
    }
}
