package dev.ccr.transform.codewhisperer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ccr.json.Json;
import dev.ccr.error.ErrorType;
import dev.ccr.error.RouterException;
import dev.ccr.model.MessagesRequest;
import dev.ccr.model.Target;
import dev.ccr.provider.UpstreamRequest;
import dev.ccr.provider.kiro.KiroTestSettings;
import dev.ccr.testing.Captures;
import dev.ccr.testing.TestRequests;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Recorded Claude Code requests converted to CodeWhisperer's conversationState. */
class CodeWhispererRequestConversionTest {
    private static final String ARN = "arn:aws:codewhisperer:us-east-1:123456789012:profile/TEST";
    private static final Map<String, String> OPTIONS = Map.of("profile-arn", ARN);

    @Test
    void aFirstTurnIsOneCurrentMessageWithSystemPromptToolsAndModel() {
        UpstreamRequest call = convert(capture("10_tool_bash_turn1"), OPTIONS);
        JsonNode body = body(call);
        JsonNode current = current(body);

        assertThat(call.path()).isEqualTo("/generateAssistantResponse");
        assertThat(call.streaming()).isTrue();
        assertThat(body.path("profileArn").asText()).isEqualTo(ARN);
        assertThat(body.path("conversationState").path("chatTriggerType").asText()).isEqualTo("MANUAL");
        assertThat(body.path("conversationState").has("history")).isFalse(); // user + role=system merged into one
        assertThat(current.path("modelId").asText()).isEqualTo("claude-opus-5.5");
        assertThat(current.path("origin").asText()).isEqualTo("AI_EDITOR");
        String content = current.path("content").asText();
        assertThat(content).startsWith("You are a Claude agent, built on Anthropic's Claude Agent SDK.")
                .contains("Run echo hi").contains("# Environment")
                .doesNotContain("x-anthropic-billing-header");
        assertThat(content.indexOf("Run echo hi")).isLessThan(content.indexOf("# Environment"));
        JsonNode tools = current.path("userInputMessageContext").path("tools");
        assertThat(tools).hasSize(12);
        JsonNode bash = find(tools, t -> t.path("toolSpecification").path("name").asText().equals("Bash"));
        assertThat(bash.path("toolSpecification").path("description").asText()).isNotBlank();
        assertThat(bash.path("toolSpecification").path("inputSchema").path("json").path("type").asText())
                .isEqualTo("object");
        assertThat(body.path("additionalModelRequestFields").path("thinking").path("type").asText())
                .isEqualTo("adaptive");
        assertThat(body.path("additionalModelRequestFields").path("output_config").path("effort").asText())
                .isEqualTo("medium");
        assertWellFormed(body);
    }

    @Test
    void aToolRoundTripPutsTheCallInHistoryAndTheResultInTheCurrentMessage() {
        JsonNode body = body(convert(capture("11_tool_bash_turn2_tool_result"), OPTIONS));
        JsonNode history = body.path("conversationState").path("history");

        assertThat(roles(history)).containsExactly("userInputMessage", "assistantResponseMessage");
        JsonNode assistant = history.get(1).path("assistantResponseMessage");
        assertThat(assistant.path("content").asText()).isEqualTo("I will use the Bash tool."); // thinking dropped
        JsonNode use = assistant.path("toolUses").get(0);
        assertThat(use.path("toolUseId").asText()).isEqualTo("toolu_1cfd0122835043438dcba74c");
        assertThat(use.path("name").asText()).isEqualTo("Bash");
        assertThat(use.path("input").path("command").asText()).isEqualTo("echo hi");

        JsonNode current = current(body);
        assertThat(current.path("content").asText()).isEqualTo("Tool results provided.");
        JsonNode result = current.path("userInputMessageContext").path("toolResults").get(0);
        assertThat(result.path("toolUseId").asText()).isEqualTo("toolu_1cfd0122835043438dcba74c");
        assertThat(result.path("status").asText()).isEqualTo("success");
        assertThat(result.path("content").get(0).path("text").asText()).isEqualTo("hi");
        assertThat(history.get(0).path("userInputMessage").path("userInputMessageContext").has("tools")).isFalse();
        assertWellFormed(body);
    }

