package dev.ccr.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ccr.json.Json;
import dev.ccr.testing.Captures;
import dev.ccr.testing.MockUpstream;
import dev.ccr.testing.RouterHarness;
import dev.ccr.testing.SseText;
import dev.ccr.testing.StrictOpenAi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Claude Code's own requests through the router, as users start it, to a strict OpenAI server: the model catalog
 * keeps reasoning parameters from models without reasoning and max_tokens within each model's limit, a refused
 * parameter is dropped and remembered, a conversation too long for a 32k window moves to the longcontext route or
 * gets Anthropic's "prompt is too long", and input tokens are scaled for the small window.
 */
class ModelCatalogEndToEndTest {
    static final int SMALL_WINDOW = 32768;
    static MockUpstream server;
    static StrictOpenAi openai;
    static RouterHarness router;

    @BeforeAll
    static void start() throws Exception {
        server = new MockUpstream();
        openai = new StrictOpenAi(server)
                .model("gpt-4.1", new StrictOpenAi.Model(Set.of("reasoning_effort"), 32768))
                .model("gpt-4o", new StrictOpenAi.Model(Set.of("reasoning_effort"), 16384))
                .model("o3-mini", new StrictOpenAi.Model(Set.of(), 100000))
                .model("gpt-small", new StrictOpenAi.Model(Set.of("reasoning_effort"), 8192))
                .model("house-reasoner", new StrictOpenAi.Model(Set.of("reasoning_effort"), 100000));
        Map<String, String> properties = new HashMap<>();
        properties.put("camel.main.routes-include-pattern",
                "file:routes/common/*.camel.yaml,file:src/test/resources/routes/context/*.camel.yaml");
        properties.put("ccr.providers.openai.base-url", server.baseUrl());
        properties.put("ccr.providers.openai.api-key", "sk-openai-test-0123456789");
        properties.put("ccr.models.openai.gpt-small.context-window", Integer.toString(SMALL_WINDOW));
        properties.put("ccr.models.openai.gpt-small.max-output-tokens", "8192");
        // the user says it reasons; the server disagrees: recovery has to save the turn
        properties.put("ccr.models.openai.house-reasoner.reasoning", "true");
        router = RouterHarness.start(properties);
    }

    @AfterAll
    static void stop() {
        router.close();
        server.close();
    }

    @BeforeEach
    void clear() {
        server.received().clear();
        openai.promptTokens(100);
    }

    static HttpResponse<String> send(ObjectNode body) throws Exception {
        return router.post("/v1/messages?beta=true", Json.string(body), Map.of());
    }

    /** Claude Code's first request of a tool round trip: thinking adaptive, effort medium, max_tokens 128000. */
    static ObjectNode claudeCodeRequest(String model) {
        ObjectNode body = Captures.body("10_tool_bash_turn1.json");
        body.put("model", model);
        return body;
    }

    static JsonNode sent(int index) throws Exception {
        return Json.parse(server.received().get(index).body());
    }

    static JsonNode lastEventData(String sse, String name) throws Exception {
        JsonNode found = null;
        for (String event : SseText.events(sse)) {
            if (event.startsWith("event: " + name + "\n")) {
                found = Json.parse(event.split("data: ", 2)[1]);
            }
        }
        return found;
    }

    /** About {@code tokens} cl100k tokens of conversation, ending with a user turn. */
    static ObjectNode conversationOf(int tokens, String model) {
        ObjectNode body = Json.MAPPER.createObjectNode().put("model", model).put("max_tokens", 32000)
                .put("stream", true);
        String filler = "alpha ".repeat(tokens / 2);
        body.putArray("messages").addObject().put("role", "user").put("content", filler)
                .put("role", "user");
        ((com.fasterxml.jackson.databind.node.ArrayNode) body.get("messages")).addObject().put("role", "assistant")
                .put("content", filler);
        ((com.fasterxml.jackson.databind.node.ArrayNode) body.get("messages")).addObject().put("role", "user")
                .put("content", "and now?");
        return body;
    }

