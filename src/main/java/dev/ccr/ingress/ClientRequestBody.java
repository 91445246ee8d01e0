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
        NettyHttpMessage message = exchange.getIn(NettyHttpMessage.class);
        ByteBuf content = message != null && message.getHttpRequest() != null ? message.getHttpRequest().content() : null;
        if (content != null && content.hasArray() && content.arrayOffset() == 0 && content.readerIndex() == 0
                && content.readableBytes() == content.array().length) {
            return content.array();
        }
        return exchange.getIn().getBody(byte[].class);
    }
}