    @Test
    void aSystemMessageAfterAToolResultIsFoldedIntoTheCurrentUserMessage() {
        JsonNode body = body(convert(capture("13_read_240k_followup_partial_view"), OPTIONS));
        JsonNode current = current(body);

        assertThat(current.path("content").asText()).startsWith("[Truncated: PARTIAL view");
        assertThat(current.path("userInputMessageContext").path("toolResults")).hasSize(1);
        assertThat(roles(body.path("conversationState").path("history")))
                .containsExactly("userInputMessage", "assistantResponseMessage");
        assertWellFormed(body);
    }

    @Test
    void aContinuedConversationAlternatesAndEndsWithTheNewQuestion() {
        JsonNode body = body(convert(capture("22_continue_second_turn_history"), OPTIONS));

        assertThat(roles(body.path("conversationState").path("history")))
                .containsExactly("userInputMessage", "assistantResponseMessage");
        assertThat(current(body).path("content").asText()).isEqualTo("Second question: say ping");
        assertWellFormed(body);
    }

    @Test
    void aConversationEndingWithTheAssistantIsContinued() {
        ObjectNode request = capture("22_continue_second_turn_history");
        ArrayNode messages = (ArrayNode) request.get("messages");
        messages.remove(messages.size() - 1);

        JsonNode body = body(convert(request, OPTIONS));
        JsonNode history = body.path("conversationState").path("history");

        assertThat(roles(history)).containsExactly("userInputMessage", "assistantResponseMessage");
        assertThat(history.get(1).path("assistantResponseMessage").path("content").asText()).startsWith("MOCK-REPLY");
        assertThat(current(body).path("content").asText()).isEqualTo("Continue");
        assertWellFormed(body);
    }

    @Test
    void aSubagentRequestConvertsAndGetsItsOwnStableConversationId() {
        ObjectNode subagent = capture("21_subagent_request");
        JsonNode body = body(convert(subagent, OPTIONS, "same-session"));

        assertThat(current(body).path("content").asText()).contains("Say hi")
                .contains("The following deferred tools are now ava");
        assertThat(current(body).path("userInputMessageContext").path("tools")).hasSize(10);
        String id = conversationId(body);
        assertThat(conversationId(body(convert(subagent, OPTIONS, "same-session")))).isEqualTo(id);
        assertThat(conversationId(body(convert(capture("10_tool_bash_turn1"), OPTIONS, "same-session"))))
                .isNotEqualTo(id);
        assertThat(conversationId(body(convert(capture("10_tool_bash_turn1"), OPTIONS, "same-session"))))
                .as("turn 1 and turn 2 of one conversation")
                .isEqualTo(conversationId(body(convert(capture("11_tool_bash_turn2_tool_result"), OPTIONS,
                        "same-session"))));
        assertWellFormed(body);
    }

    @Test
    void adjacentSameRoleMessagesMergeAndDuplicateToolResultsAreDropped() {
        ObjectNode request = minimal();
        ArrayNode messages = request.putArray("messages");
        messages.addObject().put("role", "user").put("content", "one");
        messages.addObject().put("role", "user").put("content", "two");
        ObjectNode assistant = messages.addObject().put("role", "assistant");
        ArrayNode calls = assistant.putArray("content");
        calls.addObject().put("type", "thinking").put("thinking", "hidden").put("signature", "s");
        calls.addObject().put("type", "tool_use").put("id", "t1").put("name", "Read").putObject("input");
        ArrayNode results = messages.addObject().put("role", "user").putArray("content");
        results.addObject().put("type", "tool_result").put("tool_use_id", "t1").put("content", "first");
        results.addObject().put("type", "tool_result").put("tool_use_id", "t1").put("content", "repeat");
        results.addObject().put("type", "tool_result").put("tool_use_id", "gone").put("is_error", true)
                .put("content", "orphan");

        JsonNode body = body(convert(request, OPTIONS));
        JsonNode history = body.path("conversationState").path("history");

        assertThat(roles(history)).containsExactly("userInputMessage", "assistantResponseMessage");
        assertThat(history.get(0).path("userInputMessage").path("content").asText()).isEqualTo("one\n\ntwo");
        assertThat(history.get(1).path("assistantResponseMessage").path("content").asText()).isEqualTo("(empty)");
        JsonNode toolResults = current(body).path("userInputMessageContext").path("toolResults");
        assertThat(toolResults).hasSize(1);
        assertThat(toolResults.get(0).path("content").get(0).path("text").asText()).isEqualTo("first");
        // a result whose call is not in the previous turn would be refused: it travels as text
        assertThat(current(body).path("content").asText()).contains("Result of tool call gone:\norphan");
        assertWellFormed(body);
    }

