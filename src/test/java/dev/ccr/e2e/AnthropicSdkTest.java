package dev.ccr.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ccr.json.Json;
import dev.ccr.testing.Captures;
import dev.ccr.testing.MockUpstream;
import dev.ccr.testing.RouterHarness;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The official Anthropic TypeScript SDK (npm @anthropic-ai/sdk, installed by scripts/test.sh into src/test/sdk)
 * against the router: a message, a stream folded by the SDK, count_tokens, a typed error, and the model list.
 */
class AnthropicSdkTest {
    static final Path SDK = Path.of("src/test/sdk");

    @Test
    void theOfficialSdkWorksAgainstTheRouter() throws Exception {
        assumeTrue(Files.isDirectory(SDK.resolve("node_modules/@anthropic-ai/sdk")),
                "npm packages missing: run `npm ci --prefix src/test/sdk` (scripts/test.sh does)");
        try (MockUpstream upstream = new MockUpstream();
             RouterHarness router = RouterHarness.start(Map.of(
                     "ccr.api-key", "router-key-for-sdk",
                     "ccr.providers.anthropic.base-url", upstream.baseUrl(),
                     "ccr.providers.anthropic.api-key", "provider-key-0123456789",
                     "ccr.providers.anthropic.models", "claude-sonnet-4-5,claude-haiku-4-5"))) {
            String json = Captures.responseBody("mock_response_json_thinking_tool_use.txt");
            String sse = Captures.responseBody("mock_response_stream_thinking_tool_use.txt");
            upstream.on("/v1/messages", (ex, req) -> {
                if (Json.parse(req.body()).path("stream").asBoolean()) {
                    MockUpstream.sse(sse, 0).handle(ex, req);
                } else {
                    MockUpstream.json(ex, 200, json, Map.of());
                }
            });

            Process node = new ProcessBuilder("node", "sdk-check.mjs", "http://127.0.0.1:" + router.port())
                    .directory(SDK.toFile()).redirectErrorStream(true).start();
            String output = new String(node.getInputStream().readAllBytes());
            assertThat(node.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(node.exitValue()).as(output).isZero();

            JsonNode seen = Json.parse(output.lines().reduce((a, b) -> b).orElseThrow());
            assertThat(seen.path("message").path("type").asText()).isEqualTo("message");
            assertThat(seen.path("message").path("stopReason").asText()).isEqualTo("tool_use");
            assertThat(seen.path("stream").path("events").get(0).asText()).isEqualTo("message_start");
            assertThat(seen.path("stream").path("blocks").toString()).isEqualTo("[\"thinking\",\"text\",\"tool_use\"]");
            assertThat(seen.path("stream").path("toolInput").path("command").asText()).isEqualTo("echo hi");
            assertThat(seen.path("countTokens").asInt()).isPositive();
            assertThat(seen.path("error").path("status").asInt()).isEqualTo(404);
            assertThat(seen.path("error").path("className").asText()).isEqualTo("NotFoundError");
            assertThat(seen.path("error").path("type").asText()).isEqualTo("not_found_error");
            assertThat(seen.path("models").toString()).isEqualTo("[{\"type\":\"model\",\"id\":\"anthropic,claude-sonnet-4-5\","
                    + "\"contextWindow\":200000},{\"type\":\"model\",\"id\":\"anthropic,claude-haiku-4-5\",\"contextWindow\":200000}]");
        }
    }
}
