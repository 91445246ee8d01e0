package dev.ccr.ingress;

import io.netty.buffer.ByteBuf;
import org.apache.camel.Exchange;
import org.apache.camel.component.netty.http.NettyHttpMessage;

/**
 * A client request's body as bytes. The ingress pipeline left it in one heap array (see
 * {@code dev.ccr.ingress.netty.RequestBodyOnHeap}): that array is used as it is, where Camel's conversion would copy
 * it (and, for a 20 MiB body, grow a buffer to twice that on the way).
 */
final class ClientRequestBody {
    private ClientRequestBody() {
    }

    static byte[] bytes(Exchange exchange) {
        ByteBuf content = wholeArrayContent(exchange);
        return content != null ? content.array() : exchange.getIn().getBody(byte[].class);
    }

    /**
     * Lets go of the body's bytes once they are parsed. Camel keeps the Netty request (and its buffer) until the
     * exchange completes, which for a request waiting on its provider is the whole wait; shrinking the buffer to
     * nothing replaces its array, so the parsed JSON is the request's only copy. The buffer itself stays valid for
     * Camel to release as usual.
     */
    static void forget(Exchange exchange) {
        ByteBuf content = wholeArrayContent(exchange);
        if (content != null) {
            content.clear().capacity(0);
        }
    }

    private static ByteBuf wholeArrayContent(Exchange exchange) {
        NettyHttpMessage message = exchange.getIn(NettyHttpMessage.class);
        ByteBuf content = message != null && message.getHttpRequest() != null ? message.getHttpRequest().content() : null;
        if (content != null && content.refCnt() > 0 && content.hasArray() && content.arrayOffset() == 0
                && content.readerIndex() == 0 && content.readableBytes() == content.array().length
                && content.readableBytes() > 0) {
            return content;
        }
        return null;
    }
}
