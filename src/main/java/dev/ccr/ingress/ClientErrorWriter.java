package dev.ccr.ingress;

import dev.ccr.error.ErrorEnvelope;
import dev.ccr.error.ErrorMapper;
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
 * logic expects. Used by the ingress routes' error handling; never writes a stack trace or a secret.
 */
public final class ClientErrorWriter implements Processor {

    @Override
    public void process(Exchange exchange) {
        Throwable failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        if (failure == null) {
            failure = exchange.getException();
        }
        RouterException error = ErrorMapper.toClientError(failure);
        ClientConnection client = ClientConnection.of(exchange);
        Map<String, String> headers = ClientConnection.decisionHeaders(exchange);
        error.retryAfter().ifPresent(wait -> headers.put("retry-after", RetryAfter.headerValue(wait)));
        if (error.status() >= 500 || error.status() == 429) {
            headers.put("x-should-retry", "true");
        }
        // a client that sent a body we did not read (e.g. too large) cannot reuse the connection safely
        boolean keepAlive = client.keepAlive() && error.status() != 413;
        HttpReplies.full(client.channel(), error.status(), "application/json", headers, ErrorEnvelope.json(error),
                keepAlive, client.head());
        RequestRecord record = exchange.getProperty(ExchangeKeys.RECORD, RequestRecord.class);
        if (record != null) {
            record.end(error.status(), error instanceof ProviderException pe ? pe.kind()
                    : error.status() >= 500 ? FailureKind.UNAVAILABLE : null);
        }
    }
}
