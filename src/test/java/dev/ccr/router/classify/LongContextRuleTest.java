package dev.ccr.router.classify;

import dev.ccr.model.MessagesRequest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LongContextRuleTest {
    private final MessagesRequest request = ClassifierFixture.capture("13_read_240k_followup_partial_view.json");
    private final int tokens = ClassifierFixture.TOKENS.count(request.body());

    private boolean isLong(int threshold) {
        return new LongContextRule(ClassifierFixture.TOKENS, threshold).decide(ClassifierFixture.input(request))
                .isPresent();
    }

    @Test
    void thresholdIsStrict() {
        assertThat(isLong(tokens)).isFalse();
        assertThat(isLong(tokens - 1)).isTrue();
    }

    @Test
    void reasonGivesTheCountAndTheThreshold() {
        assertThat(new LongContextRule(ClassifierFixture.TOKENS, 1000).decide(ClassifierFixture.input(request))
                .orElseThrow().reason()).isEqualTo(tokens + " input tokens > 1000");
    }

    @Test
    void bodyNoLargerThanTheThresholdIsNotTokenized() {
        // no counter at all: the rule may only answer from the body size
        LongContextRule rule = new LongContextRule(null, request.bodyBytes());

        assertThat(rule.decide(ClassifierFixture.input(request))).isEmpty();
    }

    @Test
    void recorded300KPromptIsLongContextAndAPlainRequestIsNot() {
        ClassificationFlow rules = ClassifierFixture.defaultRules();

        assertThat(rules.classify(ClassifierFixture.capture("14_prompt_300k_via_stdin.json"))
                .category()).isEqualTo(Categories.LONG_CONTEXT);
        assertThat(rules.classify(ClassifierFixture.capture("01_plain_default_model.json"))
                .category()).isEqualTo(Categories.DEFAULT);
    }
}
