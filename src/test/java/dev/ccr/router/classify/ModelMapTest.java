package dev.ccr.router.classify;

import dev.ccr.model.Target;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ModelMapTest {
    private static final String MAP = "ccr.routing.model-map.";

    private static Decision classifyWithMap(Map<String, String> map, String capture) {
        return ClassifierFixture.rules(map).classify(ClassifierFixture.capture(capture));
    }

    @Test
    void exactNameMapsToItsTarget() {
        Decision decision = classifyWithMap(Map.of(MAP + "claude-sonnet-4-5-20250929", "deepseek,deepseek-chat"),
                "06_model_claude-sonnet-4-5-20250929.json");

        assertThat(decision.category()).isEqualTo(Categories.EXPLICIT);
        assertThat(decision.explicitTarget()).isEqualTo(new Target("deepseek", "deepseek-chat"));
        assertThat(decision.reason())
                .isEqualTo("model mapped to 'deepseek,deepseek-chat' by " + MAP + "claude-sonnet-4-5-20250929");
    }

    @ParameterizedTest(name = "key {0} matches claude-sonnet-4-5-20250929")
    @ValueSource(strings = {"claude-sonnet-4.5", "claude-sonnet-4-5", "Claude-Sonnet-4.5", "claude-sonnet-4-5-20990101"})
    void otherSpellingsOfTheSameModelMatch(String key) {
        Decision decision = classifyWithMap(Map.of(MAP + key, "deepseek,deepseek-reasoner"),
                "06_model_claude-sonnet-4-5-20250929.json");

        assertThat(decision.explicitTarget()).isEqualTo(new Target("deepseek", "deepseek-reasoner"));
        assertThat(decision.reason()).endsWith(MAP + key);
    }

    @Test
    void anotherModelDoesNotMatch() {
        Decision decision = classifyWithMap(Map.of(MAP + "claude-sonnet-4-6", "deepseek,deepseek-chat"),
                "06_model_claude-sonnet-4-5-20250929.json");

        assertThat(decision.category()).isEqualTo(Categories.DEFAULT);
    }

    @Test
    void exactKeyBeatsALooseOneAndTheNormalFormKeyTakesTheOtherSpellings() {
        Map<String, String> map = Map.of(
                MAP + "claude-sonnet-4-5-20250929", "deepseek,deepseek-chat",
                MAP + "claude-sonnet-4.5", "openrouter,deepseek/deepseek-chat",
                MAP + "claude-sonnet-4-5", "deepseek,deepseek-reasoner");

        assertThat(classifyWithMap(map, "06_model_claude-sonnet-4-5-20250929.json").explicitTarget())
                .isEqualTo(new Target("deepseek", "deepseek-chat"));
        assertThat(classifyWithMap(map, "15_thinking_MAX_THINKING_TOKENS_8000_sonnet45.json").explicitTarget())
                .as("claude-sonnet-4-5 is itself a key").isEqualTo(new Target("deepseek", "deepseek-reasoner"));
    }

    @Test
    void mapIsCheckedBeforeTheCategories() {
        Decision decision = classifyWithMap(Map.of(MAP + "claude-haiku-5-5", "anthropic,claude-haiku-4-5"),
                "02_model_alias_haiku.json");

        assertThat(decision.category()).isEqualTo(Categories.EXPLICIT);
        assertThat(decision.explicitTarget()).isEqualTo(new Target("anthropic", "claude-haiku-4-5"));
    }

    @Test
    void normalisedNamesIgnoreCaseDatesAndDots() {
        assertThat(ModelNames.normalise("Claude-Sonnet-4.5")).isEqualTo("claude-sonnet-4-5");
        assertThat(ModelNames.normalise("claude-sonnet-4-5-20250929")).isEqualTo("claude-sonnet-4-5");
        assertThat(ModelNames.normalise("claude-3-5-haiku-20241022")).isEqualTo("claude-3-5-haiku");
        assertThat(ModelNames.normalise("gpt-4o")).isEqualTo("gpt-4o");
    }
}
