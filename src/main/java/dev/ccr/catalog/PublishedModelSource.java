package dev.ccr.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ccr.json.Json;
import dev.ccr.provider.ProviderClient;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * What a provider publishes about its models at run time, chosen per provider by the option {@code model-info}:
 * {@code openrouter} (its model list), {@code gemini} ({@code models.get}), {@code ollama} ({@code POST /api/show}),
 * or {@code none}.
 */
enum PublishedModelSource {
    NONE {
        @Override
        CompletableFuture<Map<String, ModelInfo>> fetch(ProviderClient client, String model, Duration timeout) {
            return CompletableFuture.completedFuture(Map.of());
        }
    },
    /** OpenRouter's {@code GET /v1/models}: every model at once, so one fetch serves them all. */
    OPENROUTER {
        @Override
        boolean listsAll() {
            return true;
        }

        @Override
        CompletableFuture<Map<String, ModelInfo>> fetch(ProviderClient client, String model, Duration timeout) {
            return client.fetchModelInfo("/v1/models", null, timeout).thenApply(body -> {
                Map<String, ModelInfo> models = new HashMap<>();
                for (JsonNode entry : parse(body).path("data")) {
                    models.put(ModelKeys.normalise(entry.path("id").asText()), openRouterEntry(entry));
                }
                return models;
            });
        }
    },
    /** Gemini's {@code GET /{api-version}/models/{model}}: input and output token limits, thinking. */
    GEMINI {
        @Override
        CompletableFuture<Map<String, ModelInfo>> fetch(ProviderClient client, String model, Duration timeout) {
            String version = client.settings().option("api-version", "v1beta").trim();
            return client.fetchModelInfo("/" + version + "/models/" + URLEncoder.encode(model, StandardCharsets.UTF_8),
                    null, timeout).thenApply(body -> {
                        JsonNode root = parse(body);
                        Integer input = positive(root.path("inputTokenLimit"));
                        Integer output = positive(root.path("outputTokenLimit"));
                        Boolean thinking = root.path("thinking").isBoolean() ? root.get("thinking").booleanValue() : null;
                        return Map.of(ModelKeys.normalise(model), new ModelInfo(
                                input, output, thinking,
                                Boolean.TRUE.equals(thinking) ? "gemini" : null, null, null, null, null, null, null,
                                "published"));
                    });
        }
    },
    /** Ollama's {@code POST /api/show}: the context length in model_info, capabilities (tools, vision, thinking). */
    OLLAMA {
        @Override
        CompletableFuture<Map<String, ModelInfo>> fetch(ProviderClient client, String model, Duration timeout) {
            byte[] request = Json.bytes(Map.of("model", model));
            return client.fetchModelInfo("/api/show", request, timeout).thenApply(body -> {
                JsonNode root = parse(body);
                Integer context = null;
                for (var it = root.path("model_info").fields(); it.hasNext(); ) {
                    var field = it.next();
                    if (field.getKey().endsWith(".context_length")) {
                        context = positive(field.getValue());
                    }
                }
                JsonNode capabilities = root.path("capabilities");
                Boolean tools = capabilities.isArray() ? contains(capabilities, "tools") : null;
                Boolean vision = capabilities.isArray() ? contains(capabilities, "vision") : null;
                Boolean thinking = capabilities.isArray() ? contains(capabilities, "thinking") : null;
                return Map.of(ModelKeys.normalise(model), new ModelInfo(context, null, thinking, null, vision, tools,
                        null, null, null, null, "published"));
            });
        }
    };

    /** Whether one fetch answers for every model of the provider (a list) rather than for one model. */
    boolean listsAll() {
        return false;
    }

    /** The facts the provider publishes, by normalised model id. */
    abstract CompletableFuture<Map<String, ModelInfo>> fetch(ProviderClient client, String model, Duration timeout);

    static PublishedModelSource of(ProviderClient client) {
        String fallback = "gemini".equals(client.settings().protocol()) ? "gemini" : "none";
        String name = client.settings().option("model-info", fallback).trim().toUpperCase(Locale.ROOT);
        try {
            return valueOf(name);
        } catch (IllegalArgumentException e) {
            return NONE;
        }
    }

    static ModelInfo openRouterEntry(JsonNode entry) {
        JsonNode parameters = entry.path("supported_parameters");
        boolean listed = parameters.isArray();
        JsonNode modalities = entry.path("architecture").path("input_modalities");
        Boolean reasoning = listed ? contains(parameters, "reasoning") || contains(parameters, "include_reasoning") : null;
        return new ModelInfo(positive(entry.path("context_length")),
                positive(entry.path("top_provider").path("max_completion_tokens")), reasoning,
                Boolean.TRUE.equals(reasoning) ? "openrouter" : null,
                modalities.isArray() ? contains(modalities, "image") : null,
                listed ? contains(parameters, "tools") : null, null,
                perMillion(entry.path("pricing").path("prompt")), perMillion(entry.path("pricing").path("completion")),
                null, "published");
    }

    private static boolean contains(JsonNode array, String value) {
        for (JsonNode item : array) {
            if (value.equals(item.asText())) {
                return true;
            }
        }
        return false;
    }

    private static Integer positive(JsonNode value) {
        return value.canConvertToInt() && value.asInt() > 0 ? value.asInt() : null;
    }

    /** OpenRouter prices are USD per token, as strings. */
    private static Double perMillion(JsonNode perToken) {
        try {
            return perToken.isMissingNode() || perToken.isNull() ? null
                    : Math.round(Double.parseDouble(perToken.asText()) * 1e6 * 1e6) / 1e6;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static JsonNode parse(byte[] body) {
        try {
            return Json.parse(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
