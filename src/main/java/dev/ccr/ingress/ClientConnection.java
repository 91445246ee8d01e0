package dev.ccr.ingress;

import dev.ccr.model.ExchangeKeys;
import dev.ccr.request.RequestRecord;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpUtil;
import org.apache.camel.Exchange;
import org.apache.camel.component.netty.http.NettyHttpMessage;

import java.util.LinkedHashMap;
import java.util.Map;

/** What the ingress knows about the client connection of an exchange: its channel and whether to keep it open. */
record ClientConnection(Channel channel, boolean keepAlive, boolean head) {

    static ClientConnection of(Exchange exchange) {
        ChannelHandlerContext ctx = exchange.getIn().getHeader(ExchangeKeys.CHANNEL, ChannelHandlerContext.class);
        if (ctx == null) {
            throw new IllegalStateException("No client channel on the exchange: the ingress must be netty-http");
        }
        NettyHttpMessage message = exchange.getIn(NettyHttpMessage.class);
        HttpRequest request = message != null ? message.getHttpRequest() : null;
        boolean keepAlive = request == null || HttpUtil.isKeepAlive(request);
        boolean head = request != null && "HEAD".equals(request.method().name());
        return new ClientConnection(ctx.channel(), keepAlive, head);
    }

    /** The routing decision, for the client to see where its request went. */
    static Map<String, String> decisionHeaders(Exchange exchange) {
        return decisionHeaders(exchange.getProperty(ExchangeKeys.RECORD, RequestRecord.class));
    }

    static Map<String, String> decisionHeaders(RequestRecord record) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (record != null) {
            headers.put("x-ccr-category", HeaderText.printable(record.category()));
            if (record.provider() != null) {
                headers.put("x-ccr-provider", HeaderText.printable(record.provider()));
                headers.put("x-ccr-model", HeaderText.printable(record.model()));
            }
        }
        return headers;
    }
}
