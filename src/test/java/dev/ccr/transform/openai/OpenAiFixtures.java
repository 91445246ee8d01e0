package dev.ccr.transform.openai;

import dev.ccr.testing.TranslatorFixtures;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ccr.model.MessagesRequest;
import dev.ccr.model.Target;
import dev.ccr.provider.ProviderSettings;
import dev.ccr.provider.UpstreamRequest;
import dev.ccr.provider.UpstreamResponse;
import dev.ccr.transform.StreamTranslator;

import java.util.List;

/** Providers, requests and answers for the openai transformer's tests. */
final class OpenAiFixtures {
    static final OpenAiTransformer TRANSFORMER = new OpenAiTransformer();

    private OpenAiFixtures() {
    }

    /** An openai provider with the given options (key, value, key, value…) and output token clamp. */
    static ProviderSettings provider(int maxOutputTokens, String... options) {
        return TranslatorFixtures.provider("test-openai", "openai", maxOutputTokens, options);
    }

    static ProviderSettings provider(String... options) {
        return provider(0, options);
    }

    static MessagesRequest request(ObjectNode body) {
        return TranslatorFixtures.request(body);
    }

    static MessagesRequest request(String json) {
        return TranslatorFixtures.request(json);
    }

    /** The OpenAI body the transformer sends for this request. */
    static JsonNode upstreamBody(MessagesRequest request, ProviderSettings provider) {
        UpstreamRequest upstream = TRANSFORMER.toUpstream(request, new Target("test-openai", "gpt-test"), provider);
        return json(upstream.body());
    }

    static String resource(String name) {
        return TranslatorFixtures.resource("openai", name);
    }

    static UpstreamResponse response(String contentType) {
        return TranslatorFixtures.response(contentType);
    }

    static StreamTranslator translator(MessagesRequest request, String contentType) {
        return TRANSFORMER.translator(request, new Target("test-openai", "gpt-test"), provider(),
                response(contentType));
    }

    static byte[] run(StreamTranslator translator, byte[] body, int... cuts) {
        return TranslatorFixtures.run(translator, body, cuts);
    }

    static List<JsonNode> events(byte[] sse) {
        return TranslatorFixtures.events(sse);
    }

    static JsonNode json(byte[] bytes) {
        return TranslatorFixtures.json(bytes);
    }

    /** The SSE text split into whole events, each with its blank line. */
    static List<String> sseEvents(String sse) {
        return dev.ccr.testing.SseText.events(sse);
    }
}
