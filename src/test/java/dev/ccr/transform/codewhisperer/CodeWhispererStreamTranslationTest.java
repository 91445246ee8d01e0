package dev.ccr.transform.codewhisperer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ccr.json.Json;
import dev.ccr.error.ErrorType;
import dev.ccr.error.Redactor;
import dev.ccr.error.RouterException;
import dev.ccr.model.MessagesRequest;
import dev.ccr.model.Target;
import dev.ccr.provider.kiro.KiroTestSettings;
import dev.ccr.testing.SseText;
import dev.ccr.testing.TestRequests;
import dev.ccr.testing.TranslatorDriver;
import dev.ccr.stream.StreamTranslator;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.ccr.transform.codewhisperer.EventStreamFrames.concat;
import static dev.ccr.transform.codewhisperer.EventStreamFrames.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CodeWhispererStreamTranslationTest {
    private static final String LONG_TOOL = "mcp__some_very_long_server_name__and_an_even_longer_tool_name_that_goes_on";

    @Test
    void textEventsBecomeOneTextBlockAsTheyArrive() {
        StreamTranslator translator = translator(true);

        String first = text(translator.translate(ByteBuffer.wrap(
                event("assistantResponseEvent", Map.of("content", "Hel")))));
        String rest = text(translator.translate(ByteBuffer.wrap(
                event("assistantResponseEvent", Map.of("content", "lo!"))))) + text(translator.finish());

        assertThat(SseText.eventNames(first)).containsExactly("message_start", "content_block_start",
                "content_block_delta");
        List<JsonNode> events = data(first + rest);
        assertThat(deltas(events, "text")).isEqualTo("Hello!");
        assertThat(SseText.eventNames(first + rest)).endsWith("content_block_stop", "message_delta", "message_stop");
        assertThat(last(events, "message_delta").path("delta").path("stop_reason").asText()).isEqualTo("end_turn");
    }

    @Test
    void aStreamSplitIntoSingleBytesGivesTheSameAnswer() {
        byte[] stream = concat(event("assistantResponseEvent", Map.of("content", "Hi ")),
                event("assistantResponseEvent", Map.of("content", "there")));
        String out = text(TranslatorDriver.run(translator(true), stream, TranslatorDriver.everyByte(stream.length)));

        assertThat(deltas(data(out), "text")).isEqualTo("Hi there");
    }

    @Test
    void consecutiveIdenticalContentEventsAreDroppedButShortRepeatsKept() {
        String sse = run(true,
                event("assistantResponseEvent", Map.of("content", "Hello world")),
                event("assistantResponseEvent", Map.of("content", "Hello world")),
                event("assistantResponseEvent", Map.of("content", "}")),
                event("assistantResponseEvent", Map.of("content", "}")),
                event("assistantResponseEvent", Map.of("content", "Hello world")));

        assertThat(deltas(data(sse), "text")).isEqualTo("Hello world}}Hello world");
    }

    @Test
    void nestedPayloadsAndFollowupPromptsAreHandled() {
        String sse = run(true,
                event("assistantResponseEvent", Map.of("assistantResponseEvent", Map.of("content", "nested"))),
                event("assistantResponseEvent", Map.of("followupPrompt", Map.of("content", "ask me"))));

        assertThat(deltas(data(sse), "text")).isEqualTo("nested");
    }

    @Test
    void toolUseFragmentsBecomeOneToolUseBlock() {
        String sse = run(true,
                event("assistantResponseEvent", Map.of("content", "Let me check.")),
                event("toolUseEvent", Map.of("toolUseId", "tooluse_1", "name", "Bash", "input", "{\"comm")),
                event("toolUseEvent", Map.of("toolUseId", "tooluse_1", "name", "Bash", "input", "and\":\"ls\"}")),
                event("toolUseEvent", Map.of("toolUseId", "tooluse_1", "name", "Bash", "stop", true)),
                // some versions repeat a finished call: ignored
                event("toolUseEvent", Map.of("toolUseId", "tooluse_1", "name", "Bash", "input", "{}", "stop", true)));
        List<JsonNode> events = data(sse);

        List<JsonNode> starts = all(events, "content_block_start");
        assertThat(starts).hasSize(2);
        JsonNode tool = starts.get(1).path("content_block");
        assertThat(tool.path("type").asText()).isEqualTo("tool_use");
        assertThat(tool.path("id").asText()).isEqualTo("tooluse_1");
        assertThat(tool.path("name").asText()).isEqualTo("Bash");
        assertThat(deltas(events, "partial_json")).isEqualTo("{\"command\":\"ls\"}");
        assertThat(last(events, "message_delta").path("delta").path("stop_reason").asText()).isEqualTo("tool_use");
    }

    @Test
    void twoToolCallsInARowAndInputGivenAsAWholeObject() {
        JsonNode message = json(run(false,
                event("toolUseEvent", Map.of("toolUseId", "a", "name", "Read", "input", Map.of("file_path", "/x"),
                        "stop", true)),
                event("toolUseEvent", Map.of("toolUseId", "b", "name", "Read", "input", "{\"file_path\":")),
                event("toolUseEvent", Map.of("toolUseId", "b", "name", "Read", "input", "\"/y\"}")),
                event("toolUseEvent", Map.of("toolUseId", "c", "name", "Glob", "stop", true))));

        JsonNode content = message.path("content");
        assertThat(content).hasSize(3);
        assertThat(content.get(0).path("input").path("file_path").asText()).isEqualTo("/x");
        assertThat(content.get(1).path("id").asText()).isEqualTo("b");
        assertThat(content.get(1).path("input").path("file_path").asText()).isEqualTo("/y");
        assertThat(content.get(2).path("input").isObject()).isTrue();
        assertThat(content.get(2).path("input")).isEmpty();
        assertThat(message.path("stop_reason").asText()).isEqualTo("tool_use");
    }

    @Test
    void shortenedToolNamesAreMappedBackToTheClientsName() {
        String upstreamName = ShortToolNames.shorten(LONG_TOOL);
        assertThat(upstreamName).hasSizeLessThanOrEqualTo(64).isNotEqualTo(LONG_TOOL);

        JsonNode message = json(run(false,
                event("toolUseEvent", Map.of("toolUseId", "t", "name", upstreamName, "input", "{}", "stop", true))));

        assertThat(message.path("content").get(0).path("name").asText()).isEqualTo(LONG_TOOL);
    }

    @Test
    void reasoningBecomesAThinkingBlockWithItsSignature() {
        JsonNode message = json(run(false,
                event("reasoningContentEvent", Map.of("text", "Think ")),
                event("reasoningContentEvent", Map.of("text", "hard.", "signature", "sig-123")),
                event("assistantResponseEvent", Map.of("content", "Answer."))));

        JsonNode content = message.path("content");
        assertThat(content.get(0).path("type").asText()).isEqualTo("thinking");
        assertThat(content.get(0).path("thinking").asText()).isEqualTo("Think hard.");
        assertThat(content.get(0).path("signature").asText()).isEqualTo("sig-123");
        assertThat(content.get(1).path("text").asText()).isEqualTo("Answer.");
        assertThat(message.path("stop_reason").asText()).isEqualTo("end_turn");
    }

    @Test
    void tokenUsageFromMetadataIsReported() {
        JsonNode message = json(run(false,
                event("assistantResponseEvent", Map.of("content", "ok")),
                event("metadataEvent", Map.of("tokenUsage", Map.of("uncachedInputTokens", 100,
                        "cacheReadInputTokens", 2000, "cacheWriteInputTokens", 50, "outputTokens", 12,
                        "totalTokens", 2162)))));

        JsonNode usage = message.path("usage");
        assertThat(usage.path("input_tokens").asLong()).isEqualTo(150);
        assertThat(usage.path("cache_read_input_tokens").asLong()).isEqualTo(2000);
        assertThat(usage.path("output_tokens").asLong()).isEqualTo(12);
    }

    @Test
    void withoutUsageTheOutputIsEstimatedAndTheInputTakenFromContextUsage() {
        JsonNode message = json(run(false,
                event("assistantResponseEvent", Map.of("content", "x".repeat(41))),
                event("contextUsageEvent", Map.of("contextUsagePercentage", 1.5))));

        assertThat(message.path("usage").path("output_tokens").asLong()).isEqualTo(11); // ceil(41 / 4)
        assertThat(message.path("usage").path("input_tokens").asLong()).isEqualTo(3000); // 1.5 % of 200 000
    }

    @Test
    void anExceptionFrameBecomesTheMatchingAnthropicError() {
        Redactor.register("sk-secret-value-123456");
        StreamTranslator translator = translator(true);
        translator.translate(ByteBuffer.wrap(event("assistantResponseEvent", Map.of("content", "partial"))));

        assertThatThrownBy(() -> translator.translate(ByteBuffer.wrap(EventStreamFrames.exception(
                "ThrottlingException", "Too many requests for sk-secret-value-123456"))))
                .isInstanceOfSatisfying(RouterException.class, e -> {
                    assertThat(e.type()).isEqualTo(ErrorType.RATE_LIMIT);
                    assertThat(e.status()).isEqualTo(429);
                })
                .hasMessageContaining("ThrottlingException").hasMessageContaining("Too many requests")
                .hasMessageNotContaining("sk-secret-value-123456");
    }

    @Test
    void anErrorFrameUsesItsCodeAndMessageHeaders() {
        assertThatThrownBy(() -> run(true, EventStreamFrames.error("ValidationException", "Improperly formed request")))
                .isInstanceOfSatisfying(RouterException.class,
                        e -> assertThat(e.type()).isEqualTo(ErrorType.INVALID_REQUEST))
                .hasMessageContaining("ValidationException: Improperly formed request");
    }

    @Test
    void anInvalidStateEventIsRefused() {
        assertThatThrownBy(() -> run(true, event("invalidStateEvent",
                Map.of("reason", "INVALID_TASK_STATE", "message", "bad history"))))
                .isInstanceOf(RouterException.class).hasMessageContaining("INVALID_TASK_STATE bad history");
    }

    @Test
    void aStreamCutInsideAFrameIsAnError() {
        byte[] frame = event("assistantResponseEvent", Map.of("content", "Hi"));
        StreamTranslator translator = translator(true);
        translator.translate(ByteBuffer.wrap(frame, 0, frame.length - 3));

        assertThatThrownBy(translator::finish).isInstanceOf(RouterException.class)
                .hasMessageContaining("ended in the middle of an event");
    }

    @Test
    void aNonStreamingClientGetsOneAssembledMessage() {
        byte[] whole = concat(event("assistantResponseEvent", Map.of("content", "I'll run it.")),
                event("toolUseEvent", Map.of("toolUseId", "t1", "name", "Bash", "input", "{\"command\":\"ls\"}",
                        "stop", true)));
        StreamTranslator translator = translator(false);

        assertThat(translator.translate(ByteBuffer.wrap(whole))).isEmpty();
        JsonNode message = json(text(translator.finish()));

        assertThat(message.path("type").asText()).isEqualTo("message");
        assertThat(message.path("role").asText()).isEqualTo("assistant");
        assertThat(message.path("model").asText()).isEqualTo("claude-sonnet-4-5-20250929");
        assertThat(message.path("content").get(0).path("text").asText()).isEqualTo("I'll run it.");
        assertThat(message.path("content").get(1).path("input").path("command").asText()).isEqualTo("ls");
        assertThat(message.path("stop_reason").asText()).isEqualTo("tool_use");
    }

    // --- helpers

    static MessagesRequest request(boolean stream) {
        ObjectNode body = Json.MAPPER.createObjectNode();
        body.put("model", "claude-sonnet-4-5-20250929");
        body.put("stream", stream);
        body.put("max_tokens", 1000);
        body.putArray("messages").addObject().put("role", "user").put("content", "hi");
        ObjectNode tool = body.putArray("tools").addObject();
        tool.put("name", LONG_TOOL);
        tool.putObject("input_schema").put("type", "object");
        return TestRequests.request(body, "session-1");
    }

    private static StreamTranslator translator(boolean stream) {
        return new CodeWhispererTransformer().translator(request(stream), new Target("kiro", null),
                KiroTestSettings.provider("kiro", Map.of()), null);
    }

    private static String run(boolean stream, byte[]... frames) {
        return text(TranslatorDriver.runChunks(translator(stream), frames));
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    static JsonNode json(String text) {
        return TestRequests.json(text);
    }

    static List<JsonNode> data(String sse) {
        List<JsonNode> events = new ArrayList<>();
        for (String event : SseText.events(sse)) {
            for (String line : event.split("\n")) {
                if (line.startsWith("data:")) {
                    events.add(json(line.substring(5).strip()));
                }
            }
        }
        return events;
    }

    private static List<JsonNode> all(List<JsonNode> events, String type) {
        return events.stream().filter(e -> type.equals(e.path("type").asText())).toList();
    }

    private static JsonNode last(List<JsonNode> events, String type) {
        List<JsonNode> matching = all(events, type);
        return matching.get(matching.size() - 1);
    }

    private static String deltas(List<JsonNode> events, String field) {
        StringBuilder out = new StringBuilder();
        all(events, "content_block_delta").forEach(e -> out.append(e.path("delta").path(field).asText("")));
        return out.toString();
    }

}
