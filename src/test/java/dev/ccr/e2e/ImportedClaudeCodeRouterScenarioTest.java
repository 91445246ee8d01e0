package dev.ccr.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ccr.json.Json;
import dev.ccr.importer.ImportCommand;
import dev.ccr.testing.MockUpstream;
import dev.ccr.testing.RouterHarness;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A claude-code-router config with OpenRouter, DeepSeek and Ollama (three mock servers), fallbacks and a long-context
 * threshold, imported with the import command and run as a scenario; then the seeds' four endpoints on it.
 */
class ImportedClaudeCodeRouterScenarioTest {
    @TempDir
    static Path dir;
    static MockUpstream openrouter;
    static MockUpstream deepseek;
    static MockUpstream ollama;
    static RouterHarness router;

    @BeforeAll
    static void importAndStart() throws Exception {
        openrouter = new MockUpstream();
        deepseek = new MockUpstream();
        ollama = new MockUpstream();
        Path config = dir.resolve("config.json");
        Files.writeString(config, """
                {"LOG": true,
                 "Providers": [
                  {"name": "openrouter", "api_base_url": "%s/api/v1/chat/completions", "api_key": "$OPENROUTER_API_KEY",
                   "models": ["anthropic/claude-sonnet-4", "google/gemini-2.5-pro"], "transformer": {"use": ["openrouter"]}},
                  {"name": "deepseek", "api_base_url": "%s/chat/completions", "api_key": "${DEEPSEEK_API_KEY}",
                   "models": ["deepseek-chat", "deepseek-reasoner"],
                   "transformer": {"use": ["deepseek"], "deepseek-chat": {"use": ["tooluse"]}}},
                  {"name": "ollama", "api_base_url": "%s/v1/chat/completions", "api_key": "ollama",
                   "models": ["qwen2.5-coder:latest"]}],
                 "Router": {"default": "deepseek,deepseek-chat", "background": "ollama,qwen2.5-coder:latest",
                   "think": "deepseek,deepseek-reasoner", "longContext": "openrouter,google/gemini-2.5-pro",
                   "longContextThreshold": 2000},
                 "fallback": {"default": ["openrouter,anthropic/claude-sonnet-4"]}}
                """.formatted(openrouter.baseUrl(), deepseek.baseUrl(), ollama.baseUrl()));
        int exit = ImportCommand.run(new String[]{"import", config.toString(), "--scenario", "from-ccr", "--dir",
                dir.toString()}, new PrintStream(System.out), new PrintStream(System.err));
        assertThat(exit).isEqualTo(0);

        Map<String, String> properties = new HashMap<>();
        properties.put("ccr.scenario", "from-ccr");
        properties.put("ccr.scenario-properties", dir.resolve("config/scenarios/from-ccr.properties").toString());
        properties.put("camel.main.routes-include-pattern",
                "file:routes/common/*.camel.yaml,file:" + dir.resolve("routes/from-ccr") + "/*.camel.yaml");
        // the keys the import told us to set (environment variables cannot be set from a test)
        properties.put("ccr.providers.openrouter.api-key", "or-test-key-0123456789");
        properties.put("ccr.providers.deepseek.api-key", "ds-test-key-0123456789");
        router = RouterHarness.start(properties);
    }

    @AfterAll
    static void stop() {
        router.close();
        openrouter.close();
        deepseek.close();
        ollama.close();
    }

    @BeforeEach
    void allAnswer() {
        router.resetProviders();
        answer(openrouter, "/api/v1/chat/completions", "from openrouter");
        answer(deepseek, "/chat/completions", "from deepseek");
        answer(ollama, "/v1/chat/completions", "from ollama");
    }

    static void answer(MockUpstream mock, String path, String text) {
        mock.on(path, (ex, req) -> MockUpstream.json(ex, 200, "{\"id\":\"c1\",\"object\":\"chat.completion\","
                + "\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"" + text + "\"},"
                + "\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":9,\"completion_tokens\":2}}", Map.of()));
    }

    static HttpResponse<String> ask(String model, String content, String extra) throws Exception {
        return router.post("/v1/messages", "{\"model\":\"" + model + "\",\"max_tokens\":100" + extra
                + ",\"messages\":[{\"role\":\"user\",\"content\":\"" + content + "\"}]}", Map.of());
    }

    static String header(HttpResponse<String> response, String name) {
        return response.headers().firstValue(name).orElse(null);
    }

