package dev.ccr.ingress;

import dev.ccr.config.DurationText;
import dev.ccr.error.ErrorEnvelope;
import dev.ccr.error.ErrorMapper;
import dev.ccr.error.ErrorType;
import dev.ccr.error.RouterException;
import dev.ccr.model.ClientReply;
import dev.ccr.provider.FailureKind;
import dev.ccr.request.RequestRecord;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.concurrent.ScheduledFuture;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Relays a provider's body to the client as it arrives. One piece is asked of the provider at a time: the next at once
 * while the client's channel is writable (its outbound buffer, queued writes included, is under Netty's high-water
 * mark), else only when the client's socket has taken this one. A slow client slows the provider's read, memory stays
 * bounded, and no thread ever waits; a fast one costs no round trip to the event loop per piece. The response head
 * is written with the first piece, so a failure before it still gets a proper HTTP error; after it, an SSE stream
 * ends with {@code event: error}. A client that disconnects cancels the provider's call.
 */
final class StreamRelay implements Flow.Subscriber<List<ByteBuffer>> {
    private final Channel channel;
    private final ClientReply reply;
    private final Map<String, String> extraHeaders;
    private final boolean keepAlive;
    private final RequestRecord record;
    private final UsageTap usage;
    private final AtomicBoolean ended = new AtomicBoolean();
    private final ChannelFutureListener onClientGone = f -> clientGone();
    private volatile Flow.Subscription subscription;
    private volatile boolean headSent;
    private volatile ScheduledFuture<?> idleTimer;
    /** When the provider last sent something: the idle timer reads it instead of being rearmed for every piece. */
    private volatile long lastPieceNanos;
    private volatile ScheduledFuture<?> totalTimer;

    private final BodyLog.Capture bodyCapture;

    StreamRelay(Channel channel, ClientReply reply, Map<String, String> extraHeaders, boolean keepAlive,
                RequestRecord record, BodyLog.Capture bodyCapture) {
        this.bodyCapture = bodyCapture;
        this.channel = channel;
        this.reply = reply;
        this.extraHeaders = extraHeaders;
        this.keepAlive = keepAlive;
        this.record = record;
        this.usage = new UsageTap(record, reply.sse());
    }

    void start() {
        channel.closeFuture().addListener(onClientGone);
        totalTimer = channel.eventLoop().schedule(() -> fail(new RouterException(ErrorType.TIMEOUT, 504,
                "The provider's answer took longer than " + DurationText.of(reply.totalTimeout())
                        + " (the provider's timeouts.total)", null, null),
                FailureKind.TIMEOUT), reply.totalTimeout().toMillis(), TimeUnit.MILLISECONDS);
        reply.body().subscribe(this);
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        subscription = s;
        if (ended.get()) {
            s.cancel();
            return;
        }
        lastPieceNanos = System.nanoTime();
        scheduleIdleCheck(reply.idleTimeout().toNanos());
        s.request(1);
    }

    @Override
    public void onNext(List<ByteBuffer> items) {
        if (ended.get()) {
            return;
        }
        lastPieceNanos = System.nanoTime();
        byte[] out;
        try {
            out = translate(items);
        } catch (RuntimeException e) {
            fail(e, FailureKind.STREAM_BROKEN);
            return;
        }
        if (out.length == 0) {
            subscription.request(1);
            return;
        }
        ChannelFuture written = write(out);
        if (channel.isWritable()) {
            subscription.request(1);
        } else {
            written.addListener(f -> {
                if (f.isSuccess()) {
                    subscription.request(1);
                }
            });
        }
    }

    @Override
    public void onError(Throwable failure) {
        fail(failure, FailureKind.STREAM_BROKEN);
    }

