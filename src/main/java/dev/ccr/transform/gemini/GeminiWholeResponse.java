package dev.ccr.transform.gemini;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ccr.json.Json;
import dev.ccr.error.ErrorType;
import dev.ccr.error.RouterException;

import java.io.IOException;

/**
 * A Gemini answer that came as one JSON body: a GenerateContentResponse from {@code generateContent}, or the JSON
 * array of chunks {@code streamGenerateContent} gives when a proxy dropped {@code alt=sse}.
 */
final class GeminiWholeResponse {
    private GeminiWholeResponse() {
    }

    static byte[] convert(byte[] body, GeminiResponseHandler handler) {
        JsonNode parsed;
        try {
            parsed = Json.parse(body);
        } catch (IOException e) {
            throw new RouterException(ErrorType.API, 502, "The provider's answer is not JSON", null, e);
        }
        if (parsed != null && parsed.isArray()) {
            parsed.forEach(handler::accept);
        } else if (parsed != null && parsed.isObject()) {
            handler.accept(parsed);
        }
        return handler.finish();
    }
}
