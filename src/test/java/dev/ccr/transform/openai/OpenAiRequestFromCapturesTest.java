package dev.ccr.transform.openai;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ccr.json.Json;
import dev.ccr.model.MessagesRequest;
import dev.ccr.model.Target;
import dev.ccr.provider.UpstreamRequest;
import dev.ccr.testing.Captures;
import dev.ccr.testing.TestRequests;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import static dev.ccr.transform.openai.OpenAiFixtures.provider;
import static dev.ccr.transform.openai.OpenAiFixtures.upstreamBody;
import static org.assertj.core.api.Assertions.assertThat;

/** Recorded Claude Code requests mapped to OpenAI chat completions requests. */
class OpenAiRequestFromCapturesTest {

    private static MessagesRequest capture(String name) {
        return TestRequests.request(Captures.body(name));
    }

    private static List<String> roles(JsonNode body) {
        List<String> roles = new ArrayList<>();
        body.path("messages").forEach(m -> roles.add(m.path("role").asText()));
        return roles;
    }

    /** Fields that exist only in Anthropic's API must not reach an OpenAI server (which rejects unknown fields). */
    private static void assertNoAnthropicFields(JsonNode body) {
        assertThat(body.fieldNames()).toIterable().doesNotContain("system", "metadata", "thinking",
                "context_management", "output_config", "safeguards", "stop_sequences");
        String text = body.toString();
        assertThat(text).doesNotContain("\"cache_control\"", "\"defer_loading\"", "\"input_schema\"",
                "\"tool_use_id\"", "\"signature\"", "x-anthropic-billing-header");
    }

    @Test
    void firstTurnOfToolRoundTrip() throws IOException {
        MessagesRequest request = capture("10_tool_bash_turn1.json");
        UpstreamRequest upstream = OpenAiFixtures.TRANSFORMER.toUpstream(request, new Target("p", "gpt-4.1"),
                provider());
        JsonNode body = Json.parse(upstream.body());

        assertThat(upstream.path()).isEqualTo("/v1/chat/completions");
        assertThat(upstream.streaming()).isTrue();
        assertThat(upstream.headers()).containsEntry("content-type", "application/json")
                .doesNotContainKeys("authorization", "x-api-key", "anthropic-beta", "anthropic-version");
        assertThat(body.path("model").asText()).isEqualTo("gpt-4.1");
        assertThat(body.path("stream").asBoolean()).isTrue();
        assertThat(body.path("stream_options").path("include_usage").asBoolean()).isTrue();
        assertThat(body.path("max_tokens").asInt()).isEqualTo(128000);
        assertNoAnthropicFields(body);

        assertThat(roles(body)).containsExactly("system", "user", "system");
        JsonNode system = body.path("messages").path(0).path("content");
        assertThat(system.asText()).startsWith("You are a Claude agent, built on Anthropic's Claude Agent SDK.")
                .contains("You are an agent working with the user");
        JsonNode user = body.path("messages").path(1).path("content");
        assertThat(user.isTextual()).isTrue();
        assertThat(user.asText()).startsWith("<system-reminder>").endsWith("\nRun echo hi");
        assertThat(body.path("messages").path(2).path("content").asText()).startsWith("# Environment");

        JsonNode tools = body.path("tools");
        assertThat(tools).hasSize(12);
        tools.forEach(t -> assertThat(t.path("type").asText()).isEqualTo("function"));
        JsonNode bash = findTool(tools, "Bash");
        assertThat(bash.path("function").path("description").asText()).startsWith("Executes a bash command");
        // without strip-schema-fields the schema is kept as the client sent it
        JsonNode original = Captures.body("10_tool_bash_turn1.json").path("tools").path(1).path("input_schema");
        assertThat(bash.path("function").path("parameters")).isEqualTo(original);
        assertThat(findTool(tools, "DeferredToolPlaceholder")).isNotNull();
    }

