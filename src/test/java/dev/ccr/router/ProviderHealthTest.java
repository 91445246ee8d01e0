package dev.ccr.router;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ccr.json.Json;
import dev.ccr.testing.MockUpstream;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.ccr.router.TwoProviders.servedBy;
import static org.assertj.core.api.Assertions.assertThat;

/** Active health checks and GET /health/providers. */
class ProviderHealthTest {

    @Test
    void aProviderFailingItsHealthCheckLeavesRotationUntilItPasses() throws Exception {
        try (TwoProviders p = new TwoProviders(Map.of("ccr.providers.primary.health-check.interval", "200ms",
                "ccr.providers.primary.health-check.retries", "2"))) {
            AtomicBoolean healthy = new AtomicBoolean(true);
            AtomicInteger probes = new AtomicInteger();
            p.primary.on("/v1/models", (ex, req) -> {
                probes.incrementAndGet();
                assertThat(req.method()).isEqualTo("GET");
                assertThat(req.header("x-api-key")).isEqualTo("primary-key-0123456789");
                MockUpstream.json(ex, healthy.get() ? 200 : 500, "{\"data\":[]}", Map.of());
            });
            Thread.sleep(500);
            assertThat(servedBy(p.send("priority", false, null))).isEqualTo("primary");

            healthy.set(false);
            Thread.sleep(800);
            assertThat(servedBy(p.send("priority", false, null))).isEqualTo("secondary");
            JsonNode report = Json.parse(p.router.get("/health/providers").body());
            JsonNode primary = byName(report.path("providers"), "primary");
            assertThat(primary.path("status").asText()).isEqualTo("down");
            assertThat(primary.path("healthCheck").asText()).isEqualTo("failing");

            healthy.set(true);
            Thread.sleep(600);
            assertThat(servedBy(p.send("priority", false, null))).isEqualTo("primary");
            assertThat(probes.get()).isGreaterThan(4);
            assertThat(p.primary.received().stream().filter(r -> r.path().startsWith("/v1/messages")).count())
                    .as("health checks never make paid calls").isEqualTo(2);
        }
    }

    static JsonNode byName(JsonNode providers, String name) {
        for (JsonNode provider : providers) {
            if (provider.path("name").asText().equals(name)) {
                return provider;
            }
        }
        throw new AssertionError("no provider " + name + " in " + providers);
    }

    @Test
    void theReportShowsEachProvidersStateWithoutSecrets() throws Exception {
        try (TwoProviders p = new TwoProviders(Map.of())) {
            p.primary.on("/v1/messages", (ex, req) -> MockUpstream.json(ex, 503,
                    "{\"error\":{\"message\":\"bad key primary-key-0123456789\"}}", Map.of()));
            p.send("priority", false, null);
            p.router.providers().get("secondary").setEnabled(false);

            HttpResponse<String> response = p.router.get("/health/providers");

            assertThat(response.statusCode()).isEqualTo(200);
            JsonNode providers = Json.parse(response.body()).path("providers");
            assertThat(byName(providers, "primary").path("status").asText()).isEqualTo("up");
            assertThat(byName(providers, "primary").path("breaker").asText()).isEqualTo("CLOSED");
            assertThat(byName(providers, "primary").path("lastError").asText()).contains("503");
            assertThat(byName(providers, "secondary").path("status").asText()).isEqualTo("disabled");
            assertThat(byName(providers, "anthropic").path("reason").asText()).contains("ANTHROPIC_API_KEY");
            assertThat(response.body()).doesNotContain("primary-key-0123456789").doesNotContain("secondary-key");
        }
    }
}
