package dev.ccr.ingress;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;

import java.util.Map;

/** Writes HTTP responses straight to the client's Netty channel (the ingress routes run with sync=false). */
public final class HttpReplies {
    private HttpReplies() {
    }

    /** A whole response with a body; closes the connection afterwards unless it is kept alive. */
    public static ChannelFuture full(Channel channel, int status, String contentType, Map<String, String> headers,
                                     byte[] body, boolean keepAlive, boolean headOnly) {
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.valueOf(status),
                headOnly ? Unpooled.EMPTY_BUFFER : Unpooled.wrappedBuffer(body));
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, contentType);
        HttpUtil.setContentLength(response, body.length);
        // answers describe providers, conversations or the panel: no browser or proxy keeps a copy
        response.headers().set(HttpHeaderNames.CACHE_CONTROL, HttpHeaderValues.NO_STORE);
        headers.forEach((k, v) -> response.headers().set(k, v));
        BrowserSafetyHeaders.applyTo(response.headers());
        setConnection(response, keepAlive);
        ChannelFuture future = channel.writeAndFlush(response);
        if (!keepAlive) {
            future.addListener(ChannelFutureListener.CLOSE);
        }
        return future;
    }

    /** The head of a chunked response whose body follows piece by piece. */
    public static HttpResponse chunkedHead(int status, String contentType, Map<String, String> headers,
                                           boolean keepAlive) {
        HttpResponse response = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.valueOf(status));
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, contentType);
        response.headers().set(HttpHeaderNames.CACHE_CONTROL, "no-cache");
        HttpUtil.setTransferEncodingChunked(response, true);
        headers.forEach((k, v) -> response.headers().set(k, v));
        BrowserSafetyHeaders.applyTo(response.headers());
        setConnection(response, keepAlive);
        return response;
    }

    private static void setConnection(HttpResponse response, boolean keepAlive) {
        if (!keepAlive) {
            response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        }
    }
}
