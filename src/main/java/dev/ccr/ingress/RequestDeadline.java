package dev.ccr.ingress;

import dev.ccr.error.ErrorType;
import dev.ccr.error.RouterException;
import dev.ccr.model.ExchangeKeys;
import dev.ccr.request.RequestRecord;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The safety net behind every provider timeout: a request whose answer has not started within
 * {@code ccr.request-deadline} of its acceptance gets 504 {@code timeout_error} and is counted, wherever it waits
 * (a provider, a balancer, a pool). Whatever the route produces after that is dropped ({@link ClientAnswer}).
 */
public final class RequestDeadline implements Processor {
    private final Duration deadline;

    public RequestDeadline(Duration deadline) {
        this.deadline = deadline;
    }

    @Override
    public void process(Exchange exchange) {
        ClientConnection client = ClientConnection.of(exchange);
        RequestRecord record = exchange.getProperty(ExchangeKeys.RECORD, RequestRecord.class);
        ClientAnswer answer = new ClientAnswer();
        exchange.setProperty(ExchangeKeys.ANSWER, answer);
        answer.deadline(client.channel().eventLoop().schedule(() -> {
            if (answer.claimForDeadline()) {
                ClientErrorWriter.write(client, record, new RouterException(ErrorType.TIMEOUT, 504,
                        "The router could not start an answer within " + deadline.toSeconds()
                                + " s (ccr.request-deadline)", null, null));
            }
        }, deadline.toMillis(), TimeUnit.MILLISECONDS));
    }
}