    @Test
    void secondTurnCarriesToolCallAndToolResultInOrder() throws IOException {
        JsonNode body = upstreamBody(capture("11_tool_bash_turn2_tool_result.json"), provider());

        assertThat(roles(body)).containsExactly("system", "user", "system", "assistant", "tool");
        JsonNode assistant = body.path("messages").path(3);
        assertThat(assistant.path("content").asText()).isEqualTo("I will use the Bash tool.");
        assertThat(assistant.has("reasoning_content")).isFalse();
        assertThat(assistant.toString()).doesNotContain("Mock thinking");
        JsonNode call = assistant.path("tool_calls").path(0);
        assertThat(call.path("id").asText()).isEqualTo("toolu_1cfd0122835043438dcba74c");
        assertThat(call.path("type").asText()).isEqualTo("function");
        assertThat(call.path("function").path("name").asText()).isEqualTo("Bash");
        // arguments are a JSON string, not an object
        assertThat(call.path("function").path("arguments").isTextual()).isTrue();
        assertThat(Json.parse(call.path("function").path("arguments").asText())).isEqualTo(
                Json.parse("{\"command\":\"echo hi\",\"description\":\"Run the command the mock asked for\"}"));
        JsonNode tool = body.path("messages").path(4);
        assertThat(tool.path("tool_call_id").asText()).isEqualTo("toolu_1cfd0122835043438dcba74c");
        assertThat(tool.path("content").asText()).isEqualTo("hi");
        assertNoAnthropicFields(body);
    }

    @Test
    void historyThinkingGoesBackWhenTheVariantWantsIt() {
        JsonNode body = upstreamBody(capture("11_tool_bash_turn2_tool_result.json"),
                provider("history-reasoning-field", "reasoning_content"));

        assertThat(body.path("messages").path(3).path("reasoning_content").asText())
                .isEqualTo("Mock thinking: the user asked something; I will answer briefly.");
    }

    @Test
    void systemMessageInsideMessagesStaysAfterTheToolResult() {
        JsonNode body = upstreamBody(capture("13_read_240k_followup_partial_view.json"), provider());

        assertThat(roles(body)).containsExactly("system", "user", "system", "assistant", "tool", "system");
        assertThat(body.path("messages").path(4).path("content").asText()).startsWith("1\tline 00001:");
        assertThat(body.path("messages").path(5).path("content").asText())
                .startsWith("[Truncated: PARTIAL view");
    }

    @Test
    void thinkingBudgetByReasoningStyle() {
        MessagesRequest request = capture("15_thinking_MAX_THINKING_TOKENS_8000_sonnet45.json");

        JsonNode none = upstreamBody(request, provider());
        assertThat(none.has("reasoning_effort")).isFalse();
        assertThat(none.has("reasoning")).isFalse();
        assertThat(none.path("max_tokens").asInt()).isEqualTo(32000);

        // 8000 tokens of budget: between 4096 and 16384 → medium
        assertThat(upstreamBody(request, provider("reasoning-style", "openai")).path("reasoning_effort").asText())
                .isEqualTo("medium");
        JsonNode openrouter = upstreamBody(request, provider("reasoning-style", "openrouter"));
        assertThat(openrouter.path("reasoning").path("max_tokens").asInt()).isEqualTo(8000);
        assertThat(openrouter.path("reasoning").has("effort")).isFalse();
        JsonNode deepseek = upstreamBody(request, provider("reasoning-style", "deepseek"));
        assertThat(deepseek.has("reasoning_effort")).isFalse();
        assertThat(deepseek.has("reasoning")).isFalse();
        assertNoAnthropicFields(openrouter);
    }

    @Test
    void adaptiveThinkingUsesTheEffort() {
        MessagesRequest max = capture("18_effort_max.json");
        assertThat(upstreamBody(max, provider("reasoning-style", "openai")).path("reasoning_effort").asText())
                .isEqualTo("high");
        assertThat(upstreamBody(max, provider("reasoning-style", "openrouter")).path("reasoning").path("effort")
                .asText()).isEqualTo("high");
        MessagesRequest medium = capture("10_tool_bash_turn1.json");
        assertThat(upstreamBody(medium, provider("reasoning-style", "openai")).path("reasoning_effort").asText())
                .isEqualTo("medium");
    }

