package dev.ccr.provider;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ccr.json.Json;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Set;

/**
 * Keeps a user's turn from failing over a parameter the router chose to send: an OpenAI-compatible call leaves out
 * the fields its (provider, model) refused before (or lowers them to the most it takes), and a 400 naming a new
 * unsupported or too large field is answered by one more call without it (or with the provider's maximum),
 * remembered and logged. Fields that carry the conversation itself are never dropped.
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
        ObjectNode body = memory.any(provider) ? request.payload().copyOfJson() : null;
        return body != null && memory.applyTo(provider, body) ? with(request, body) : request;
    }

    /**
     * The call to retry after a refusal, or null when the refusal is not about a field this call sent (or one that
     * cannot be left out).
     */
    public UpstreamRequest retryFor(String provider, UpstreamRequest request, ProviderRejectedException refusal) {
        ParameterRefusal refused = refusal.refusal();
        ObjectNode body = refused == null || ESSENTIAL.contains(refused.field()) ? null : request.payload().copyOfJson();
        if (body == null || !UnsupportedParameters.apply(refused, body)) {
            return null;
        }
        String model = body.path("model").asText();
        if (memory.remember(provider, model, refused)) {
            LOG.warn("Provider {} refused '{}' for model {}: sending {} from now on", provider, refused.field(), model,
                    refused.maximum() == null ? "it without that field" : "at most " + refused.maximum());
        }
        return with(request, body);
    }

    private static UpstreamRequest with(UpstreamRequest request, ObjectNode body) {
        return new UpstreamRequest(request.path(), request.headers(), Json.bytes(body), request.streaming());
    }
}
