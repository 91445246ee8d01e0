package dev.ccr.ingress.netty;

import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.FullHttpRequest;

/**
 * Moves a whole request's body out of Netty's pooled direct buffers into one heap array, at once. Camel would keep
 * the pooled buffers until the exchange completes (a streamed answer's head, a non-streamed answer's end), so each
 * large request in flight held its body twice: in direct memory and as the bytes the router works with. Now the
 * array is the only copy, and the router reads it without copying again ({@code ClientRequestBody}).
 */
@ChannelHandler.Sharable
final class RequestBodyOnHeap extends ChannelInboundHandlerAdapter {
    static final String NAME = "ingress-request-body-on-heap";
    static final RequestBodyOnHeap INSTANCE = new RequestBodyOnHeap();

    private RequestBodyOnHeap() {
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
        if (msg instanceof FullHttpRequest request && request.content().isReadable() && !request.content().hasArray()) {
            FullHttpRequest onHeap = request.replace(Unpooled.wrappedBuffer(ByteBufUtil.getBytes(request.content())));
            request.release();
            super.channelRead(ctx, onHeap);
            return;
        }
        super.channelRead(ctx, msg);
    }
}
