package dev.ccr.provider;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ccr.Json;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.Set;

/**
 * Keeps a user's turn from failing over a parameter the router chose to send: an OpenAI-compatible call leaves out
 * the fields its (provider, model) refused before, and a 400 naming a new unsupported field is answered by one more
 * call without it, remembered and logged. Fields that carry the conversation itself are never dropped.
 */
public final class ParameterRecovery {
    private static final Logger LOG = LoggerFactory.getLogger(ParameterRecovery.class);
    private static final Set<String> ESSENTIAL = Set.of("model", "messages", "stream");
    /** Retries for one call: each drops another field the provider named, so a call ends after a few at most. */
    static final int MAX_RETRIES = 3;

    private final UnsupportedParameters memory;

    public ParameterRecovery(UnsupportedParameters memory) {
        this.memory = memory;
    }

    /** Whether a provider's calls are Chat Completions JSON with the model in the body (the openai protocol). */
    public static boolean applies(String protocol) {
        return "openai".equals(protocol);
    }

    /** The call without the fields its (provider, model) refused before. */
    public UpstreamRequest withoutRefused(String provider, UpstreamRequest request) {
        ObjectNode body = memory.of(provider).isEmpty() ? null : body(request);
        if (body == null) {
            return request;
        }
        Set<String> refused = memory.refusedBy(provider, body.path("model").asText());
        if (!containsAny(body, refused)) {
            return request;
        }
        body.remove(refused);
        return with(request, body);
    }

    /**
     * The call to retry after a refusal, or null when the refusal is not about a field this call sent (or one that
     * cannot be left out).
     */
    public UpstreamRequest retryFor(String provider, UpstreamRequest request, ProviderRejectedException refusal) {
        String field = refusal.unsupportedParameter();
        ObjectNode body = field == null || ESSENTIAL.contains(field) ? null : body(request);
        if (body == null || !body.has(field)) {
            return null;
        }
        String model = body.path("model").asText();
        if (memory.remember(provider, model, field)) {
            LOG.warn("Provider {} refused '{}' for model {}: sending it without that field from now on", provider,
                    field, model);
        }
        body.remove(field);
        return with(request, body);
    }

    private static boolean containsAny(ObjectNode body, Set<String> fields) {
        return fields.stream().anyMatch(body::has);
    }

    private static ObjectNode body(UpstreamRequest request) {
        try {
            JsonNode body = Json.parse(request.body());
            return body instanceof ObjectNode object ? object : null;
        } catch (IOException e) {
            return null;
        }
    }

    private static UpstreamRequest with(UpstreamRequest request, ObjectNode body) {
        return new UpstreamRequest(request.path(), request.headers(), Json.bytes(body), request.streaming());
    }
}
