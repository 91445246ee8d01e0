package dev.ccr.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ccr.json.Json;
import dev.ccr.importer.ImportCommand;
import dev.ccr.testing.MockUpstream;
import dev.ccr.testing.RouterHarness;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The design documents' two configurations, exactly as written (src/test/resources/seed-configs), imported and run
 * against two mock CodeWhisperer accounts.
 */
class ImportedSeedScenariosTest {
    @TempDir
    static Path dir;
    static MockUpstream primary;
    static MockUpstream secondary;

    @BeforeAll
    static void accounts() throws Exception {
        primary = new MockUpstream();
        secondary = new MockUpstream();
        SeedsScenarioTest.answerAs(primary, "primary");
        SeedsScenarioTest.answerAs(secondary, "secondary");
    }

    @AfterAll
    static void stop() {
        primary.close();
        secondary.close();
    }

    static RouterHarness importAndStart(String seed, String scenario) throws Exception {
        int exit = ImportCommand.run(new String[]{"import", "src/test/resources/seed-configs/" + seed, "--scenario",
                scenario, "--dir", dir.toString()}, new PrintStream(System.out), new PrintStream(System.err));
        assertThat(exit).isEqualTo(0);
        Map<String, String> properties = new HashMap<>(
                SeedsAccounts.properties(dir, primary.baseUrl(), secondary.baseUrl()));
        properties.put("ccr.scenario", scenario);
        properties.put("ccr.scenario-properties", dir.resolve("config/scenarios/" + scenario + ".properties").toString());
        properties.put("camel.main.routes-include-pattern",
                "file:routes/common/*.camel.yaml,file:" + dir.resolve("routes/" + scenario) + "/*.camel.yaml");
        return RouterHarness.start(properties);
    }

    static HttpResponse<String> ask(RouterHarness router, String model) throws Exception {
        return router.post("/v1/messages", "{\"model\":\"" + model + "\",\"max_tokens\":100,\"stream\":true"
                + ",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}", Map.of());
    }

    @Test
    void theLoadBalancingConfigurationSplitsByWeightAndTakesTurns() throws Exception {
        try (RouterHarness router = importAndStart("codewhisperer-load-balancing.json", "seeds-lb")) {
            Map<String, Integer> counts = new HashMap<>();
            for (int i = 0; i < 20; i++) {
                HttpResponse<String> response = ask(router, "claude-sonnet-4-5");
                assertThat(response.statusCode()).isEqualTo(200);
                assertThat(response.headers().firstValue("x-ccr-model")).hasValue("CLAUDE_SONNET_4_20250514_V1_0");
                counts.merge(response.headers().firstValue("x-ccr-provider").orElseThrow(), 1, Integer::sum);
            }
            assertThat(counts).containsEntry("codewhisperer-primary", 14).containsEntry("codewhisperer-secondary", 6);

            Map<String, Integer> background = new HashMap<>();
            for (int i = 0; i < 4; i++) {
                HttpResponse<String> response = ask(router, "claude-haiku-4-5");
                assertThat(response.headers().firstValue("x-ccr-model")).hasValue("CLAUDE_3_7_SONNET_20250219_V1_0");
                background.merge(response.headers().firstValue("x-ccr-provider").orElseThrow(), 1, Integer::sum);
            }
            assertThat(background).containsEntry("codewhisperer-primary", 2).containsEntry("codewhisperer-secondary", 2);

            JsonNode categories = Json.parse(router.get("/metrics/load-balancing").body()).path("categories");
            assertThat(categories.path("default").path("strategy").asText()).isEqualTo("WeightedBalancer");
            assertThat(categories.path("default").path("targets").get(0).path("weight").asInt()).isEqualTo(70);
            assertThat(categories.path("default").path("targets").get(0).path("requests").asInt()).isEqualTo(14);
            assertThat(categories.path("background").path("strategy").asText()).isEqualTo("RoundRobinBalancer");
            assertThat(categories.path("thinking").path("strategy").asText()).isEqualTo("LeastConnectionsBalancer");
            assertThat(categories.path("search").path("strategy").asText()).isEqualTo("ResponseTimeBalancer");
            JsonNode longContext = categories.path("longcontext");
            assertThat(longContext.path("strategy").asText()).isEqualTo("PriorityBalancer");
            assertThat(longContext.path("targets").get(1).path("provider").asText()).isEqualTo("codewhisperer-secondary");

            // the breaker numbers: 3 failures open the secondary's breaker (failureThreshold 3, resetTimeout 45 s)
            JsonNode breaker = Json.parse(router.get("/metrics/circuit-breakers").body())
                    .path("providers").path("codewhisperer-secondary");
            assertThat(breaker.path("waitDurationInOpenStateMs").asLong()).isEqualTo(45_000);
        }
    }

    @Test
    void theModelSeparationConfigurationSendsEachCategoryToItsAccount() throws Exception {
        try (RouterHarness router = importAndStart("multi-codewhisperer-providers.json", "seeds-separate")) {
            HttpResponse<String> main = ask(router, "claude-sonnet-4-5");
            assertThat(main.headers().firstValue("x-ccr-provider")).hasValue("codewhisperer-primary");
            assertThat(main.body()).contains("hello from primary");
            HttpResponse<String> background = ask(router, "claude-haiku-4-5");
            assertThat(background.headers().firstValue("x-ccr-provider")).hasValue("codewhisperer-secondary");
            assertThat(background.headers().firstValue("x-ccr-model")).hasValue("CLAUDE_3_7_SONNET_20250219_V1_0");

            JsonNode dashboard = Json.parse(router.get("/dashboard/load-balancing").body()).path("providers");
            // priority "high"/"normal" and the limits from the file, not the shipped blocks'
            assertThat(dashboard.path("codewhisperer-primary").path("priority").asInt()).isEqualTo(1);
            assertThat(dashboard.path("codewhisperer-secondary").path("priority").asInt()).isEqualTo(2);
            assertThat(dashboard.path("codewhisperer-primary").path("weight").asInt()).isEqualTo(1);
        }
    }
}