    @Test
    void gpt41WithClaudeCodesThinkingGetsNoReasoningParameter() throws Exception {
        HttpResponse<String> response = send(claudeCodeRequest("openai,gpt-4.1"));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(server.received()).hasSize(1);
        assertThat(sent(0).has("reasoning_effort")).isFalse();
        assertThat(sent(0).path("max_completion_tokens").asInt()).isEqualTo(32768);
    }

    @Test
    void gpt4oGetsMaxTokensWithinItsLimit() throws Exception {
        HttpResponse<String> response = send(claudeCodeRequest("openai,gpt-4o"));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(sent(0).path("max_completion_tokens").asInt()).isEqualTo(16384);
    }

    @Test
    void aParameterTheModelRefusesIsDroppedRememberedAndShown() throws Exception {
        ObjectNode request = claudeCodeRequest("openai,house-reasoner");
        request.put("max_tokens", 64000);
        HttpResponse<String> first = send(request);

        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        assertThat(SseText.eventNames(first.body())).contains("message_start", "message_stop");
        assertThat(server.received()).hasSize(2);
        assertThat(sent(0).path("reasoning_effort").asText()).isEqualTo("medium");
        assertThat(sent(1).has("reasoning_effort")).isFalse();

        server.received().clear();
        HttpResponse<String> second = send(request);
        assertThat(second.statusCode()).isEqualTo(200);
        assertThat(server.received()).hasSize(1);
        assertThat(sent(0).has("reasoning_effort")).isFalse();

        JsonNode health = Json.parse(router.get("/health/providers").body());
        JsonNode provider = null;
        for (JsonNode p : health.path("providers")) {
            if ("openai".equals(p.path("name").asText())) {
                provider = p;
            }
        }
        assertThat(provider).isNotNull();
        assertThat(provider.path("unsupportedParameters").path("house-reasoner").toString())
                .contains("\"reasoning_effort\"");
    }

    @Test
    void moreOutputTokensThanAnUnknownModelWritesAreLoweredToWhatTheProviderSays() throws Exception {
        ObjectNode body = claudeCodeRequest("openai,house-reasoner");
        body.put("max_tokens", 200000);

        HttpResponse<String> response = send(body);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(server.received().get(server.received().size() - 1).bodyText())
                .contains("\"max_completion_tokens\":100000");
    }

    @Test
    void aRefusalOfAnotherKindStillReachesTheClientWithoutARetry() throws Exception {
        HttpResponse<String> response = send(claudeCodeRequest("openai,no-such-model"));

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(Json.parse(response.body()).path("error").path("message").asText()).contains("no-such-model");
        assertThat(server.received()).hasSize(1);
    }

