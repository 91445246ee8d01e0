package dev.ccr.transform.gemini;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ccr.model.MessagesRequest;
import dev.ccr.testing.AnthropicEventFold;
import dev.ccr.testing.Captures;
import dev.ccr.testing.TestRequests;
import org.junit.jupiter.api.Test;

import static dev.ccr.testing.AnthropicEvents.parse;
import static dev.ccr.testing.TranslatorDriver.run;
import static dev.ccr.transform.gemini.GeminiFixtures.upstreamBody;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A whole tool round trip as Claude Code drives it: Gemini's streamed call becomes a tool_use, Claude Code replays
 * that message with the tool's result, and Gemini gets back its own call (id, args, thought signature) followed by
 * a functionResponse naming the function.
 */
class GeminiToolRoundTripTest {
    static final String SIGNATURE = "EpQFCpEFAdHtim/1Zx9kQvB3n0rJ7yO4lT0cYw==";

    static final String TURN_ONE = "data: {\"candidates\":[{\"content\":{\"parts\":[{\"text\":\"**Running it**\\n\\n"
            + "The user wants echo.\",\"thought\":true}],\"role\":\"model\"},\"index\":0}],\"usageMetadata\":"
            + "{\"promptTokenCount\":9000,\"totalTokenCount\":9040,\"thoughtsTokenCount\":40},\"modelVersion\":"
            + "\"gemini-3-pro-preview\",\"responseId\":\"turn1\"}\r\n\r\n"
            + "data: {\"candidates\":[{\"content\":{\"parts\":[{\"text\":\"I will run it.\"},{\"functionCall\":"
            + "{\"name\":\"Bash\",\"args\":{\"command\":\"echo hi\",\"description\":\"Print hi\"}},"
            + "\"thoughtSignature\":\"" + SIGNATURE + "\"}],\"role\":\"model\"},\"finishReason\":\"STOP\",\"index\":0}],"
            + "\"usageMetadata\":{\"promptTokenCount\":9000,\"candidatesTokenCount\":20,\"totalTokenCount\":9060,"
            + "\"thoughtsTokenCount\":40},\"modelVersion\":\"gemini-3-pro-preview\",\"responseId\":\"turn1\"}\r\n\r\n";

    static final String TURN_TWO = "data: {\"candidates\":[{\"content\":{\"parts\":[{\"text\":\"It printed hi.\"}],"
            + "\"role\":\"model\"},\"finishReason\":\"STOP\",\"index\":0}],\"usageMetadata\":{\"promptTokenCount\":"
            + "9100,\"candidatesTokenCount\":4,\"totalTokenCount\":9104},\"modelVersion\":\"gemini-3-pro-preview\","
            + "\"responseId\":\"turn2\"}\r\n\r\n";

    static JsonNode answer(MessagesRequest request, String sse) {
        return AnthropicEventFold.fold(parse(run(GeminiFixtures.streamTranslator(request), sse)));
    }

    @Test
    void callResultAndAnswer() {
        ObjectNode body = Captures.body("10_tool_bash_turn1.json");
        MessagesRequest first = TestRequests.request(body);

        JsonNode assistant = answer(first, TURN_ONE);
        assertThat(assistant.path("stop_reason").asText()).isEqualTo("tool_use");
        JsonNode toolUse = assistant.path("content").path(3);
        assertThat(toolUse.path("type").asText()).isEqualTo("tool_use");
        String toolId = toolUse.path("id").asText();

        // Claude Code runs the tool and sends the conversation back with the assistant message as it received it
        ObjectNode next = body.deepCopy();
        ArrayNode messages = (ArrayNode) next.get("messages");
        ObjectNode replayed = messages.addObject();
        replayed.put("role", "assistant");
        replayed.set("content", assistant.path("content").deepCopy());
        ObjectNode result = messages.addObject();
        result.put("role", "user");
        ObjectNode toolResult = result.putArray("content").addObject();
        toolResult.put("type", "tool_result");
        toolResult.put("tool_use_id", toolId);
        toolResult.put("content", "hi");
        toolResult.put("is_error", false);
        MessagesRequest second = TestRequests.request(next);

        JsonNode contents = upstreamBody(second).path("contents");
        assertThat(contents).extracting(c -> c.path("role").asText()).containsExactly("user", "model", "user");
        JsonNode model = contents.path(1).path("parts");
        assertThat(model).hasSize(2);
        assertThat(model.path(0).path("text").asText()).isEqualTo("I will run it.");
        assertThat(model.path(0).has("thoughtSignature")).isFalse();
        JsonNode call = model.path(1);
        assertThat(call.path("functionCall").path("id").asText()).isEqualTo(toolId);
        assertThat(call.path("functionCall").path("name").asText()).isEqualTo("Bash");
        assertThat(call.path("functionCall").path("args").path("command").asText()).isEqualTo("echo hi");
        // exactly the signature Gemini gave, on the part it gave it with
        assertThat(call.path("thoughtSignature").asText()).isEqualTo(SIGNATURE);
        JsonNode response = contents.path(2).path("parts").path(0).path("functionResponse");
        assertThat(response.path("id").asText()).isEqualTo(toolId);
        assertThat(response.path("name").asText()).isEqualTo("Bash");
        assertThat(response.path("response").path("result").asText()).isEqualTo("hi");

        JsonNode last = answer(second, TURN_TWO);
        assertThat(last.path("content").path(0).path("text").asText()).isEqualTo("It printed hi.");
        assertThat(last.path("stop_reason").asText()).isEqualTo("end_turn");
        assertThat(last.path("id").asText()).isEqualTo("msg_turn2");
    }
}
