package dev.ccr.ingress;

import dev.ccr.model.ClientReply;
import dev.ccr.model.ExchangeKeys;
import dev.ccr.request.RequestListener;
import dev.ccr.stream.Discard;
import dev.ccr.request.RequestRecord;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

import java.nio.charset.StandardCharsets;

/**
 * The last step of every ingress route: writes the exchange's answer to the client. A {@link ClientReply} (a provider's
 * answer) is relayed as it streams; anything else is written whole, with the status in {@code CamelHttpResponseCode}
 * and the type in {@code Content-Type}.
 */
public final class ClientResponseWriter implements Processor {
    private final BodyLog bodyLog;

    public ClientResponseWriter(BodyLog bodyLog) {
        this.bodyLog = bodyLog;
    }

    @Override
    public void process(Exchange exchange) {
        Object body = exchange.getIn().getBody();
        if (!ClientAnswer.routeMayAnswer(exchange)) {
            // the deadline answered already: the provider's late answer is not read, its connection released
            if (body instanceof ClientReply reply) {
                Discard.body(reply.body());
            }
            return;
        }
        ClientConnection client = ClientConnection.of(exchange);
        RequestRecord record = exchange.getProperty(ExchangeKeys.RECORD, RequestRecord.class);
        if (record == null) {
            record = new RequestRecord(RequestListener.NONE);
        }
        if (body instanceof ClientReply reply) {
            new StreamRelay(client.channel(), reply, ClientConnection.decisionHeaders(exchange), client.keepAlive(),
                    record, bodyLog.response(exchange.getExchangeId())).start();
            return;
        }
        int status = exchange.getIn().getHeader(Exchange.HTTP_RESPONSE_CODE, 200, Integer.class);
        String contentType = exchange.getIn().getHeader(Exchange.CONTENT_TYPE, "application/json", String.class);
        byte[] bytes = body == null ? new byte[0]
                : body instanceof byte[] b ? b
                : exchange.getIn().getBody(String.class).getBytes(StandardCharsets.UTF_8);
        HttpReplies.full(client.channel(), status, contentType, ClientConnection.decisionHeaders(exchange), bytes,
                client.keepAlive(), client.head());
        record.end(status, null);
    }
}
