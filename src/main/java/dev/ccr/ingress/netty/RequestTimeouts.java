package dev.ccr.ingress.netty;

import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.concurrent.ScheduledFuture;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The two ingress timeouts of one connection, which must never cut an answer under way:
 * <ul>
 *   <li>receiving: from the first byte of a request to its last, at most the read timeout (a client trickling its
 *   headers or body gets 408 and is closed);</li>
 *   <li>idle: between requests (after an answer's last byte was handed to the socket, or since the connection
 *   opened), at most the idle timeout, then the connection is closed quietly, as HTTP servers do.</li>
 * </ul>
 * While a request is answered (the whole request read, its answer not ended) no timer runs: a 60 s stream to a
 * client that sends nothing is not idle. Requests and answers are counted rather than tracked as one state, so an
 * answer written before the request ended (Netty's 413 while the body still arrives) does not leave it "busy".
 * All methods run on the channel's event loop.
 */
final class RequestTimeouts extends ChannelDuplexHandler {
    /** Put before the HTTP decoder: raw bytes tell that a request has started long before its head is decoded. */
    static final String FIRST_BYTES = "ingress-request-started";
    static final String NAME = "ingress-timeouts";

    private final Duration readTimeout;
    private final Duration idleTimeout;
    private long requestsRead;
    private long answersEnded;
    private boolean receiving;
    private ScheduledFuture<?> timer;

    RequestTimeouts(Duration readTimeout, Duration idleTimeout) {
        this.readTimeout = readTimeout;
        this.idleTimeout = idleTimeout;
    }

    /** Called from the raw-bytes side for every read. */
    void bytesArrived(ChannelHandlerContext ctx) {
        if (!receiving && requestsRead == answersEnded) {
            receiving = true;
            schedule(ctx, readTimeout, () -> {
                ctx.writeAndFlush(EnvelopeReply.of(408, "timeout_error",
                        "The request was not received within " + readTimeout.toSeconds() + " s", false))
                        .addListener(ChannelFutureListener.CLOSE);
            });
        }
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
        becomeIdle(ctx);
        super.channelActive(ctx);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
        if (msg instanceof LastHttpContent) {
            requestsRead++;
            receiving = false;
            updateTimer(ctx);
        }
        super.channelRead(ctx, msg);
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) throws Exception {
        if (msg instanceof LastHttpContent) {
            answersEnded++;
            updateTimer(ctx);
        }
        super.write(ctx, msg, promise);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        cancel();
        super.channelInactive(ctx);
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        cancel();
    }

    private void updateTimer(ChannelHandlerContext ctx) {
        if (requestsRead > answersEnded) {
            cancel(); // answering: never time out an answer under way
        } else if (!receiving) {
            becomeIdle(ctx);
        }
    }

    private void becomeIdle(ChannelHandlerContext ctx) {
        schedule(ctx, idleTimeout, ctx::close);
    }

    private void schedule(ChannelHandlerContext ctx, Duration after, Runnable action) {
        cancel();
        timer = ctx.executor().schedule(action, after.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void cancel() {
        if (timer != null) {
            timer.cancel(false);
            timer = null;
        }
    }
}
