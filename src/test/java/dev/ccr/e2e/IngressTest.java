package dev.ccr.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ccr.json.Json;
import dev.ccr.testing.MockUpstream;
import dev.ccr.testing.RouterHarness;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** What the ingress does before any provider is involved: auth, validation, local endpoints, probes. */
class IngressTest {
    static final String ROUTER_KEY = "router-key-for-tests-42";
    static MockUpstream upstream;
    static RouterHarness router;

    @BeforeAll
    static void start() throws Exception {
        upstream = new MockUpstream();
        upstream.on("/v1/messages", (ex, req) -> MockUpstream.json(ex, 200, "{\"type\":\"message\"}", Map.of()));
        router = RouterHarness.start(Map.of(
                "ccr.api-key", ROUTER_KEY,
                "ccr.max-body-bytes", "2000",
                "ccr.providers.anthropic.base-url", upstream.baseUrl(),
                "ccr.providers.anthropic.api-key", "provider-key-123456",
                "ccr.providers.anthropic.models", "claude-sonnet-4-5,claude-haiku-4-5"));
    }

    @AfterAll
    static void stop() {
        router.close();
        upstream.close();
    }

    static final String VALID = "{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":10,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";

    static JsonNode error(HttpResponse<String> response) throws Exception {
        JsonNode body = Json.parse(response.body());
        assertThat(body.path("type").asText()).isEqualTo("error");
        return body.path("error");
    }

    @Test
    void theRouterKeyIsAcceptedAsXApiKeyOrBearer() throws Exception {
        assertThat(router.post("/v1/messages", VALID, Map.of("x-api-key", ROUTER_KEY)).statusCode()).isEqualTo(200);
        assertThat(router.post("/v1/messages", VALID, Map.of("Authorization", "Bearer " + ROUTER_KEY)).statusCode())
                .isEqualTo(200);
        assertThat(upstream.last().header("x-api-key")).isEqualTo("provider-key-123456");
        assertThat(upstream.last().header("authorization")).isNull();
    }

