package dev.ccr.transform.gemini;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ccr.json.Json;
import dev.ccr.model.MessagesRequest;
import dev.ccr.provider.UpstreamRequest;
import dev.ccr.testing.Captures;
import dev.ccr.testing.TestRequests;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.File;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import static dev.ccr.testing.TestRequests.request;
import static dev.ccr.transform.gemini.GeminiFixtures.provider;
import static dev.ccr.transform.gemini.GeminiFixtures.upstream;
import static dev.ccr.transform.gemini.GeminiFixtures.upstreamBody;
import static org.assertj.core.api.Assertions.assertThat;

/** Golden tests: requests recorded from the real Claude Code CLI, as the Gemini requests they become. */
class GeminiRequestFromCapturesTest {
    /** Every keyword Gemini's Schema object knows. */
    static final Set<String> GEMINI_SCHEMA_KEYWORDS = Set.of("type", "format", "title", "description", "nullable",
            "enum", "items", "properties", "required", "minItems", "maxItems", "minLength", "maxLength",
            "minProperties", "maxProperties", "minimum", "maximum", "pattern", "anyOf", "propertyOrdering");

    static MessagesRequest capture(String name) {
        return request(Captures.body(name));
    }

    static JsonNode declaration(JsonNode body, String name) {
        for (JsonNode declaration : body.path("tools").path(0).path("functionDeclarations")) {
            if (declaration.path("name").asText().equals(name)) {
                return declaration;
            }
        }
        throw new AssertionError("no declaration " + name);
    }

    /** The schema keywords used anywhere in a schema (not the parameter names inside properties maps). */
    static Set<String> keywords(JsonNode schema) {
        Set<String> keywords = new TreeSet<>();
        collectKeywords(schema, keywords);
        return keywords;
    }

    private static void collectKeywords(JsonNode schema, Set<String> keywords) {
        for (Iterator<Map.Entry<String, JsonNode>> it = schema.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            keywords.add(field.getKey());
            switch (field.getKey()) {
                case "properties" -> field.getValue().forEach(p -> collectKeywords(p, keywords));
                case "items" -> collectKeywords(field.getValue(), keywords);
                case "anyOf" -> field.getValue().forEach(m -> collectKeywords(m, keywords));
                default -> {
                }
            }
        }
    }

    @Test
    void toolTurnOneStreamsToTheModelWithCleanedTools() {
        MessagesRequest request = capture("10_tool_bash_turn1.json");
        UpstreamRequest upstream = upstream(request, provider(65536));
        JsonNode body = TestRequests.json(upstream.body());

        assertThat(upstream.path()).isEqualTo("/v1beta/models/gemini-2.5-pro:streamGenerateContent?alt=sse");
        assertThat(upstream.streaming()).isTrue();
        assertThat(upstream.headers()).containsEntry("content-type", "application/json")
                .doesNotContainKeys("x-goog-api-key", "authorization", "x-api-key");
        // only Gemini's fields: model, stream, metadata, thinking, context_management, output_config are gone
        assertThat(body.fieldNames()).toIterable()
                .containsExactly("systemInstruction", "contents", "tools", "generationConfig");

        // the billing line is Anthropic's; identity line and main prompt stay, without cache_control
        JsonNode system = body.path("systemInstruction").path("parts");
        assertThat(system).hasSize(2);
        assertThat(system.get(0).path("text").asText()).isEqualTo(
                "You are a Claude agent, built on Anthropic's Claude Agent SDK.");
        assertThat(system.get(1).path("text").asText()).contains("You are an agent working with the user");

        // user prompt, then the role=system environment message as user text in the same (merged) turn
        JsonNode contents = body.path("contents");
        assertThat(contents).hasSize(1);
        assertThat(contents.get(0).path("role").asText()).isEqualTo("user");
        JsonNode parts = contents.get(0).path("parts");
        assertThat(parts).hasSize(3);
        assertThat(parts.get(0).path("text").asText()).startsWith("<system-reminder>");
        assertThat(parts.get(1).path("text").asText()).isEqualTo("Run echo hi");
        assertThat(parts.get(2).path("text").asText()).startsWith("# Environment");

        JsonNode config = body.path("generationConfig");
        assertThat(config.path("maxOutputTokens").asLong()).isEqualTo(65536); // 128000 clamped to the limit
        // adaptive thinking with effort medium
        assertThat(config.path("thinkingConfig").path("includeThoughts").asBoolean()).isTrue();
        assertThat(config.path("thinkingConfig").path("thinkingBudget").asInt()).isEqualTo(8192);
        assertThat(body.has("toolConfig")).isFalse();
    }

