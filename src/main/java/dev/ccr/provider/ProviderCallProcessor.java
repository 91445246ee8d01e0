package dev.ccr.provider;

import dev.ccr.error.ErrorType;
import dev.ccr.model.ExchangeKeys;
import dev.ccr.model.Target;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The provider call inside the circuit breaker: sends the call and waits for the answer's head only. The breaker
 * step is synchronous, so this holds its (pooled) thread until the head arrives; the body is streamed later without
 * any thread waiting on it.
 */
public final class ProviderCallProcessor implements Processor {
    private final ProviderRegistry providers;
    private final ParameterRecovery recovery;

    public ProviderCallProcessor(ProviderRegistry providers, ParameterRecovery recovery) {
        this.providers = providers;
        this.recovery = recovery;
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        Target target = exchange.getProperty(ExchangeKeys.TARGET, Target.class);
        ProviderClient client = providers.get(target.provider());
        UpstreamRequest request = exchange.getIn().getBody(UpstreamRequest.class);
        if (!ParameterRecovery.applies(client.settings().protocol())) {
            exchange.getIn().setBody(head(client, target, request));
            return;
        }
        request = recovery.withoutRefused(target.provider(), request);
        for (int retries = 0; ; retries++) {
            try {
                exchange.getIn().setBody(head(client, target, request));
                return;
            } catch (ProviderRejectedException refusal) {
                // once more without a field the router chose to send and this model does not take (each field once)
                UpstreamRequest retry = retries < ParameterRecovery.MAX_RETRIES
                        ? recovery.retryFor(target.provider(), request, refusal) : null;
                if (retry == null) {
                    throw refusal;
                }
                request = retry;
            }
        }
    }

    /** Sends the call and waits for the answer's head. */
    private static UpstreamResponse head(ProviderClient client, Target target, UpstreamRequest request)
            throws Exception {
        ProviderSettings.Timeouts timeouts = client.settings().timeouts();
        long waitMillis = timeouts.connect().plus(timeouts.firstByte()).toMillis() + 1000;
        CompletableFuture<UpstreamResponse> call = client.send(request);
        try {
            return call.get(waitMillis, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        } catch (TimeoutException e) {
            call.thenAccept(UpstreamResponse::discard); // an answer that comes after all must not hold its connection
            throw new ProviderUnavailableException(target.provider(), FailureKind.TIMEOUT, ErrorType.TIMEOUT, 504,
                    "Provider '" + target.provider() + "' sent no answer within " + timeouts.firstByte(), null, null);
        } catch (InterruptedException e) {
            call.thenAccept(UpstreamResponse::discard);
            Thread.currentThread().interrupt();
            throw e;
        }
    }
}
