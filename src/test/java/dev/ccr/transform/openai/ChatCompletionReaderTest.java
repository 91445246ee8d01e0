package dev.ccr.transform.openai;

import dev.ccr.testing.AnthropicEventFold;
import com.fasterxml.jackson.databind.JsonNode;
import dev.ccr.json.Json;
import dev.ccr.error.ErrorType;
import dev.ccr.error.RouterException;
import dev.ccr.model.MessagesRequest;
import dev.ccr.testing.AnthropicEventFold;
import dev.ccr.testing.TestRequests;
import dev.ccr.stream.StreamTranslator;
import dev.ccr.transform.WholeBodyTranslator;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;

import static dev.ccr.testing.AnthropicEvents.parse;
import static dev.ccr.testing.TranslatorDriver.run;
import static dev.ccr.transform.openai.OpenAiFixtures.resource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Whole (non-streamed) OpenAI chat completions → Anthropic, and which translator a provider's answer gets. */
class ChatCompletionReaderTest {
    static final MessagesRequest NOT_STREAMING = TestRequests.request(
            "{\"model\":\"claude-opus-5-5\",\"stream\":false,\"max_tokens\":100,\"messages\":[]}");

    /** A whole completion as the event stream a streaming client gets when the provider answered with JSON. */
    static List<JsonNode> asEvents(String completion) {
        StreamTranslator translator = OpenAiFixtures.translator(ChatStreamTranslatorTest.STREAMING,
                "application/json");
        assertThat(translator).isInstanceOf(WholeBodyTranslator.class);
        return parse(run(translator, completion));
    }

    @Test
    void textAndParallelToolCallsWithRepairedArguments() throws IOException {
        List<JsonNode> events = asEvents(resource("completion_tool_calls.json"));
        JsonNode message = AnthropicEventFold.fold(events);

        assertThat(message.path("content")).hasSize(3);
        assertThat(message.path("content").path(0).path("text").asText()).isEqualTo("I'll look at both.");
        JsonNode read = message.path("content").path(1);
        assertThat(read.path("type").asText()).isEqualTo("tool_use");
        assertThat(read.path("id").asText()).isEqualTo("call_one");
        assertThat(read.path("name").asText()).isEqualTo("Read");
        assertThat(read.path("input")).isEqualTo(Json.parse("{\"file_path\":\"/tmp/a.txt\"}"));
        // the second call's arguments end with a trailing comma in the fixture
        assertThat(message.path("content").path(2).path("input"))
                .isEqualTo(Json.parse("{\"command\":\"wc -l /tmp/a.txt\"}"));
        assertThat(message.path("stop_reason").asText()).isEqualTo("tool_use");
        assertThat(message.path("usage").path("input_tokens").asLong()).isEqualTo(128);
        assertThat(message.path("usage").path("cache_read_input_tokens").asLong()).isEqualTo(1920);
        assertThat(message.path("usage").path("output_tokens").asLong()).isEqualTo(57);
    }

    @Test
    void deepSeekReasoningContentBecomesAThinkingBlockFirst() {
        JsonNode message = AnthropicEventFold.fold(asEvents(resource("completion_deepseek_reasoning.json")));

        assertThat(message.path("content").path(0).path("type").asText()).isEqualTo("thinking");
        assertThat(message.path("content").path(0).path("thinking").asText()).isEqualTo("2 + 2 = 4.");
        assertThat(message.path("content").path(1).path("text").asText()).isEqualTo("The answer is 4.");
        assertThat(message.path("stop_reason").asText()).isEqualTo("end_turn");
        assertThat(message.path("usage").path("input_tokens").asLong()).isEqualTo(20);
        assertThat(message.path("usage").path("output_tokens").asLong()).isEqualTo(15);
    }

