package dev.ccr.router.classify;

import dev.ccr.model.ExchangeKeys;
import dev.ccr.model.MessagesRequest;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * Puts the facts a rule written in YAML most often needs on the exchange once per request, as plain properties a
 * {@code simple} predicate reads without reflection: the model the client asked for ({@code ccrModel}) and Claude
 * Code's session id ({@code ccrSessionId}, absent when the client sent none). Headers are there already
 * ({@code ${header.X-Claude-Code-Session-Id}}).
 */
public final class RequestFacts implements Processor {

    @Override
    public void process(Exchange exchange) {
        MessagesRequest request = exchange.getProperty(ExchangeKeys.REQUEST, MessagesRequest.class);
        exchange.setProperty(ExchangeKeys.MODEL, request.model());
        if (request.sessionId() != null) {
            exchange.setProperty(ExchangeKeys.SESSION_ID, request.sessionId());
        }
    }
}
