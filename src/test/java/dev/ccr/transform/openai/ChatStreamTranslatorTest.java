package dev.ccr.transform.openai;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ccr.json.Json;
import dev.ccr.error.ErrorType;
import dev.ccr.error.RouterException;
import dev.ccr.model.MessagesRequest;
import dev.ccr.testing.AnthropicEventFold;
import dev.ccr.testing.SseText;
import dev.ccr.testing.TestRequests;
import dev.ccr.testing.TranslatorDriver;
import dev.ccr.stream.StreamTranslator;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import java.util.stream.Stream;

import static dev.ccr.testing.AnthropicEvents.parse;
import static dev.ccr.testing.AnthropicEvents.shape;
import static dev.ccr.testing.AnthropicEvents.withoutIds;
import static dev.ccr.testing.TranslatorDriver.run;
import static dev.ccr.transform.openai.OpenAiFixtures.resource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** OpenAI chat completion streams (as OpenAI, DeepSeek and OpenRouter send them) → Anthropic SSE events. */
class ChatStreamTranslatorTest {
    static final MessagesRequest STREAMING = TestRequests.request(
            "{\"model\":\"claude-opus-5-5\",\"stream\":true,\"max_tokens\":100,\"messages\":[]}");

    static final Supplier<StreamTranslator> TRANSLATORS =
            () -> OpenAiFixtures.translator(STREAMING, "text/event-stream; charset=utf-8");

    static List<JsonNode> translate(String sse) {
        return parse(run(TRANSLATORS.get(), sse));
    }

    /** Everything but the random message id, for comparing two translations. */
    static List<JsonNode> view(byte[] sse) {
        return withoutIds(parse(sse));
    }

    static JsonNode fold(List<JsonNode> events) {
        return AnthropicEventFold.fold(events);
    }

    static JsonNode messageDelta(List<JsonNode> events) {
        return events.stream().filter(e -> e.path("type").asText().equals("message_delta")).findFirst().orElseThrow();
    }

    @Test
    void textWithUsageInATrailingChunk() {
        List<JsonNode> events = translate(resource("stream_text_trailing_usage.sse"));

        assertThat(shape(events)).containsExactly("message_start", "content_block_start 0 text",
                "content_block_delta 0 text_delta", "content_block_delta 0 text_delta", "content_block_stop 0",
                "message_delta", "message_stop");
        JsonNode start = events.get(0).path("message");
        assertThat(start.path("model").asText()).isEqualTo("claude-opus-5-5");
        assertThat(start.path("role").asText()).isEqualTo("assistant");
        assertThat(start.path("id").asText()).startsWith("msg_");
        assertThat(fold(events).path("content").path(0).path("text").asText()).isEqualTo("Héllo, wörld 🌍!");
        JsonNode delta = messageDelta(events);
        assertThat(delta.path("delta").path("stop_reason").asText()).isEqualTo("end_turn");
        // 1200 prompt tokens of which 1024 cached: Anthropic counts them apart
        assertThat(delta.path("usage").path("input_tokens").asLong()).isEqualTo(176);
        assertThat(delta.path("usage").path("cache_read_input_tokens").asLong()).isEqualTo(1024);
        assertThat(delta.path("usage").path("output_tokens").asLong()).isEqualTo(9);
    }

    @Test
    void parallelToolCallsBecomeConsecutiveToolUseBlocks() throws IOException {
        List<JsonNode> events = translate(resource("stream_parallel_tool_calls.sse"));

        assertThat(shape(events)).containsExactly("message_start",
                "content_block_start 0 text", "content_block_delta 0 text_delta", "content_block_stop 0",
                "content_block_start 1 tool_use", "content_block_delta 1 input_json_delta", "content_block_stop 1",
                "content_block_start 2 tool_use", "content_block_delta 2 input_json_delta", "content_block_stop 2",
                "message_delta", "message_stop");
        JsonNode bash = events.get(4).path("content_block");
        assertThat(bash.path("id").asText()).isEqualTo("call_bash1");
        assertThat(bash.path("name").asText()).isEqualTo("Bash");
        assertThat(bash.path("input")).isEqualTo(Json.parse("{}"));
        assertThat(Json.parse(events.get(5).path("delta").path("partial_json").asText()))
                .isEqualTo(Json.parse("{\"command\":\"ls -la\",\"description\":\"List files\"}"));
        assertThat(events.get(7).path("content_block").path("id").asText()).isEqualTo("call_read2");
        JsonNode message = fold(events);
        assertThat(message.path("content").path(2).path("input"))
                .isEqualTo(Json.parse("{\"file_path\":\"/etc/hosts\"}"));
        assertThat(message.path("stop_reason").asText()).isEqualTo("tool_use");
        assertThat(message.path("usage").path("input_tokens").asLong()).isEqualTo(5000);
        assertThat(message.path("usage").path("output_tokens").asLong()).isEqualTo(61);
    }

