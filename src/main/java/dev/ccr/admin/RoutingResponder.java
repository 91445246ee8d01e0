package dev.ccr.admin;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/** {@code GET /admin/routing}: providers with live status, category routes, model map. */
final class RoutingResponder implements Processor {
    private final RoutingView view;

    RoutingResponder(RoutingView view) {
        this.view = view;
    }

    @Override
    public void process(Exchange exchange) {
        view.writeTo(exchange);
    }
}
