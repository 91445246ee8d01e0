package dev.ccr.provider;

import dev.ccr.config.DurationText;
import dev.ccr.error.ErrorType;
import dev.ccr.model.ExchangeKeys;
import dev.ccr.model.MessagesRequest;
import dev.ccr.model.Target;
import dev.ccr.stream.BodyCollector;
import dev.ccr.stream.WholeBodyPublisher;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.EventLoop;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The provider call inside the circuit breaker: sends the call and waits for the answer's head. The breaker step is
 * synchronous, so this holds its (pooled) thread until the head arrives; a stream's body is relayed later without
 * any thread waiting on it. A non-streamed answer is read whole here instead: nothing of it reaches the client
 * before it is complete anyway, and a provider that dies in the middle of it then fails over like one that died
 * before its head, instead of costing the client its request.
 */
public final class ProviderCallProcessor implements Processor {
    /** Bigger than any whole Messages answer (a 128k-token answer is well under 2 MB). */
    private static final int WHOLE_ANSWER_LIMIT = 64 * 1024 * 1024;
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
        ProviderSettings.Timeouts timeouts = client.settings().timeouts();
        EventLoop readOn = clientEventLoop(exchange);
        UpstreamResponse response = ParameterRecovery.applies(client.settings().protocol())
                ? headRecovering(client, target, request, readOn) : head(client, target, request, readOn);
        MessagesRequest clientRequest = exchange.getProperty(ExchangeKeys.REQUEST, MessagesRequest.class);
        exchange.getIn().setBody(clientRequest == null || clientRequest.stream() ? response
                : readWhole(target.provider(), response, timeouts));
    }

    /**
     * The event loop of the client's connection, where the provider's answer is then read: each piece reaches the
     * client's socket on the thread that read it. Null when the exchange came from no client connection.
     */
    private static EventLoop clientEventLoop(Exchange exchange) {
        ChannelHandlerContext client = exchange.getIn().getHeader(ExchangeKeys.CHANNEL, ChannelHandlerContext.class);
        return client == null ? null : client.channel().eventLoop();
    }

    /**
     * The answer's head, without the fields this (provider, model) refused before, and once more without a field
     * the router chose to send and the model does not take (each field once).
     */
    private UpstreamResponse headRecovering(ProviderClient client, Target target, UpstreamRequest request,
                                            EventLoop readOn) throws Exception {
        request = recovery.withoutRefused(target.provider(), request);
        for (int retries = 0; ; retries++) {
            try {
                return head(client, target, request, readOn);
            } catch (ProviderRejectedException refusal) {
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
    private static UpstreamResponse head(ProviderClient client, Target target, UpstreamRequest request,
                                         EventLoop readOn) throws Exception {
        ProviderSettings.Timeouts timeouts = client.settings().timeouts();
        long waitMillis = timeouts.connect().plus(timeouts.firstByte()).toMillis() + 1000;
        CompletableFuture<UpstreamResponse> call = client.send(request, readOn);
        try {
            return call.get(waitMillis, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        } catch (TimeoutException e) {
            call.thenAccept(UpstreamResponse::discard); // an answer that comes after all must not hold its connection
            throw new ProviderUnavailableException(target.provider(), FailureKind.TIMEOUT, ErrorType.TIMEOUT, 504,
                    "Provider '" + target.provider() + "' sent no answer within " + DurationText.of(timeouts.firstByte())
                            + " (timeouts.first-byte)", null, null);
        } catch (InterruptedException e) {
            call.thenAccept(UpstreamResponse::discard);
            Thread.currentThread().interrupt();
            throw e;
        }
    }

    private static UpstreamResponse readWhole(String provider, UpstreamResponse response,
                                              ProviderSettings.Timeouts timeouts) throws InterruptedException {
        CompletableFuture<byte[]> body = BodyCollector.collectComplete(response.body(), WHOLE_ANSWER_LIMIT);
        try {
            byte[] bytes = body.get(timeouts.total().toMillis(), TimeUnit.MILLISECONDS);
            return new UpstreamResponse(response.status(), response.headers(), new WholeBodyPublisher(bytes));
        } catch (ExecutionException e) {
            throw e.getCause() instanceof ProviderException named ? named : ProviderBody.brokeOff(provider, e.getCause());
        } catch (TimeoutException e) {
            body.cancel(true);
            throw new ProviderUnavailableException(provider, FailureKind.TIMEOUT, ErrorType.TIMEOUT, 504,
                    "Provider '" + provider + "' did not finish its answer within " + timeouts.total(), null, null);
        }
    }
}
