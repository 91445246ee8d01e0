package dev.ccr.router.classify;

import dev.ccr.config.ConfigException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A configuration mistake stops the router with a message naming the file and the property. */
class RoutingRulesConfigTest {

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', textBlock = """
            ccr.routing.long-context-threshold          | 60k                         | must be a whole number
            ccr.routing.long-context-threshold          | 0                           | 1 or more
            ccr.routing.search-tool-name-match          | maybe                       | must be true or false
            ccr.routing.subagent.enabled                | sometimes                   | must be true or false
            ccr.routing.background.title-generation     | 1                           | must be true or false
            ccr.routing.thinking.min-budget-tokens      | lots                        | must be a whole number
            ccr.routing.thinking.efforts                | high,hgih                   | 'hgih' is not an effort level
            ccr.routing.model-map.claude-sonnet-4.5     | deepseek-chat               | must be provider,model
            ccr.routing.model-map.claude-sonnet-4.5     | nowhere,deepseek-chat       | Unknown provider 'nowhere'
            ccr.routing.model-map.claude-sonnet-4.5     | deepseek,gpt-4o             | does not serve model 'gpt-4o'
            """)
    void badValueIsReportedWithItsProperty(String property, String value, String problem) {
        assertThatThrownBy(() -> ClassifierFixture.rules(Map.of(property, value)))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("test.properties: " + property + ": ")
                .hasMessageContaining(problem);
    }

    @ParameterizedTest(name = "{0} and {1}")
    @CsvSource(delimiter = '|', textBlock = """
            claude-sonnet-4.5 | Claude-Sonnet-4-5-20250929
            """)
    void twoSpellingsOfOneModelWithDifferentTargetsAreRefused(String one, String other) {
        Map<String, String> map = Map.of(
                ModelMap.PREFIX + one, "deepseek,deepseek-chat",
                ModelMap.PREFIX + other, "deepseek,deepseek-reasoner");

        assertThatThrownBy(() -> ClassifierFixture.rules(map))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("names the same model as")
                .hasMessageContaining("add ccr.routing.model-map.claude-sonnet-4-5");
    }
}
