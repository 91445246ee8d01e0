package dev.ccr.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ccr.json.Json;
import dev.ccr.testing.Captures;
import dev.ccr.testing.MockUpstream;
import dev.ccr.testing.RouterHarness;
import dev.ccr.testing.StrictOpenAi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.OutputStream;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What providers publish about their models, read by the router at run time and used like the shipped catalog:
 * OpenRouter's model list (context length, max completion tokens, supported parameters, prices), Gemini's
 * {@code models.get} (token limits, thinking) and Ollama's {@code /api/show} (context length), each from a mock
 * server that answers as the real API does.
 */
class PublishedModelInfoTest {
    static final String OPENROUTER_MODELS = """
            {"data":[
              {"id":"acme/small-coder","name":"Acme: Small Coder","context_length":32768,
               "architecture":{"input_modalities":["text"],"output_modalities":["text"]},
               "pricing":{"prompt":"0.0000005","completion":"0.0000015"},
               "top_provider":{"context_length":32768,"max_completion_tokens":4096,"is_moderated":false},
               "supported_parameters":["max_tokens","temperature","tools","tool_choice","stop"]},
              {"id":"acme/thinker","context_length":200000,
               "architecture":{"input_modalities":["text","image"]},
               "top_provider":{"max_completion_tokens":64000},
               "supported_parameters":["max_tokens","tools","reasoning","include_reasoning"]}
            ]}""";

    static MockUpstream openrouter;
    static MockUpstream gemini;
    static MockUpstream ollama;
    static RouterHarness router;

    @BeforeAll
    static void start() throws Exception {
        openrouter = new MockUpstream();
        // OpenRouter takes reasoning where a model supports it; the strict server refuses what it does not know
        new StrictOpenAi(openrouter).model("acme/small-coder", new StrictOpenAi.Model(Set.of("reasoning"), 4096));
        openrouter.on("/v1/models", (ex, req) -> MockUpstream.json(ex, 200, OPENROUTER_MODELS, Map.of()));
        gemini = new MockUpstream().on("/v1beta/models/", (ex, req) -> {
            if ("GET".equals(req.method())) {
                MockUpstream.json(ex, 200, """
                        {"name":"models/gemini-mini","version":"001","displayName":"Gemini Mini",
                         "inputTokenLimit":32768,"outputTokenLimit":8192,
                         "supportedGenerationMethods":["generateContent","countTokens"],"thinking":false}""", Map.of());
                return;
            }
            OutputStream out = MockUpstream.startSse(ex);
            MockUpstream.writeFlushed(out, "data: {\"candidates\":[{\"content\":{\"role\":\"model\",\"parts\":[{\"text\":"
                    + "\"ok\"}]},\"finishReason\":\"STOP\"}],\"usageMetadata\":{\"promptTokenCount\":50,"
                    + "\"candidatesTokenCount\":1}}\r\n\r\n");
        });
        ollama = new MockUpstream().on("/api/show", (ex, req) -> MockUpstream.json(ex, 200, """
                {"modelfile":"FROM qwen3","parameters":"","details":{"family":"qwen3","parameter_size":"8.2B"},
                 "model_info":{"general.architecture":"qwen3","qwen3.context_length":16384,"qwen3.block_count":36},
                 "capabilities":["completion","tools"]}""", Map.of()));
        Map<String, String> properties = new HashMap<>();
        properties.put("ccr.providers.openrouter.base-url", openrouter.baseUrl());
        properties.put("ccr.providers.openrouter.api-key", "sk-or-test-0123456789");
        properties.put("ccr.providers.openrouter.models", "acme/small-coder,acme/thinker");
        properties.put("ccr.providers.gemini.base-url", gemini.baseUrl());
        properties.put("ccr.providers.gemini.api-key", "AIza-gemini-test-0123456789");
        properties.put("ccr.providers.ollama.base-url", ollama.baseUrl());
        // the shipped Ollama provider waits for OLLAMA_BASE_URL; here the base URL is given directly
        properties.put("ccr.providers.ollama.option.requires-env", "");
        router = RouterHarness.start(properties);
    }

    @AfterAll
    static void stop() {
        router.close();
        openrouter.close();
        gemini.close();
        ollama.close();
    }

    static HttpResponse<String> send(String model) throws Exception {
        ObjectNode body = Captures.body("10_tool_bash_turn1.json");
        body.put("model", model);
        return router.post("/v1/messages?beta=true", Json.string(body), Map.of());
    }

    @Test
    void openRoutersModelListSetsOutputLimitAndKeepsReasoningFromAModelWithout() throws Exception {
        HttpResponse<String> response = send("openrouter,acme/small-coder");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode sent = Json.parse(openrouter.last().body());
        assertThat(openrouter.last().path()).isEqualTo("/v1/chat/completions");
        assertThat(sent.path("max_tokens").asInt()).isEqualTo(4096);
        assertThat(sent.has("reasoning")).isFalse();
    }

    @Test
    void theModelListShowsWhatTheProviderPublished() throws Exception {
        JsonNode models = Json.parse(router.get("/v1/models").body());

        JsonNode coder = entry(models, "openrouter,acme/small-coder");
        assertThat(coder.path("type").asText()).isEqualTo("model");
        assertThat(coder.path("context_window").asInt()).isEqualTo(32768);
        assertThat(coder.path("max_output_tokens").asInt()).isEqualTo(4096);
        assertThat(coder.path("reasoning").asBoolean(true)).isFalse();
        assertThat(coder.path("images").asBoolean(true)).isFalse();
        assertThat(coder.path("input_price_per_mtok").asDouble()).isEqualTo(0.5);
        assertThat(coder.path("output_price_per_mtok").asDouble()).isEqualTo(1.5);
        assertThat(coder.path("source").asText()).contains("published by openrouter");
        JsonNode thinker = entry(models, "openrouter,acme/thinker");
        assertThat(thinker.path("reasoning").asBoolean()).isTrue();
        assertThat(thinker.path("images").asBoolean()).isTrue();
        assertThat(models.path("has_more").asBoolean(true)).isFalse();
    }

    @Test
    void geminisModelsGetSetsTheOutputLimitAndThinking() throws Exception {
        HttpResponse<String> response = send("gemini,gemini-mini");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(gemini.received().stream().anyMatch(r -> r.method().equals("GET")
                && r.path().equals("/v1beta/models/gemini-mini"))).isTrue();
        JsonNode sent = Json.parse(gemini.last().body());
        assertThat(sent.path("generationConfig").path("maxOutputTokens").asInt()).isEqualTo(8192);
        assertThat(sent.path("generationConfig").has("thinkingConfig")).isFalse();
    }

    @Test
    void ollamasContextLengthBoundsTheConversation() throws Exception {
        ObjectNode body = Json.MAPPER.createObjectNode().put("model", "ollama,qwen3:8b").put("max_tokens", 32000);
        body.putArray("messages").addObject().put("role", "user").put("content", "alpha ".repeat(20_000));

        HttpResponse<String> response = router.post("/v1/messages", Json.string(body), Map.of());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(Json.parse(response.body()).path("error").path("message").asText())
                .matches("prompt is too long: \\d+ tokens > " + (16384 - 4096) + " maximum");
        assertThat(ollama.received()).allMatch(r -> r.path().equals("/api/show"));
        assertThat(Json.parse(ollama.last().body()).path("model").asText()).isEqualTo("qwen3:8b");
    }

    static JsonNode entry(JsonNode models, String id) {
        for (JsonNode model : models.path("data")) {
            if (id.equals(model.path("id").asText())) {
                return model;
            }
        }
        throw new AssertionError(id + " not in " + models);
    }
}
