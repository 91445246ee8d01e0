package dev.ccr.ingress.netty;

import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.util.AttributeKey;
import io.netty.util.ReferenceCountUtil;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Caps the client connections open on the port. A connection over the cap is not served: its first request is
 * answered 503 {@code overloaded_error} (with {@code retry-after}) and the connection closed, so the client learns why
 * instead of seeing a bare reset. Refused connections are not counted; the read timeout bounds how long they stay.
 */
@ChannelHandler.Sharable
final class ConnectionCap extends ChannelInboundHandlerAdapter {
    static final String NAME = "ingress-connection-cap";
    private static final AttributeKey<Boolean> OVER_CAP = AttributeKey.valueOf("ccr.overCap");

    private final int maxConnections;
    private final AtomicInteger open = new AtomicInteger();

    ConnectionCap(int maxConnections) {
        this.maxConnections = maxConnections;
    }

    int open() {
        return open.get();
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
        if (open.incrementAndGet() > maxConnections) {
            open.decrementAndGet();
            ctx.channel().attr(OVER_CAP).set(true);
        }
        super.channelActive(ctx);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        if (ctx.channel().attr(OVER_CAP).get() == null) {
            open.decrementAndGet();
        }
        super.channelInactive(ctx);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
        if (ctx.channel().attr(OVER_CAP).get() == null) {
            super.channelRead(ctx, msg);
            return;
        }
        ReferenceCountUtil.release(msg);
        if (msg instanceof HttpRequest) {
            var refusal = EnvelopeReply.of(503, "overloaded_error", "The router has " + maxConnections
                    + " connections open, its limit (ccr.ingress.max-connections): retry shortly", false);
            refusal.headers().set("retry-after", "1");
            refusal.headers().set("x-should-retry", "true");
            ctx.writeAndFlush(refusal).addListener(ChannelFutureListener.CLOSE);
        }
    }
}
