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
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final CompletableFuture<byte[]> result = new CompletableFuture<>();
    private Flow.Subscription subscription;

    private BodyCollector(int limit) {
        this.limit = limit;
    }

    public static CompletableFuture<byte[]> collect(Flow.Publisher<List<ByteBuffer>> body, int limit) {
        BodyCollector collector = new BodyCollector(limit);
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
            result.complete(bytes.toByteArray());
        }
    }

    @Override
    public void onError(Throwable throwable) {
        if (bytes.size() > 0) {
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
