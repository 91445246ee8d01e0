package dev.ccr.admin;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * {@code PUT /admin/routing}: applies a JSON change such as
 * {@code {"providers":{"primary":{"priority":2,"weight":70,"enabled":false}},"modelMap":{"old-model":null}}} and
 * answers with the routing as it now is. An invalid change is refused whole with 400, naming each bad field.
 */
final class RoutingUpdater implements Processor {
    private final RoutingEditor editor;
    private final RoutingView view;

    RoutingUpdater(RoutingEditor editor, RoutingView view) {
        this.editor = editor;
        this.view = view;
    }

    @Override
    public void process(Exchange exchange) {
        editor.apply(AdminBody.read(exchange));
        view.writeTo(exchange);
    }
}
