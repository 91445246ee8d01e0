package dev.ccr.transform.openai;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ccr.error.ErrorType;
import dev.ccr.error.RouterException;
import dev.ccr.model.Target;
import dev.ccr.provider.UpstreamRequest;
import dev.ccr.testing.TestRequests;
import org.junit.jupiter.api.Test;

import static dev.ccr.testing.TestRequests.request;
import static dev.ccr.transform.openai.OpenAiFixtures.provider;
import static dev.ccr.transform.openai.OpenAiFixtures.upstreamBody;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Request mapping cases the captures do not cover, written against OpenAI's chat completions reference. */
class OpenAiRequestMappingTest {
    private static final String PNG = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==";

    @Test
    void imagesBecomeImageUrlPartsWithDataUrls() {
        JsonNode body = upstreamBody(request("""
                {"model":"m","max_tokens":100,"system":"Be brief.","messages":[{"role":"user","content":[
                  {"type":"text","text":"What is in these?"},
                  {"type":"image","source":{"type":"base64","media_type":"image/png","data":"%s"}},
                  {"type":"image","source":{"type":"url","url":"https://example.com/cat.jpg"}}]}]}
                """.formatted(PNG)), provider());

        assertThat(body.path("messages").path(0).path("role").asText()).isEqualTo("system");
        assertThat(body.path("messages").path(0).path("content").asText()).isEqualTo("Be brief.");
        JsonNode parts = body.path("messages").path(1).path("content");
        assertThat(parts.isArray()).isTrue();
        assertThat(parts.path(0).path("type").asText()).isEqualTo("text");
        assertThat(parts.path(0).path("text").asText()).isEqualTo("What is in these?");
        assertThat(parts.path(1).path("type").asText()).isEqualTo("image_url");
        assertThat(parts.path(1).path("image_url").path("url").asText()).isEqualTo("data:image/png;base64," + PNG);
        assertThat(parts.path(2).path("image_url").path("url").asText()).isEqualTo("https://example.com/cat.jpg");
        assertThat(body.has("stream")).isFalse();
        assertThat(body.has("stream_options")).isFalse();
    }

    @Test
    void toolResultsComeFirstThenUserTextAndToolImages() {
        JsonNode body = upstreamBody(request("""
                {"model":"m","max_tokens":100,"messages":[
                  {"role":"user","content":"look"},
                  {"role":"assistant","content":[{"type":"text","text":"Two calls."},
                    {"type":"tool_use","id":"toolu_A","name":"Read","input":{"file_path":"/a.png"}},
                    {"type":"tool_use","id":"toolu_B","name":"Bash","input":{"command":"false"}}]},
                  {"role":"user","content":[
                    {"type":"text","text":"Also consider this."},
                    {"type":"tool_result","tool_use_id":"toolu_A","content":[{"type":"text","text":"the image:"},
                      {"type":"image","source":{"type":"base64","media_type":"image/png","data":"%s"}}]},
                    {"type":"tool_result","tool_use_id":"toolu_B","is_error":true,"content":"exit code 1"}]}]}
                """.formatted(PNG)), provider());

        JsonNode messages = body.path("messages");
        assertThat(messages).hasSize(5);
        assertThat(messages.path(1).path("tool_calls")).hasSize(2);
        assertThat(messages.path(2).path("role").asText()).isEqualTo("tool");
        assertThat(messages.path(2).path("tool_call_id").asText()).isEqualTo("toolu_A");
        assertThat(messages.path(2).path("content").asText()).startsWith("the image:");
        assertThat(messages.path(3).path("tool_call_id").asText()).isEqualTo("toolu_B");
        assertThat(messages.path(3).path("content").asText()).isEqualTo("Error: exit code 1");
        JsonNode user = messages.path(4);
        assertThat(user.path("role").asText()).isEqualTo("user");
        assertThat(user.path("content").path(0).path("type").asText()).isEqualTo("image_url");
        assertThat(user.path("content").path(1).path("text").asText()).isEqualTo("Also consider this.");
    }

