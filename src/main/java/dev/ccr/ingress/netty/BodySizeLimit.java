package dev.ccr.ingress.netty;

import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.FullHttpMessage;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;

/**
 * Netty's request aggregator with the router's body limit, answering an oversized request in Anthropic's envelope
 * (Netty's own 413 has an empty body). As Netty does, a kept-alive connection is answered at once and the rest of the
 * oversized body is read and dropped, so the client gets the 413 instead of a reset while it is still sending.
 */
final class BodySizeLimit extends HttpObjectAggregator {
    private final int maxBodyBytes;

    BodySizeLimit(int maxBodyBytes) {
        super(maxBodyBytes);
        this.maxBodyBytes = maxBodyBytes;
    }

    @Override
    protected Object newContinueResponse(HttpMessage start, int maxContentLength, ChannelPipeline pipeline) {
        Object answer = super.newContinueResponse(start, maxContentLength, pipeline);
        if (answer instanceof FullHttpResponse response
                && response.status().code() == HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE.code()) {
            // Expect: 100-continue with a too large Content-Length: refuse before the client sends the body
            response.release();
            return tooLarge(!closeAfterContinueResponse(answer));
        }
        return answer;
    }

    @Override
    protected void handleOversizedMessage(ChannelHandlerContext ctx, HttpMessage oversized) {
        boolean keepAlive = HttpUtil.isKeepAlive(oversized) && !(oversized instanceof FullHttpMessage);
        ctx.writeAndFlush(tooLarge(keepAlive)).addListener(keepAlive
                ? ChannelFutureListener.CLOSE_ON_FAILURE : ChannelFutureListener.CLOSE);
    }

    private FullHttpResponse tooLarge(boolean keepAlive) {
        return EnvelopeReply.of(413, "request_too_large",
                "Request exceeds the maximum allowed size of " + maxBodyBytes + " bytes", keepAlive);
    }
}
