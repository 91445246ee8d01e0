package dev.ccr.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import dev.ccr.json.Json;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An OpenAI Chat Completions server as strict as the real one: only {@code POST /v1/chat/completions} (any other
 * path is a 404), only the request fields OpenAI knows (others: "Unrecognized request argument supplied"), only the
 * models it was given, and per model the refusals OpenAI answers with — a parameter the model does not support
 * ({@code unsupported_parameter}, with {@code param}), or more output tokens than the model writes. Accepted
 * requests get a short streamed answer whose usage says {@code promptTokens} prompt tokens.
 */
public final class StrictOpenAi {
    /** What one model accepts. */
    public record Model(Set<String> unsupportedParameters, int maxOutputTokens) {
    }

    private static final Set<String> KNOWN_FIELDS = Set.of("model", "messages", "tools", "tool_choice", "max_tokens",
            "max_completion_tokens", "temperature", "top_p", "stop", "stream", "stream_options", "reasoning_effort",
            "parallel_tool_calls", "web_search_options", "user", "n", "seed", "response_format", "metadata",
            "presence_penalty", "frequency_penalty", "logit_bias", "logprobs", "top_logprobs", "store", "modalities");

    private final Map<String, Model> models = new ConcurrentHashMap<>();
    private volatile long promptTokens = 100;

    public StrictOpenAi(MockUpstream server) {
        server.on("/", this::answer);
    }

    public StrictOpenAi model(String id, Model model) {
        models.put(id, model);
        return this;
    }

    public void promptTokens(long tokens) {
        promptTokens = tokens;
    }

    private void answer(HttpExchange exchange, MockUpstream.Received request) throws IOException {
        if (!"POST".equals(request.method()) || !"/v1/chat/completions".equals(exchange.getRequestURI().getPath())) {
            error(exchange, 404, "Invalid URL (" + request.method() + " " + exchange.getRequestURI().getPath() + ")",
                    "invalid_request_error", null, null);
            return;
        }
        JsonNode body = Json.parse(request.body());
        for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
            String field = names.next();
            if (!KNOWN_FIELDS.contains(field)) {
                error(exchange, 400, "Unrecognized request argument supplied: " + field, "invalid_request_error",
                        null, null);
                return;
            }
        }
        String id = body.path("model").asText();
        Model model = models.get(id);
        if (model == null) {
            error(exchange, 404, "The model `" + id + "` does not exist or you do not have access to it.",
                    "invalid_request_error", null, "model_not_found");
            return;
        }
        for (String field : model.unsupportedParameters()) {
            if (body.has(field)) {
                error(exchange, 400, "Unsupported parameter: '" + field + "' is not supported with this model.",
                        "invalid_request_error", field, "unsupported_parameter");
                return;
            }
        }
        for (String field : new String[]{"max_tokens", "max_completion_tokens"}) {
            long asked = body.path(field).asLong(0);
            if (asked > model.maxOutputTokens()) {
                error(exchange, 400, "max_tokens is too large: " + asked + ". This model supports at most "
                        + model.maxOutputTokens() + " completion tokens, whereas you provided " + asked + ".",
                        "invalid_request_error", field, "invalid_value");
                return;
            }
        }
        OutputStream out = MockUpstream.startSse(exchange);
        MockUpstream.writeFlushed(out, "data: {\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"model\":\"" + id
                + "\",\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"ok\"},"
                + "\"finish_reason\":\"stop\"}]}\n\n");
        MockUpstream.writeFlushed(out, "data: {\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"choices\":[],"
                + "\"usage\":{\"prompt_tokens\":" + promptTokens + ",\"completion_tokens\":1}}\n\n");
        MockUpstream.writeFlushed(out, "data: [DONE]\n\n");
    }

    private static void error(HttpExchange exchange, int status, String message, String type, String param,
                              String code) throws IOException {
        Map<String, Object> error = new java.util.LinkedHashMap<>();
        error.put("message", message);
        error.put("type", type);
        error.put("param", param);
        error.put("code", code);
        MockUpstream.json(exchange, status, Json.string(Map.of("error", error)), Map.of());
    }
}
