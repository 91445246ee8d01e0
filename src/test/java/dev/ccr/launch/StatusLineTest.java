package dev.ccr.launch;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ccr.json.Json;
import dev.ccr.testing.MockUpstream;
import dev.ccr.testing.RouterHarness;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET /stats/sessions/<id>} and the status line command that reads it: what the router chose for a Claude
 * Code session, keyed by the session id Claude Code sends, behind the router key, for a bounded number of sessions.
 */
class StatusLineTest {
    static final String KEY = "router-key-statusline-0123";
    static MockUpstream openai;
    static RouterHarness router;

    @BeforeAll
    static void start() throws Exception {
        openai = new MockUpstream();
        openai.on("/v1/chat/completions", (ex, req) -> {
            if (Json.parse(req.body()).path("model").asText().equals("gpt-bad")) {
                MockUpstream.json(ex, 400, "{\"error\":{\"message\":\"bad request\",\"type\":\"invalid_request_error\"}}",
                        Map.of());
                return;
            }
            MockUpstream.json(ex, 200, "{\"id\":\"c1\",\"object\":\"chat.completion\",\"choices\":[{\"index\":0,"
                    + "\"message\":{\"role\":\"assistant\",\"content\":\"pong\"},\"finish_reason\":\"stop\"}],"
                    + "\"usage\":{\"prompt_tokens\":1200,\"completion_tokens\":34}}", Map.of());
        });
        router = RouterHarness.start(Map.of(
                "ccr.api-key", KEY,
                "ccr.stats.max-sessions", "3",
                "ccr.providers.openai.base-url", openai.baseUrl(),
                "ccr.providers.openai.api-key", "sk-openai-test-0123456789"));
    }

    @AfterAll
    static void stop() {
        router.close();
        openai.close();
    }

    static void ask(String session, String model) throws Exception {
        router.post("/v1/messages", "{\"model\":\"openai," + model + "\",\"max_tokens\":50,"
                + "\"messages\":[{\"role\":\"user\",\"content\":\"ping\"}]}",
                Map.of("x-api-key", KEY, "X-Claude-Code-Session-Id", session));
    }

    static HttpResponse<String> session(String id, String key) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(router.uri("/stats/sessions/" + id)).GET();
        if (key != null) {
            request.header("x-api-key", key);
        }
        return router.client().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The session once its requests have all been recorded (a request is recorded as its answer's last byte goes). */
    static JsonNode settled(String id, int requests) throws Exception {
        for (int i = 0; i < 100; i++) {
            HttpResponse<String> response = session(id, KEY);
            if (response.statusCode() == 200 && Json.parse(response.body()).path("requests").asInt() >= requests) {
                return Json.parse(response.body());
            }
            Thread.sleep(50);
        }
        throw new AssertionError("session " + id + " never showed " + requests + " requests");
    }

    RouterProbe probe() {
        return new RouterProbe(new RouterAddress(URI.create("http://127.0.0.1:" + router.port()), KEY),
                Duration.ofSeconds(5));
    }

    @Test
    void aSessionShowsTheLastChoiceItsTokensAndItsErrors() throws Exception {
        String id = "5d1f0c6e-0000-4000-8000-00000000aa01";
        ask(id, "gpt-4.1");
        ask(id, "gpt-bad");
        ask(id, "gpt-4.1");

        JsonNode stats = settled(id, 3);

        assertThat(stats.path("requests").asInt()).isEqualTo(3);
        assertThat(stats.path("errors").asInt()).isEqualTo(1);
        assertThat(stats.path("inputTokens").asLong()).isEqualTo(2400);
        assertThat(stats.path("outputTokens").asLong()).isEqualTo(68);
        assertThat(stats.path("last").path("provider").asText()).isEqualTo("openai");
        assertThat(stats.path("last").path("model").asText()).isEqualTo("gpt-4.1");
        assertThat(stats.path("last").path("category").asText()).isEqualTo("explicit");

        assertThat(StatusLine.render("{\"session_id\":\"" + id + "\",\"model\":{\"id\":\"openai,gpt-4.1\"}}", probe()))
                .isEqualTo("ccr openai,gpt-4.1 · explicit · 3 req · in 2.4k out 68 · 1 error");
    }

    @Test
    void theEndpointIsBehindTheRouterKey() throws Exception {
        String id = "5d1f0c6e-0000-4000-8000-00000000aa02";
        ask(id, "gpt-4.1");
        settled(id, 1);

        assertThat(session(id, null).statusCode()).isEqualTo(401);
        assertThat(session(id, "wrong-key").statusCode()).isEqualTo(401);
    }

    @Test
    void idsOutsideTheStrictCharacterSetAreRefused() throws Exception {
        for (String id : new String[]{"a.b", "%2e%2e", "a%20b", "x".repeat(129), "%7B%7Benv:HOME%7D%7D"}) {
            HttpResponse<String> response = session(id, KEY);
            assertThat(response.statusCode()).as(id).isEqualTo(400);
            assertThat(Json.parse(response.body()).path("error").path("type").asText()).isEqualTo("invalid_request_error");
        }
    }

    @Test
    void onlyTheMostRecentSessionsAreKept() throws Exception {
        for (int i = 0; i < 4; i++) {
            ask("lru-session-" + i, "gpt-4.1");
            settled("lru-session-" + i, 1);
        }

        assertThat(session("lru-session-0", KEY).statusCode()).isEqualTo(404);
        assertThat(session("lru-session-3", KEY).statusCode()).isEqualTo(200);
        assertThat(StatusLine.render("{\"session_id\":\"lru-session-0\"}", probe())).isEqualTo("ccr: no request yet");
    }

    @Test
    void theStatusLineSaysSoWhenTheRouterIsNotThere() {
        RouterProbe nowhere = new RouterProbe(new RouterAddress(URI.create("http://127.0.0.1:1"), null),
                Duration.ofSeconds(2));

        assertThat(StatusLine.render("{\"session_id\":\"abc\"}", nowhere)).isEqualTo("ccr: router not reachable");
        assertThat(StatusLine.render("", nowhere)).isEqualTo("ccr: no session_id on stdin");
    }
}
