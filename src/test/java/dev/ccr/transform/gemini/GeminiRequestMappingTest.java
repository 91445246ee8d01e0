package dev.ccr.transform.gemini;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ccr.json.Json;
import dev.ccr.error.RouterException;
import dev.ccr.model.MessagesRequest;
import dev.ccr.model.Target;
import dev.ccr.provider.ProviderSettings;
import dev.ccr.testing.TestRequests;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;


import static dev.ccr.transform.gemini.GeminiFixtures.provider;
import static dev.ccr.transform.gemini.GeminiFixtures.upstreamBody;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Anthropic request features, one at a time, as Gemini request fields. */
class GeminiRequestMappingTest {

    /** A request with these extra top-level fields (JSON without braces) and these messages (a JSON array). */
    static MessagesRequest request(String fields, String messages) {
        return TestRequests.request(("{'model':'claude-sonnet-4-5','max_tokens':1000,'stream':true,"
                + (fields.isEmpty() ? "" : fields + ",") + "'messages':" + messages + "}").replace('\'', '"'));
    }

    static MessagesRequest request(String fields) {
        return request(fields, "[{'role':'user','content':'Hi'}]");
    }

    static JsonNode body(MessagesRequest request) {
        return upstreamBody(request);
    }

    @Test
    void pathNamesTheModelAndTheCall() {
        MessagesRequest streaming = request("");
        MessagesRequest whole = TestRequests.request("{\"model\":\"m\",\"max_tokens\":5,\"messages\":[]}");

        assertThat(GeminiFixtures.upstream(streaming, provider()).path())
                .isEqualTo("/v1beta/models/gemini-2.5-pro:streamGenerateContent?alt=sse");
        assertThat(GeminiFixtures.upstream(whole, provider()).path())
                .isEqualTo("/v1beta/models/gemini-2.5-pro:generateContent");
        assertThat(GeminiFixtures.upstream(whole, provider()).streaming()).isFalse();
        assertThat(GeminiFixtures.TRANSFORMER.toUpstream(whole, new Target("g", "models/tuned model/1?x"),
                provider("api-version", "/v1alpha/")).path())
                .isEqualTo("/v1alpha/models/tuned%20model%2F1%3Fx:generateContent");
        // no target model: the client's model goes upstream
        assertThat(GeminiFixtures.TRANSFORMER.toUpstream(whole, new Target("g", null), provider()).path())
                .isEqualTo("/v1beta/models/m:generateContent");
        assertThat(GeminiFixtures.TRANSFORMER.healthCheckPath()).isEqualTo("/v1beta/models");
    }