    @Test
    void aConversationStartingWithTheAssistantGetsAUserTurnFirst() {
        ObjectNode request = minimal();
        request.put("system", "Be brief.");
        ArrayNode messages = request.putArray("messages");
        messages.addObject().put("role", "assistant").put("content", "Hello, how can I help?");
        messages.addObject().put("role", "user").put("content", "Hi");

        JsonNode body = body(convert(request, OPTIONS));
        JsonNode first = body.path("conversationState").path("history").get(0).path("userInputMessage");

        assertThat(first.path("content").asText()).isEqualTo("Be brief.\n\nContinue");
        assertThat(current(body).path("content").asText()).isEqualTo("Hi");
    }

    @Test
    void longToolNamesAreShortenedTheSameWayInToolsAndHistory() {
        String longName = "mcp__a_rather_long_server_name__with_a_tool_whose_name_is_far_too_long_for_kiro";
        ObjectNode request = capture("11_tool_bash_turn2_tool_result");
        ((ObjectNode) request.withArray("tools").addObject().put("name", longName).put("description", "d"))
                .putObject("input_schema").put("type", "object");
        ObjectNode call = (ObjectNode) request.get("messages").get(2).get("content").get(2);
        call.put("name", longName);

        JsonNode body = body(convert(request, OPTIONS));
        String shortName = ShortToolNames.shorten(longName);

        assertThat(shortName).hasSize(64).startsWith(longName.substring(0, 55));
        assertThat(ShortToolNames.shorten(longName)).isEqualTo(shortName);
        assertThat(ShortToolNames.shorten(longName + "x")).isNotEqualTo(shortName);
        assertThat(current(body).path("userInputMessageContext").path("tools"))
                .anySatisfy(t -> assertThat(t.path("toolSpecification").path("name").asText()).isEqualTo(shortName))
                .allSatisfy(t -> assertThat(t.path("toolSpecification").path("name").asText().length())
                        .isLessThanOrEqualTo(64));
        assertThat(body.path("conversationState").path("history").get(1).path("assistantResponseMessage")
                .path("toolUses").get(0).path("name").asText()).isEqualTo(shortName);
    }

    @Test
    void serverToolsAreLeftOutAndHugeDescriptionsCut() {
        ObjectNode request = minimal();
        request.putArray("messages").addObject().put("role", "user").put("content", "search");
        ArrayNode tools = request.putArray("tools");
        tools.addObject().put("type", "web_search_20250305").put("name", "web_search").put("max_uses", 8);
        tools.addObject().put("name", "Big").put("description", "d".repeat(20_000)).putObject("input_schema");

        JsonNode specs = current(body(convert(request, OPTIONS))).path("userInputMessageContext").path("tools");

        assertThat(specs).hasSize(1);
        assertThat(specs.get(0).path("toolSpecification").path("description").asText()).hasSize(10_001);
    }

    @Test
    void imagesBecomeFormatAndBytes() {
        ObjectNode request = minimal();
        ArrayNode content = request.putArray("messages").addObject().put("role", "user").putArray("content");
        content.addObject().put("type", "text").put("text", "What is this?");
        ObjectNode source = content.addObject().put("type", "image").putObject("source");
        source.put("type", "base64").put("media_type", "image/jpeg").put("data", "AAEC");

        JsonNode image = current(body(convert(request, OPTIONS))).path("images").get(0);

        assertThat(image.path("format").asText()).isEqualTo("jpeg");
        assertThat(image.path("source").path("bytes").asText()).isEqualTo("AAEC");

        source.put("type", "url").put("url", "https://example.com/x.png");
        assertThatThrownBy(() -> convert(request, OPTIONS)).isInstanceOfSatisfying(RouterException.class,
                e -> assertThat(e.type()).isEqualTo(ErrorType.INVALID_REQUEST));
    }

