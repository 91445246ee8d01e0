package dev.ccr.stream;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.Flow;

/** Releases a body nobody will read: subscribes and cancels at once, so its connection goes back to the pool. */
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
}
