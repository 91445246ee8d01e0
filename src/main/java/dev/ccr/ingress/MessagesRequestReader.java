package dev.ccr.ingress;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ccr.json.Json;
import dev.ccr.error.ErrorType;
import dev.ccr.error.RouterException;
import dev.ccr.model.ExchangeKeys;
import dev.ccr.model.MessagesRequest;
import dev.ccr.model.NameRules;
import dev.ccr.router.SessionIds;
import dev.ccr.request.RequestListener;
import dev.ccr.request.RequestRecord;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads and validates a Messages (or count_tokens) request: method, size, JSON, and the fields every provider needs.
 * Each refusal names the field, in Anthropic's words, with the status Anthropic would use.
 */
public final class MessagesRequestReader implements Processor {
    private final long maxBodyBytes;
    private final boolean requireMaxTokens;
    private final RequestListener listener;

    private final ActiveRequests activeRequests;
    private final BodyLog bodyLog;

    public MessagesRequestReader(long maxBodyBytes, boolean requireMaxTokens, RequestListener listener,
                                 ActiveRequests activeRequests, BodyLog bodyLog) {
        this.activeRequests = activeRequests;
        this.bodyLog = bodyLog;
        this.maxBodyBytes = maxBodyBytes;
        this.requireMaxTokens = requireMaxTokens;
        this.listener = listener;
    }

    @Override
    public void process(Exchange exchange) {
        if (activeRequests.draining()) {
            throw new RouterException(ErrorType.UNAVAILABLE, "The router is shutting down: retry shortly");
        }
        if (!"POST".equals(exchange.getIn().getHeader(Exchange.HTTP_METHOD, String.class))) {
            throw new RouterException(ErrorType.METHOD_NOT_ALLOWED, "Method not allowed: use POST");
        }
        byte[] raw = ClientRequestBody.bytes(exchange);
        if (raw == null || raw.length == 0) {
            throw new RouterException(ErrorType.INVALID_REQUEST, "Request body is empty: a JSON object is required");
        }
        bodyLog.request(exchange.getExchangeId(), raw);
        if (raw.length > maxBodyBytes) {
            throw new RouterException(ErrorType.REQUEST_TOO_LARGE,
                    "Request exceeds the maximum allowed size of " + maxBodyBytes + " bytes");
        }
        ObjectNode body = parse(raw);
        // from here on the parsed tree is the request: the bytes would double what a large request holds in flight
        ClientRequestBody.forget(exchange);
        requireText(body, "model");
        if (!NameRules.isModelField(body.get("model").textValue())) {
            // checked before anything reads the name: it ends up in headers, logs and the provider's request
            throw invalid("model: must be " + NameRules.MODEL_RULE + ", or " + NameRules.TARGET_RULE);
        }
        if (!body.path("messages").isArray()) {
            throw invalid(body.has("messages") ? "messages: must be an array" : "messages: field required");
        }
        if (requireMaxTokens) {
            JsonNode maxTokens = body.path("max_tokens");
            if (maxTokens.isMissingNode() || maxTokens.isNull()) {
                throw invalid("max_tokens: field required");
            }
            if (!maxTokens.canConvertToInt() || !maxTokens.isIntegralNumber() || maxTokens.asInt() < 1) {
                throw invalid("max_tokens: must be a positive integer");
            }
        }
        if (body.has("stream") && !body.get("stream").isBoolean()) {
            throw invalid("stream: must be a boolean");
        }
        Map<String, String> headers = new LinkedHashMap<>();
        copyHeader(exchange, "anthropic-version", headers);
        copyHeader(exchange, "anthropic-beta", headers);
        // still encoded: each protocol picks the parameters it forwards (decoding first would let %26 split a value)
        String query = exchange.getIn().getHeader(Exchange.HTTP_RAW_QUERY, String.class);
        if (query != null) {
            headers.put(":query", query);
        }
        String session = SessionIds.find(exchange.getIn().getHeader("X-Claude-Code-Session-Id", String.class), body);
        exchange.setProperty(ExchangeKeys.REQUEST, new MessagesRequest(body, raw.length, Map.copyOf(headers), session));
        RequestRecord record = new RequestRecord(listener);
        record.session(session);
        activeRequests.accepted();
        record.onEnd(activeRequests::ended);
        exchange.setProperty(ExchangeKeys.RECORD, record);
    }

    private static ObjectNode parse(byte[] raw) {
        try {
            JsonNode node = Json.parse(raw);
            if (node instanceof ObjectNode object) {
                return object;
            }
            throw invalid("Request body must be a JSON object");
        } catch (JsonProcessingException e) {
            throw invalid("Request body is not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw invalid("Request body could not be read");
        }
    }

    private static void requireText(ObjectNode body, String field) {
        JsonNode value = body.path(field);
        if (value.isMissingNode() || value.isNull()) {
            throw invalid(field + ": field required");
        }
        if (!value.isTextual() || value.asText().isBlank()) {
            throw invalid(field + ": must be a non-empty string");
        }
    }

    private static void copyHeader(Exchange exchange, String name, Map<String, String> into) {
        String value = exchange.getIn().getHeader(name, String.class);
        if (value != null) {
            into.put(name, value);
        }
    }

    private static RouterException invalid(String message) {
        return new RouterException(ErrorType.INVALID_REQUEST, message);
    }
}