    @Test
    void payloadsOverTheLimitAreRefusedBeforeSending() {
        ObjectNode big = minimal();
        big.putArray("messages").addObject().put("role", "user").put("content", "x".repeat(700_000));

        assertThatThrownBy(() -> convert(big, OPTIONS)).isInstanceOfSatisfying(RouterException.class, e -> {
            assertThat(e.type()).isEqualTo(ErrorType.INVALID_REQUEST);
            assertThat(e.status()).isEqualTo(400);
        }).hasMessageContaining("accepts at most 600000").hasMessageContaining("max-payload-bytes");

        Map<String, String> small = new HashMap<>(OPTIONS);
        small.put("max-payload-bytes", "10000");
        assertThatThrownBy(() -> convert(capture("14_prompt_300k_via_stdin"), small))
                .isInstanceOf(RouterException.class).hasMessageContaining("accepts at most 10000");
        assertThat(convert(capture("14_prompt_300k_via_stdin"), OPTIONS).body().length).isLessThan(600_000);
    }

    @Test
    void headersFollowTheProtocolAndCarryNoCredentials() {
        Map<String, String> headers = convert(capture("10_tool_bash_turn1"), OPTIONS).headers();

        assertThat(headers).containsEntry("content-type", "application/json")
                .containsEntry("x-amzn-codewhisperer-optout", "true")
                .containsEntry("x-amzn-kiro-agent-mode", "vibe")
                .containsEntry("amz-sdk-request", "attempt=1; max=3")
                .containsKeys("amz-sdk-invocation-id", "x-amz-user-agent", "user-agent");
        assertThat(headers.get("x-amz-user-agent")).matches("aws-sdk-js/\\S+ KiroIDE-\\S+-[0-9a-f]{64}");
        assertThat(headers.keySet()).noneMatch(k -> k.equalsIgnoreCase("authorization"));
    }

