package dev.ccr.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ccr.json.Json;
import dev.ccr.testing.MockUpstream;
import dev.ccr.testing.RouterHarness;
import dev.ccr.testing.SseText;
import dev.ccr.transform.codewhisperer.EventStreamFrames;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The seeds' scenario as shipped (config/application.properties + routes/kiro-seeds): two CodeWhisperer accounts, each
 * with its own Kiro token file, served by two mock CodeWhisperer servers that check the account's token and answer
 * with AWS event-stream frames.
 */
class SeedsScenarioTest {
    @TempDir
    static Path tokens;
    static MockUpstream primary;
    static MockUpstream secondary;
    static RouterHarness router;

    @BeforeAll
    static void start() throws Exception {
        primary = new MockUpstream();
        secondary = new MockUpstream();
        router = RouterHarness.start(SeedsAccounts.properties(tokens, primary.baseUrl(), secondary.baseUrl()));
    }

    @AfterAll
    static void stop() {
        router.close();
        primary.close();
        secondary.close();
    }

    @BeforeEach
    void bothAccountsAnswer() {
        router.resetProviders();
        answerAs(primary, "primary");
        answerAs(secondary, "secondary");
    }

    static void answerAs(MockUpstream mock, String account) {
        mock.on("/generateAssistantResponse", (ex, req) -> {
            if (!("Bearer access-" + account + "-0123456789").equals(req.header("authorization"))) {
                MockUpstream.json(ex, 403, "{\"message\":\"wrong account token\"}", Map.of());
                return;
            }
            JsonNode state = Json.parse(req.body()).path("conversationState");
            if (!state.path("currentMessage").path("userInputMessage").path("content").isTextual()) {
                MockUpstream.json(ex, 400, "{\"message\":\"Improperly formed request.\"}", Map.of());
                return;
            }
            ex.getResponseHeaders().set("content-type", "application/vnd.amazon.eventstream");
            ex.sendResponseHeaders(200, 0);
            OutputStream out = ex.getResponseBody();
            out.write(EventStreamFrames.event("assistantResponseEvent", Map.of("content", "hello from " + account)));
            out.flush();
            out.write(EventStreamFrames.event("metadataEvent", Map.of("tokenUsage",
                    Map.of("uncachedInputTokens", 12, "outputTokens", 4, "totalTokens", 16))));
            out.flush();
        });
    }

    static HttpResponse<String> ask(String model, boolean stream) throws Exception {
        return router.post("/v1/messages", "{\"model\":\"" + model + "\",\"max_tokens\":100,\"stream\":" + stream
                + ",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}", Map.of());
    }

    @Test
    void defaultRequestsAreSplitSeventyThirtyAndStreamedAsAnthropicEvents() throws Exception {
        Map<String, Integer> counts = new HashMap<>();
        for (int i = 0; i < 50; i++) {
            HttpResponse<String> response = ask("claude-sonnet-4-5", true);
            assertThat(response.statusCode()).isEqualTo(200);
            String account = response.headers().firstValue("x-ccr-provider").orElseThrow();
            counts.merge(account, 1, Integer::sum);
            assertThat(response.body()).contains("hello from " + account.replace("codewhisperer-", ""));
            assertThat(SseText.eventNames(response.body())).startsWith("message_start").endsWith("message_stop");
        }
        assertThat(counts.get("codewhisperer-primary")).isEqualTo(35);
        assertThat(counts.get("codewhisperer-secondary")).isEqualTo(15);
        assertThat(Json.parse(primary.last().body()).path("conversationState").path("currentMessage")
                .path("userInputMessage").path("modelId").asText()).isEqualTo("claude-sonnet-4.5");
        assertThat(Json.parse(primary.last().body()).path("profileArn").asText()).endsWith("profile/primary");
    }

    @Test
    void whenTheSecondaryIsDownThePrimaryServesEverything() throws Exception {
        secondary.on("/generateAssistantResponse", (ex, req) -> MockUpstream.json(ex, 503,
                "{\"message\":\"Service unavailable\"}", Map.of()));

        for (int i = 0; i < 20; i++) {
            HttpResponse<String> response = ask("claude-sonnet-4-5", true);
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("x-ccr-provider")).hasValue("codewhisperer-primary");
        }
    }

    @Test
    void backgroundRequestsTakeTurnsAndFailOver() throws Exception {
        Map<String, Integer> counts = new HashMap<>();
        for (int i = 0; i < 6; i++) {
            HttpResponse<String> response = ask("claude-haiku-4-5", true);
            assertThat(response.headers().firstValue("x-ccr-category")).hasValue("background");
            assertThat(response.headers().firstValue("x-ccr-model")).hasValue("claude-haiku-4.5");
            counts.merge(response.headers().firstValue("x-ccr-provider").orElseThrow(), 1, Integer::sum);
        }
        assertThat(counts).containsEntry("codewhisperer-primary", 3).containsEntry("codewhisperer-secondary", 3);

        primary.on("/generateAssistantResponse", (ex, req) -> MockUpstream.json(ex, 500, "{\"message\":\"boom\"}", Map.of()));
        for (int i = 0; i < 6; i++) {
            HttpResponse<String> response = ask("claude-haiku-4-5", true);
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("x-ccr-provider")).hasValue("codewhisperer-secondary");
        }
    }

    @Test
    void aNonStreamingClientGetsTheAssembledMessage() throws Exception {
        HttpResponse<String> response = ask("codewhisperer-secondary,claude-sonnet-4.5", false);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode message = Json.parse(response.body());
        assertThat(message.path("content").get(0).path("text").asText()).isEqualTo("hello from secondary");
        assertThat(message.path("usage").path("output_tokens").asInt()).isEqualTo(4);
    }

    @Test
    void eachAccountSendsOnlyItsOwnToken() throws Exception {
        for (int i = 0; i < 10; i++) {
            assertThat(ask("claude-sonnet-4-5", true).statusCode()).isEqualTo(200);
        }
        assertThat(primary.received()).allSatisfy(r ->
                assertThat(r.header("authorization")).isEqualTo("Bearer access-primary-0123456789"));
        assertThat(secondary.received()).allSatisfy(r ->
                assertThat(r.header("authorization")).isEqualTo("Bearer access-secondary-0123456789"));
        assertThat(router.get("/health/providers").body()).doesNotContain("access-primary").doesNotContain("refresh-");
    }
}
