package dev.ccr.ingress.netty;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;

/**
 * Sits before the HTTP decoder and tells the connection's {@link RequestTimeouts} that bytes arrived: a client
 * trickling its headers produces no decoded message at all, so the read timeout must start from raw bytes.
 */
final class RequestStartSignal extends ChannelInboundHandlerAdapter {
    private final RequestTimeouts timeouts;

    RequestStartSignal(RequestTimeouts timeouts) {
        this.timeouts = timeouts;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
        ChannelHandlerContext timeoutsContext = ctx.pipeline().context(timeouts);
        if (timeoutsContext != null) {
            timeouts.bytesArrived(timeoutsContext);
        }
        super.channelRead(ctx, msg);
    }
}
