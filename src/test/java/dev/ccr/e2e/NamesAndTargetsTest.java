package dev.ccr.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ccr.json.Json;
import dev.ccr.testing.MockUpstream;
import dev.ccr.testing.RouterHarness;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue #11 items 1 and 3: a model or provider name from a request or from the admin API is data, never part of an
 * endpoint URI. Each payload of the issue is sent through the model field, the subagent tag and the admin model map
 * of the router started as users start it; none may reach the provider, leak a key or the user's home, or touch a
 * breaker. (What the relay does with a header Netty refuses: {@code dev.ccr.ingress.ResponseHeadTest}.)
 */
class NamesAndTargetsTest {
    static final String PROVIDER_KEY = "provider-key-names-test-8f3a";
    static final String OK = "{\"type\":\"message\",\"content\":[],\"usage\":{\"input_tokens\":3,\"output_tokens\":2}}";
    static MockUpstream upstream;
    static RouterHarness router;

    @BeforeAll
    static void start() throws Exception {
        upstream = new MockUpstream();
        router = RouterHarness.start(Map.of(
                "ccr.providers.anthropic.base-url", upstream.baseUrl(),
                "ccr.providers.anthropic.api-key", PROVIDER_KEY));
    }

    @AfterAll
    static void stop() {
        router.close();
        upstream.close();
    }

    @BeforeEach
    void answerNormally() {
        upstream.on("/v1/messages", (ex, req) -> MockUpstream.json(ex, 200, OK, Map.of()));
    }

    static String request(String model, String system) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("model", model);
        body.put("max_tokens", 10);
        if (system != null) {
            body.put("system", system);
        }
        body.putArray("messages").addObject().put("role", "user").put("content", "hi");
        return body.toString();
    }

    /** The payloads, plus one that names a key the router was configured with. */
    static List<String> payloads() {
        return List.of("{{env:ANTHROPIC_API_KEY}}", "{{ccr.providers.anthropic.api-key}}", "{{sys:user.home}}",
                "{{bean:anthropic-breaker.transitionToForcedOpenState}}", "x)&foo=bar");
    }

    static List<String> payloadsAndMarkup() {
        List<String> all = new ArrayList<>(payloads());
        all.add("<img src=x onerror=alert(1)>");
        return all;
    }

    @ParameterizedTest
    @MethodSource("payloads")
    void aPlaceholderInTheModelFieldIsRefusedBeforeAnyProviderCall(String payload) throws Exception {
        assertRefused(() -> router.post("/v1/messages", request("anthropic," + payload, null), Map.of()), "model");
    }

    @ParameterizedTest
    @MethodSource("payloads")
    void aPlaceholderInTheSubagentTagIsRefusedBeforeAnyProviderCall(String payload) throws Exception {
        String system = "<CCR-SUBAGENT-MODEL>anthropic," + payload + "</CCR-SUBAGENT-MODEL>You are a helper.";
        assertRefused(() -> router.post("/v1/messages", request("claude-sonnet-4-5", system), Map.of()),
                "<CCR-SUBAGENT-MODEL>");
    }

    @ParameterizedTest
    @MethodSource("payloadsAndMarkup")
    void aPlaceholderInTheAdminModelMapIsRefusedAndNeverRoutes(String payload) throws Exception {
        ObjectNode value = JsonNodeFactory.instance.objectNode();
        value.putObject("modelMap").put("claude-sonnet-4-5", "anthropic," + payload);
        assertRefused(() -> put(value.toString()), "modelMap.claude-sonnet-4-5");

        ObjectNode key = JsonNodeFactory.instance.objectNode();
        key.putObject("modelMap").put(payload, "anthropic,claude-sonnet-4-5");
        assertRefused(() -> put(key.toString()), "modelMap");

        assertThat(Json.parse(router.get("/admin/routing").body()).path("modelMap").size())
                .as("nothing saved").isZero();
        HttpResponse<String> after = router.post("/v1/messages", request("claude-sonnet-4-5", null), Map.of());
        assertThat(after.statusCode()).isEqualTo(200);
        assertThat(upstream.last().bodyText()).doesNotContain(payload);
        assertNoSecretIn(after);
    }

    @Test
    void aControlCharacterInTheModelIsA400BeforeAnyProviderCall() throws Exception {
        HttpResponse<String> response = assertRefused(() -> router.post("/v1/messages",
                request("claude-x\nX-Injected: yes", null), Map.of()), "model");

        assertThat(response.headers().firstValue("x-injected")).isEmpty();
    }

    private HttpResponse<String> put(String json) throws Exception {
        return router.client().send(HttpRequest.newBuilder(router.uri("/admin/routing"))
                .timeout(Duration.ofSeconds(10)).header("content-type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> assertRefused(Callable<HttpResponse<String>> send, String field) throws Exception {
        int before = upstream.received().size();
        HttpResponse<String> response = send.call();
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        JsonNode error = Json.parse(response.body()).path("error");
        assertThat(error.path("type").asText()).isEqualTo("invalid_request_error");
        assertThat(error.path("message").asText()).contains(field);
        assertNoSecretIn(response);
        assertThat(upstream.received()).as("nothing reached the provider").hasSize(before);
        assertThat(router.providers().get("anthropic").breaker().getState()).isEqualTo(CircuitBreaker.State.CLOSED);
        return response;
    }

    private static void assertNoSecretIn(HttpResponse<String> response) {
        String home = System.getProperty("user.home");
        String everything = response.headers().map() + "\n" + response.body();
        assertThat(everything).doesNotContain(PROVIDER_KEY).doesNotContain(home + "\"").doesNotContain(home + ",")
                .doesNotContain("=" + home);
        String env = System.getenv("ANTHROPIC_API_KEY");
        if (env != null && !env.isBlank()) {
            assertThat(everything).doesNotContain(env);
        }
        response.headers().map().forEach((name, values) -> {
            if (name.startsWith("x-ccr-")) {
                assertThat(values).allSatisfy(v -> assertThat(v).doesNotContain(home));
            }
        });
    }
}
