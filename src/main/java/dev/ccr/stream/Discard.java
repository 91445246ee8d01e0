package dev.ccr.stream;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;

/**
 * Gets rid of a body nobody will read: {@link #body} cancels it at once (its connection is closed: right for an answer
 * that came too late or a client that left), {@link #drain} reads it to its end (its connection can serve the next
 * call: right for a small answer only its status matters of, such as a health probe's).
 */
public final class Discard {
    private Discard() {
    }

    public static void body(Flow.Publisher<List<ByteBuffer>> body) {
        body.subscribe(new Flow.Subscriber<>() {
            @Override
            public void onSubscribe(Flow.Subscription subscription) {
                subscription.cancel();
            }

            @Override
            public void onNext(List<ByteBuffer> item) {
            }

            @Override
            public void onError(Throwable throwable) {
            }

            @Override
            public void onComplete() {
            }
        });
    }

    /** Reads the body to its end, keeping nothing; completes then (also when the body fails). */
    public static CompletableFuture<Void> drain(Flow.Publisher<List<ByteBuffer>> body) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        body.subscribe(new Flow.Subscriber<>() {
            @Override
            public void onSubscribe(Flow.Subscription subscription) {
                subscription.request(Long.MAX_VALUE);
            }

            @Override
            public void onNext(List<ByteBuffer> item) {
            }

            @Override
            public void onError(Throwable throwable) {
                done.complete(null);
            }

            @Override
            public void onComplete() {
                done.complete(null);
            }
        });
        return done;
    }
}
