package dev.ccr.provider;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ccr.json.Json;
import dev.ccr.testing.Captures;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** A body kept as JSON is sent as the JSON the router would write, with the exact length, as often as it is sent. */
class UpstreamBodyTest {
    static final String TEXT = "é \u2028 \"quoted\" \\ / 🤖 日本語 \u0001";

    /** A request over the size from which bodies are streamed, with what a serialiser could get wrong. */
    static ObjectNode largeRequest() {
        ObjectNode body = Captures.body("15_thinking_MAX_THINKING_TOKENS_8000_sonnet45.json").deepCopy();
        ObjectNode block = body.withArray("messages").addObject().put("role", "user")
                .withArray("content").addObject().put("type", "text");
        block.put("text", TEXT.repeat(UpstreamBody.STREAMED_FROM / TEXT.length() * 2));
        block.putObject("cache_control").put("type", "ephemeral");
        body.putObject("numbers").put("int", -7).put("long", 1L << 40).put("double", 0.1).put("exp", 1.5e300)
                .put("big", new java.math.BigInteger("123456789012345678901234567890")).putNull("none");
        body.putArray("empty");
        body.putObject("nothing");
        return body;
    }

    @Test
    void aLargeTreeIsStreamedAsItsJsonWithItsExactLength() throws Exception {
        ObjectNode tree = largeRequest();
        byte[] expected = Json.bytes(tree);
        assertThat(expected.length).isGreaterThan(UpstreamBody.STREAMED_FROM);

        UpstreamBody body = UpstreamBody.json(tree, expected.length);

        assertThat(body.length()).isEqualTo(expected.length);
        assertThat(sent(body)).isEqualTo(expected);
        // every attempt (failover, a retry after a refreshed credential) subscribes again
        assertThat(sent(body)).isEqualTo(expected);
        assertThat(Json.parse(expected)).isEqualTo(tree);
    }

    @Test
    void everyRecordedClaudeCodeRequestStreamsAsTheRouterWouldWriteIt() throws Exception {
        for (String name : new String[]{"11_tool_bash_turn2_tool_result.json", "14_prompt_300k_via_stdin.json",
                "19_toolsearch_tool_reference_result.json", "20_websearch_nested_server_tool_request.json"}) {
            JsonNode tree = Captures.body(name);
            byte[] expected = Json.bytes(tree);

            UpstreamBody body = UpstreamBody.json(tree, UpstreamBody.STREAMED_FROM);

            assertThat(body.length()).as(name).isEqualTo(expected.length);
            assertThat(new String(sent(body), StandardCharsets.UTF_8)).as(name)
                    .isEqualTo(new String(expected, StandardCharsets.UTF_8));
        }
    }

    @Test
    void aSmallTreeIsSerialisedOnce() throws Exception {
        JsonNode tree = Captures.body("01_plain_default_model.json");

        UpstreamBody body = UpstreamBody.json(tree, 1000);

        assertThat(body.bytes()).isEqualTo(Json.bytes(tree));
        assertThat(sent(body)).isEqualTo(Json.bytes(tree));
    }

    @Test
    void aCopyOfTheJsonLeavesTheBodyAsItWas() {
        ObjectNode tree = Captures.body("01_plain_default_model.json");
        byte[] before = Json.bytes(tree);
        UpstreamBody body = UpstreamBody.json(tree, UpstreamBody.STREAMED_FROM);

        body.copyOfJson().remove("model");

        assertThat(body.bytes()).isEqualTo(before);
    }

    /** What the HTTP client sends of the body, read as it reads it: each chunk released once written. */
    static byte[] sent(UpstreamBody body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        body.content().doOnNext(chunk -> {
            byte[] bytes = new byte[chunk.readableBytes()];
            chunk.readBytes(bytes);
            chunk.release();
            out.write(bytes, 0, bytes.length);
        }).blockLast(Duration.ofSeconds(30));
        return out.toByteArray();
    }
}
