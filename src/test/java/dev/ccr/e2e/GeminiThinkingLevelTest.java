package dev.ccr.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ccr.json.Json;
import dev.ccr.testing.MockUpstream;
import dev.ccr.testing.RouterHarness;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.http.HttpResponse;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Gemini 3 models take a thinkingLevel, older ones a thinkingBudget: Claude Code's thinking budget or effort reaches
 * each model in the form it accepts (a Gemini 3 model answers 400 to a budget sent with a level).
 */
class GeminiThinkingLevelTest {
    static MockUpstream gemini;
    static RouterHarness router;

    @BeforeAll
    static void start() throws Exception {
        gemini = new MockUpstream();
        gemini.on("/v1beta/models/", (ex, req) -> MockUpstream.json(ex, 200,
                "{\"candidates\":[{\"content\":{\"role\":\"model\",\"parts\":[{\"text\":\"pong\"}]},\"finishReason\":"
                        + "\"STOP\"}],\"usageMetadata\":{\"promptTokenCount\":3,\"candidatesTokenCount\":1}}", Map.of()));
        router = RouterHarness.start(Map.of(
                "ccr.providers.gemini.base-url", gemini.baseUrl(),
                "ccr.providers.gemini.api-key", "gm-test-0123456789"));
    }

    @AfterAll
    static void stop() {
        router.close();
        gemini.close();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "gemini-3-pro-preview | {\"type\":\"enabled\",\"budget_tokens\":31999} |                      | high |",
            "gemini-3-pro-preview | {\"type\":\"enabled\",\"budget_tokens\":4000}  |                      | low  |",
            "gemini-3-flash       | {\"type\":\"adaptive\"}                         | {\"effort\":\"low\"}  | low  |",
            "gemini-3-flash       | {\"type\":\"adaptive\"}                         | {\"effort\":\"high\"} | high |",
            "gemini-2.5-flash     | {\"type\":\"enabled\",\"budget_tokens\":31999} |                      |      | 24576",
            "gemini-2.5-pro       | {\"type\":\"adaptive\"}                         | {\"effort\":\"low\"}  |      | 2048"})
    void eachModelGetsTheThinkingSettingItTakes(String model, String thinking, String outputConfig, String level,
                                                String budget) throws Exception {
        HttpResponse<String> response = router.post("/v1/messages", "{\"model\":\"gemini," + model + "\","
                + "\"max_tokens\":40000,\"thinking\":" + thinking
                + (outputConfig == null ? "" : ",\"output_config\":" + outputConfig)
                + ",\"messages\":[{\"role\":\"user\",\"content\":\"ping\"}]}", Map.of());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode config = Json.parse(gemini.last().body()).path("generationConfig").path("thinkingConfig");
        assertThat(gemini.last().path()).contains("/models/" + model + ":");
        assertThat(config.path("includeThoughts").asBoolean()).isTrue();
        if (level != null) {
            assertThat(config.path("thinkingLevel").asText()).isEqualTo(level);
            assertThat(config.has("thinkingBudget")).isFalse();
        } else {
            assertThat(config.path("thinkingBudget").asInt()).isEqualTo(Integer.parseInt(budget));
            assertThat(config.has("thinkingLevel")).isFalse();
        }
    }
}
