package dev.ccr.admin;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ccr.json.Json;
import dev.ccr.error.Redactor;
import dev.ccr.model.Target;
import dev.ccr.provider.ProviderSettings;
import dev.ccr.provider.ProviderUrl;
import dev.ccr.router.ProviderStatus;
import dev.ccr.router.ProviderStatusBoard;
import dev.ccr.router.Unavailability;
import org.apache.camel.Exchange;


/**
 * The body of {@code GET /admin/routing} (and of a successful PUT): each provider's settings and live status, the
 * category routes, and the run-time model map. Built from the secret-free {@link ProviderSettings} only: no key,
 * token or credential reaches the page.
 */
final class RoutingView {
    private final ProviderStatusBoard board;
    private final RoutingTable table;
    private final RoutingEditor editor;
    private final ProviderTraffic traffic;

    RoutingView(ProviderStatusBoard board, RoutingTable table, RoutingEditor editor, ProviderTraffic traffic) {
        this.board = board;
        this.table = table;
        this.editor = editor;
        this.traffic = traffic;
    }

    void writeTo(Exchange exchange) {
        exchange.getIn().setBody(Json.bytes(build()));
        exchange.getIn().setHeader(Exchange.CONTENT_TYPE, "application/json");
        exchange.getIn().setHeader(Exchange.HTTP_RESPONSE_CODE, 200);
    }

    ObjectNode build() {
        RoutingOverrides overrides = editor.current();
        ObjectNode root = Json.MAPPER.createObjectNode();
        ArrayNode providers = root.putArray("providers");
        for (ProviderStatus status : board.all()) {
            provider(providers.addObject(), status, overrides);
        }
        ArrayNode routes = root.putArray("routes");
        for (RoutingTable.CategoryRoute route : table.routes()) {
            ObjectNode node = routes.addObject();
            node.put("category", route.category());
            node.put("routeId", route.routeId());
            node.put("strategy", route.strategy());
            ArrayNode targets = node.putArray("targets");
            for (Target target : route.targets()) {
                targets.addObject().put("provider", target.provider()).put("model", target.model());
            }
        }
        ObjectNode modelMap = root.putObject("modelMap");
        overrides.modelMap().forEach((model, target) -> modelMap.put(model, target.provider() + "," + target.model()));
        return root;
    }

    private void provider(ObjectNode node, ProviderStatus status, RoutingOverrides overrides) {
        ProviderSettings settings = status.settings();
        node.put("name", status.name());
        node.put("protocol", settings.protocol());
        // a base URL may carry credentials (user:password@host, ?key=…): the panel only needs where it points
        node.put("baseUrl", ProviderUrl.shown(settings.baseUrl()));
        settings.models().forEach(node.putArray("models")::add);
        node.put("priority", status.priority());
        node.put("weight", status.weight());
        node.put("enabled", status.enabled());
        ObjectNode configured = node.putObject("configured");
        ArrayNode overridden = node.putArray("overridden");
        for (ProviderField field : ProviderField.values()) {
            configured.set(field.jsonName(), Json.MAPPER.valueToTree(field.configured(settings)));
            if (overrides.value(status.name(), field) != null) {
                overridden.add(field.jsonName());
            }
        }
        Unavailability why = status.unavailable();
        node.put("status", status.availability());
        node.put("reason", why == null ? null : why.reason());
        node.put("breaker", status.breaker().getState().name());
        node.put("inFlight", status.inFlight());
        node.put("firstByteMillis", status.firstByteMillisRounded());
        node.put("healthCheck", status.healthy() == null ? null : status.healthy() ? "passing" : "failing");
        node.put("lastError", Redactor.redact(status.lastError()));
        node.put("lastErrorAt", status.lastErrorAt() == null ? null : status.lastErrorAt().toString());
        ProviderTraffic.Totals totals = traffic.totals(status.name());
        node.put("calls", totals.calls());
        node.put("errors", totals.errors());
        node.put("latencyMillisTotal", totals.latencyMillis());
    }
}
