package dev.ccr.admin;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ccr.json.Json;
import dev.ccr.error.ErrorType;
import dev.ccr.error.RouterException;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

import java.io.IOException;

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
        byte[] body = exchange.getIn().getBody(byte[].class);
        JsonNode change;
        try {
            change = Json.parse(body == null ? new byte[0] : body);
        } catch (IOException e) {
            throw new RouterException(ErrorType.INVALID_REQUEST, "body: not valid JSON");
        }
        editor.apply(change);
        view.writeTo(exchange);
    }
}