    @Test
    void missingOrWrongRouterKeyIs401() throws Exception {
        for (Map<String, String> headers : new Map[]{Map.of(), Map.of("x-api-key", "wrong"),
                Map.of("Authorization", "Bearer wrong")}) {
            HttpResponse<String> response = router.post("/v1/messages", VALID, headers);
            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(error(response).path("type").asText()).isEqualTo("authentication_error");
            assertThat(response.body()).doesNotContain(ROUTER_KEY);
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{not json                                                          | not valid JSON",
            "[1,2]                                                              | must be a JSON object",
            "{\"max_tokens\":5,\"messages\":[]}                                  | model: field required",
            "{\"model\":7,\"max_tokens\":5,\"messages\":[]}                      | model: must be a non-empty string",
            "{\"model\":\"m\",\"max_tokens\":5,\"messages\":{}}                  | messages: must be an array",
            "{\"model\":\"m\",\"max_tokens\":5}                                  | messages: field required",
            "{\"model\":\"m\",\"messages\":[]}                                   | max_tokens: field required",
            "{\"model\":\"m\",\"max_tokens\":0,\"messages\":[]}                  | max_tokens: must be a positive integer",
            "{\"model\":\"m\",\"max_tokens\":\"5\",\"messages\":[]}              | max_tokens: must be a positive integer",
            "{\"model\":\"m\",\"max_tokens\":2.5,\"messages\":[]}                | max_tokens: must be a positive integer",
    })
    void malformedRequestsAre400NamingTheField(String body, String message) throws Exception {
        HttpResponse<String> response = router.post("/v1/messages", body, Map.of("x-api-key", ROUTER_KEY));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(error(response).path("type").asText()).isEqualTo("invalid_request_error");
        assertThat(error(response).path("message").asText()).contains(message.trim());
        assertThat(router.post("/v1/messages", VALID, Map.of("x-api-key", ROUTER_KEY)).statusCode())
                .as("still serving").isEqualTo(200);
    }

    @Test
    void aBodyOverTheLimitIs413() throws Exception {
        String big = VALID.replace("\"hi\"", "\"" + "x".repeat(3000) + "\"");

        HttpResponse<String> response = router.post("/v1/messages", big, Map.of("x-api-key", ROUTER_KEY));

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(error(response).path("type").asText()).isEqualTo("request_too_large");
    }

    @Test
    void unknownPathIs404AndWrongMethodIs405() throws Exception {
        HttpResponse<String> missing = router.client().send(HttpRequest.newBuilder(router.uri("/v2/nothing"))
                .header("x-api-key", ROUTER_KEY).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(error(missing).path("type").asText()).isEqualTo("not_found_error");

        HttpResponse<String> wrongMethod = router.client().send(HttpRequest.newBuilder(router.uri("/v1/messages"))
                .header("x-api-key", ROUTER_KEY).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(wrongMethod.statusCode()).isEqualTo(405);
        assertThat(error(wrongMethod).path("type").asText()).isEqualTo("invalid_request_error");
    }

    @Test
    void healthAndTheClientsProbesAnswer200() throws Exception {
        assertThat(router.get("/health").statusCode()).isEqualTo(200);
        for (String path : new String[]{"/", "/api/hello"}) {
            HttpResponse<String> head = router.client().send(HttpRequest.newBuilder(router.uri(path))
                    .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(head.statusCode()).as(path).isEqualTo(200);
        }
    }

    @Test
    void modelsListsWhatTheProvidersServe() throws Exception {
        HttpResponse<String> response = router.client().send(HttpRequest.newBuilder(router.uri("/v1/models"))
                .header("x-api-key", ROUTER_KEY).GET().build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(Json.parse(response.body()).path("data").findValuesAsText("id"))
                .containsExactly("anthropic,claude-sonnet-4-5", "anthropic,claude-haiku-4-5");
    }

    @Test
    void explicitProviderModelSyntaxIsCheckedAgainstTheConfiguration() throws Exception {
        HttpResponse<String> unknown = router.post("/v1/messages", VALID.replace("claude-sonnet-4-5", "nosuch,model"),
                Map.of("x-api-key", ROUTER_KEY));
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(error(unknown).path("message").asText()).contains("nosuch");

        HttpResponse<String> unlisted = router.post("/v1/messages", VALID.replace("claude-sonnet-4-5", "anthropic,gpt-4o"),
                Map.of("x-api-key", ROUTER_KEY));
        assertThat(unlisted.statusCode()).isEqualTo(400);
        assertThat(error(unlisted).path("message").asText()).contains("gpt-4o");

        HttpResponse<String> listed = router.post("/v1/messages", VALID.replace("claude-sonnet-4-5", "anthropic,claude-haiku-4-5"),
                Map.of("x-api-key", ROUTER_KEY));
        assertThat(listed.statusCode()).isEqualTo(200);
        assertThat(listed.headers().firstValue("x-ccr-category")).hasValue("explicit");
        assertThat(Json.parse(upstream.last().body()).path("model").asText()).isEqualTo("claude-haiku-4-5");
    }

    private static HttpResponse<String> send(String path, String method, boolean withKey) throws Exception {
        // a JSON body, so the cross-site guard's content-type check passes and the method check is what answers
        HttpRequest.Builder request = HttpRequest.newBuilder(router.uri(path))
                .method(method, HttpRequest.BodyPublishers.noBody()).header("content-type", "application/json");
        if (withKey) {
            request.header("x-api-key", ROUTER_KEY);
        }
        return router.client().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The endpoints made from the http-endpoint route template all check the key, then the method. */
    @ParameterizedTest
    @ValueSource(strings = {"/v1/models", "/health/providers", "/stats", "/metrics"})
    void templatedEndpointsAnswerGetAndHeadWithTheKeyOnly(String path) throws Exception {
        HttpResponse<String> withoutKey = send(path, "GET", false);
        assertThat(withoutKey.statusCode()).isEqualTo(401);
        assertThat(error(withoutKey).path("type").asText()).isEqualTo("authentication_error");

        assertThat(send(path, "GET", true).statusCode()).isEqualTo(200);
        assertThat(send(path, "HEAD", true).statusCode()).isEqualTo(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/v1/models", "/health/providers", "/stats", "/metrics"})
    void templatedEndpointsRefuseOtherMethodsWith405(String path) throws Exception {
        for (String method : new String[]{"POST", "DELETE", "PUT"}) {
            HttpResponse<String> refused = send(path, method, true);
            assertThat(refused.statusCode()).as(method + " " + path).isEqualTo(405);
            assertThat(error(refused).path("type").asText()).isEqualTo("invalid_request_error");
        }
    }
}
