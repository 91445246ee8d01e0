package dev.ccr.ingress.netty;

import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.util.ReferenceCountUtil;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * Refuses a request whose target is not a valid URI (a bad percent escape such as {@code ?x=%zz}, a stray {@code %}, a
 * character URIs do not allow) with 400 {@code invalid_request_error}. camel-netty-http parses the target with
 * {@code new URI(…)} before any route runs and, when that fails, leaves the client without an answer; this check runs
 * the same parse first. The request was read whole, so the connection serves on.
 */
@ChannelHandler.Sharable
final class RequestTargetCheck extends ChannelInboundHandlerAdapter {
    static final String NAME = "ingress-request-target-check";
    static final RequestTargetCheck INSTANCE = new RequestTargetCheck();

    private RequestTargetCheck() {
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
        if (msg instanceof HttpRequest request && !isValidUri(request.uri())) {
            boolean keepAlive = HttpUtil.isKeepAlive(request);
            ReferenceCountUtil.release(msg);
            // the target is not echoed: it is the client's own text and may carry a secret in its query
            ctx.writeAndFlush(EnvelopeReply.of(400, "invalid_request_error",
                            "The request target is not a valid URI (check its percent-escapes)", keepAlive))
                    .addListener(keepAlive ? ChannelFutureListener.CLOSE_ON_FAILURE : ChannelFutureListener.CLOSE);
            return;
        }
        super.channelRead(ctx, msg);
    }

    private static boolean isValidUri(String target) {
        try {
            new URI(target);
            return true;
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
