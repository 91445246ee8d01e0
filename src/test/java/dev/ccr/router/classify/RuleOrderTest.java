package dev.ccr.router.classify;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ccr.json.Json;
import dev.ccr.error.ErrorType;
import dev.ccr.error.RouterException;
import dev.ccr.model.MessagesRequest;
import dev.ccr.model.Target;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** When several rules match, the documented order decides. */
class RuleOrderTest {
    private static final String IMAGE_MESSAGE = """
            {"role":"user","content":[{"type":"image","source":{"type":"base64","media_type":"image/png","data":"AA=="}}]}""";
    private static final String WEB_SEARCH_TOOL = """
            {"type":"web_search_20250305","name":"web_search","max_uses":8}""";
    private final ClassificationFlow rules = ClassifierFixture.defaultRules();

    private static ObjectNode body(String capture) {
        return ClassifierFixture.capture(capture).copyOfBody();
    }

    private static ObjectNode withLastMessage(ObjectNode body, String message) throws Exception {
        body.withArray("messages").add(Json.parse(message));
        return body;
    }

    private static ObjectNode withTool(ObjectNode body, String tool) throws Exception {
        body.withArray("tools").add(Json.parse(tool));
        return body;
    }

    private static ObjectNode withEffort(ObjectNode body, String effort) {
        body.with("output_config").put("effort", effort);
        return body;
    }

    private Decision classify(ObjectNode body) {
        return rules.classify(ClassifierFixture.request(body));
    }

    @Test
    void pinnedTargetBeatsImageAndLongContext() throws Exception {
        ObjectNode body = withLastMessage(body("14_prompt_300k_via_stdin.json"), IMAGE_MESSAGE);
        body.put("model", "openrouter,anthropic/claude-sonnet-4");

        assertThat(classify(body).explicitTarget()).isEqualTo(new Target("openrouter", "anthropic/claude-sonnet-4"));
    }

    @Test
    void imageBeatsLongContext() throws Exception {
        assertThat(classify(withLastMessage(body("14_prompt_300k_via_stdin.json"), IMAGE_MESSAGE)).category())
                .isEqualTo(Categories.IMAGE);
    }

    @Test
    void longContextBeatsSearch() throws Exception {
        assertThat(classify(withTool(body("14_prompt_300k_via_stdin.json"), WEB_SEARCH_TOOL)).category())
                .isEqualTo(Categories.LONG_CONTEXT);
    }

    @Test
    void searchBeatsSubagent() throws Exception {
        assertThat(classify(withTool(body("21_subagent_request.json"), WEB_SEARCH_TOOL)).category())
                .isEqualTo(Categories.SEARCH);
    }

    @Test
    void subagentBeatsThinking() {
        assertThat(classify(withEffort(body("21_subagent_request.json"), "max")).category())
                .isEqualTo(Categories.SUBAGENT);
    }

    @Test
    void thinkingBeatsBackground() {
        assertThat(classify(withEffort(body("02_model_alias_haiku.json"), "max")).category())
                .isEqualTo(Categories.THINKING);
    }

    @Test
    void subagentWithoutARouteIsLeftToTheLaterRules() {
        MessagesRequest request = ClassifierFixture.request(withEffort(body("21_subagent_request.json"), "max"));
        Set<String> noSubagentRoute = Set.of(Categories.THINKING, Categories.DEFAULT);

        Decision decision;
        try (ClassificationFlow flow = ClassificationFlow.start(ClassifierFixture.ruleBeans(Map.of()),
                noSubagentRoute, ClassificationFlow.FILE)) {
            decision = flow.classify(request);
        }

        assertThat(decision.category()).isEqualTo(Categories.THINKING);
    }

    @Test
    void subagentCategoryCanBeSwitchedOff() {
        Decision decision = ClassifierFixture.rules(Map.of(RoutingRules.SUBAGENT_ENABLED, "false"))
                .classify(ClassifierFixture.capture("21_subagent_request.json"));

        assertThat(decision.category()).isEqualTo(Categories.DEFAULT);
    }