    @Test
    void toolResultWithoutMatchingCallBecomesUserText() {
        JsonNode body = upstreamBody(request("""
                {"model":"m","max_tokens":100,"messages":[
                  {"role":"user","content":[{"type":"tool_result","tool_use_id":"toolu_gone","content":""}]}]}
                """), provider());

        assertThat(body.path("messages")).hasSize(1);
        assertThat(body.path("messages").path(0).path("role").asText()).isEqualTo("user");
        assertThat(body.path("messages").path(0).path("content").asText()).contains("toolu_gone")
                .contains(ToolResultMessage.NO_OUTPUT);
    }

    @Test
    void assistantWithOnlyToolCallsHasNullContent() {
        JsonNode body = upstreamBody(request("""
                {"model":"m","max_tokens":100,"messages":[{"role":"user","content":"x"},
                  {"role":"assistant","content":[{"type":"thinking","thinking":"hm","signature":""},
                    {"type":"tool_use","id":"t1","name":"Noop","input":{}}]},
                  {"role":"user","content":[{"type":"tool_result","tool_use_id":"t1","content":"ok"}]}]}
                """), provider());

        JsonNode assistant = body.path("messages").path(1);
        assertThat(assistant.path("content").isNull()).isTrue();
        assertThat(assistant.path("tool_calls").path(0).path("function").path("arguments").asText()).isEqualTo("{}");
    }

    @Test
    void toolChoiceVariants() {
        String template = """
                {"model":"m","max_tokens":10,"messages":[{"role":"user","content":"x"}],
                 "tools":[{"name":"Bash","description":"run","input_schema":{"type":"object","properties":{}}}],
                 "tool_choice":%s}""";
        assertThat(upstreamBody(request(template.formatted("{\"type\":\"auto\"}")), provider())
                .path("tool_choice").asText()).isEqualTo("auto");
        assertThat(upstreamBody(request(template.formatted("{\"type\":\"any\"}")), provider())
                .path("tool_choice").asText()).isEqualTo("required");
        assertThat(upstreamBody(request(template.formatted("{\"type\":\"none\"}")), provider())
                .path("tool_choice").asText()).isEqualTo("none");
        JsonNode forced = upstreamBody(request(template.formatted(
                "{\"type\":\"tool\",\"name\":\"Bash\",\"disable_parallel_tool_use\":true}")), provider());
        assertThat(forced.path("tool_choice").path("type").asText()).isEqualTo("function");
        assertThat(forced.path("tool_choice").path("function").path("name").asText()).isEqualTo("Bash");
        assertThat(forced.path("parallel_tool_calls").asBoolean(true)).isFalse();
        assertThat(upstreamBody(request(template.formatted("{\"type\":\"tool\",\"name\":\"Gone\"}")), provider())
                .has("tool_choice")).isFalse();
    }

    @Test
    void samplingStopAndMaxTokensOptions() {
        String json = """
                {"model":"m","max_tokens":64000,"temperature":0.2,"top_p":0.9,"top_k":5,"stop_sequences":["END"],
                 "stream":true,"messages":[{"role":"user","content":"x"}]}""";

        JsonNode plain = upstreamBody(request(json), provider());
        assertThat(plain.path("max_tokens").asInt()).isEqualTo(64000);
        assertThat(plain.path("temperature").asDouble()).isEqualTo(0.2);
        assertThat(plain.path("top_p").asDouble()).isEqualTo(0.9);
        assertThat(plain.has("top_k")).isFalse(); // not part of OpenAI's API
        assertThat(plain.path("stop").path(0).asText()).isEqualTo("END");

        JsonNode clamped = upstreamBody(request(json), provider(8192, "max-tokens-field", "max_completion_tokens",
                "stream-usage", "false"));
        assertThat(clamped.path("max_completion_tokens").asInt()).isEqualTo(8192);
        assertThat(clamped.has("max_tokens")).isFalse();
        assertThat(clamped.path("stream").asBoolean()).isTrue();
        assertThat(clamped.has("stream_options")).isFalse();
    }

