package dev.ccr.transform.gemini;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ccr.json.Json;
import dev.ccr.testing.TestRequests;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** JSON schemas as the subset Gemini's Schema object accepts. */
class GeminiSchemaTest {

    static JsonNode schema(String json) {
        return TestRequests.json(json.replace('\'', '"').getBytes(StandardCharsets.UTF_8));
    }

    static String clean(String json) {
        return Json.string(GeminiSchema.of(schema(json)));
    }

    @Test
    void unknownKeywordsAreDroppedAtEveryDepth() {
        assertThat(clean("{'$schema':'x','type':'object','additionalProperties':false,'properties':{'a':{'type':"
                + "'array','items':{'type':'object','additionalProperties':false,'default':{},'examples':[1],"
                + "'properties':{'b':{'type':'string','default':'x'}}}}}}"))
                .isEqualTo("{\"type\":\"object\",\"properties\":{\"a\":{\"type\":\"array\",\"items\":{\"type\":"
                        + "\"object\",\"properties\":{\"b\":{\"type\":\"string\"}}}}}}");
    }

    @Test
    void parameterNamesThatAreKeywordsSurvive() {
        assertThat(clean("{'type':'object','properties':{'format':{'type':'string'},'default':{'type':'number'}},"
                + "'required':['format','default']}"))
                .isEqualTo("{\"type\":\"object\",\"properties\":{\"format\":{\"type\":\"string\"},\"default\":"
                        + "{\"type\":\"number\"}},\"required\":[\"format\",\"default\"]}");
    }

    @Test
    void constBecomesEnumAndNullableAnyOfCollapses() {
        // TaskUpdate.status as Claude Code sends it
        assertThat(clean("{'anyOf':[{'type':'string','enum':['pending','done']},{'type':'string','const':'deleted'}]}"))
                .isEqualTo("{\"anyOf\":[{\"type\":\"string\",\"enum\":[\"pending\",\"done\"]},{\"type\":\"string\","
                        + "\"enum\":[\"deleted\"]}]}");
        assertThat(clean("{'description':'d','anyOf':[{'type':'integer'},{'type':'null'}]}"))
                .isEqualTo("{\"description\":\"d\",\"nullable\":true,\"type\":\"integer\"}");
        assertThat(clean("{'type':['string','null']}")).isEqualTo("{\"type\":\"string\",\"nullable\":true}");
        assertThat(clean("{'oneOf':[{'type':'string'},{'type':'number'}]}"))
                .isEqualTo("{\"anyOf\":[{\"type\":\"string\"},{\"type\":\"number\"}]}");
    }

    @Test
    void mapsWithoutPropertiesLoseTheirPropertyRules() {
        // AskUserQuestion.answers: an object keyed by question text
        assertThat(clean("{'type':'object','propertyNames':{'type':'string'},'additionalProperties':{'type':'string'}}"))
                .isEqualTo("{\"type\":\"object\"}");
        assertThat(clean("{'type':'object','properties':{},'required':['x']}")).isEqualTo("{\"type\":\"object\"}");
        assertThat(GeminiSchema.parameters(schema("{'type':'object','properties':{}}"))).isNull();
        assertThat(GeminiSchema.parameters(schema("{'type':'object'}"))).isNull();
    }

    @Test
    void requiredNamesOnlyExistingProperties() {
        assertThat(clean("{'type':'object','properties':{'a':{'type':'string'}},'required':['a','ghost']}"))
                .isEqualTo("{\"type\":\"object\",\"properties\":{\"a\":{\"type\":\"string\"}},\"required\":[\"a\"]}");
    }

    @Test
    void formatsGeminiDoesNotTakeAreDropped() {
        assertThat(clean("{'type':'string','format':'uri'}")).isEqualTo("{\"type\":\"string\"}");
        assertThat(clean("{'type':'string','format':'date-time'}"))
                .isEqualTo("{\"type\":\"string\",\"format\":\"date-time\"}");
        assertThat(clean("{'type':'integer','format':'int64'}"))
                .isEqualTo("{\"type\":\"integer\",\"format\":\"int64\"}");
        assertThat(clean("{'type':'integer','format':'date-time'}")).isEqualTo("{\"type\":\"integer\"}");
    }

    @Test
    void exclusiveBoundsBecomeInclusiveForIntegers() {
        assertThat(clean("{'type':'integer','exclusiveMinimum':0,'exclusiveMaximum':10}"))
                .isEqualTo("{\"type\":\"integer\",\"minimum\":1,\"maximum\":9}");
        assertThat(clean("{'type':'number','exclusiveMinimum':0}")).isEqualTo("{\"type\":\"number\"}");
    }

    @Test
    void allOfMembersAreFoldedIn() {
        // SendMessage.to as Claude Code sends it
        assertThat(clean("{'type':'string','allOf':[{'pattern':'^a'},{'pattern':'^b','maxLength':3}]}"))
                .isEqualTo("{\"type\":\"string\",\"pattern\":\"^a\",\"maxLength\":3}");
    }

    @Test
    void nonStringEnumsAreLeftOut() {
        assertThat(clean("{'type':'integer','enum':[1,2]}")).isEqualTo("{\"type\":\"integer\"}");
        assertThat(clean("{'type':'string','enum':['a',null]}"))
                .isEqualTo("{\"type\":\"string\",\"nullable\":true,\"enum\":[\"a\"]}");
    }

    @Test
    void localRefsAreInlinedAndRecursionIsCut() {
        String cleaned = clean("{'type':'object','$defs':{'Node':{'type':'object','properties':{'name':{'type':"
                + "'string'},'child':{'$ref':'#/$defs/Node'}}}},'properties':{'root':{'$ref':'#/$defs/Node',"
                + "'description':'the root'}}}");

        assertThat(cleaned).doesNotContain("$ref", "$defs")
                .startsWith("{\"type\":\"object\",\"properties\":{\"root\":{\"type\":\"object\",\"properties\":"
                        + "{\"name\":{\"type\":\"string\"},\"child\":{\"type\":\"object\"");
        assertThat(cleaned).contains("\"description\":\"the root\"");
    }

    @Test
    void theClientsSchemaIsNotChanged() {
        JsonNode original = schema("{'type':'object','additionalProperties':false,'properties':{'a':{'const':'x'}}}");
        String before = Json.string(original);

        GeminiSchema.of(original);

        assertThat(Json.string(original)).isEqualTo(before);
    }
}
