package dev.ccr.ingress;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ccr.json.Json;
import dev.ccr.catalog.ModelCatalog;
import dev.ccr.provider.ProviderClient;
import dev.ccr.provider.ProviderRegistry;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * Answers {@code GET /v1/models} in Anthropic's list shape: each model a ready provider lists, as
 * {@code provider,model} (the form Claude Code's --model takes), plus the provider's own name for display, and what
 * the model catalog knows of it (context window, output limit, reasoning, images, tools, caching, prices, source).
 */
public final class ModelsResponder implements Processor {
    private final ProviderRegistry providers;
    private final ModelCatalog catalog;

    public ModelsResponder(ProviderRegistry providers, ModelCatalog catalog) {
        this.providers = providers;
        this.catalog = catalog;
    }

    @Override
    public void process(Exchange exchange) {
        ObjectNode root = Json.MAPPER.createObjectNode();
        ArrayNode data = root.putArray("data");
        for (ProviderClient provider : providers.all()) {
            if (provider.missingReason() != null) {
                continue;
            }
            for (String model : provider.settings().models()) {
                ObjectNode entry = data.addObject();
                entry.put("type", "model");
                entry.put("id", provider.settings().name() + "," + model);
                entry.put("display_name", model + " (" + provider.settings().name() + ")");
                entry.put("created_at", "1970-01-01T00:00:00Z");
                catalog.lookup(provider.settings().name(), model).writeTo(entry);
            }
        }
        root.put("has_more", false);
        root.put("first_id", data.isEmpty() ? null : data.get(0).get("id").asText());
        root.put("last_id", data.isEmpty() ? null : data.get(data.size() - 1).get("id").asText());
        exchange.getIn().setBody(Json.bytes(root));
        exchange.getIn().setHeader(Exchange.CONTENT_TYPE, "application/json");
    }
}