    @Override
    public void onComplete() {
        if (ended.get()) {
            return;
        }
        byte[] tail;
        try {
            tail = reply.translator().finish();
        } catch (RuntimeException e) {
            fail(e, FailureKind.STREAM_BROKEN);
            return;
        }
        if (tail.length > 0 || !headSent) {
            write(tail);
        }
        if (end()) {
            usage.complete();
            var done = channel.writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT);
            if (!keepAlive) {
                done.addListener(ChannelFutureListener.CLOSE);
            }
            record.end(reply.status(), null);
        }
    }

    private byte[] translate(List<ByteBuffer> items) {
        if (items.size() == 1) {
            return reply.translator().translate(items.get(0));
        }
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (ByteBuffer item : items) {
            out.writeBytes(reply.translator().translate(item));
        }
        return out.toByteArray();
    }

    private ChannelFuture write(byte[] bytes) {
        usage.observe(bytes);
        if (bodyCapture != null) {
            bodyCapture.add(bytes);
        }
        if (!headSent) {
            Map<String, String> headers = new java.util.LinkedHashMap<>(reply.headers());
            headers.putAll(extraHeaders);
            io.netty.handler.codec.http.HttpResponse head;
            try {
                head = HttpReplies.chunkedHead(reply.status(), reply.contentType(), headers, keepAlive);
            } catch (RuntimeException e) {
                // a head that cannot be written must still end in an answer, never in a silent connection
                fail(e, FailureKind.STREAM_BROKEN);
                return channel.newFailedFuture(e);
            }
            headSent = true;
            channel.write(head);
            record.firstByte();
        }
        return channel.writeAndFlush(new DefaultHttpContent(Unpooled.wrappedBuffer(bytes)));
    }

    /**
     * Checks for an idle provider after {@code delayNanos}, and again for the rest of the idle time when something
     * arrived meanwhile (as Netty's IdleStateHandler does): a timer rearmed for every piece would cost a scheduling
     * task on the event loop, and a cancellation, per event.
     */
    private void scheduleIdleCheck(long delayNanos) {
        idleTimer = channel.eventLoop().schedule(() -> {
            if (ended.get()) {
                return;
            }
            long left = reply.idleTimeout().toNanos() - (System.nanoTime() - lastPieceNanos);
            if (left > 0) {
                scheduleIdleCheck(left);
                return;
            }
            fail(new RouterException(ErrorType.TIMEOUT, 504, "The provider sent nothing for "
                    + DurationText.of(reply.idleTimeout()) + " (the provider's timeouts.idle)", null, null),
                    FailureKind.TIMEOUT);
        }, delayNanos, TimeUnit.NANOSECONDS);
    }

    private void fail(Throwable failure, FailureKind kind) {
        if (!end()) {
            return;
        }
        cancelUpstream();
        RouterException error = ErrorMapper.toClientError(failure);
        if (!headSent) {
            headSent = true;
            HttpReplies.full(channel, error.status(), "application/json", extraHeaders, ErrorEnvelope.json(error),
                    keepAlive, false);
            record.end(error.status(), kind);
            return;
        }
        if (reply.sse()) {
            channel.write(new DefaultHttpContent(Unpooled.wrappedBuffer(
                    ErrorEnvelope.sseEvent(error.type().wireName(), error.getMessage()))));
        }
        // the provider's stream broke, not ours: the chunked body still ends properly, so the client's connection
        // stays usable (closing it here would race with a client that already reuses it from its pool)
        var done = channel.writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT);
        if (!keepAlive) {
            done.addListener(ChannelFutureListener.CLOSE);
        }
        record.end(reply.status(), kind);
    }

    private void clientGone() {
        if (end()) {
            cancelUpstream();
            record.end(499, FailureKind.STREAM_BROKEN);
        }
    }

    /** Marks the relay ended; true for the one caller that ended it. */
    private boolean end() {
        if (!ended.compareAndSet(false, true)) {
            return false;
        }
        for (ScheduledFuture<?> timer : new ScheduledFuture<?>[]{idleTimer, totalTimer}) {
            if (timer != null) {
                timer.cancel(false);
            }
        }
        channel.closeFuture().removeListener(onClientGone);
        if (bodyCapture != null) {
            bodyCapture.log(reply.status());
        }
        return true;
    }

    private void cancelUpstream() {
        Flow.Subscription s = subscription;
        if (s != null) {
            s.cancel();
        }
    }
}
