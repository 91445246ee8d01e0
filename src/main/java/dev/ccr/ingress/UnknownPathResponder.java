package dev.ccr.ingress;

import dev.ccr.error.ErrorType;
import dev.ccr.error.RouterException;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/** A path no route serves: 404 not_found_error naming it. */
public final class UnknownPathResponder implements Processor {
    @Override
    public void process(Exchange exchange) {
        String path = exchange.getIn().getHeader(Exchange.HTTP_URI, "", String.class);
        int query = path.indexOf('?');
        throw new RouterException(ErrorType.NOT_FOUND,
                "Not found: " + (query >= 0 ? path.substring(0, query) : path));
    }
}
