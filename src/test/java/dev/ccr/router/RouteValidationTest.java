package dev.ccr.router;

import dev.ccr.testing.MockUpstream;
import dev.ccr.testing.RouterHarness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Route files that name providers or models that do not exist, at startup and when edited while running. */
class RouteValidationTest {
    static final String ROUTE = """
            - route:
                id: send-default-requests-somewhere
                routeConfigurationId: hand-errors-back-to-the-caller
                from:
                  uri: direct:category-default
                  steps:
                    - to:
                        uri: "%s"
            """;

    static Map<String, String> properties(Path dir, MockUpstream upstream, boolean reload) {
        return Map.of(
                "camel.main.routes-include-pattern", "file:routes/common/*.camel.yaml,file:" + dir + "/*.camel.yaml",
                "ccr.routes.reload", Boolean.toString(reload),
                "ccr.routes.reload-directory", dir.toString(),
                "ccr.providers.anthropic.base-url", upstream.baseUrl(),
                "ccr.providers.anthropic.api-key", "provider-key-0123456789",
                "ccr.providers.anthropic.models", "claude-sonnet-4-5,claude-haiku-4-5");
    }

    @Test
    void anUnknownProviderStopsTheStartNamingFileRouteAndValue(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("default.camel.yaml"), ROUTE.formatted("provider:antropic"));
        try (MockUpstream upstream = new MockUpstream()) {
            assertThatThrownBy(() -> RouterHarness.start(properties(dir, upstream, false)).close())
                    .hasStackTraceContaining("default.camel.yaml")
                    .hasStackTraceContaining("send-default-requests-somewhere")
                    .hasStackTraceContaining("unknown provider 'antropic'");
        }
    }

    @Test
    void aModelTheProviderDoesNotListStopsTheStart(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("default.camel.yaml"), ROUTE.formatted("provider:anthropic?model=gpt-4o"));
        try (MockUpstream upstream = new MockUpstream()) {
            assertThatThrownBy(() -> RouterHarness.start(properties(dir, upstream, false)).close())
                    .hasStackTraceContaining("default.camel.yaml")
                    .hasStackTraceContaining("does not list model 'gpt-4o'");
        }
    }

    @Test
    void aBadEditIsRejectedAndAGoodOneTakesEffect(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("default.camel.yaml");
        Files.writeString(file, ROUTE.formatted("provider:anthropic?model=claude-sonnet-4-5"));
        try (MockUpstream upstream = new MockUpstream();
             RouterHarness router = RouterHarness.start(properties(dir, upstream, true))) {
            upstream.on("/v1/messages", (ex, req) -> MockUpstream.json(ex, 200, "{\"type\":\"message\"}", Map.of()));
            assertThat(modelSent(router, upstream)).isEqualTo("claude-sonnet-4-5");

            Files.writeString(file, ROUTE.formatted("provider:nobody"));
            Thread.sleep(2500);
            assertThat(modelSent(router, upstream)).as("previous routes keep serving").isEqualTo("claude-sonnet-4-5");

            Files.writeString(file, ROUTE.formatted("provider:anthropic?model=claude-haiku-4-5"));
            long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
            while (!"claude-haiku-4-5".equals(modelSent(router, upstream)) && System.nanoTime() < deadline) {
                Thread.sleep(250);
            }
            assertThat(modelSent(router, upstream)).isEqualTo("claude-haiku-4-5");
        }
    }

    static String modelSent(RouterHarness router, MockUpstream upstream) throws Exception {
        HttpResponse<String> response = router.post("/v1/messages",
                "{\"model\":\"claude-opus-5-5\",\"max_tokens\":5,\"messages\":[]}", Map.of());
        assertThat(response.statusCode()).isEqualTo(200);
        return dev.ccr.json.Json.parse(upstream.last().body()).path("model").asText();
    }
}
