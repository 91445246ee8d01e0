package dev.ccr.transform.anthropic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ccr.json.Json;
import dev.ccr.model.MessagesRequest;
import dev.ccr.model.Target;
import dev.ccr.provider.UpstreamRequest;
import dev.ccr.testing.Captures;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The pass-through's few changes to a request: the routed model, and thinking Anthropic could not verify. */
class AnthropicTransformerTest {
    final AnthropicTransformer transformer = new AnthropicTransformer();

    static MessagesRequest request(ObjectNode body) {
        return new MessagesRequest(body, Json.bytes(body).length, Map.of("anthropic-version", "2023-06-01"), null);
    }

    @Test
    void aRequestForTheSameModelIsForwardedAsTheClientsJson() throws Exception {
        MessagesRequest request = request(Captures.body("11_tool_bash_turn2_tool_result.json"));

        UpstreamRequest upstream = transformer.toUpstream(request, new Target("anthropic", null), null);

        // serialised from the parsed tree: the same JSON, keys in the client's order
        assertThat(Json.parse(upstream.body())).isEqualTo(request.body());
        assertThat(new String(upstream.body(), StandardCharsets.UTF_8))
                .isEqualTo(Json.string(request.body()));
        assertThat(upstream.path()).isEqualTo("/v1/messages");
    }

    @Test
    void thinkingSignedByAnotherProviderIsDroppedAndAnthropicsOwnKept() throws Exception {
        ObjectNode body = Captures.body("11_tool_bash_turn2_tool_result.json");
        ObjectNode assistant = (ObjectNode) body.withArray("messages").get(2); // user, system, assistant, user
        var content = assistant.withArray("content");
        content.insertObject(0).put("type", "thinking").put("thinking", "from gemini").put("signature", "gemini:abc");
        int before = content.size();

        UpstreamRequest upstream = transformer.toUpstream(request(body), new Target("anthropic", null), null);

        JsonNode sent = Json.parse(upstream.body()).path("messages").get(2).path("content");
        assertThat(sent.size()).isEqualTo(before - 1);
        assertThat(sent.toString()).doesNotContain("gemini:abc").contains("\"type\":\"thinking\"");
    }
}
