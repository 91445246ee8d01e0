package dev.ccr.security;

import dev.ccr.testing.MockUpstream;
import dev.ccr.testing.RouterHarness;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue #11 (4): an upstream that echoes the provider key in its error body, raw or encoded, must not get it to the
 * client's error, /health/providers or /admin/routing; and no more than a short excerpt of its body is passed on.
 */
class EchoedSecretsTest {
    /** As short as the OPENAI_API_KEY=short1 (the old redactor ignored keys under 12 characters). */
    static final String SHORT_KEY = "short1";
    static final String LONG_KEY = "test-key-0123456789abcdef";
    /** Every way the echoes below spell the two keys: a test fails if any of them comes back. */
    static final List<String> SPELLINGS = List.of(SHORT_KEY, LONG_KEY, "%73%68%6F%72%74%31", "%73%68%6f%72%74%31",
            "test%2Dkey", "test%2dkey", "\\u0073hort1", "0123456789abcdef", "short%31", "%74est");

    static MockUpstream upstream;
    static RouterHarness router;
    static volatile String echo;

    @BeforeAll
    static void start() throws Exception {
        upstream = new MockUpstream();
        upstream.on("/", (exchange, request) -> {
            boolean json = echo.startsWith("{");
            exchange.getResponseHeaders().set("content-type", json ? "application/json" : "text/plain");
            byte[] bytes = echo.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(401, bytes.length);
            exchange.getResponseBody().write(bytes);
        });
        router = RouterHarness.start(Map.of(
                "ccr.providers.openai.base-url", upstream.baseUrl(),
                "ccr.providers.openai.api-key", SHORT_KEY,
                "ccr.providers.openai.models", "gpt-4.1",
                "ccr.providers.anthropic.base-url", upstream.baseUrl(),
                "ccr.providers.anthropic.api-key", LONG_KEY));
    }

    @AfterAll
    static void stop() {
        router.close();
        upstream.close();
    }

    @BeforeEach
    void reset() {
        upstream.received().clear();
        router.resetProviders();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"error\":{\"type\":\"authentication_error\",\"message\":\"Incorrect API key provided: short1. "
                    + "Also tried test-key-0123456789abcdef.\"}}",
            "{\"error\":{\"message\":\"bad key=%73%68%6F%72%74%31&other=test%2Dkey%2D0123456789abcdef\"}}",
            "{\"error\":{\"message\":\"bad key=%73%68%6f%72%74%31 / short%31 / %74est%2dkey-0123456789abcdef\"}}",
            "not json: {\\\"key\\\":\\\"\\u0073hort1\\\",\\\"other\\\":\\\"test-key-0123456789abcdef\\\"}",
            "<html>the key short1 is invalid</html>"})
    void anEchoedKeyReachesNeitherTheClientNorTheStatusPages(String body) throws Exception {
        echo = body;
        for (String model : List.of("openai,gpt-4.1", "anthropic,claude-sonnet-4-5")) {
            HttpResponse<String> response = router.post("/v1/messages", request(model), Map.of());

            assertThat(response.statusCode()).as(model).isGreaterThanOrEqualTo(400);
            assertThat(response.body()).as(model).contains("\"type\":\"error\"").contains("[redacted]");
            assertNoSpelling(response.body());
        }
        assertThat(upstream.received()).hasSize(2);
        assertNoSpelling(router.get("/health/providers").body());
        HttpResponse<String> routing = router.get("/admin/routing");
        assertThat(routing.body()).contains("lastError").contains("[redacted]");
        assertNoSpelling(routing.body());
    }

    @ParameterizedTest
    @CsvSource({"0,false", "280,false", "295,false", "5000,false", "0,true", "295,true"})
    void onlyAShortRedactedExcerptOfALongErrorBodyIsPassedOn(int padding, boolean json) throws Exception {
        String text = "x".repeat(padding) + " key short1 and test-key-0123456789abcdef " + "y".repeat(20_000);
        echo = json ? "{\"error\":{\"message\":\"" + text + "\"}}" : text;

        HttpResponse<String> response = router.post("/v1/messages", request("anthropic,claude-sonnet-4-5"), Map.of());

        assertThat(response.statusCode()).isEqualTo(401);
        assertNoSpelling(response.body());
        assertThat(response.body().length()).as(response.body()).isLessThan(600);
        assertThat(response.body()).doesNotContain("y".repeat(300));
        String lastError = router.get("/health/providers").body();
        assertNoSpelling(lastError);
        assertThat(lastError).doesNotContain("y".repeat(300));
    }

    private static void assertNoSpelling(String text) {
        for (String spelling : SPELLINGS) {
            assertThat(text).as("leaks " + spelling).doesNotContainIgnoringCase(spelling);
        }
    }

    private static String request(String model) {
        return "{\"model\":\"" + model + "\",\"max_tokens\":50,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";
    }
}
