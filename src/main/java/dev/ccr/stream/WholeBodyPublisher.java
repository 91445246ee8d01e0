package dev.ccr.stream;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicBoolean;

/** A body already read whole, published again as one piece, so it flows through the same relay as a live body. */
public final class WholeBodyPublisher implements Flow.Publisher<List<ByteBuffer>> {
    private final byte[] bytes;

    public WholeBodyPublisher(byte[] bytes) {
        this.bytes = bytes;
    }

    @Override
    public void subscribe(Flow.Subscriber<? super List<ByteBuffer>> subscriber) {
        AtomicBoolean done = new AtomicBoolean();
        subscriber.onSubscribe(new Flow.Subscription() {
            @Override
            public void request(long n) {
                if (n > 0 && done.compareAndSet(false, true)) {
                    subscriber.onNext(List.of(ByteBuffer.wrap(bytes)));
                    subscriber.onComplete();
                }
            }

            @Override
            public void cancel() {
                done.set(true);
            }
        });
    }
}