    @Test
    void deepSeekReasoningWithUsageInTheFinishChunk() {
        List<JsonNode> events = translate(resource("stream_deepseek_reasoning_usage_in_finish.sse"));

        assertThat(shape(events)).containsExactly("message_start", "content_block_start 0 thinking",
                "content_block_delta 0 thinking_delta", "content_block_delta 0 thinking_delta",
                "content_block_stop 0", "content_block_start 1 text", "content_block_delta 1 text_delta",
                "content_block_stop 1", "message_delta", "message_stop");
        JsonNode message = fold(events);
        assertThat(message.path("content").path(0).path("thinking").asText()).isEqualTo("The user wants a pong.");
        assertThat(message.path("content").path(1).path("text").asText()).isEqualTo("pong");
        assertThat(message.path("stop_reason").asText()).isEqualTo("end_turn");
        assertThat(message.path("usage").path("input_tokens").asLong()).isEqualTo(64);
        assertThat(message.path("usage").path("cache_read_input_tokens").asLong()).isEqualTo(768);
        assertThat(message.path("usage").path("output_tokens").asLong()).isEqualTo(40);
    }

    @Test
    void openRouterReasoningCommentsAndUsageAfterTheFinishReason() {
        List<JsonNode> events = translate(resource("stream_openrouter_reasoning.sse"));

        JsonNode message = fold(events);
        assertThat(message.path("content")).hasSize(2);
        assertThat(message.path("content").path(0).path("type").asText()).isEqualTo("thinking");
        assertThat(message.path("content").path(0).path("thinking").asText()).isEqualTo("Thinking done.");
        assertThat(message.path("content").path(1).path("text").asText()).isEqualTo("Answer.");
        assertThat(message.path("stop_reason").asText()).isEqualTo("max_tokens");
        assertThat(message.path("usage").path("input_tokens").asLong()).isEqualTo(50);
        assertThat(message.path("usage").path("output_tokens").asLong()).isEqualTo(16);
        assertThat(shape(events).get(shape(events).size() - 1)).isEqualTo("message_stop");
    }

    @Test
    void errorChunkMidStreamIsARouterExceptionWithoutSecrets() {
        List<String> chunks = SseText.events(resource("stream_error_midstream.sse"));
        StreamTranslator translator = OpenAiFixtures.translator(STREAMING, "text/event-stream");

        byte[] first = translator.translate(ByteBuffer.wrap(chunks.get(0).getBytes(StandardCharsets.UTF_8)));
        assertThat(shape(parse(first))).containsExactly("message_start", "content_block_start 0 text",
                "content_block_delta 0 text_delta");
        assertThatThrownBy(() -> translator.translate(ByteBuffer.wrap(chunks.get(1).getBytes(StandardCharsets.UTF_8))))
                .isInstanceOfSatisfying(RouterException.class, e -> {
                    assertThat(e.type()).isEqualTo(ErrorType.RATE_LIMIT);
                    assertThat(e.status()).isEqualTo(429);
                })
                .hasMessageContaining("Rate limit exceeded")
                .hasMessageNotContaining("abcdef0123456789");
    }

    @Test
    void everySplitPositionGivesTheSameEvents() {
        for (String name : List.of("stream_text_trailing_usage.sse", "stream_parallel_tool_calls.sse",
                "stream_deepseek_reasoning_usage_in_finish.sse", "stream_openrouter_reasoning.sse")) {
            byte[] sse = resource(name).getBytes(StandardCharsets.UTF_8);
            List<JsonNode> whole = view(run(TRANSLATORS.get(), sse));
            TranslatorDriver.assertCutsGive(whole, TRANSLATORS, sse, ChatStreamTranslatorTest::view,
                    TranslatorDriver.singleCuts(sse.length), name);
        }
    }

