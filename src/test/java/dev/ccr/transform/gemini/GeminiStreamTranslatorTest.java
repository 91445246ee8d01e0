package dev.ccr.transform.gemini;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ccr.error.ErrorType;
import dev.ccr.error.RouterException;
import dev.ccr.model.MessagesRequest;
import dev.ccr.testing.AnthropicEventFold;
import dev.ccr.testing.SseText;
import dev.ccr.testing.TestProviders;
import dev.ccr.testing.TestRequests;
import dev.ccr.testing.TranslatorDriver;
import dev.ccr.stream.StreamTranslator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;

import static dev.ccr.testing.AnthropicEvents.parse;
import static dev.ccr.testing.AnthropicEvents.shape;
import static dev.ccr.testing.TranslatorDriver.run;
import static dev.ccr.transform.gemini.GeminiFixtures.resource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Gemini streamGenerateContent?alt=sse answers, in the shape Google documents, as Anthropic SSE events. */
class GeminiStreamTranslatorTest {
    static final MessagesRequest STREAMING = TestRequests.request(
            "{\"model\":\"claude-opus-5-5\",\"stream\":true,\"max_tokens\":100,\"messages\":[]}");
    static final MessagesRequest WHOLE = TestRequests.request(
            "{\"model\":\"claude-opus-5-5\",\"max_tokens\":100,\"messages\":[]}");

    static List<JsonNode> translate(String sse) {
        return parse(run(GeminiFixtures.streamTranslator(STREAMING), sse));
    }

    static String chunk(String partsJson, String finishReason) {
        return "data: {\"candidates\":[{\"content\":{\"parts\":" + partsJson + ",\"role\":\"model\"}"
                + (finishReason == null ? "" : ",\"finishReason\":\"" + finishReason + "\"")
                + ",\"index\":0}],\"modelVersion\":\"gemini-2.5-flash\",\"responseId\":\"r1\"}\n\n";
    }

    @Test
    void textStreamsAsOneTextBlockWithUsageAndModel() {
        List<JsonNode> events = translate(resource("stream_text.sse"));

        assertThat(shape(events)).containsExactly("message_start", "content_block_start 0 text",
                "content_block_delta 0 text_delta", "content_block_delta 0 text_delta",
                "content_block_delta 0 text_delta", "content_block_stop 0", "message_delta", "message_stop");
        JsonNode start = events.get(0).path("message");
        assertThat(start.path("id").asText()).isEqualTo("msg_mYmfaJ2bJ8SVz7IPsPrQ2Ak");
        assertThat(start.path("model").asText()).isEqualTo("gemini-2.5-flash");
        // the first chunk already tells the prompt size: message_start shows it, less the cached part
        assertThat(start.path("usage").path("input_tokens").asLong()).isEqualTo(176);
        assertThat(start.path("usage").path("cache_read_input_tokens").asLong()).isEqualTo(1024);

        JsonNode message = AnthropicEventFold.fold(events);
        assertThat(message.path("content").path(0).path("text").asText()).isEqualTo("Héllo, wörld 🌍!");
        assertThat(message.path("stop_reason").asText()).isEqualTo("end_turn");
        assertThat(message.path("usage").path("input_tokens").asLong()).isEqualTo(176);
        assertThat(message.path("usage").path("cache_read_input_tokens").asLong()).isEqualTo(1024);
        assertThat(message.path("usage").path("output_tokens").asLong()).isEqualTo(9);
    }

    @Test
    void thoughtsBecomeThinkingAndTheTrailingSignatureItsOwnBlock() {
        List<JsonNode> events = translate(resource("stream_thoughts.sse"));

        assertThat(shape(events)).containsExactly("message_start", "content_block_start 0 thinking",
                "content_block_delta 0 thinking_delta", "content_block_delta 0 thinking_delta",
                "content_block_stop 0", "content_block_start 1 text", "content_block_delta 1 text_delta",
                "content_block_stop 1", "content_block_start 2 thinking", "content_block_delta 2 signature_delta",
                "content_block_stop 2", "message_delta", "message_stop");
        JsonNode message = AnthropicEventFold.fold(events);
        assertThat(message.path("content").path(0).path("thinking").asText())
                .isEqualTo("**Weighing the request**\n\nThe user wants a short answer, so I will keep it brief.");
        assertThat(message.path("content").path(1).path("text").asText()).isEqualTo("Pong.");
        assertThat(message.path("content").path(2).path("signature").asText())
                .isEqualTo("gemini:CiIBVKhc7oS4xq0a5pMxJ+5bA0c3QmQv0PqkVhP1pW9m6O2T");
        // thoughts are output tokens: 2 + 159
        assertThat(message.path("usage").path("output_tokens").asLong()).isEqualTo(161);
        assertThat(message.path("model").asText()).isEqualTo("gemini-2.5-pro");
    }