    @Test
    void aConversationTooLongForTheSmallWindowMovesToTheLongContextRoute() throws Exception {
        HttpResponse<String> response = send(conversationOf(40_000, "claude-sonnet-4-5"));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("x-ccr-category")).hasValue("longcontext");
        assertThat(server.received()).hasSize(1);
        assertThat(sent(0).path("model").asText()).isEqualTo("gpt-4.1");
    }

    @Test
    void aConversationTooLongForAPinnedSmallModelGetsAnthropicsPromptTooLong() throws Exception {
        HttpResponse<String> response = send(conversationOf(40_000, "openai,gpt-small"));

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode error = Json.parse(response.body());
        assertThat(error.path("type").asText()).isEqualTo("error");
        assertThat(error.path("error").path("type").asText()).isEqualTo("invalid_request_error");
        assertThat(error.path("error").path("message").asText())
                .matches("prompt is too long: \\d+ tokens > " + (SMALL_WINDOW - 4096) + " maximum");
        assertThat(server.received()).isEmpty();
    }

    @Test
    void everydayRequestsStayOnTheSmallModelWithMaxTokensWithinItsWindow() throws Exception {
        HttpResponse<String> response = send(conversationOf(20_000, "claude-sonnet-4-5"));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("x-ccr-category")).hasValue("default");
        assertThat(sent(0).path("model").asText()).isEqualTo("gpt-small");
        long maxTokens = sent(0).path("max_completion_tokens").asLong();
        assertThat(maxTokens).isLessThanOrEqualTo(8192).isGreaterThan(0);
    }

    @Test
    void inputTokensAreScaledToTheWindowClaudeCodeAssumesWhileStatsKeepTheRealCount() throws Exception {
        openai.promptTokens(1000);
        ObjectNode body = conversationOf(100, "openai,gpt-small");
        long before = statsInputTokens("openai,gpt-small");

        HttpResponse<String> response = send(body);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        long scaled = Math.round(1000 * 200_000.0 / SMALL_WINDOW);
        assertThat(lastEventData(response.body(), "message_delta").path("usage").path("input_tokens").asLong())
                .isEqualTo(scaled);
        // the request's record ends just after its last byte reached the client: /stats may lag by a moment
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (statsInputTokens("openai,gpt-small") == before && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(statsInputTokens("openai,gpt-small") - before).isEqualTo(1000);

        long real = countTokens("openai,gpt-4.1", body);
        assertThat(countTokens("openai,gpt-small", body)).isEqualTo(Math.round(real * 200_000.0 / SMALL_WINDOW));
    }

    /** Claude Code decides to compact from count_tokens and from message_start: both must say the same. */
    @Test
    void countTokensForAModelTheCategoriesMapIsScaledLikeItsMessageStart() throws Exception {
        ObjectNode body = conversationOf(100, "claude-sonnet-4-5");
        long requestsBefore = settledTotalRequests();

        long counted = countTokens("claude-sonnet-4-5", body);

        assertThat(settledTotalRequests()).as("count_tokens is no Messages request").isEqualTo(requestsBefore);
        long real = countTokens("openai,gpt-4.1", body);
        assertThat(counted).isEqualTo(Math.round(real * 200_000.0 / SMALL_WINDOW));
        HttpResponse<String> response = send(body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("x-ccr-category")).hasValue("default");
        assertThat(lastEventData(response.body(), "message_start").path("message").path("usage").path("input_tokens")
                .asLong()).isEqualTo(counted);
    }

    @Test
    void countTokensRefusesAnUnknownProviderAsMessagesDo() throws Exception {
        ObjectNode body = conversationOf(100, "nosuch,gpt-small");

        HttpResponse<String> counted = router.post("/v1/messages/count_tokens", Json.string(body), Map.of());

        assertThat(counted.statusCode()).as(counted.body()).isEqualTo(send(body).statusCode()).isEqualTo(404);
        assertThat(Json.parse(counted.body()).path("error").path("type").asText()).isEqualTo("not_found_error");
    }

    @Test
    void anImageForATextOnlyModelIsRefusedBeforeAnyCall() throws Exception {
        ObjectNode body = Json.MAPPER.createObjectNode().put("model", "openai,o3-mini").put("max_tokens", 100);
        ObjectNode message = body.putArray("messages").addObject().put("role", "user");
        message.putArray("content").addObject().put("type", "image").putObject("source").put("type", "base64")
                .put("media_type", "image/png").put("data", "iVBORw0KGgo=");

        HttpResponse<String> response = send(body);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(Json.parse(response.body()).path("error").path("message").asText()).contains("does not read images");
        assertThat(server.received()).isEmpty();
    }

    static long statsInputTokens(String model) throws Exception {
        JsonNode stats = Json.parse(router.get("/stats").body());
        return stats.path("models").path(model).path("sinceStart").path("inputTokens").asLong();
    }

    /** /stats' totalRequests once no request is in flight (an earlier test's record may end a moment late). */
    static long settledTotalRequests() throws Exception {
        long deadline = System.nanoTime() + 5_000_000_000L;
        JsonNode stats = Json.parse(router.get("/stats").body());
        while (stats.path("inFlight").asLong() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
            stats = Json.parse(router.get("/stats").body());
        }
        return stats.path("totalRequests").asLong();
    }

    static long countTokens(String model, ObjectNode body) throws Exception {
        ObjectNode request = body.deepCopy().put("model", model);
        request.remove("stream");
        request.remove("max_tokens");
        HttpResponse<String> response = router.post("/v1/messages/count_tokens", Json.string(request), Map.of());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Json.parse(response.body()).path("input_tokens").asLong();
    }
}
