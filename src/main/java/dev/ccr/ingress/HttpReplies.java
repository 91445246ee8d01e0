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

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;

/** Writes HTTP responses straight to the client's Netty channel (the ingress routes run with sync=false). */
public final class HttpReplies {
    private static final Logger LOG = LoggerFactory.getLogger(HttpReplies.class);
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
        copyHeaders(response, headers);
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
        copyHeaders(response, headers);
        BrowserSafetyHeaders.applyTo(response.headers());
        setConnection(response, keepAlive);
        return response;
    }

    /**
     * Netty refuses a header whose name or value could break the response (CR, LF, other control characters) by
     * throwing; such a header is left out, so the client still gets its answer instead of a connection that hangs.
     */
    private static void copyHeaders(HttpResponse response, Map<String, String> headers) {
        headers.forEach((name, value) -> {
            try {
                response.headers().set(name, value);
            } catch (IllegalArgumentException e) {
                LOG.warn("Left out response header '{}': its name or value holds a character HTTP forbids",
                        HeaderText.printable(name));
            }
        });
    }

    private static void setConnection(HttpResponse response, boolean keepAlive) {
        if (!keepAlive) {
            response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        }
    }
}