    @Test
    void parallelFunctionCallsBecomeToolUseBlocksWithOneInputDeltaEach() {
        List<JsonNode> events = translate(resource("stream_parallel_calls.sse"));

        assertThat(shape(events)).containsExactly("message_start", "content_block_start 0 thinking",
                "content_block_delta 0 thinking_delta", "content_block_stop 0", "content_block_start 1 text",
                "content_block_delta 1 text_delta", "content_block_stop 1", "content_block_start 2 thinking",
                "content_block_delta 2 signature_delta", "content_block_stop 2", "content_block_start 3 tool_use",
                "content_block_delta 3 input_json_delta", "content_block_stop 3", "content_block_start 4 tool_use",
                "content_block_delta 4 input_json_delta", "content_block_stop 4", "message_delta", "message_stop");
        JsonNode message = AnthropicEventFold.fold(events);
        JsonNode content = message.path("content");
        // the signature Gemini put on the first call sits right before it
        assertThat(content.path(2).path("signature").asText()).isEqualTo("gemini:EqQCCqECAdHtim9Y3Sg1sJZ3mVxkq2f0");
        assertThat(content.path(3).path("id").asText()).isEqualTo("toolu_gen_1");
        assertThat(content.path(3).path("name").asText()).isEqualTo("get_weather");
        assertThat(content.path(3).path("input").path("city").asText()).isEqualTo("Paris");
        assertThat(content.path(4).path("id").asText()).isEqualTo("toolu_gen_2");
        assertThat(content.path(4).path("input").path("units").path("temp").asText()).isEqualTo("C");
        // Gemini says STOP after function calls; Anthropic says tool_use
        assertThat(message.path("stop_reason").asText()).isEqualTo("tool_use");
        assertThat(message.path("usage").path("output_tokens").asLong()).isEqualTo(31 + 88);
    }

    @Test
    void madeUpToolIdsLookLikeAnthropicsAndGeminiIdsAreKept() {
        StreamTranslator translator = GeminiFixtures.TRANSFORMER.translator(STREAMING, GeminiFixtures.TARGET,
                GeminiFixtures.provider(), TestProviders.response("text/event-stream"));
        String sse = chunk("[{\"functionCall\":{\"name\":\"Read\",\"args\":{}}},"
                + "{\"functionCall\":{\"id\":\"fc_42\",\"name\":\"Bash\",\"args\":{\"command\":\"ls\"}}}]", "STOP");
        JsonNode content = AnthropicEventFold.fold(parse(run(translator, sse)))
                .path("content");

        assertThat(content.path(0).path("id").asText()).matches("toolu_[0-9a-f]{32}");
        assertThat(content.path(0).path("input").isObject()).isTrue();
        assertThat(content.path(1).path("id").asText()).isEqualTo("fc_42");
    }

    @ParameterizedTest
    @CsvSource({"STOP,end_turn", "MAX_TOKENS,max_tokens", "SAFETY,refusal", "RECITATION,refusal",
            "BLOCKLIST,refusal", "PROHIBITED_CONTENT,refusal", "SPII,refusal", "OTHER,end_turn",
            "LANGUAGE,end_turn"})
    void finishReasonsBecomeStopReasons(String finishReason, String stopReason) {
        JsonNode message = AnthropicEventFold.fold(translate(chunk("[{\"text\":\"Some text\"}]", finishReason)));

        assertThat(message.path("stop_reason").asText()).isEqualTo(stopReason);
    }

    @Test
    void maxTokensWinsOverAFunctionCall() {
        String sse = chunk("[{\"functionCall\":{\"name\":\"Read\",\"args\":{\"file_path\":\"/a\"}}}]", "MAX_TOKENS");

        assertThat(AnthropicEventFold.fold(translate(sse)).path("stop_reason").asText()).isEqualTo("max_tokens");
    }

    @Test
    void malformedFunctionCallIsAnErrorTheClientRetries() {
        String sse = chunk("[{\"text\":\"\"}]", "MALFORMED_FUNCTION_CALL");

        assertThatThrownBy(() -> translate(sse)).isInstanceOf(RouterException.class)
                .hasMessageContaining("MALFORMED_FUNCTION_CALL");
    }

    @Test
    void blockedPromptIsARefusal() {
        String sse = "data: {\"promptFeedback\":{\"blockReason\":\"SAFETY\"},\"usageMetadata\":"
                + "{\"promptTokenCount\":8,\"totalTokenCount\":8},\"modelVersion\":\"gemini-2.5-flash\"}\n\n";
        JsonNode message = AnthropicEventFold.fold(translate(sse));

        assertThat(message.path("content")).isEmpty();
        assertThat(message.path("stop_reason").asText()).isEqualTo("refusal");
        assertThat(message.path("usage").path("input_tokens").asLong()).isEqualTo(8);
    }

