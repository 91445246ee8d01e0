package dev.ccr.transform.codewhisperer;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ccr.json.Json;
import dev.ccr.model.MessagesRequest;
import dev.ccr.model.Target;
import dev.ccr.provider.Credentials;
import dev.ccr.provider.ProviderClient;
import dev.ccr.provider.ProviderRegistry;
import dev.ccr.provider.ProviderSettings;
import dev.ccr.provider.UpstreamRequest;
import dev.ccr.provider.UpstreamResponse;
import dev.ccr.provider.kiro.KiroCredentialsFactory;
import dev.ccr.provider.kiro.KiroTestSettings;
import dev.ccr.provider.kiro.RefreshEndpoint;
import dev.ccr.stream.BodyCollector;
import dev.ccr.testing.MockUpstream;
import dev.ccr.stream.StreamTranslator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static dev.ccr.transform.codewhisperer.EventStreamFrames.concat;
import static dev.ccr.transform.codewhisperer.EventStreamFrames.event;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The provider layer and the transformer together on loopback: the transformer's call, the credentials' bearer
 * token, a 401 for a revoked token, one refresh, the repeated call, and the event stream translated.
 */
class CodeWhispererProviderCallTest {

    @Test
    void aRevokedTokenIsRefreshedOnceAndTheCallRepeated(@TempDir Path dir) throws Exception {
        Path token = dir.resolve("kiro-auth-token.json");
        Files.writeString(token, Json.string(Map.of("accessToken", "access-revoked-e2e", "refreshToken",
                "refresh-e2e-00001", "expiresAt", Instant.now().plusSeconds(3600).toString(), "authMethod", "social",
                "region", "us-east-1", "profileArn", "arn:aws:codewhisperer:us-east-1:1:profile/E2E")));
        byte[] stream = concat(event("assistantResponseEvent", Map.of("content", "pong")),
                event("metadataEvent", Map.of("tokenUsage", Map.of("uncachedInputTokens", 9, "outputTokens", 1))));
        try (RefreshEndpoint refresh = new RefreshEndpoint(); MockUpstream kiro = new MockUpstream()) {
            refresh.grants("access-fresh-e2e", "refresh-e2e-00002");
            kiro.on("/generateAssistantResponse", (exchange, request) -> {
                if (!"Bearer access-fresh-e2e".equals(request.header("authorization"))) {
                    MockUpstream.json(exchange, 401, "{\"message\":\"The bearer token included in the request is "
                            + "invalid.\"}", Map.of());
                    return;
                }
                exchange.getResponseHeaders().set("content-type", "application/vnd.amazon.eventstream");
                exchange.sendResponseHeaders(200, 0);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(stream, 0, 10); // a frame split across writes
                    out.flush();
                    out.write(stream, 10, stream.length - 10);
                }
            });
            ProviderSettings settings = KiroTestSettings.provider("kiro", kiro.baseUrl(), Map.of(
                    "token-path", token.toString(), "refresh-url", refresh.url("/{region}/refreshToken")));
            Credentials credentials = new KiroCredentialsFactory().create(settings, null);
            ProviderClient client = new ProviderClient(settings, credentials, ProviderRegistry.DEFAULT_RETRYABLE);
            MessagesRequest request = CodeWhispererStreamTranslationTest.request(true);
            CodeWhispererTransformer transformer = new CodeWhispererTransformer();

            UpstreamRequest call = transformer.toUpstream(request, new Target("kiro", null), settings);
            UpstreamResponse response = client.send(call, null).get(10, TimeUnit.SECONDS);
            byte[] body = BodyCollector.collect(response.body(), 1 << 20).get(10, TimeUnit.SECONDS);
            StreamTranslator translator = transformer.translator(request, new Target("kiro", null), settings, response);
            String sse = new String(translator.translate(ByteBuffer.wrap(body)), StandardCharsets.UTF_8)
                    + new String(translator.finish(), StandardCharsets.UTF_8);

            assertThat(kiro.received()).extracting(r -> r.header("authorization"))
                    .containsExactly("Bearer access-revoked-e2e", "Bearer access-fresh-e2e");
            assertThat(refresh.calls()).hasSize(1);
            JsonNode sent = Json.parse(kiro.last().body());
            assertThat(sent.path("profileArn").asText()).endsWith("profile/E2E");
            assertThat(sent.path("conversationState").path("currentMessage").path("userInputMessage")
                    .path("modelId").asText()).isEqualTo("claude-sonnet-4.5");
            assertThat(sse).contains("\"text\":\"pong\"").contains("\"output_tokens\":1")
                    .contains("event: message_stop");
            assertThat(Files.readString(token)).contains("access-fresh-e2e");
        }
    }
}