    @Test
    void realToolSchemasAreCleaned() {
        JsonNode body = upstreamBody(capture("10_tool_bash_turn1.json"));

        assertThat(body.path("tools")).hasSize(1);
        JsonNode declarations = body.path("tools").path(0).path("functionDeclarations");
        assertThat(declarations).extracting(d -> d.path("name").asText()).containsExactly("Agent", "Bash", "Edit",
                "ListAgents", "Read", "ReportFindings", "ScheduleWakeup", "Skill", "ToolSearch", "Workflow",
                "DeferredToolPlaceholder", "Write");

        JsonNode bash = declaration(body, "Bash");
        assertThat(bash.path("description").asText()).isNotEmpty();
        assertThat(bash.path("parameters").path("type").asText()).isEqualTo("object");
        assertThat(bash.path("parameters").path("required")).extracting(JsonNode::asText).containsExactly("command");
        assertThat(bash.path("parameters").has("$schema")).isFalse();
        assertThat(bash.path("parameters").has("additionalProperties")).isFalse();

        // Read.limit: exclusiveMinimum 0 on an integer is minimum 1
        JsonNode limit = declaration(body, "Read").path("parameters").path("properties").path("limit");
        assertThat(limit.has("exclusiveMinimum")).isFalse();
        assertThat(limit.path("minimum").asLong()).isEqualTo(1);
        // Edit.replace_all: default gone, the rest kept
        JsonNode replaceAll = declaration(body, "Edit").path("parameters").path("properties").path("replace_all");
        assertThat(replaceAll.has("default")).isFalse();
        assertThat(replaceAll.path("type").asText()).isEqualTo("boolean");
        // enums of strings survive
        assertThat(declaration(body, "Agent").path("parameters").path("properties").path("model").path("enum"))
                .extracting(JsonNode::asText).containsExactly("sonnet", "opus", "haiku", "fable");
        // {type: object, properties: {}} has no parameters worth declaring: Gemini rejects empty properties
        assertThat(declaration(body, "DeferredToolPlaceholder").has("parameters")).isFalse();
        // defer_loading and other Anthropic-only tool fields are not copied
        declarations.forEach(d -> assertThat(d.fieldNames()).toIterable()
                .isSubsetOf("name", "description", "parameters"));
    }

    /** Every tool of every recorded request, including deferred ones (TaskUpdate's const, propertyNames…). */
    @Test
    void noRecordedToolKeepsAKeywordGeminiRejects() {
        File[] files = Objects.requireNonNull(new File("src/test/resources/captures").listFiles(
                (dir, name) -> name.endsWith(".json")));
        int schemas = 0;
        for (File file : files) {
            if (!(Captures.request(file.getName()).get("body") instanceof ObjectNode body)
                    || !body.path("tools").isArray()) {
                continue; // HEAD probes have no body
            }
            for (JsonNode declaration : upstreamBody(request(body)).path("tools").path(0)
                    .path("functionDeclarations")) {
                JsonNode parameters = declaration.path("parameters");
                if (parameters.isMissingNode()) {
                    continue;
                }
                schemas++;
                assertThat(keywords(parameters)).as(file.getName() + " " + declaration.path("name"))
                        .isSubsetOf(GEMINI_SCHEMA_KEYWORDS);
                assertEmptyPropertiesAbsent(parameters, file.getName());
            }
        }
        assertThat(schemas).isGreaterThan(200);
    }

    private static void assertEmptyPropertiesAbsent(JsonNode schema, String where) {
        if (schema.has("properties")) {
            assertThat(schema.get("properties").isEmpty()).as(where).isFalse();
            schema.get("properties").forEach(p -> assertEmptyPropertiesAbsent(p, where));
        }
        if (schema.has("items")) {
            assertEmptyPropertiesAbsent(schema.get("items"), where);
        }
    }

    @Test
    void toolRoundTripBecomesFunctionCallAndFunctionResponse() {
        JsonNode body = upstreamBody(capture("11_tool_bash_turn2_tool_result.json"));
        JsonNode contents = body.path("contents");

        assertThat(contents).extracting(c -> c.path("role").asText()).containsExactly("user", "model", "user");
        JsonNode model = contents.get(1).path("parts");
        // the thinking text is not sent back; its signature (a mock's, not Gemini's) is dropped
        assertThat(model).hasSize(2);
        assertThat(model.get(0).path("text").asText()).isEqualTo("I will use the Bash tool.");
        assertThat(model.get(0).has("thoughtSignature")).isFalse();
        JsonNode call = model.get(1).path("functionCall");
        assertThat(call.path("id").asText()).isEqualTo("toolu_1cfd0122835043438dcba74c");
        assertThat(call.path("name").asText()).isEqualTo("Bash");
        assertThat(call.path("args").path("command").asText()).isEqualTo("echo hi");
        // a call turn without Gemini's signature gets the documented placeholder, or Gemini 3 answers 400
        assertThat(model.get(1).path("thoughtSignature").asText()).isEqualTo("skip_thought_signature_validator");

        JsonNode result = contents.get(2).path("parts");
        assertThat(result).hasSize(1);
        JsonNode response = result.get(0).path("functionResponse");
        assertThat(response.path("id").asText()).isEqualTo("toolu_1cfd0122835043438dcba74c");
        assertThat(response.path("name").asText()).isEqualTo("Bash");
        assertThat(response.path("response").path("result").asText()).isEqualTo("hi");
        assertThat(Json.string(body)).doesNotContain("cache_control", "mocksig_", "\"thinking\"");
    }

