package dev.ccr.router.classify;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ccr.json.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ThinkingRuleTest {

    private static Decision classify(Map<String, String> settings, String capture) {
        return ClassifierFixture.rules(settings).classify(ClassifierFixture.capture(capture));
    }

    private static Decision classifyWithThinking(String thinkingJson) throws Exception {
        ObjectNode body = ClassifierFixture.capture("06_model_claude-sonnet-4-5-20250929.json").copyOfBody();
        body.set("thinking", Json.parse(thinkingJson));
        return ClassifierFixture.defaultRules().classify(ClassifierFixture.request(body));
    }

    @ParameterizedTest(name = "{0} is not a reason to think harder")
    @CsvSource(delimiter = '|', textBlock = """
            {"type":"disabled"}
            {"type":"adaptive","display":"omitted"}
            {"type":"enabled","budget_tokens":31999,"display":"omitted"}
            {"type":"disabled","budget_tokens":64000}
            """)
    void thinkingFieldAloneDoesNotMakeAThinkingRequest(String thinking) throws Exception {
        assertThat(classifyWithThinking(thinking).category()).isEqualTo(Categories.DEFAULT);
    }

    @Test
    void budgetAtTheMinimumMakesAThinkingRequest() throws Exception {
        Decision decision = classifyWithThinking("{\"type\":\"enabled\",\"budget_tokens\":32000}");

        assertThat(decision.category()).isEqualTo(Categories.THINKING);
        assertThat(decision.reason()).isEqualTo("thinking budget 32000 >= 32000");
    }

    @Test
    void recordedBudget8000CountsOnlyWhenTheMinimumIsLowered() {
        String capture = "15_thinking_MAX_THINKING_TOKENS_8000_sonnet45.json";

        assertThat(classify(Map.of(), capture).category()).isEqualTo(Categories.DEFAULT);
        assertThat(classify(Map.of(RoutingRules.THINKING_MIN_BUDGET, "8000"), capture).reason())
                .isEqualTo("thinking budget 8000 >= 8000");
        assertThat(classify(Map.of(RoutingRules.THINKING_MIN_BUDGET, "8001"), capture).category())
                .isEqualTo(Categories.DEFAULT);
    }

    @Test
    void effortHighCountsOnlyWhenConfigured() {
        String capture = "09_model_unknown_gpt-4o.json";

        assertThat(classify(Map.of(), capture).category()).isEqualTo(Categories.DEFAULT);
        Decision decision = classify(Map.of(RoutingRules.THINKING_EFFORTS, "high, max"), capture);
        assertThat(decision.category()).isEqualTo(Categories.THINKING);
        assertThat(decision.reason()).isEqualTo("effort high");
    }

    @Test
    void effortsNoneSwitchesTheEffortSignalOff() {
        assertThat(classify(Map.of(RoutingRules.THINKING_EFFORTS, "none"), "18_effort_max.json").category())
                .isEqualTo(Categories.DEFAULT);
    }
}