    @Test
    void defaultGoesToDeepSeekWithItsKeyAndFallsBackToOpenRouter() throws Exception {
        HttpResponse<String> response = ask("claude-sonnet-4-5", "hi", "");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(header(response, "x-ccr-category")).isEqualTo("default");
        assertThat(header(response, "x-ccr-provider")).isEqualTo("deepseek");
        assertThat(header(response, "x-ccr-model")).isEqualTo("deepseek-chat");
        assertThat(response.body()).contains("from deepseek");
        assertThat(deepseek.last().header("authorization")).isEqualTo("Bearer ds-test-key-0123456789");

        deepseek.on("/chat/completions", (ex, req) -> MockUpstream.json(ex, 503, "{\"error\":{\"message\":\"busy\"}}", Map.of()));
        HttpResponse<String> fallback = ask("claude-sonnet-4-5", "hi", "");
        assertThat(fallback.statusCode()).isEqualTo(200);
        assertThat(header(fallback, "x-ccr-provider")).isEqualTo("openrouter");
        assertThat(header(fallback, "x-ccr-model")).isEqualTo("anthropic/claude-sonnet-4");
        // the openrouter transformer: reasoning in OpenRouter's own field
        assertThat(openrouter.last().header("authorization")).isEqualTo("Bearer or-test-key-0123456789");
    }

    @Test
    void backgroundGoesToOllamaWithoutAKey() throws Exception {
        HttpResponse<String> response = ask("claude-haiku-4-5", "title please", "");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(header(response, "x-ccr-provider")).isEqualTo("ollama");
        assertThat(Json.parse(ollama.last().bodyText()).path("model").asText()).isEqualTo("qwen2.5-coder:latest");
        assertThat(ollama.last().header("authorization")).isNull();
    }

    @Test
    void thinkingAndLongContextFollowTheRouterSection() throws Exception {
        HttpResponse<String> think = ask("claude-sonnet-4-5", "hard", ",\"thinking\":{\"type\":\"enabled\",\"budget_tokens\":40000}");
        assertThat(header(think, "x-ccr-category")).isEqualTo("thinking");
        assertThat(header(think, "x-ccr-model")).isEqualTo("deepseek-reasoner");

        // over the imported longContextThreshold of 2000 tokens (not the default 60000)
        HttpResponse<String> longer = ask("claude-sonnet-4-5", "word ".repeat(3000), "");
        assertThat(header(longer, "x-ccr-category")).isEqualTo("longcontext");
        assertThat(header(longer, "x-ccr-provider")).isEqualTo("openrouter");
        assertThat(header(longer, "x-ccr-model")).isEqualTo("google/gemini-2.5-pro");
    }

    @Test
    void theSeedsEndpointsAnswerInTheirDocumentedShape() throws Exception {
        ask("claude-sonnet-4-5", "hi", "");
        ask("claude-haiku-4-5", "hi", "");

        JsonNode routing = Json.parse(router.get("/stats/routing").body());
        assertThat(routing.path("totalRequests").asLong()).isGreaterThanOrEqualTo(2);
        assertThat(routing.path("providerDistribution").path("ollama").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(routing.path("categoryDistribution").path("background").asLong()).isGreaterThanOrEqualTo(1);

        JsonNode balancing = Json.parse(router.get("/metrics/load-balancing").body()).path("categories");
        assertThat(balancing.path("default").path("strategy").asText()).isEqualTo("PriorityBalancer");
        JsonNode defaultTargets = balancing.path("default").path("targets");
        assertThat(defaultTargets.get(0).path("provider").asText()).isEqualTo("deepseek");
        assertThat(defaultTargets.get(0).path("requests").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(defaultTargets.get(1).path("model").asText()).isEqualTo("anthropic/claude-sonnet-4");
        assertThat(defaultTargets.get(0).has("weight")).isTrue();
        assertThat(balancing.path("background").path("strategy").asText()).isEqualTo("single");

        JsonNode breakers = Json.parse(router.get("/metrics/circuit-breakers").body()).path("providers");
        assertThat(breakers.path("deepseek").path("state").asText()).isEqualTo("CLOSED");
        assertThat(breakers.path("deepseek").has("failureRatePercent")).isTrue();
        assertThat(breakers.path("deepseek").path("bufferedCalls").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(breakers.path("deepseek").path("msUntilHalfOpen").isNull()).isTrue();

        JsonNode dashboard = Json.parse(router.get("/dashboard/load-balancing").body()).path("providers");
        assertThat(dashboard.path("ollama").path("status").asText()).isEqualTo("up");
        assertThat(dashboard.path("ollama").path("connections").asInt()).isZero();
        assertThat(dashboard.path("ollama").path("responseTime").isNumber()).isTrue();
        assertThat(dashboard.path("ollama").path("circuitBreakerState").asText()).isEqualTo("CLOSED");
        assertThat(dashboard.path("ollama").path("weight").asInt()).isEqualTo(1);
    }

    @Test
    void anOpenBreakerSaysWhenItWillLetAProbeThrough() throws Exception {
        router.providers().get("openrouter").breaker().transitionToOpenState();
        JsonNode openrouterBreaker = Json.parse(router.get("/metrics/circuit-breakers").body())
                .path("providers").path("openrouter");
        assertThat(openrouterBreaker.path("state").asText()).isEqualTo("OPEN");
        assertThat(openrouterBreaker.path("msUntilHalfOpen").asLong()).isBetween(1L, 30_000L);
        assertThat(Json.parse(router.get("/dashboard/load-balancing").body()).path("providers").path("openrouter")
                .path("status").asText()).isEqualTo("down");
    }
}