    @Test
    void systemMessageAfterAToolResultStaysAfterIt() {
        JsonNode contents = upstreamBody(capture("13_read_240k_followup_partial_view.json")).path("contents");

        assertThat(contents).extracting(c -> c.path("role").asText()).containsExactly("user", "model", "user");
        JsonNode last = contents.get(2).path("parts");
        assertThat(last).hasSize(2);
        assertThat(last.get(0).path("functionResponse").path("name").asText()).isEqualTo("Read");
        assertThat(last.get(0).path("functionResponse").path("response").path("result").asText())
                .startsWith("1\tline 00001:");
        assertThat(last.get(1).path("text").asText()).startsWith("[Truncated: PARTIAL view");
        // the first role=system message (a plain string on later requests) joins the first user turn
        assertThat(contents.get(0).path("parts").get(2).path("text").asText()).startsWith("# Environment");
    }

    @Test
    void thinkingBudgetIsSentAsThinkingBudget() {
        JsonNode body = upstreamBody(capture("15_thinking_MAX_THINKING_TOKENS_8000_sonnet45.json"));

        JsonNode config = body.path("generationConfig");
        assertThat(config.path("thinkingConfig").path("thinkingBudget").asInt()).isEqualTo(8000);
        assertThat(config.path("thinkingConfig").path("includeThoughts").asBoolean()).isTrue();
        assertThat(config.path("maxOutputTokens").asLong()).isEqualTo(32000);
        assertThat(body.path("contents").get(0).path("parts")).hasSize(9);
        assertThat(Json.string(body)).doesNotContain("cache_control", "ephemeral", "budget_tokens");
    }

    @Test
    void toolReferenceResultsBecomeText() {
        JsonNode body = upstreamBody(capture("19_toolsearch_tool_reference_result.json"));
        JsonNode last = body.path("contents").get(2).path("parts");

        JsonNode response = last.get(0).path("functionResponse");
        assertThat(response.path("name").asText()).isEqualTo("ToolSearch");
        assertThat(response.path("response").path("result").asText())
                .isEqualTo("Tool loaded: WebSearch\nTool loaded: WebFetch");
        assertThat(last.get(1).path("text").asText()).isEqualTo("Tool loaded.");
        // the deferred tools are declared like the others; WebFetch's url format "uri" is not one Gemini takes
        JsonNode url = declaration(body, "WebFetch").path("parameters").path("properties").path("url");
        assertThat(url.path("type").asText()).isEqualTo("string");
        assertThat(url.has("format")).isFalse();
        assertThat(declaration(body, "WebSearch").path("parameters").path("properties").path("query")
                .path("minLength").asInt()).isEqualTo(2);
    }

    @Test
    void webSearchServerToolBecomesGoogleSearch() {
        MessagesRequest request = capture("20_websearch_nested_server_tool_request.json");
        JsonNode body = upstreamBody(request);

        assertThat(Json.string(body.path("tools"))).isEqualTo("[{\"googleSearch\":{}}]");
        // tool_choice auto concerns functions, and there are none
        assertThat(body.has("toolConfig")).isFalse();
        // an effort without thinking asks for no thoughts
        assertThat(body.path("generationConfig").has("thinkingConfig")).isFalse();
        assertThat(body.path("contents").get(0).path("parts").get(0).path("text").asText())
                .isEqualTo("Perform a web search for the query: claude code router");

        assertThat(upstreamBody(request, provider("web-search", "false")).has("tools")).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"01_plain_default_model.json", "22_continue_second_turn_history.json",
            "24_interactive_main_request_with_safeguards.json", "26_nonstreaming_fallback_after_drops.json"})
    void everyRecordedRequestMapsToAlternatingTurnsWithParts(String name) {
        MessagesRequest request = capture(name);
        UpstreamRequest upstream = upstream(request, provider());
        JsonNode body = TestRequests.json(upstream.body());

        assertThat(upstream.path()).endsWith(request.stream() ? ":streamGenerateContent?alt=sse"
                : ":generateContent");
        List<String> roles = new ArrayList<>();
        body.path("contents").forEach(c -> roles.add(c.path("role").asText()));
        for (int i = 1; i < roles.size(); i++) {
            assertThat(roles.get(i)).as("turn " + i).isNotEqualTo(roles.get(i - 1));
        }
        body.path("contents").forEach(c -> assertThat(c.path("parts")).isNotEmpty());
        assertThat(body.fieldNames()).toIterable().isSubsetOf("systemInstruction", "contents", "tools", "toolConfig",
                "generationConfig");
        assertThat(Json.string(body)).doesNotContain("cache_control", "x-anthropic-billing-header");
    }
}
