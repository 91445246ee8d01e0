package dev.ccr.router.classify;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ImageRuleTest {
    private static final String IMAGE = """
            {"type":"image","source":{"type":"base64","media_type":"image/png","data":"iVBORw0KGgo="}}""";
    private final ClassificationFlow rules = ClassifierFixture.defaultRules();

    private Decision classify(String messages) {
        return rules.classify(ClassifierFixture.request("""
                {"model":"claude-opus-5-5","max_tokens":100,"messages":%s}""".formatted(messages)));
    }

    @Test
    void imageInTheLastUserMessage() {
        Decision decision = classify("""
                [{"role":"user","content":[{"type":"text","text":"what is this?"},%s]}]""".formatted(IMAGE));

        assertThat(decision.category()).isEqualTo(Categories.IMAGE);
        assertThat(decision.reason()).isEqualTo("image in the last user message");
    }

    @Test
    void imageInsideAToolResultOfTheLastUserMessage() {
        Decision decision = classify("""
                [{"role":"user","content":"take a screenshot"},
                 {"role":"assistant","content":[{"type":"tool_use","id":"t1","name":"Screenshot","input":{}}]},
                 {"role":"user","content":[{"type":"tool_result","tool_use_id":"t1","content":[%s]}]}]"""
                .formatted(IMAGE));

        assertThat(decision.category()).isEqualTo(Categories.IMAGE);
        assertThat(decision.reason()).isEqualTo("image in a tool result of the last user message");
    }

    @Test
    void imageOnlyEarlierInTheConversationDoesNotCount() {
        Decision decision = classify("""
                [{"role":"user","content":[%s]},
                 {"role":"assistant","content":"a cat"},
                 {"role":"user","content":[{"type":"text","text":"thanks"}]}]""".formatted(IMAGE));

        assertThat(decision.category()).isEqualTo(Categories.DEFAULT);
    }

    @Test
    void lastUserMessageIsFoundBehindATrailingSystemMessage() {
        // Claude Code puts role=system messages (truncation notices) after a tool result
        Decision decision = classify("""
                [{"role":"user","content":[%s]},
                 {"role":"system","content":"Truncated: PARTIAL view"}]""".formatted(IMAGE));

        assertThat(decision.category()).isEqualTo(Categories.IMAGE);
    }

    @Test
    void textOnlyToolResultsAndStringContentAreNotImages() {
        assertThat(classify("""
                [{"role":"user","content":[{"type":"tool_result","tool_use_id":"t1","content":"hi"}]}]""")
                .category()).isEqualTo(Categories.DEFAULT);
        assertThat(classify("""
                [{"role":"user","content":"image"}]""").category()).isEqualTo(Categories.DEFAULT);
    }
}
