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
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Claude Code's tool round trip (recorded requests 10 and 11) through the router to a mock Gemini server. */
class GeminiEndToEndTest {
    static MockUpstream gemini;
    static RouterHarness router;

    @BeforeAll
    static void start() throws Exception {
        gemini = new MockUpstream();
        router = RouterHarness.start(Map.of(
                "ccr.providers.gemini.base-url", gemini.baseUrl(),
                "ccr.providers.gemini.api-key", "AIza-gemini-test-0123456789",
                "ccr.providers.gemini.models", "gemini-2.5-pro"));
    }

    @AfterAll
    static void stop() {
        router.close();
        gemini.close();
    }

    static String send(String capture) throws Exception {
        ObjectNode body = Captures.body(capture);
        body.put("model", "gemini,gemini-2.5-pro");
        HttpResponse<String> response = router.post("/v1/messages?beta=true", Json.string(body), Map.of());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("x-ccr-provider")).hasValue("gemini");
        return response.body();
    }

    @Test
    void aToolRoundTripCompletes() throws Exception {
        gemini.on("/v1beta/models/", (ex, req) -> {
            OutputStream out = MockUpstream.startSse(ex);
            MockUpstream.writeFlushed(out, "data: {\"candidates\":[{\"content\":{\"role\":\"model\",\"parts\":[{\"text\":\"I will run it.\"}]}}],\"modelVersion\":\"gemini-2.5-pro\"}\r\n\r\n");
            MockUpstream.writeFlushed(out, "data: {\"candidates\":[{\"content\":{\"role\":\"model\",\"parts\":[{\"functionCall\":{\"name\":\"Bash\",\"args\":{\"command\":\"echo hi\"}}}]},\"finishReason\":\"STOP\"}],\"usageMetadata\":{\"promptTokenCount\":120,\"candidatesTokenCount\":9},\"modelVersion\":\"gemini-2.5-pro\"}\r\n\r\n");
        });

        String turn1 = send("10_tool_bash_turn1.json");

        assertThat(gemini.last().path()).startsWith("/v1beta/models/gemini-2.5-pro:streamGenerateContent?alt=sse");
        assertThat(gemini.last().header("x-goog-api-key")).isEqualTo("AIza-gemini-test-0123456789");
        assertThat(SseText.eventNames(turn1)).startsWith("message_start").endsWith("message_delta", "message_stop");
        assertThat(turn1).contains("\"name\":\"Bash\"").contains("echo hi").contains("\"stop_reason\":\"tool_use\"");
        JsonNode sent1 = Json.parse(gemini.last().body());
        assertThat(sent1.path("systemInstruction").isObject()).isTrue();
        assertThat(sent1.path("tools").get(0).path("functionDeclarations").size()).isPositive();

        gemini.on("/v1beta/models/", (ex, req) -> {
            OutputStream out = MockUpstream.startSse(ex);
            MockUpstream.writeFlushed(out, "data: {\"candidates\":[{\"content\":{\"role\":\"model\",\"parts\":[{\"text\":\"It printed hi.\"}]},\"finishReason\":\"STOP\"}],\"usageMetadata\":{\"promptTokenCount\":150,\"candidatesTokenCount\":4}}\r\n\r\n");
        });

        String turn2 = send("11_tool_bash_turn2_tool_result.json");

        assertThat(turn2).contains("It printed hi.").contains("\"stop_reason\":\"end_turn\"");
        String contents = Json.parse(gemini.last().body()).path("contents").toString();
        assertThat(contents).contains("\"functionCall\"").contains("\"functionResponse\"").contains("\"name\":\"Bash\"");
    }

    @Test
    void aNonStreamingClientGetsOneAnthropicMessage() throws Exception {
        gemini.on("/v1beta/models/", (ex, req) -> MockUpstream.json(ex, 200,
                "{\"candidates\":[{\"content\":{\"role\":\"model\",\"parts\":[{\"text\":\"pong\"}]},\"finishReason\":\"STOP\"}],"
                        + "\"usageMetadata\":{\"promptTokenCount\":3,\"candidatesTokenCount\":1}}", Map.of()));

        HttpResponse<String> response = router.post("/v1/messages",
                "{\"model\":\"gemini,gemini-2.5-pro\",\"max_tokens\":50,\"messages\":[{\"role\":\"user\",\"content\":\"ping\"}]}", Map.of());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(gemini.last().path()).isEqualTo("/v1beta/models/gemini-2.5-pro:generateContent");
        JsonNode message = Json.parse(response.body());
        assertThat(message.path("content").get(0).path("text").asText()).isEqualTo("pong");
        assertThat(message.path("usage").path("output_tokens").asInt()).isEqualTo(1);
    }
}
