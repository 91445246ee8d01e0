package dev.ccr.transform.gemini;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ccr.error.ErrorType;
import dev.ccr.error.RouterException;
import dev.ccr.model.MessagesRequest;
import dev.ccr.testing.AnthropicEventFold;
import dev.ccr.testing.AnthropicEvents;
import dev.ccr.testing.TestProviders;
import dev.ccr.testing.TestRequests;
import dev.ccr.stream.StreamTranslator;
import dev.ccr.transform.WholeBodyTranslator;
import org.junit.jupiter.api.Test;

import static dev.ccr.transform.gemini.GeminiFixtures.resource;
import static dev.ccr.testing.TranslatorDriver.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Whole generateContent answers (Claude Code's non-streaming fallback) as one Anthropic message. */
class GeminiWholeResponseTest {
    static final MessagesRequest WHOLE = GeminiStreamTranslatorTest.WHOLE;

    static StreamTranslator translator(MessagesRequest request, String contentType) {
        return GeminiFixtures.TRANSFORMER.translator(request, GeminiFixtures.TARGET, GeminiFixtures.provider(),
                TestProviders.response(contentType));
    }

    static JsonNode convert(String body) {
        return TestRequests.json(run(translator(WHOLE, "application/json; charset=UTF-8"), body));
    }

    @Test
    void thoughtTextAndFunctionCallBecomeOneMessage() {
        JsonNode message = convert(resource("response_function_call.json"));

        assertThat(message.path("id").asText()).isEqualTo("msg_2pKfaPuNHabaz7IP8qO8kA4");
        assertThat(message.path("model").asText()).isEqualTo("gemini-2.5-pro");
        assertThat(message.path("role").asText()).isEqualTo("assistant");
        JsonNode content = message.path("content");
        assertThat(content).extracting(b -> b.path("type").asText())
                .containsExactly("thinking", "text", "thinking", "tool_use");
        assertThat(content.path(0).path("thinking").asText()).startsWith("**Choosing a command**");
        assertThat(content.path(1).path("text").asText()).isEqualTo("I will run it.");
        assertThat(content.path(2).path("signature").asText()).isEqualTo("gemini:CtwBAdHtim+Qq2v8wz1n4Gm0oXr0Yc");
        assertThat(content.path(3).path("id").asText()).isEqualTo("call_7f3a9e");
        assertThat(content.path(3).path("name").asText()).isEqualTo("Bash");
        assertThat(content.path(3).path("input").path("command").asText()).isEqualTo("echo hi");
        assertThat(message.path("stop_reason").asText()).isEqualTo("tool_use");
        JsonNode usage = message.path("usage");
        assertThat(usage.path("input_tokens").asLong()).isEqualTo(5321 - 4096);
        assertThat(usage.path("cache_read_input_tokens").asLong()).isEqualTo(4096);
        assertThat(usage.path("output_tokens").asLong()).isEqualTo(24 + 57);
    }

    @Test
    void blockedPromptIsARefusalWithoutContent() {
        JsonNode message = convert(resource("response_blocked_prompt.json"));

        assertThat(message.path("content")).isEmpty();
        assertThat(message.path("stop_reason").asText()).isEqualTo("refusal");
        assertThat(message.path("usage").path("input_tokens").asLong()).isEqualTo(31);
    }

    @Test
    void jsonArrayOfChunksIsReadAsAStream() {
        // streamGenerateContent without alt=sse answers with a JSON array of the same chunks
        String array = "[" + String.join(",", dev.ccr.testing.SseText.events(resource("stream_text.sse")).stream()
                .map(e -> e.strip().substring("data:".length())).toList()) + "]";
        JsonNode message = convert(array);

        assertThat(message.path("content").path(0).path("text").asText()).isEqualTo("Héllo, wörld 🌍!");
        assertThat(message.path("usage").path("output_tokens").asLong()).isEqualTo(9);
    }

    @Test
    void errorBodyIsThrown() {
        String body = "{\"error\":{\"code\":400,\"message\":\"Invalid JSON payload received. Unknown name \\\"foo\\\"\","
                + "\"status\":\"INVALID_ARGUMENT\"}}";

        assertThatThrownBy(() -> convert(body)).isInstanceOfSatisfying(RouterException.class, e -> {
            assertThat(e.type()).isEqualTo(ErrorType.INVALID_REQUEST);
            assertThat(e.getMessage()).contains("Unknown name");
        });
    }

    @Test
    void bodyThatIsNotJsonIsAnError() {
        assertThatThrownBy(() -> convert("<html>502</html>")).isInstanceOf(RouterException.class)
                .hasMessageContaining("not JSON");
    }

    @Test
    void translatorFollowsTheProvidersContentType() {
        MessagesRequest streaming = GeminiStreamTranslatorTest.STREAMING;

        assertThat(translator(streaming, "text/event-stream")).isInstanceOf(GeminiStreamTranslator.class);
        assertThat(translator(streaming, null)).isInstanceOf(GeminiStreamTranslator.class);
        assertThat(translator(WHOLE, null)).isInstanceOf(WholeBodyTranslator.class);
        // a streaming client answered with JSON still gets SSE events
        StreamTranslator json = translator(streaming, "application/json");
        assertThat(json).isInstanceOf(WholeBodyTranslator.class);
        byte[] sse = run(json, resource("response_function_call.json"));
        assertThat(AnthropicEventFold.fold(AnthropicEvents.parse(sse)).path("stop_reason").asText()).isEqualTo("tool_use");
    }
}
