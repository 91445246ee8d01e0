package dev.ccr.ingress.netty;

import dev.ccr.error.ErrorEnvelope;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;

/**
 * An error answered by the connection handlers themselves, before any route sees the request: Anthropic's envelope,
 * so clients and SDKs parse it like every other error of the router.
 */
final class EnvelopeReply {
    private EnvelopeReply() {
    }

    static FullHttpResponse of(int status, String errorType, String message, boolean keepAlive) {
        byte[] body = ErrorEnvelope.json(errorType, message);
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.valueOf(status),
                Unpooled.wrappedBuffer(body));
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, "application/json");
        HttpUtil.setContentLength(response, body.length);
        if (!keepAlive) {
            response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        }
        return response;
    }
}
