package dev.ccr.transform.openai;

import dev.ccr.testing.AnthropicEventFold;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ccr.json.Json;
import dev.ccr.testing.AnthropicEventFold;
import dev.ccr.testing.TestRequests;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;

import static dev.ccr.transform.openai.OpenAiFixtures.provider;
import static dev.ccr.transform.openai.OpenAiFixtures.resource;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two turns of a tool conversation through the router: the provider's streamed tool calls become Claude Code's
 * tool_use blocks, Claude Code sends them back with its tool results, and the provider must get back its own call
 * ids and arguments followed by one tool message per call.
 */
class ToolRoundTripTest {

    @Test
    void parallelCallsComeBackWithTheirIdsArgumentsAndResults() throws IOException {
        List<JsonNode> events = ChatStreamTranslatorTest.translate(resource("stream_parallel_tool_calls.sse"));
        ObjectNode assistantTurn = AnthropicEventFold.fold(events);

        ObjectNode next = Json.MAPPER.createObjectNode();
        next.put("model", "claude-opus-5-5");
        next.put("max_tokens", 1000);
        next.put("stream", true);
        ArrayNode messages = next.putArray("messages");
        messages.addObject().put("role", "user").put("content", "Look around.");
        ObjectNode assistant = messages.addObject().put("role", "assistant");
        assistant.set("content", assistantTurn.get("content"));
        ArrayNode results = messages.addObject().put("role", "user").putArray("content");
        for (JsonNode block : assistantTurn.get("content")) {
            if (block.path("type").asText().equals("tool_use")) {
                results.addObject().put("type", "tool_result").put("tool_use_id", block.path("id").asText())
                        .put("content", "output of " + block.path("name").asText());
            }
        }
        results.addObject().put("type", "text").put("text", "Now summarise.");

        JsonNode body = OpenAiFixtures.upstreamBody(TestRequests.request(next), provider());

        JsonNode openAiMessages = body.path("messages");
        assertThat(openAiMessages).hasSize(5);
        JsonNode calls = openAiMessages.path(1).path("tool_calls");
        assertThat(openAiMessages.path(1).path("content").asText()).isEqualTo("Checking both.");
        assertThat(calls).hasSize(2);
        assertThat(calls.path(0).path("id").asText()).isEqualTo("call_bash1");
        assertThat(Json.parse(calls.path(0).path("function").path("arguments").asText()))
                .isEqualTo(Json.parse("{\"command\": \"ls -la\", \"description\": \"List files\"}"));
        assertThat(calls.path(1).path("id").asText()).isEqualTo("call_read2");
        assertThat(calls.path(1).path("function").path("name").asText()).isEqualTo("Read");
        assertThat(openAiMessages.path(2).path("role").asText()).isEqualTo("tool");
        assertThat(openAiMessages.path(2).path("tool_call_id").asText()).isEqualTo("call_bash1");
        assertThat(openAiMessages.path(2).path("content").asText()).isEqualTo("output of Bash");
        assertThat(openAiMessages.path(3).path("tool_call_id").asText()).isEqualTo("call_read2");
        assertThat(openAiMessages.path(4).path("role").asText()).isEqualTo("user");
        assertThat(openAiMessages.path(4).path("content").asText()).isEqualTo("Now summarise.");
    }
}
