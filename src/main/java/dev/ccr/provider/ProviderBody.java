package dev.ccr.provider;

import dev.ccr.error.RouterException;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.Flow;

/**
 * A provider's answer body as the rest of the router reads it: a body that breaks off (the provider died, reset the
 * connection) fails with a {@link ProviderUnavailableException} naming the provider, rather than the HTTP client's bare
 * exception (e.g. Reactor Netty's {@code PrematureCloseException}), so the client is told which provider failed
 * instead of "internal router error".
 */
final class ProviderBody implements Flow.Publisher<List<ByteBuffer>> {
    private final String provider;
    private final Flow.Publisher<List<ByteBuffer>> body;

    ProviderBody(String provider, Flow.Publisher<List<ByteBuffer>> body) {
        this.provider = provider;
        this.body = body;
    }

    /** What the client is told when a provider's answer breaks off after its head: an api_error naming it. */
    static ProviderUnavailableException brokeOff(String provider, Throwable cause) {
        return new ProviderUnavailableException(provider, FailureKind.STREAM_BROKEN, dev.ccr.error.ErrorType.API, 502,
                "Provider '" + provider + "' broke off its answer (" + cause.getClass().getSimpleName() + ")", null,
                cause);
    }

    @Override
    public void subscribe(Flow.Subscriber<? super List<ByteBuffer>> subscriber) {
        body.subscribe(new Flow.Subscriber<>() {
            @Override
            public void onSubscribe(Flow.Subscription subscription) {
                subscriber.onSubscribe(subscription);
            }

            @Override
            public void onNext(List<ByteBuffer> item) {
                subscriber.onNext(item);
            }

            @Override
            public void onError(Throwable failure) {
                subscriber.onError(failure instanceof RouterException ? failure : brokeOff(provider, failure));
            }

            @Override
            public void onComplete() {
                subscriber.onComplete();
            }
        });
    }
}
