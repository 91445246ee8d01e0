package dev.ccr.transform.openai;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ccr.model.MessagesRequest;
import dev.ccr.model.Target;
import dev.ccr.provider.ProviderSettings;
import dev.ccr.provider.UpstreamRequest;
import dev.ccr.testing.TestProviders;
import dev.ccr.testing.TestRequests;
import dev.ccr.testing.TestResources;
import dev.ccr.stream.StreamTranslator;

/** Providers, requests and answers for the openai transformer's tests. */
final class OpenAiFixtures {
    static final OpenAiTransformer TRANSFORMER = new OpenAiTransformer();
    static final Target TARGET = new Target("test-openai", "gpt-test");

    private OpenAiFixtures() {
    }

    /** An openai provider with the given options (key, value, key, value…) and output token clamp. */
    static ProviderSettings provider(int maxOutputTokens, String... options) {
        return TestProviders.withOptions("test-openai", "openai", maxOutputTokens, options);
    }

    static ProviderSettings provider(String... options) {
        return provider(0, options);
    }

    /** The OpenAI body the transformer sends for this request. */
    static JsonNode upstreamBody(MessagesRequest request, ProviderSettings provider) {
        UpstreamRequest upstream = TRANSFORMER.toUpstream(request, TARGET, provider);
        return TestRequests.json(upstream.body());
    }

    static String resource(String name) {
        return TestResources.text("openai/" + name);
    }

    static StreamTranslator translator(MessagesRequest request, String contentType) {
        return TRANSFORMER.translator(request, TARGET, provider(), TestProviders.response(contentType));
    }
}