    @Test
    void refusalAndContentFilter() {
        JsonNode message = AnthropicEventFold.fold(asEvents("""
                {"id":"c","object":"chat.completion","choices":[{"index":0,"message":{"role":"assistant",
                 "content":null,"refusal":"I can't help with that."},"finish_reason":"content_filter"}],
                 "usage":{"prompt_tokens":5,"completion_tokens":7,"total_tokens":12}}"""));

        assertThat(message.path("content").path(0).path("text").asText()).isEqualTo("I can't help with that.");
        assertThat(message.path("stop_reason").asText()).isEqualTo("refusal");
    }

    @Test
    void anErrorBodyWithStatus200IsReported() {
        assertThatThrownBy(() -> asEvents("{\"error\":{\"message\":\"Provider overloaded\",\"type\":\"overloaded_error\"}}"))
                .isInstanceOfSatisfying(RouterException.class,
                        e -> assertThat(e.type()).isEqualTo(ErrorType.OVERLOADED))
                .hasMessageContaining("Provider overloaded");
        assertThatThrownBy(() -> asEvents("{\"id\":\"c\",\"choices\":[]}")).isInstanceOf(RouterException.class)
                .hasMessageContaining("no choices");
        assertThatThrownBy(() -> asEvents("<html>bad gateway</html>")).isInstanceOf(RouterException.class)
                .hasMessageContaining("not JSON");
    }

    @Test
    void malformedArgumentsThatCannotBeRepairedAreReported() {
        assertThatThrownBy(() -> asEvents("""
                {"choices":[{"index":0,"message":{"role":"assistant","content":null,"tool_calls":[{"id":"c1",
                 "type":"function","function":{"name":"Write","arguments":"{\\"file_path\\": \\"/a\\", \\"content\\": \\"unterminated"}}]},
                 "finish_reason":"length"}]}"""))
                .isInstanceOf(RouterException.class).hasMessageContaining("tool 'Write'");
    }

    @Test
    void translatorFollowsTheProviderContentType() {
        assertThat(OpenAiTransformer.isEventStream("text/event-stream; charset=utf-8", false)).isTrue();
        assertThat(OpenAiTransformer.isEventStream("application/json", true)).isFalse();
        assertThat(OpenAiTransformer.isEventStream(null, true)).isTrue();
        assertThat(OpenAiTransformer.isEventStream(null, false)).isFalse();
        assertThat(OpenAiFixtures.translator(NOT_STREAMING, "application/json"))
                .isInstanceOf(WholeBodyTranslator.class);
        assertThat(OpenAiFixtures.translator(NOT_STREAMING, "text/event-stream"))
                .isInstanceOf(ChatStreamTranslator.class);
    }

    /** A client that did not stream gets one Anthropic message. */
    @Test
    void nonStreamingClientGetsOneAnthropicMessage() throws IOException {
        StreamTranslator translator = OpenAiFixtures.translator(NOT_STREAMING, "application/json");
        JsonNode message = TestRequests.json(run(translator, resource("completion_tool_calls.json")));

        assertThat(message.path("type").asText()).isEqualTo("message");
        assertThat(message.path("role").asText()).isEqualTo("assistant");
        assertThat(message.path("model").asText()).isEqualTo("claude-opus-5-5");
        assertThat(message.path("content")).hasSize(3);
        assertThat(message.path("content").path(2).path("input"))
                .isEqualTo(Json.parse("{\"command\":\"wc -l /tmp/a.txt\"}"));
        assertThat(message.path("stop_reason").asText()).isEqualTo("tool_use");
        assertThat(message.path("usage").path("output_tokens").asLong()).isEqualTo(57);

        StreamTranslator streamed = OpenAiFixtures.translator(NOT_STREAMING, "text/event-stream");
        JsonNode fromStream = TestRequests.json(run(streamed, resource("stream_parallel_tool_calls.sse")));
        assertThat(fromStream.path("content")).hasSize(3);
        assertThat(fromStream.path("usage").path("input_tokens").asLong()).isEqualTo(5000);
    }
}