    @Test
    void samplingSettingsAreCopiedAndMaxTokensClamped() {
        MessagesRequest request = request("'temperature':0.2,'top_p':0.9,'top_k':40,"
                + "'stop_sequences':['a','b','c','d','e','f']");
        JsonNode config = upstreamBody(request, provider(800)).path("generationConfig");

        assertThat(config.path("maxOutputTokens").asLong()).isEqualTo(800);
        assertThat(config.path("temperature").asDouble()).isEqualTo(0.2);
        assertThat(config.path("topP").asDouble()).isEqualTo(0.9);
        assertThat(config.path("topK").asInt()).isEqualTo(40);
        assertThat(config.path("stopSequences")).extracting(JsonNode::asText).containsExactly("a", "b", "c", "d", "e");
        assertThat(body(request).path("generationConfig").path("maxOutputTokens").asLong()).isEqualTo(1000);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "'thinking':{'type':'enabled','budget_tokens':31999}|24576",
            "'thinking':{'type':'enabled','budget_tokens':1024}|1024",
            "'thinking':{'type':'adaptive'}|-1",
            "'thinking':{'type':'adaptive'},'output_config':{'effort':'low'}|2048",
            "'thinking':{'type':'adaptive'},'output_config':{'effort':'high'}|16384",
            "'thinking':{'type':'adaptive'},'output_config':{'effort':'max'}|24576"})
    void thinkingBecomesABudget(String fields, int budget) {
        JsonNode thinking = body(request(fields)).path("generationConfig").path("thinkingConfig");

        assertThat(thinking.path("includeThoughts").asBoolean()).isTrue();
        assertThat(thinking.path("thinkingBudget").asInt()).isEqualTo(budget);
    }

    @Test
    void thinkingOptionsAndDisabledThinking() {
        MessagesRequest enabled = request("'thinking':{'type':'enabled','budget_tokens':31999}");

        assertThat(upstreamBody(enabled, provider("max-thinking-budget", "32768")).path("generationConfig")
                .path("thinkingConfig").path("thinkingBudget").asInt()).isEqualTo(31999);
        assertThat(upstreamBody(enabled, provider("thinking", "false")).path("generationConfig")
                .has("thinkingConfig")).isFalse();
        assertThat(body(request("'thinking':{'type':'disabled'},'temperature':1")).path("generationConfig")
                .has("thinkingConfig")).isFalse();
        assertThatThrownBy(() -> upstreamBody(enabled, provider("max-thinking-budget", "lots")))
                .isInstanceOf(RouterException.class).hasMessageContaining("max-thinking-budget");
    }

    @Test
    void jsonSchemaOutputFormatBecomesAResponseSchema() {
        JsonNode config = body(request("'output_config':{'format':{'type':'json_schema','schema':{'type':'object',"
                + "'properties':{'title':{'type':'string'}},'required':['title'],'additionalProperties':false}}}"))
                .path("generationConfig");

        assertThat(config.path("responseMimeType").asText()).isEqualTo("application/json");
        assertThat(Json.string(config.path("responseSchema"))).isEqualTo(
                "{\"type\":\"object\",\"properties\":{\"title\":{\"type\":\"string\"}},\"required\":[\"title\"]}");
    }

    @Test
    void systemStringBecomesTheSystemInstruction() {
        JsonNode body = body(request("'system':'Be terse.'"));

        assertThat(Json.string(body.path("systemInstruction"))).isEqualTo("{\"parts\":[{\"text\":\"Be terse.\"}]}");
        assertThat(body(request("")).has("systemInstruction")).isFalse();
    }

    @Test
    void imagesAndDocumentsBecomeInlineDataOrFileData() {
        JsonNode parts = body(request("", "[{'role':'user','content':["
                + "{'type':'image','source':{'type':'base64','media_type':'image/png','data':'iVBORw0KGgo='}},"
                + "{'type':'image','source':{'type':'url','url':'https://example.com/cat.jpg'}},"
                + "{'type':'document','source':{'type':'base64','media_type':'application/pdf','data':'JVBERi0='}},"
                + "{'type':'document','source':{'type':'text','media_type':'text/plain','data':'plain doc'}},"
                + "{'type':'text','text':'What is this?','cache_control':{'type':'ephemeral'}}]}]"))
                .path("contents").path(0).path("parts");

        assertThat(Json.string(parts)).isEqualTo("[{\"inlineData\":{\"mimeType\":\"image/png\",\"data\":"
                + "\"iVBORw0KGgo=\"}},{\"fileData\":{\"fileUri\":\"https://example.com/cat.jpg\"}},{\"inlineData\":"
                + "{\"mimeType\":\"application/pdf\",\"data\":\"JVBERi0=\"}},{\"text\":\"plain doc\"},"
                + "{\"text\":\"What is this?\"}]");
    }

    @Test
    void consecutiveTurnsOfOneRoleAreMergedAndEmptyOnesLeftOut() {
        JsonNode contents = body(request("", "[{'role':'user','content':'a'},{'role':'system','content':'b'},"
                + "{'role':'assistant','content':[{'type':'thinking','thinking':'hm','signature':''}]},"
                + "{'role':'user','content':[{'type':'text','text':''},{'type':'text','text':'c'}]},"
                + "{'role':'assistant','content':'d'},{'role':'assistant','content':[{'type':'text','text':'e'}]}]"))
                .path("contents");

        assertThat(Json.string(contents)).isEqualTo("[{\"role\":\"user\",\"parts\":[{\"text\":\"a\"},{\"text\":\"b\"},"
                + "{\"text\":\"c\"}]},{\"role\":\"model\",\"parts\":[{\"text\":\"d\"},{\"text\":\"e\"}]}]");
    }

    @Test
    void toolResultsNameTheirFunctionAndCarryErrors() {
        JsonNode contents = body(request("", "[{'role':'user','content':'go'},"
                + "{'role':'assistant','content':[{'type':'tool_use','id':'t1','name':'Bash','input':{'command':'x'}},"
                + "{'type':'tool_use','id':'t2','name':'Read','input':{'file_path':'/a'}}]},"
                + "{'role':'user','content':[{'type':'tool_result','tool_use_id':'t1','is_error':true,"
                + "'content':'command not found'},{'type':'tool_result','tool_use_id':'t2','content':[{'type':'text',"
                + "'text':'line 1'},{'type':'image','source':{'type':'base64','media_type':'image/png','data':'AA=='}}]},"
                + "{'type':'tool_result','tool_use_id':'lost','content':'orphan'}]}]")).path("contents");

        JsonNode parts = contents.path(2).path("parts");
        assertThat(Json.string(parts.path(0))).isEqualTo("{\"functionResponse\":{\"id\":\"t1\",\"name\":\"Bash\","
                + "\"response\":{\"error\":\"command not found\"}}}");
        assertThat(Json.string(parts.path(1))).isEqualTo("{\"functionResponse\":{\"id\":\"t2\",\"name\":\"Read\","
                + "\"response\":{\"result\":\"line 1\"}}}");
        assertThat(parts.path(2).path("inlineData").path("mimeType").asText()).isEqualTo("image/png");
        // a result whose call is not in the history cannot be a functionResponse
        assertThat(parts.path(3).path("text").asText()).isEqualTo("Result of tool call lost: orphan");
    }

    @Test
    void geminiSignaturesGoBackOnThePartThatFollowsThem() {
        JsonNode parts = body(request("", "[{'role':'user','content':'go'},{'role':'assistant','content':["
                + "{'type':'thinking','thinking':'plan','signature':'gemini:SIG_A'},{'type':'text','text':'Now.'},"
                + "{'type':'thinking','thinking':'','signature':'gemini:SIG_B'},"
                + "{'type':'tool_use','id':'t1','name':'Bash','input':{}},"
                + "{'type':'tool_use','id':'t2','name':'Bash','input':{}}]},"
                + "{'role':'user','content':[{'type':'tool_result','tool_use_id':'t1','content':'1'},"
                + "{'type':'tool_result','tool_use_id':'t2','content':'2'}]},"
                + "{'role':'assistant','content':[{'type':'text','text':'Done.'},"
                + "{'type':'thinking','thinking':'','signature':'gemini:SIG_C'}]}]")).path("contents");

        JsonNode first = parts.path(1).path("parts");
        assertThat(first.path(0).path("thoughtSignature").asText()).isEqualTo("SIG_A");
        assertThat(first.path(1).path("thoughtSignature").asText()).isEqualTo("SIG_B");
        assertThat(first.path(2).has("thoughtSignature")).isFalse();
        // nothing follows: the last part had it
        assertThat(parts.path(3).path("parts").path(0).path("thoughtSignature").asText()).isEqualTo("SIG_C");
        assertThat(Json.string(parts)).doesNotContain("plan", "\"thought\"");
    }

    @Test
    void foreignSignaturesAreDroppedAndTheFallbackGoesOnTheFirstCall() {
        String messages = "[{'role':'user','content':'go'},{'role':'assistant','content':["
                + "{'type':'thinking','thinking':'x','signature':'EqQBCkYIBxgCKkD...anthropic'},"
                + "{'type':'tool_use','id':'t1','name':'A','input':{}},{'type':'tool_use','id':'t2','name':'B',"
                + "'input':{}}]}]";
        JsonNode model = body(request("", messages)).path("contents").path(1).path("parts");

        assertThat(model.path(0).path("thoughtSignature").asText()).isEqualTo("skip_thought_signature_validator");
        assertThat(model.path(1).has("thoughtSignature")).isFalse();
        // written empty in the configuration, the option means "no placeholder"
        ProviderSettings noFallback = provider("signature-fallback", "");
        JsonNode without = upstreamBody(request("", messages), noFallback)
                .path("contents").path(1).path("parts");
        assertThat(Json.string(without)).doesNotContain("thoughtSignature");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{'type':'auto'}|{\"functionCallingConfig\":{\"mode\":\"AUTO\"}}",
            "{'type':'any'}|{\"functionCallingConfig\":{\"mode\":\"ANY\"}}",
            "{'type':'none'}|{\"functionCallingConfig\":{\"mode\":\"NONE\"}}",
            "{'type':'tool','name':'Bash'}|{\"functionCallingConfig\":{\"mode\":\"ANY\",\"allowedFunctionNames\":"
                    + "[\"Bash\"]}}"})
    void toolChoiceBecomesFunctionCallingConfig(String toolChoice, String toolConfig) {
        JsonNode body = body(request("'tools':[{'name':'Bash','input_schema':{'type':'object','properties':"
                + "{'command':{'type':'string'}}}}],'tool_choice':" + toolChoice));

        assertThat(Json.string(body.path("toolConfig"))).isEqualTo(toolConfig);
    }

    @Test
    void anthropicBuiltInClientToolsAreLeftOutAndSearchSitsBesideFunctions() {
        JsonNode tools = body(request("'tools':[{'type':'bash_20250124','name':'bash'},"
                + "{'type':'text_editor_20250429','name':'str_replace_based_edit_tool'},"
                + "{'name':'Read','description':'Reads','input_schema':{'type':'object','properties':{'p':"
                + "{'type':'string'}}},'cache_control':{'type':'ephemeral'},'defer_loading':true},"
                + "{'type':'web_search_20250305','name':'web_search','max_uses':8}]")).path("tools");

        assertThat(Json.string(tools)).isEqualTo("[{\"functionDeclarations\":[{\"name\":\"Read\",\"description\":"
                + "\"Reads\",\"parameters\":{\"type\":\"object\",\"properties\":{\"p\":{\"type\":\"string\"}}}}]},"
                + "{\"googleSearch\":{}}]");
    }

    @Test
    void theClientsRequestIsNotChanged() {
        MessagesRequest request = TestRequests.request(dev.ccr.testing.Captures.body(
                "11_tool_bash_turn2_tool_result.json"));
        String before = Json.string(request.body());

        upstreamBody(request, provider(1000));

        assertThat(Json.string(request.body())).isEqualTo(before);
    }

    @Test
    void optionDefaults() {
        ProviderSettings none = provider();
        GeminiOptions options = GeminiOptions.of(none);

        assertThat(options).isEqualTo(GeminiOptions.defaults());
    }
}
