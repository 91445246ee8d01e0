package dev.ccr.stream;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;

/**
 * Reads a whole (small) body from a publisher, up to a limit: for error bodies and the rare answer that must be seen
 * whole. Past the limit it keeps what it has and cancels the rest.
 */
public final class BodyCollector implements Flow.Subscriber<List<ByteBuffer>> {
    private final int limit;
    private final boolean strict;
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final CompletableFuture<byte[]> result = new CompletableFuture<>();
    private volatile Flow.Subscription subscription;

    private BodyCollector(int limit, boolean strict) {
        this.limit = limit;
        this.strict = strict;
    }

    public static CompletableFuture<byte[]> collect(Flow.Publisher<List<ByteBuffer>> body, int limit) {
        BodyCollector collector = new BodyCollector(limit, false);
        body.subscribe(collector);
        return collector.result;
    }

    /**
     * Reads a whole answer that must arrive complete: a body that breaks off, or grows past the limit, fails the
     * future instead of yielding what came so far.
     */
    public static CompletableFuture<byte[]> collectComplete(Flow.Publisher<List<ByteBuffer>> body, int limit) {
        BodyCollector collector = new BodyCollector(limit, true);
        // a caller that gives up (cancels the future) releases the provider's connection
        collector.result.whenComplete((bytes, failure) -> {
            Flow.Subscription s = collector.subscription;
            if (failure != null && s != null) {
                s.cancel();
            }
        });
        body.subscribe(collector);
        return collector.result;
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        this.subscription = subscription;
        subscription.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(List<ByteBuffer> items) {
        for (ByteBuffer item : items) {
            int n = Math.min(item.remaining(), limit - bytes.size());
            byte[] chunk = new byte[n];
            item.get(chunk);
            bytes.write(chunk, 0, n);
        }
        if (bytes.size() >= limit) {
            subscription.cancel();
            if (strict) {
                result.completeExceptionally(new java.io.IOException("answer larger than " + limit + " bytes"));
            } else {
                result.complete(bytes.toByteArray());
            }
        }
    }

    @Override
    public void onError(Throwable throwable) {
        if (bytes.size() > 0 && !strict) {
            result.complete(bytes.toByteArray());
        } else {
            result.completeExceptionally(throwable);
        }
    }

    @Override
    public void onComplete() {
        result.complete(bytes.toByteArray());
    }
}
