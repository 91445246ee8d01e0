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
 * Claude Code's tool round trip (the recorded requests 10 and 11) through the router to an OpenAI-compatible mock
 * that streams chat completion chunks: the client sees Anthropic events, the provider sees OpenAI requests.
 */
class OpenAiEndToEndTest {
    static MockUpstream openai;
    static RouterHarness router;

    @BeforeAll
    static void start() throws Exception {
        openai = new MockUpstream();
        router = RouterHarness.start(Map.of(
                "ccr.providers.openai.base-url", openai.baseUrl(),
                "ccr.providers.openai.api-key", "sk-openai-test-0123456789",
                "ccr.providers.openai.models", "gpt-4.1"));
    }

    @AfterAll
    static void stop() {
        router.close();
        openai.close();
    }

    static void chunks(com.sun.net.httpserver.HttpExchange exchange, List<String> chunks) throws Exception {
        OutputStream out = MockUpstream.startSse(exchange);
        for (String chunk : chunks) {
            MockUpstream.writeFlushed(out, "data: " + chunk + "\n\n");
        }
        MockUpstream.writeFlushed(out, "data: [DONE]\n\n");
    }

    static String send(String capture) throws Exception {
        ObjectNode body = Captures.body(capture);
        body.put("model", "openai,gpt-4.1");
        HttpResponse<String> response = router.post("/v1/messages?beta=true", Json.string(body), Map.of());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("x-ccr-provider")).hasValue("openai");
        return response.body();
    }

    static JsonNode data(String sse, int index) throws Exception {
        return Json.parse(SseText.events(sse).get(index).split("data: ", 2)[1]);
    }

    @Test
    void aToolRoundTripCompletes() throws Exception {
        openai.on("/v1/chat/completions", (ex, req) -> chunks(ex, List.of(
                "{\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"model\":\"gpt-4.1\",\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"I will run it.\"}}]}",
                "{\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"model\":\"gpt-4.1\",\"choices\":[{\"index\":0,\"delta\":{\"tool_calls\":[{\"index\":0,\"id\":\"call_1\",\"type\":\"function\",\"function\":{\"name\":\"Bash\",\"arguments\":\"{\\\"command\\\": \\\"ec\"}}]}}]}",
                "{\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"model\":\"gpt-4.1\",\"choices\":[{\"index\":0,\"delta\":{\"tool_calls\":[{\"index\":0,\"function\":{\"arguments\":\"ho hi\\\"}\"}}]}}]}",
                "{\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"model\":\"gpt-4.1\",\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"tool_calls\"}],\"usage\":{\"prompt_tokens\":120,\"completion_tokens\":17,\"total_tokens\":137}}")));

        String turn1 = send("10_tool_bash_turn1.json");

        assertThat(SseText.eventNames(turn1)).containsExactly("message_start", "content_block_start",
                "content_block_delta", "content_block_stop", "content_block_start", "content_block_delta",
                "content_block_stop", "message_delta", "message_stop");
        assertThat(data(turn1, 4).path("content_block").path("name").asText()).isEqualTo("Bash");
        assertThat(Json.parse(data(turn1, 5).path("delta").path("partial_json").asText()).path("command").asText())
                .isEqualTo("echo hi");
        assertThat(data(turn1, 7).path("delta").path("stop_reason").asText()).isEqualTo("tool_use");
        assertThat(data(turn1, 7).path("usage").path("output_tokens").asInt()).isEqualTo(17);
        JsonNode sent1 = Json.parse(openai.last().body());
        assertThat(sent1.path("model").asText()).isEqualTo("gpt-4.1");
        assertThat(sent1.path("stream").asBoolean()).isTrue();
        assertThat(openai.last().header("authorization")).isEqualTo("Bearer sk-openai-test-0123456789");

        openai.on("/v1/chat/completions", (ex, req) -> chunks(ex, List.of(
                "{\"id\":\"c2\",\"object\":\"chat.completion.chunk\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"It printed hi.\"},\"finish_reason\":\"stop\"}]}",
                "{\"id\":\"c2\",\"object\":\"chat.completion.chunk\",\"choices\":[],\"usage\":{\"prompt_tokens\":150,\"completion_tokens\":5}}")));

        String turn2 = send("11_tool_bash_turn2_tool_result.json");

        assertThat(turn2).contains("It printed hi.");
        assertThat(data(turn2, SseText.events(turn2).size() - 2).path("usage").path("output_tokens").asInt()).isEqualTo(5);
        JsonNode messages = Json.parse(openai.last().body()).path("messages");
        JsonNode assistant = null;
        JsonNode tool = null;
        for (JsonNode m : messages) {
            if (m.path("tool_calls").isArray()) {
                assistant = m;
            }
            if ("tool".equals(m.path("role").asText())) {
                tool = m;
            }
        }
        assertThat(assistant).isNotNull();
        assertThat(tool).isNotNull();
        assertThat(tool.path("tool_call_id").asText())
                .isEqualTo(assistant.path("tool_calls").get(0).path("id").asText());
        assertThat(tool.path("content").toString()).contains("hi");
    }

    @Test
    void aNonStreamingClientGetsOneAnthropicMessage() throws Exception {
        openai.on("/v1/chat/completions", (ex, req) -> MockUpstream.json(ex, 200,
                "{\"id\":\"c3\",\"object\":\"chat.completion\",\"model\":\"gpt-4.1\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"pong\"},\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":9,\"completion_tokens\":1}}",
                Map.of()));

        HttpResponse<String> response = router.post("/v1/messages",
                "{\"model\":\"openai,gpt-4.1\",\"max_tokens\":50,\"messages\":[{\"role\":\"user\",\"content\":\"ping\"}]}", Map.of());

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode message = Json.parse(response.body());
        assertThat(message.path("type").asText()).isEqualTo("message");
        assertThat(message.path("content").get(0).path("text").asText()).isEqualTo("pong");
        assertThat(message.path("stop_reason").asText()).isEqualTo("end_turn");
        assertThat(message.path("usage").path("output_tokens").asInt()).isEqualTo(1);
    }

    @Test
    void providerErrorsComeBackInAnthropicsEnvelope() throws Exception {
        openai.on("/v1/chat/completions", (ex, req) -> MockUpstream.json(ex, 401,
                "{\"error\":{\"message\":\"Incorrect API key provided: sk-opena***6789\",\"type\":\"invalid_request_error\",\"code\":\"invalid_api_key\"}}",
                Map.of()));

        HttpResponse<String> response = router.post("/v1/messages",
                "{\"model\":\"openai,gpt-4.1\",\"max_tokens\":50,\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"ping\"}]}", Map.of());

        assertThat(response.statusCode()).isEqualTo(401);
        JsonNode body = Json.parse(response.body());
        assertThat(body.path("type").asText()).isEqualTo("error");
        assertThat(body.path("error").path("message").asText()).contains("Incorrect API key");
        assertThat(response.body()).doesNotContain("sk-openai-test-0123456789");
    }
}
