package dev.ccr.ingress;

import dev.ccr.error.ErrorEnvelope;
import dev.ccr.error.ErrorMapper;
import dev.ccr.error.ErrorType;
import dev.ccr.error.RouterException;
import dev.ccr.model.ExchangeKeys;
import dev.ccr.provider.FailureKind;
import dev.ccr.provider.ProviderException;
import dev.ccr.provider.RetryAfter;
import dev.ccr.request.RequestRecord;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

import java.util.Map;

/**
 * Answers a failed request in Anthropic's error envelope, with the status and {@code retry-after} the client's retry
 * logic expects. Used by the ingress routes' error handling and by the request deadline; never writes a stack trace
 * or a secret.
 */
public final class ClientErrorWriter implements Processor {

    @Override
    public void process(Exchange exchange) {
        if (!ClientAnswer.routeMayAnswer(exchange)) {
            return; // the deadline answered already
        }
        Throwable failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        if (failure == null) {
            failure = exchange.getException();
        }
        write(ClientConnection.of(exchange), exchange.getProperty(ExchangeKeys.RECORD, RequestRecord.class),
                ErrorMapper.toClientError(failure));
    }

    static void write(ClientConnection client, RequestRecord record, RouterException error) {
        Map<String, String> headers = ClientConnection.decisionHeaders(record);
        error.retryAfter().ifPresent(wait -> headers.put("retry-after", RetryAfter.headerValue(wait)));
        if (error.clientMayRetry()) {
            headers.put("x-should-retry", "true");
        } else if (error.status() >= 500) {
            headers.put("x-should-retry", "false");
        }
        // a client that sent a body we did not read (e.g. too large) cannot reuse the connection safely
        boolean keepAlive = client.keepAlive() && error.status() != 413;
        HttpReplies.full(client.channel(), error.status(), "application/json", headers, ErrorEnvelope.json(error),
                keepAlive, client.head());
        if (record != null) {
            record.end(error.status(), error instanceof ProviderException pe ? pe.kind()
                    : error.type() == ErrorType.TIMEOUT ? FailureKind.TIMEOUT
                    : error.status() >= 500 ? FailureKind.UNAVAILABLE : null);
        }
    }
}