    @Test
    void schemaStrippingKeepsParametersThatShareAKeywordName() {
        JsonNode body = upstreamBody(request("""
                {"model":"m","max_tokens":10,"messages":[{"role":"user","content":"x"}],
                 "tools":[{"name":"Fmt","input_schema":{"$schema":"x","type":"object","additionalProperties":false,
                   "properties":{"format":{"type":"string","format":"date"},
                     "items":{"type":"array","items":{"type":"object","additionalProperties":false,
                       "properties":{"additionalProperties":{"type":"boolean"}}}}}}}]}
                """), provider("strip-schema-fields", "$schema,additionalProperties,format"));

        JsonNode parameters = body.path("tools").path(0).path("function").path("parameters");
        assertThat(parameters.has("$schema")).isFalse();
        assertThat(parameters.has("additionalProperties")).isFalse();
        assertThat(parameters.path("properties").has("format")).isTrue();
        assertThat(parameters.path("properties").path("format").has("format")).isFalse();
        JsonNode item = parameters.path("properties").path("items").path("items");
        assertThat(item.has("additionalProperties")).isFalse();
        assertThat(item.path("properties").path("additionalProperties").path("type").asText()).isEqualTo("boolean");
        assertThat(body.path("tools").path(0).path("function").has("description")).isFalse();
    }

    @Test
    void webSearchUserLocationMovesUnderApproximate() {
        JsonNode body = upstreamBody(request("""
                {"model":"m","max_tokens":10,"messages":[{"role":"user","content":"x"}],
                 "tools":[{"type":"web_search_20250305","name":"web_search","max_uses":3,
                   "user_location":{"type":"approximate","city":"Lyon","country":"FR","timezone":"Europe/Paris"}}]}
                """), provider("web-search", "true"));

        JsonNode location = body.path("web_search_options").path("user_location");
        assertThat(location.path("type").asText()).isEqualTo("approximate");
        assertThat(location.path("approximate").path("city").asText()).isEqualTo("Lyon");
        assertThat(location.path("approximate").path("timezone").asText()).isEqualTo("Europe/Paris");
    }

    @Test
    void chatPathOptionAndModelFromTarget() {
        UpstreamRequest upstream = OpenAiFixtures.TRANSFORMER.toUpstream(
                request("{\"model\":\"claude-x\",\"max_tokens\":5,\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}"),
                new Target("p", null), provider("chat-path", "chat/completions"));

        assertThat(upstream.path()).isEqualTo("/chat/completions");
        assertThat(upstream.streaming()).isFalse();
        assertThat(TestRequests.json(upstream.body()).path("model").asText()).isEqualTo("claude-x");
    }

    @Test
    void unknownReasoningStyleIsReportedByName() {
        assertThatThrownBy(() -> upstreamBody(request(
                "{\"model\":\"m\",\"max_tokens\":5,\"messages\":[]}"), provider("reasoning-style", "gemini")))
                .isInstanceOfSatisfying(RouterException.class, e -> assertThat(e.type()).isEqualTo(ErrorType.API))
                .hasMessageContaining("reasoning-style").hasMessageContaining("gemini");
    }

    @Test
    void effortFromBudgetBoundaries() {
        assertThat(effortFor(1024)).isEqualTo("low");
        assertThat(effortFor(4096)).isEqualTo("low");
        assertThat(effortFor(4097)).isEqualTo("medium");
        assertThat(effortFor(16384)).isEqualTo("medium");
        assertThat(effortFor(31999)).isEqualTo("high");
    }

    private static String effortFor(int budget) {
        return upstreamBody(request("""
                {"model":"m","max_tokens":32000,"thinking":{"type":"enabled","budget_tokens":%d},
                 "messages":[{"role":"user","content":"x"}]}""".formatted(budget)),
                provider("reasoning-style", "openai")).path("reasoning_effort").asText();
    }
}
