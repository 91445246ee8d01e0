package dev.ccr.router.classify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ccr.json.Json;
import dev.ccr.error.RouterException;
import dev.ccr.model.MessagesRequest;
import dev.ccr.model.Target;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;


import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SubagentTagRuleTest {
    private static final String TAG = "<CCR-SUBAGENT-MODEL>deepseek,deepseek-chat</CCR-SUBAGENT-MODEL>";
    private final ClassificationFlow rules = ClassifierFixture.defaultRules();

    /** The recorded subagent request with the tag put in front of one of its three system blocks. */
    private static MessagesRequest subagentWithTagIn(int block, String tag) {
        ObjectNode body = ClassifierFixture.capture("21_subagent_request.json").copyOfBody();
        ObjectNode text = (ObjectNode) body.withArray("system").get(block);
        text.put("text", tag + "\n" + text.get("text").asText());
        return ClassifierFixture.request(body);
    }

    @ParameterizedTest(name = "tag in system[{0}]")
    @ValueSource(ints = {0, 1, 2})
    void tagInAnySystemBlockPinsItsTargetAndIsRemovedFromWhatGoesUpstream(int block) {
        MessagesRequest original = ClassifierFixture.capture("21_subagent_request.json");
        MessagesRequest tagged = subagentWithTagIn(block, TAG);

        Decision decision = rules.classify(tagged);

        assertThat(decision.category()).isEqualTo(Categories.EXPLICIT);
        assertThat(decision.explicitTarget()).isEqualTo(new Target("deepseek", "deepseek-chat"));
        assertThat(decision.reason()).isEqualTo("subagent tag names 'deepseek,deepseek-chat'");
        MessagesRequest upstream = decision.upstreamRequest();
        assertThat(upstream.body()).isEqualTo(original.body());
        // what goes upstream is serialised from this tree; the client's size stays a bound for its tokens
        assertThat(Json.string(upstream.body())).doesNotContain("CCR-SUBAGENT-MODEL");
        assertThat(upstream.bodyBytes()).isGreaterThanOrEqualTo(Json.bytes(upstream.body()).length);
        assertThat(tagged.system().get(block).get("text").asText()).startsWith(TAG);
    }

    @Test
    void tagInAStringSystemPromptIsFoundAndRemoved() {
        MessagesRequest request = ClassifierFixture.request("""
                {"model":"claude-opus-5-5","max_tokens":10,"system":"%s  You review code.",
                 "messages":[{"role":"user","content":"hi"}]}""".formatted(TAG));

        Decision decision = rules.classify(request);

        assertThat(decision.explicitTarget()).isEqualTo(new Target("deepseek", "deepseek-chat"));
        assertThat(decision.upstreamRequest().system().asText()).isEqualTo("You review code.");
    }

    @Test
    void aBlockHoldingOnlyTheTagIsDroppedBecauseEmptyTextBlocksAreRefused() {
        MessagesRequest request = ClassifierFixture.request("""
                {"model":"claude-opus-5-5","max_tokens":10,
                 "system":[{"type":"text","text":"billing"},{"type":"text","text":"%s"},{"type":"text","text":"main"}],
                 "messages":[{"role":"user","content":"hi"}]}""".formatted(TAG));

        JsonNode system = rules.classify(request).upstreamRequest().system();

        assertThat(system).hasSize(2);
        assertThat(system.get(0).get("text").asText()).isEqualTo("billing");
        assertThat(system.get(1).get("text").asText()).isEqualTo("main");
    }

    @Test
    void tagWinsOverAProviderCommaModelTheSubagentInherited() {
        ObjectNode body = subagentWithTagIn(2, TAG).copyOfBody();
        body.put("model", "openrouter,anthropic/claude-sonnet-4");

        Decision decision = rules.classify(ClassifierFixture.request(body));

        assertThat(decision.explicitTarget()).isEqualTo(new Target("deepseek", "deepseek-chat"));
    }

    @Test
    void tagNotAtTheStartOfABlockIsPromptTextNotARoutingInstruction() {
        ObjectNode body = ClassifierFixture.capture("01_plain_default_model.json").copyOfBody();
        ArrayNode system = body.withArray("system");
        ((ObjectNode) system.get(2)).put("text", "Some prompt. " + TAG);

        Decision decision = rules.classify(ClassifierFixture.request(body));

        assertThat(decision.category()).isEqualTo(Categories.DEFAULT);
        assertThat(decision.upstreamRequest()).isNull();
    }

    @Test
    void tagNamingAnUnknownProviderIsANotFoundErrorNamingIt() {
        MessagesRequest request = subagentWithTagIn(2, "<CCR-SUBAGENT-MODEL>nowhere,some-model</CCR-SUBAGENT-MODEL>");

        assertThatThrownBy(() -> rules.classify(request))
                .isInstanceOf(RouterException.class)
                .hasMessageContaining("Unknown provider 'nowhere'")
                .satisfies(e -> assertThat(((RouterException) e).status()).isEqualTo(404));
    }

    @Test
    void tagWithoutACommaIsAnInvalidRequest() {
        MessagesRequest request = subagentWithTagIn(2, "<CCR-SUBAGENT-MODEL>deepseek-chat</CCR-SUBAGENT-MODEL>");

        assertThatThrownBy(() -> rules.classify(request))
                .isInstanceOf(RouterException.class)
                .hasMessageContaining("must name provider,model")
                .satisfies(e -> assertThat(((RouterException) e).status()).isEqualTo(400));
    }
}
