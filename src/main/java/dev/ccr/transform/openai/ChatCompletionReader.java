package dev.ccr.transform.openai;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ccr.json.Json;
import dev.ccr.error.ErrorType;
import dev.ccr.error.RouterException;
import dev.ccr.transform.AnthropicSink;

import java.io.IOException;

/**
 * A whole (non-streamed) OpenAI chat completion as Anthropic output: one message for a client that did not stream,
 * or the full event sequence for one that did when the provider answered with plain JSON anyway.
 */
final class ChatCompletionReader {
    private ChatCompletionReader() {
    }

    static byte[] convert(byte[] body, AnthropicSink sink) {
        JsonNode completion;
        try {
            completion = Json.parse(body);
        } catch (IOException e) {
            throw new RouterException(ErrorType.API, 502, "The provider's answer is not JSON", null, e);
        }
        if (completion == null || !completion.isObject()) {
            throw new RouterException(ErrorType.API, 502, "The provider's answer is empty", null, null);
        }
        ChatChunkHandler handler = new ChatChunkHandler(sink);
        handler.accept(completion);
        if (!completion.path("choices").path(0).isObject()) {
            throw new RouterException(ErrorType.API, 502, "The provider's answer has no choices", null, null);
        }
        return handler.finish();
    }
}