    @Test
    void usageInAChunkAfterTheFinishReasonCounts() {
        String sse = chunk("[{\"text\":\"Hi\"}]", "STOP")
                + "data: {\"candidates\":[{\"content\":{\"parts\":[{\"text\":\"\"}],\"role\":\"model\"},\"index\":0}],"
                + "\"usageMetadata\":{\"promptTokenCount\":70,\"candidatesTokenCount\":3,\"totalTokenCount\":73}}\n\n";
        JsonNode message = AnthropicEventFold.fold(translate(sse));

        assertThat(message.path("usage").path("input_tokens").asLong()).isEqualTo(70);
        assertThat(message.path("usage").path("output_tokens").asLong()).isEqualTo(3);
        assertThat(message.path("content")).hasSize(1);
    }

    @Test
    void groundedAnswerEndsWithItsSources() {
        JsonNode message = AnthropicEventFold.fold(translate(resource("stream_grounded.sse")));

        assertThat(message.path("content")).hasSize(1);
        assertThat(message.path("content").path(0).path("text").asText()).isEqualTo(
                "Claude Code Router is a proxy that routes Claude Code requests to other models.\n\nSources:\n"
                        + "- [github.com](https://vertexaisearch.cloud.google.com/grounding-api-redirect/AbF9wXE1)\n"
                        + "- [npmjs.com](https://vertexaisearch.cloud.google.com/grounding-api-redirect/AbF9wXE2)");
        // the search results Gemini read are input
        assertThat(message.path("usage").path("input_tokens").asLong()).isEqualTo(84);
    }

    @Test
    void errorMidStreamIsThrownAfterWhatWasAlreadySent() {
        StreamTranslator translator = GeminiFixtures.streamTranslator(STREAMING);
        List<String> sse = SseText.events(resource("stream_error_midstream.sse"));

        byte[] first = translator.translate(ByteBuffer.wrap(sse.get(0).getBytes(StandardCharsets.UTF_8)));
        assertThat(shape(parse(first))).containsExactly("message_start", "content_block_start 0 text",
                "content_block_delta 0 text_delta");
        assertThatThrownBy(() -> translator.translate(ByteBuffer.wrap(sse.get(1).getBytes(StandardCharsets.UTF_8))))
                .isInstanceOfSatisfying(RouterException.class, e -> {
                    assertThat(e.type()).isEqualTo(ErrorType.UNAVAILABLE);
                    assertThat(e.status()).isEqualTo(503);
                    assertThat(e.getMessage()).contains("The model is overloaded");
                });
    }

    @Test
    void quotaErrorWithoutACodeIsARateLimit() {
        String sse = "data: {\"error\":{\"message\":\"Quota exceeded\",\"status\":\"RESOURCE_EXHAUSTED\"}}\n\n";

        assertThatThrownBy(() -> translate(sse)).isInstanceOfSatisfying(RouterException.class,
                e -> assertThat(e.type()).isEqualTo(ErrorType.RATE_LIMIT));
    }

    @Test
    void streamCutOffBeforeAFinishReasonIsAnError() {
        String sse = chunk("[{\"text\":\"Half an ans\"}]", null);

        assertThatThrownBy(() -> translate(sse)).isInstanceOf(RouterException.class)
                .hasMessageContaining("ended before it was complete");
    }

    @Test
    void eventThatIsNotJsonIsAnError() {
        assertThatThrownBy(() -> translate("data: {not json\n\n")).isInstanceOf(RouterException.class)
                .hasMessageContaining("not JSON");
    }

    @ParameterizedTest
    @ValueSource(strings = {"stream_text.sse", "stream_thoughts.sse", "stream_parallel_calls.sse",
            "stream_grounded.sse"})
    void splittingTheBodyAtAnyByteGivesTheSameOutput(String name) {
        byte[] body = resource(name).getBytes(StandardCharsets.UTF_8);
        Supplier<StreamTranslator> translators = () -> GeminiFixtures.streamTranslator(STREAMING);
        byte[] whole = run(translators.get(), body);
        assertThat(shape(parse(whole))).isNotEmpty();

        TranslatorDriver.assertCutsGive(whole, translators, body, Function.identity(),
                TranslatorDriver.singleCuts(body.length), name);
        Random random = new Random(name.hashCode());
        TranslatorDriver.assertCutsGive(whole, translators, body, Function.identity(),
                Stream.generate(() -> TranslatorDriver.randomCuts(random, 8, body.length)).limit(50).toList(), name);
    }

    @Test
    void clientWithoutStreamGetsOneMessageFromAStreamedAnswer() {
        byte[] out = run(GeminiFixtures.streamTranslator(WHOLE), resource("stream_parallel_calls.sse"));
        JsonNode message = TestRequests.json(out);

        assertThat(message.path("type").asText()).isEqualTo("message");
        assertThat(message.path("content")).extracting(b -> b.path("type").asText())
                .containsExactly("thinking", "text", "thinking", "tool_use", "tool_use");
        assertThat(message.path("content").path(4).path("input").path("city").asText()).isEqualTo("London");
        assertThat(message.path("stop_reason").asText()).isEqualTo("tool_use");
    }
}