    @Test
    void theProfileArnComesFromTheTokenFileWhenNotConfigured(@TempDir Path dir) throws IOException {
        Path token = dir.resolve("kiro-auth-token.json");
        Files.writeString(token, "{\"accessToken\":\"access-secret-1\",\"refreshToken\":\"refresh-secret-1\","
                + "\"profileArn\":\"arn:aws:codewhisperer:eu-central-1:1:profile/FROMFILE\"}");

        UpstreamRequest call = convert(capture("10_tool_bash_turn1"), Map.of("token-path", token.toString()));

        assertThat(body(call).path("profileArn").asText()).endsWith("profile/FROMFILE");
        String sent = new String(call.body(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(sent).doesNotContain("access-secret-1").doesNotContain("refresh-secret-1");
    }

    @Test
    void withoutAnyProfileArnTheFieldIsLeftOut(@TempDir Path dir) {
        JsonNode body = body(convert(capture("10_tool_bash_turn1"),
                Map.of("token-path", dir.resolve("absent.json").toString(), "forward-thinking", "false")));

        assertThat(body.has("profileArn")).isFalse();
        assertThat(body.has("additionalModelRequestFields")).isFalse();
    }

    @Test
    void modelIdsFollowKirosNaming() {
        ModelIds ids = new ModelIds("claude-opus-5-5=claude-opus-4.5, my-alias = auto", "option.model-map");

        assertThat(ids.toCodeWhisperer("claude-sonnet-4-5-20250929")).isEqualTo("claude-sonnet-4.5");
        assertThat(ids.toCodeWhisperer("claude-haiku-4-5")).isEqualTo("claude-haiku-4.5");
        assertThat(ids.toCodeWhisperer("claude-sonnet-4-20250514")).isEqualTo("claude-sonnet-4");
        assertThat(ids.toCodeWhisperer("claude-opus-4-1-20250805")).isEqualTo("claude-opus-4.1");
        assertThat(ids.toCodeWhisperer("claude-3-7-sonnet-20250219")).isEqualTo("CLAUDE_3_7_SONNET_20250219_V1_0");
        assertThat(ids.toCodeWhisperer("claude-3-5-haiku-latest")).isEqualTo("CLAUDE_3_5_HAIKU_20241022_V1_0");
        assertThat(ids.toCodeWhisperer("CLAUDE_SONNET_4_20250514_V1_0")).isEqualTo("CLAUDE_SONNET_4_20250514_V1_0");
        assertThat(ids.toCodeWhisperer("claude-sonnet-4.5")).isEqualTo("claude-sonnet-4.5");
        assertThat(ids.toCodeWhisperer("claude-opus-5-5")).isEqualTo("claude-opus-4.5");
        assertThat(ids.toCodeWhisperer("my-alias")).isEqualTo("auto");
        assertThat(ids.toCodeWhisperer("auto")).isEqualTo("auto");
        assertThatThrownBy(() -> new ModelIds("nonsense", "option.model-map"))
                .isInstanceOf(RouterException.class).hasMessageContaining("option.model-map");
    }

    @Test
    void theTargetsModelWinsOverTheClients() {
        MessagesRequest request = request(capture("10_tool_bash_turn1"), "s");
        UpstreamRequest call = new CodeWhispererTransformer().toUpstream(request,
                new Target("kiro", "CLAUDE_SONNET_4_20250514_V1_0"), KiroTestSettings.provider("kiro", OPTIONS));

        assertThat(current(body(call)).path("modelId").asText()).isEqualTo("CLAUDE_SONNET_4_20250514_V1_0");
    }

    // --- helpers

    static ObjectNode capture(String name) {
        return Captures.body(name + ".json").deepCopy();
    }

    private static ObjectNode minimal() {
        ObjectNode body = Json.MAPPER.createObjectNode();
        body.put("model", "claude-sonnet-4-5-20250929");
        body.put("max_tokens", 100);
        body.put("stream", true);
        return body;
    }

    private static MessagesRequest request(ObjectNode body, String sessionId) {
        return TestRequests.request(body, sessionId);
    }

    private static UpstreamRequest convert(ObjectNode body, Map<String, String> options) {
        return convert(body, options, "session-1");
    }

    private static UpstreamRequest convert(ObjectNode body, Map<String, String> options, String sessionId) {
        return new CodeWhispererTransformer().toUpstream(request(body, sessionId), new Target("kiro", null),
                KiroTestSettings.provider("kiro", options));
    }

    private static JsonNode body(UpstreamRequest call) {
        return TestRequests.json(call.body());
    }

    private static JsonNode current(JsonNode body) {
        return body.path("conversationState").path("currentMessage").path("userInputMessage");
    }

    private static String conversationId(JsonNode body) {
        return body.path("conversationState").path("conversationId").asText();
    }

    private static List<String> roles(JsonNode history) {
        List<String> roles = new ArrayList<>();
        history.forEach(h -> roles.add(h.fieldNames().next()));
        return roles;
    }

    private static JsonNode find(JsonNode array, java.util.function.Predicate<JsonNode> test) {
        for (JsonNode n : array) {
            if (test.test(n)) {
                return n;
            }
        }
        throw new AssertionError("not found in " + array);
    }

    /** The rules CodeWhisperer enforces: alternation, user first and last, no null, no empty content. */
    private static void assertWellFormed(JsonNode body) {
        JsonNode history = body.path("conversationState").path("history");
        for (int i = 0; i < history.size(); i++) {
            assertThat(history.get(i).has(i % 2 == 0 ? "userInputMessage" : "assistantResponseMessage"))
                    .as("history[%d] alternates", i).isTrue();
        }
        assertThat(history.size() % 2).as("history ends with the assistant").isZero();
        assertNoNullOrEmptyContent(body, "$");
    }

    private static void assertNoNullOrEmptyContent(JsonNode node, String path) {
        assertThat(node.isNull()).as("null at %s", path).isFalse();
        if (node.isObject()) {
            node.fields().forEachRemaining(f -> {
                if (f.getKey().equals("content") && f.getValue().isTextual()) {
                    assertThat(f.getValue().asText()).as("content at %s", path).isNotBlank();
                }
                assertNoNullOrEmptyContent(f.getValue(), path + "." + f.getKey());
            });
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                assertNoNullOrEmptyContent(node.get(i), path + "[" + i + "]");
            }
        }
    }
}