    @Test
    void toolNamesMatchSearchOnlyWhenConfigured() {
        MessagesRequest request = ClassifierFixture.capture("19_toolsearch_tool_reference_result.json");

        assertThat(rules.classify(request).category()).isEqualTo(Categories.DEFAULT);
        Decision decision = ClassifierFixture.rules(Map.of(RoutingRules.SEARCH_TOOL_NAME_MATCH, "true"))
                .classify(request);
        assertThat(decision.category()).isEqualTo(Categories.SEARCH);
        assertThat(decision.reason()).isEqualTo("tool 'ToolSearch' looks like search");
    }

    @Test
    void titleRequestsAndHaikuAreEachConfigurable() {
        MessagesRequest title = ClassifierFixture.capture("32_v2.1.197_title_generation_print_mode.json");

        Decision haikuOnly = ClassifierFixture.rules(Map.of(RoutingRules.BACKGROUND_TITLE_GENERATION, "false"))
                .classify(title);
        assertThat(haikuOnly.reason()).isEqualTo("model name contains 'haiku'");
        Decision neither = ClassifierFixture.rules(Map.of(RoutingRules.BACKGROUND_TITLE_GENERATION, "off",
                RoutingRules.BACKGROUND_MODEL_PATTERNS, "none")).classify(title);
        assertThat(neither.category()).isEqualTo(Categories.DEFAULT);
        Decision otherPattern = ClassifierFixture.rules(Map.of(RoutingRules.BACKGROUND_MODEL_PATTERNS, "nano, Flash"))
                .classify(ClassifierFixture.request(
                        body("01_plain_default_model.json").put("model", "gemini-2.5-flash")));
        assertThat(otherPattern.reason()).isEqualTo("model name contains 'flash'");
    }

    @Test
    void failingRuleSendsTheRequestToDefaultAndLaterRulesAreNotAsked() {
        ClassificationRule failing = rule("boom", input -> {
            throw new IllegalStateException("secret prompt text");
        });
        ClassificationRule later = rule("later", input -> Optional.of(Decision.of(Categories.THINKING, "later")));

        Decision decision;
        // the first rule of the flow breaks; a later one would match
        try (ClassificationFlow flow = flowWith(Map.of("subagentTagRule", failing, "backgroundModelRule", later))) {
            decision = flow.classify(ClassifierFixture.capture("01_plain_default_model.json"));
        }

        assertThat(decision.category()).isEqualTo(Categories.DEFAULT);
        assertThat(decision.reason()).isEqualTo("rule boom failed (IllegalStateException)");
    }

    @Test
    void clientMistakesAreAnsweredNotHidden() {
        ClassificationRule refusing = rule("refusing", input -> {
            throw new RouterException(ErrorType.NOT_FOUND, "Unknown provider 'x'");
        });

        try (ClassificationFlow flow = flowWith(Map.of("subagentTagRule", refusing))) {
            assertThatThrownBy(() -> flow.classify(ClassifierFixture.capture("01_plain_default_model.json")))
                    .isInstanceOf(RouterException.class);
        }
    }

    /** The shipped flow with some rule beans replaced. */
    private static ClassificationFlow flowWith(Map<String, ClassificationRule> replaced) {
        Map<String, ClassificationRule> beans = new java.util.HashMap<>(ClassifierFixture.ruleBeans(Map.of()));
        beans.putAll(replaced);
        return ClassificationFlow.start(beans, ClassifierFixture.ALL_CATEGORIES, ClassificationFlow.FILE);
    }

    private static ClassificationRule rule(String name, java.util.function.Function<RuleInput, Optional<Decision>> f) {
        return new ClassificationRule() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Optional<Decision> decide(RuleInput input) {
                return f.apply(input);
            }
        };
    }
}
