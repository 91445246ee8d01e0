package dev.ccr.keys;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ccr.json.Json;

import java.math.BigDecimal;

/**
 * What one per-user key may use; 0 (or null spend) means no limit of that kind.
 *
 * @param requestsPerMinute Messages requests per minute
 * @param tokensPerDay      input, output and cache tokens per day, as the client was told
 * @param spendPerMonth     US dollars per month (30 days), counted where the model's price is known
 */
public record KeyLimits(long requestsPerMinute, long tokensPerDay, BigDecimal spendPerMonth) {
    public static final KeyLimits NONE = new KeyLimits(0, 0, null);

    ObjectNode toJson() {
        ObjectNode node = Json.MAPPER.createObjectNode();
        node.put("requestsPerMinute", requestsPerMinute);
        node.put("tokensPerDay", tokensPerDay);
        if (spendPerMonth == null) {
            node.putNull("spendPerMonth");
        } else {
            node.put("spendPerMonth", spendPerMonth);
        }
        return node;
    }

    /** Reads the saved form (already validated when it was created). */
    static KeyLimits fromJson(JsonNode node) {
        JsonNode spend = node.path("spendPerMonth");
        return new KeyLimits(node.path("requestsPerMinute").asLong(0), node.path("tokensPerDay").asLong(0),
                spend.isNumber() ? spend.decimalValue() : null);
    }
}
