package dev.ccr.transform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ccr.json.Json;
import dev.ccr.testing.AnthropicEventFold;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The tests' own checker of Anthropic event streams: it folds a good stream and refuses each broken rule. */
class AnthropicEventFoldTest {
    static final String START = "{'type':'message_start','message':{'id':'msg_1','type':'message','role':'assistant',"
            + "'content':[],'stop_reason':null,'usage':{'input_tokens':5,'output_tokens':0}}}";
    static final String TEXT = "{'type':'content_block_start','index':0,'content_block':{'type':'text','text':''}}";
    static final String TEXT_DELTA = "{'type':'content_block_delta','index':0,'delta':{'type':'text_delta','text':'Hi'}}";
    static final String STOP_0 = "{'type':'content_block_stop','index':0}";
    static final String TOOL_1 = "{'type':'content_block_start','index':1,'content_block':{'type':'tool_use','id':'t',"
            + "'name':'Bash','input':{}}}";
    static final String JSON_1 = "{'type':'content_block_delta','index':1,'delta':{'type':'input_json_delta',"
            + "'partial_json':'{\\\"command\\\":\\\"ls\\\"}'}}";
    static final String STOP_1 = "{'type':'content_block_stop','index':1}";
    static final String END = "{'type':'message_delta','delta':{'stop_reason':'tool_use'},'usage':{'output_tokens':7}}";
    static final String MESSAGE_STOP = "{'type':'message_stop'}";

    static List<JsonNode> events(String... events) {
        List<JsonNode> out = new ArrayList<>();
        for (String event : events) {
            try {
                out.add(Json.parse(event.replace('\'', '"')));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return out;
    }

    @Test
    void foldsAGoodStreamAsAClientWould() {
        ObjectNode message = AnthropicEventFold.fold(events(START, TEXT, TEXT_DELTA, TEXT_DELTA, STOP_0, TOOL_1,
                JSON_1, STOP_1, END, MESSAGE_STOP));

        assertThat(message.path("content").path(0).path("text").asText()).isEqualTo("HiHi");
        assertThat(message.path("content").path(1).path("input").path("command").asText()).isEqualTo("ls");
        assertThat(message.path("stop_reason").asText()).isEqualTo("tool_use");
        assertThat(message.path("usage").path("input_tokens").asInt()).isEqualTo(5);
        assertThat(message.path("usage").path("output_tokens").asInt()).isEqualTo(7);
    }

    @Test
    void aToolCallWithoutInputDeltasKeepsTheInputItStartedWith() {
        ObjectNode message = AnthropicEventFold.fold(events(START, TEXT, STOP_0, TOOL_1, STOP_1, END, MESSAGE_STOP));

        assertThat(message.path("content").path(1).path("input").isObject()).isTrue();
        assertThat(message.path("content").path(1).path("input")).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "no message_start|TEXT,TEXT_DELTA,STOP_0,END,MESSAGE_STOP|first event must be message_start",
            "two message_starts|START,START,END,MESSAGE_STOP|second message_start",
            "no message_stop|START,TEXT,STOP_0,END|no message_stop",
            "event after message_stop|START,END,MESSAGE_STOP,END|event after message_stop",
            "first block not 0|START,TOOL_1,STOP_1,END,MESSAGE_STOP|block index 1, expected 0",
            "block inside a block|START,TEXT,TOOL_1,STOP_1,END,MESSAGE_STOP|block started while another is open",
            "delta to a closed block|START,TEXT,STOP_0,TEXT_DELTA,END,MESSAGE_STOP|delta to a block that is not open",
            "stop of a closed block|START,TEXT,STOP_0,STOP_0,END,MESSAGE_STOP|stop of a block that is not open",
            "message_delta in a block|START,TEXT,END,STOP_0,MESSAGE_STOP|message_delta while a block is open",
            "text delta to a tool|START,TEXT,STOP_0,TOOL_1,TEXT_INTO_1,STOP_1,END,MESSAGE_STOP|text_delta to a tool_use",
            "JSON delta to text|START,TEXT,JSON_INTO_0,STOP_0,END,MESSAGE_STOP|input_json_delta to a text block",
            "block without index|START,TEXT_NO_INDEX,STOP_0,END,MESSAGE_STOP|expected 0",
            "tool input not JSON|START,TEXT,STOP_0,TOOL_1,BROKEN_JSON_1,STOP_1,END,MESSAGE_STOP|tool input is not JSON",
            "tool input not an object|START,TEXT,STOP_0,TOOL_1,ARRAY_JSON_1,STOP_1,END,MESSAGE_STOP|not a JSON object",
            "unknown event|START,PING,END,MESSAGE_STOP|unexpected event"})
    void refusesABrokenStream(String rule, String names, String message) {
        List<JsonNode> stream = events(Arrays.stream(names.split(",")).map(AnthropicEventFoldTest::event)
                .toArray(String[]::new));

        assertThatThrownBy(() -> AnthropicEventFold.fold(stream)).as(rule).isInstanceOf(AssertionError.class)
                .hasMessageContaining(message);
    }

    static String event(String name) {
        return switch (name) {
            case "START" -> START;
            case "TEXT" -> TEXT;
            case "TEXT_DELTA" -> TEXT_DELTA;
            case "STOP_0" -> STOP_0;
            case "TOOL_1" -> TOOL_1;
            case "JSON_1" -> JSON_1;
            case "STOP_1" -> STOP_1;
            case "END" -> END;
            case "MESSAGE_STOP" -> MESSAGE_STOP;
            case "TEXT_INTO_1" -> TEXT_DELTA.replace("'index':0", "'index':1");
            case "JSON_INTO_0" -> JSON_1.replace("'index':1", "'index':0");
            case "TEXT_NO_INDEX" -> TEXT.replace("'index':0,", "");
            case "BROKEN_JSON_1" -> "{'type':'content_block_delta','index':1,'delta':{'type':'input_json_delta',"
                    + "'partial_json':'{\\\"command\\\":\\\"ls'}}";
            case "ARRAY_JSON_1" -> "{'type':'content_block_delta','index':1,'delta':{'type':'input_json_delta',"
                    + "'partial_json':'[1]'}}";
            case "PING" -> "{'type':'ping'}";
            default -> throw new IllegalArgumentException(name);
        };
    }
}
