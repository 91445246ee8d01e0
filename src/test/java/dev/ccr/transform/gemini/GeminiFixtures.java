package dev.ccr.transform.gemini;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ccr.model.MessagesRequest;
import dev.ccr.model.Target;
import dev.ccr.provider.ProviderSettings;
import dev.ccr.provider.UpstreamRequest;
import dev.ccr.testing.TestProviders;
import dev.ccr.testing.TestRequests;
import dev.ccr.testing.TestResources;
import dev.ccr.transform.AnthropicSink;
import dev.ccr.stream.StreamTranslator;

import java.util.concurrent.atomic.AtomicInteger;

/** Providers, requests and Gemini answers for the gemini transformer's tests. */
final class GeminiFixtures {
    static final GeminiTransformer TRANSFORMER = new GeminiTransformer();
    static final Target TARGET = new Target("test-gemini", "gemini-2.5-pro");

    private GeminiFixtures() {
    }

    /** A gemini provider with the given options (key, value, key, value…) and output token clamp. */
    static ProviderSettings provider(int maxOutputTokens, String... options) {
        return TestProviders.withOptions("test-gemini", "gemini", maxOutputTokens, options);
    }

    static ProviderSettings provider(String... options) {
        return provider(0, options);
    }

    static UpstreamRequest upstream(MessagesRequest request, ProviderSettings provider) {
        return TRANSFORMER.toUpstream(request, TARGET, provider);
    }

    /** The Gemini body the transformer sends for this request. */
    static JsonNode upstreamBody(MessagesRequest request, ProviderSettings provider) {
        return TestRequests.json(upstream(request, provider).body());
    }

    static JsonNode upstreamBody(MessagesRequest request) {
        return upstreamBody(request, provider());
    }

    static String resource(String name) {
        return TestResources.text("gemini/" + name);
    }

    /** An SSE translator for this client request whose made-up tool ids are toolu_gen_1, toolu_gen_2… */
    static StreamTranslator streamTranslator(MessagesRequest request) {
        AnthropicSink sink = AnthropicSink.forRequest(request);
        AtomicInteger ids = new AtomicInteger();
        return new GeminiStreamTranslator(sink, new GeminiResponseHandler(sink,
                () -> "toolu_gen_" + ids.incrementAndGet()));
    }
}
