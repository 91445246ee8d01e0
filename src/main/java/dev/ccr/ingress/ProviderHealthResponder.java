package dev.ccr.ingress;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ccr.json.Json;
import dev.ccr.error.Redactor;
import dev.ccr.provider.UnsupportedParameters;
import dev.ccr.router.ProviderStatus;
import dev.ccr.router.ProviderStatusBoard;
import dev.ccr.router.Unavailability;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

import java.util.function.Consumer;

/**
 * {@code GET /health/providers}: each provider's status (up, down, disabled, not configured), breaker state, calls in
 * flight, last error (secrets removed) and time of last success. Answers 200 while at least one provider is up.
 */
public final class ProviderHealthResponder implements Processor {
    private final ProviderStatusBoard board;
    private final UnsupportedParameters unsupported;
    private final Consumer<ObjectNode> sharedState;

    /** @param sharedState adds how the instance shares its state (Redis reachable or not) to the answer */
    public ProviderHealthResponder(ProviderStatusBoard board, UnsupportedParameters unsupported,
                                   Consumer<ObjectNode> sharedState) {
        this.board = board;
        this.unsupported = unsupported;
        this.sharedState = sharedState;
    }

    @Override
    public void process(Exchange exchange) {
        ObjectNode root = Json.MAPPER.createObjectNode();
        ArrayNode list = root.putArray("providers");
        boolean anyUp = false;
        for (ProviderStatus status : board.all()) {
            Unavailability why = status.unavailable();
            anyUp |= why == null;
            ObjectNode p = list.addObject();
            p.put("name", status.name());
            p.put("protocol", status.settings().protocol());
            p.put("status", status.availability());
            if (why != null) {
                p.put("reason", Redactor.redact(why.reason()));
            }
            p.put("breaker", status.breaker().getState().name());
            p.put("inFlight", status.inFlight());
            String countedBy = status.concurrencyCountedBy();
            if (countedBy != null) {
                ObjectNode concurrency = p.putObject("concurrencyLimit");
                concurrency.put("max", status.settings().limits().maxConcurrentRequests());
                // with Redis, the limit holds for all instances together, and for each alone while Redis is away
                concurrency.put("countedBy", countedBy);
            }
            if (status.healthy() != null) {
                p.put("healthCheck", status.healthy() ? "passing" : "failing");
            }
            // redacted again on the way out: a secret registered after the error (a rotated token) is masked too
            p.put("lastError", Redactor.redact(status.lastError()));
            p.put("lastErrorAt", status.lastErrorAt() == null ? null : status.lastErrorAt().toString());
            p.put("lastSuccessAt", status.lastSuccessAt() == null ? null : status.lastSuccessAt().toString());
            // fields the provider refused for a model, left out of its calls since (unsupported-parameter recovery)
            unsupported.of(status.name()).forEach((model, fields) -> {
                ArrayNode refused = p.with("unsupportedParameters").putArray(model);
                fields.forEach(refused::add);
            });
        }
        root.put("status", anyUp ? "up" : "down");
        sharedState.accept(root);
        exchange.getIn().setBody(Json.bytes(root));
        exchange.getIn().setHeader(Exchange.CONTENT_TYPE, "application/json");
        exchange.getIn().setHeader(Exchange.HTTP_RESPONSE_CODE, anyUp ? 200 : 503);
    }
}