    @Test
    void randomSplitsGiveTheSameEvents() {
        Random random = new Random(20250101L);
        byte[] sse = resource("stream_parallel_tool_calls.sse").getBytes(StandardCharsets.UTF_8);
        List<JsonNode> whole = view(run(TRANSLATORS.get(), sse));
        TranslatorDriver.assertCutsGive(whole, TRANSLATORS, sse, ChatStreamTranslatorTest::view,
                Stream.generate(() -> TranslatorDriver.randomCuts(random, 1 + random.nextInt(40), sse.length))
                        .limit(200).toList(), "stream_parallel_tool_calls.sse");
    }

    @Test
    void crlfLineEndsAndNoDoneLineStillFinish() {
        String sse = resource("stream_text_trailing_usage.sse").replace("data: [DONE]\n\n", "")
                .replace("\n", "\r\n");
        JsonNode message = fold(translate(sse));

        assertThat(message.path("content").path(0).path("text").asText()).isEqualTo("Héllo, wörld 🌍!");
        assertThat(message.path("usage").path("output_tokens").asLong()).isEqualTo(9);
    }

    @Test
    void aStreamCutOffBeforeAnyFinishIsAnError() {
        String sse = String.join("", SseText.events(resource("stream_text_trailing_usage.sse")).subList(0, 3));

        assertThatThrownBy(() -> translate(sse)).isInstanceOf(RouterException.class)
                .hasMessageContaining("ended before the answer was complete");
    }

    @Test
    void nothingAfterDoneCounts() {
        String sse = resource("stream_text_trailing_usage.sse") + "data: {\"choices\":[{\"delta\":{\"content\":\"late\"}}]}\n\n";

        assertThat(fold(translate(sse)).path("content").path(0).path("text").asText()).isEqualTo("Héllo, wörld 🌍!");
    }

    @Test
    void toolCallsWithoutIndexAndAStopFinishReason() throws IOException {
        // some OpenAI-compatible servers send each call whole, without index, and finish with "stop"
        String sse = chunk("{\"role\":\"assistant\",\"tool_calls\":[{\"id\":\"c1\",\"type\":\"function\","
                + "\"function\":{\"name\":\"Read\",\"arguments\":\"{\\\"file_path\\\":\\\"/a\\\"}\"}}]}", null)
                + chunk("{\"tool_calls\":[{\"id\":\"c2\",\"type\":\"function\",\"function\":{\"name\":\"Read\","
                + "\"arguments\":\"{\\\"file_path\\\":\\\"/b\\\",}\"}}]}", null)
                + chunk("{}", "stop") + "data: [DONE]\n\n";
        JsonNode message = fold(translate(sse));

        assertThat(message.path("content")).hasSize(2);
        assertThat(message.path("content").path(0).path("id").asText()).isEqualTo("c1");
        assertThat(message.path("content").path(1).path("input")).isEqualTo(Json.parse("{\"file_path\":\"/b\"}"));
        assertThat(message.path("stop_reason").asText()).isEqualTo("tool_use");
    }

    @Test
    void unrepairableToolArgumentsAreReportedNotEmptied() {
        String sse = chunk("{\"tool_calls\":[{\"index\":0,\"id\":\"c1\",\"type\":\"function\","
                + "\"function\":{\"name\":\"Bash\",\"arguments\":\"{\\\"command\\\": \\\"rm -rf /tm\"}}]}", null)
                + chunk("{}", "length") + "data: [DONE]\n\n";

        assertThatThrownBy(() -> translate(sse)).isInstanceOf(RouterException.class)
                .hasMessageContaining("tool 'Bash'");
    }

    @Test
    void contentFilterBecomesRefusal() {
        String sse = chunk("{\"content\":\"I can't\"}", null) + chunk("{}", "content_filter") + "data: [DONE]\n\n";

        assertThat(fold(translate(sse)).path("stop_reason").asText()).isEqualTo("refusal");
    }

    static String chunk(String delta, String finishReason) {
        return "data: {\"id\":\"x\",\"object\":\"chat.completion.chunk\",\"choices\":[{\"index\":0,\"delta\":" + delta
                + ",\"finish_reason\":" + (finishReason == null ? "null" : "\"" + finishReason + "\"") + "}]}\n\n";
    }
}
