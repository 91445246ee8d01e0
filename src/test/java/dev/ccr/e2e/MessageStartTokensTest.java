package dev.ccr.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ccr.json.Json;
import dev.ccr.testing.Captures;
import dev.ccr.testing.MockUpstream;
import dev.ccr.testing.RouterHarness;
import dev.ccr.testing.SseText;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.OutputStream;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Claude Code reads the context's size from message_start. Providers that report usage only at the end (OpenAI's
 * streams, a Gemini stream whose first chunk has no usageMetadata) still give it the request's counted input tokens
 * there — the count count_tokens answers — and their real usage in message_delta.
 */
class MessageStartTokensTest {
    static MockUpstream upstream;
    static RouterHarness router;

    @BeforeAll
    static void start() throws Exception {
        upstream = new MockUpstream();
        upstream.on("/v1/chat/completions", (ex, req) -> {
            OutputStream out = MockUpstream.startSse(ex);
            MockUpstream.writeFlushed(out, "data: {\"id\":\"c1\",\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\","
                    + "\"content\":\"pong\"}}]}\n\n");
            MockUpstream.writeFlushed(out, "data: {\"id\":\"c1\",\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":"
                    + "\"stop\"}],\"usage\":{\"prompt_tokens\":4321,\"completion_tokens\":5}}\n\ndata: [DONE]\n\n");
        });
        upstream.on("/v1beta/models/", (ex, req) -> {
            OutputStream out = MockUpstream.startSse(ex);
            MockUpstream.writeFlushed(out, "data: {\"candidates\":[{\"content\":{\"role\":\"model\",\"parts\":[{\"text\":"
                    + "\"pong\"}]}}]}\r\n\r\n");
            MockUpstream.writeFlushed(out, "data: {\"candidates\":[{\"content\":{\"role\":\"model\",\"parts\":[{\"text\":"
                    + "\"!\"}]},\"finishReason\":\"STOP\"}],\"usageMetadata\":{\"promptTokenCount\":4321,"
                    + "\"candidatesTokenCount\":5}}\r\n\r\n");
        });
        router = RouterHarness.start(Map.of(
                "ccr.providers.openai.base-url", upstream.baseUrl(),
                "ccr.providers.openai.api-key", "sk-openai-test-0123456789",
                "ccr.providers.gemini.base-url", upstream.baseUrl(),
                "ccr.providers.gemini.api-key", "gm-test-0123456789"));
    }

    @AfterAll
    static void stop() {
        router.close();
        upstream.close();
    }

    static void messageStartCarriesTheCountedInputTokens(String target) throws Exception {
        ObjectNode body = Captures.body("10_tool_bash_turn1.json");
        body.put("model", target);
        HttpResponse<String> counted = router.post("/v1/messages/count_tokens", Json.string(body), Map.of());
        long expected = Json.parse(counted.body()).path("input_tokens").asLong();
        assertThat(expected).isGreaterThan(1000);

        HttpResponse<String> response = router.post("/v1/messages?beta=true", Json.string(body), Map.of());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        List<String> events = SseText.events(response.body());
        JsonNode start = data(events.get(0));
        assertThat(start.path("type").asText()).isEqualTo("message_start");
        assertThat(start.path("message").path("usage").path("input_tokens").asLong()).isEqualTo(expected);
        JsonNode delta = data(events.get(events.size() - 2));
        assertThat(delta.path("type").asText()).isEqualTo("message_delta");
        assertThat(delta.path("usage").path("input_tokens").asLong()).isEqualTo(4321);
    }

    static JsonNode data(String event) throws Exception {
        return Json.parse(event.split("data: ", 2)[1]);
    }

    @Test
    void anOpenAiStream() throws Exception {
        messageStartCarriesTheCountedInputTokens("openai,gpt-4.1");
    }

    @Test
    void aGeminiStreamWhoseFirstChunkHasNoUsage() throws Exception {
        messageStartCarriesTheCountedInputTokens("gemini,gemini-2.5-flash");
    }
}