    @Test
    void disabledThinkingAsksForNoReasoningAndKeepsTemperature() {
        JsonNode body = upstreamBody(capture("16_thinking_MAX_THINKING_TOKENS_0_sonnet45.json"),
                provider("reasoning-style", "openai"));

        assertThat(body.has("reasoning_effort")).isFalse();
        assertThat(body.path("temperature").asDouble()).isEqualTo(1.0);
        assertThat(upstreamBody(capture("16_thinking_MAX_THINKING_TOKENS_0_sonnet45.json"),
                provider("drop-request-fields", "temperature")).has("temperature")).isFalse();
    }

    @Test
    void toolReferencesBecomeTextAndDeferredToolsAreSentWithStrippedSchemas() {
        JsonNode body = upstreamBody(capture("19_toolsearch_tool_reference_result.json"),
                provider("strip-schema-fields", "$schema, additionalProperties"));

        assertThat(roles(body)).containsExactly("system", "user", "system", "assistant", "tool", "user");
        String toolContent = body.path("messages").path(4).path("content").asText();
        assertThat(toolContent).contains("WebSearch").contains("WebFetch").doesNotContain("tool_reference");
        assertThat(body.path("messages").path(5).path("content").asText()).isEqualTo("Tool loaded.");

        JsonNode webSearch = findTool(body.path("tools"), "WebSearch");
        JsonNode parameters = webSearch.path("function").path("parameters");
        assertThat(parameters.has("$schema")).isFalse();
        assertThat(parameters.has("additionalProperties")).isFalse();
        assertThat(parameters.path("properties").path("query").path("minLength").asInt()).isEqualTo(2);
        assertThat(parameters.path("required")).hasSize(1);
        assertThat(body.path("tools").toString()).doesNotContain("$schema", "additionalProperties");
        assertThat(body.path("tools")).hasSize(14);
    }

    @Test
    void webSearchServerToolIsDroppedOrMappedToSearchOptions() {
        MessagesRequest request = capture("20_websearch_nested_server_tool_request.json");

        JsonNode dropped = upstreamBody(request, provider());
        assertThat(dropped.has("tools")).isFalse();
        assertThat(dropped.has("tool_choice")).isFalse(); // OpenAI rejects tool_choice without tools
        assertThat(dropped.has("web_search_options")).isFalse();
        assertThat(roles(dropped)).containsExactly("system", "user");

        JsonNode mapped = upstreamBody(request, provider("web-search", "true"));
        assertThat(mapped.path("web_search_options").isObject()).isTrue();
        assertThat(mapped.has("tools")).isFalse();
        assertNoAnthropicFields(mapped);
    }

    @Test
    void safeguardsAndOtherNewTopLevelFieldsAreDropped() {
        JsonNode body = upstreamBody(capture("24_interactive_main_request_with_safeguards.json"), provider());

        assertNoAnthropicFields(body);
        assertThat(body.fieldNames()).toIterable().containsExactlyInAnyOrder("model", "messages", "tools",
                "max_tokens", "stream", "stream_options");
        assertThat(findTool(body.path("tools"), "AskUserQuestion")).isNotNull();
        assertThat(body.path("messages").path(0).path("content").asText())
                .startsWith("You are Claude Code, Anthropic's official CLI for Claude.");
    }

    @Test
    void everyCaptureMapsWithoutAnthropicFields() {
        for (String name : List.of("01_plain_default_model.json", "07_model_claude-3-5-haiku-20241022.json",
                "14_prompt_300k_via_stdin.json", "21_subagent_request.json", "22_continue_second_turn_history.json",
                "23_interactive_title_generation.json", "26_nonstreaming_fallback_after_drops.json",
                "32_v2.1.197_title_generation_print_mode.json")) {
            MessagesRequest request = capture(name);
            JsonNode body = upstreamBody(request, provider("reasoning-style", "openrouter"));
            assertNoAnthropicFields(body);
            assertThat(body.path("stream").asBoolean(false)).as(name).isEqualTo(request.stream());
            assertThat(body.has("stream_options")).as(name).isEqualTo(request.stream());
            body.path("messages").forEach(m -> assertThat(m.path("role").asText()).as(name)
                    .isIn("system", "user", "assistant", "tool"));
        }
    }

    private static JsonNode findTool(JsonNode tools, String name) {
        for (JsonNode tool : tools) {
            if (tool.path("function").path("name").asText().equals(name)) {
                return tool;
            }
        }
        return null;
    }
}
