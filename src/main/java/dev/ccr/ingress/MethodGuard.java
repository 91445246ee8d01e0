package dev.ccr.ingress;

import dev.ccr.error.ErrorType;
import dev.ccr.error.RouterException;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/** Refuses any HTTP method but the one an endpoint serves, with 405 in Anthropic's envelope. */
public final class MethodGuard implements Processor {
    private final String method;

    public MethodGuard(String method) {
        this.method = method;
    }

    @Override
    public void process(Exchange exchange) {
        String actual = exchange.getIn().getHeader(Exchange.HTTP_METHOD, String.class);
        if (!method.equals(actual) && !("GET".equals(method) && "HEAD".equals(actual))) {
            throw new RouterException(ErrorType.METHOD_NOT_ALLOWED, "Method not allowed: use " + method);
        }
    }
}
