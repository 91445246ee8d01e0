package dev.ccr.transform.openai;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ccr.json.Json;
import dev.ccr.error.RouterException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ToolArgumentsTest {

    static Stream<Arguments> breakage() {
        return Stream.of(
                Arguments.of("valid", "{\"command\": \"ls\"}", "{\"command\":\"ls\"}"),
                Arguments.of("trailing comma", "{\"command\": \"ls\",}", "{\"command\":\"ls\"}"),
                Arguments.of("nested trailing commas", "{\"a\": [1, 2,], \"b\": {\"c\": 1,},}",
                        "{\"a\":[1,2],\"b\":{\"c\":1}}"),
                Arguments.of("unclosed brace", "{\"command\": \"ls\"", "{\"command\":\"ls\"}"),
                Arguments.of("unclosed nested", "{\"a\": {\"b\": [1, 2", "{\"a\":{\"b\":[1,2]}}"),
                Arguments.of("unclosed after comma", "{\"a\": 1,  ", "{\"a\":1}"),
                Arguments.of("single quotes", "{'command': 'ls'}", "{\"command\":\"ls\"}"),
                Arguments.of("markdown fence", "```json\n{\"command\": \"ls\"}\n```", "{\"command\":\"ls\"}"),
                Arguments.of("double encoded", "\"{\\\"command\\\": \\\"ls\\\"}\"", "{\"command\":\"ls\"}"),
                Arguments.of("empty means no arguments", "  ", "{}"),
                Arguments.of("raw newline in a string", "{\"content\": \"a\nb\"}", "{\"content\":\"a\\nb\"}"),
                Arguments.of("braces inside strings", "{\"code\": \"if (x) { y(\\\"}\\\") \"",
                        "{\"code\":\"if (x) { y(\\\"}\\\") \"}"),
                Arguments.of("object sent twice", "{\"a\": 1}{\"a\": 1}", "{\"a\":1}"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("breakage")
    void repairsCommonBreakage(String name, String arguments, String expected) throws IOException {
        JsonNode input = ToolArguments.parse("Tool", arguments);
        assertThat(input).isEqualTo(Json.parse(expected));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"command\": \"rm -rf /tmp/bui",   // cut inside a string: the value is incomplete
            "[1, 2, 3]",                          // not an object
            "command=ls",                         // not JSON at all
            "{\"a\": }"})
    void reportsWhatCannotBeRepaired(String arguments) {
        assertThatThrownBy(() -> ToolArguments.parse("Bash", arguments))
                .isInstanceOfSatisfying(RouterException.class, e -> assertThat(e.status()).isEqualTo(502))
                .hasMessageContaining("tool 'Bash'").hasMessageContaining("could not be repaired");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"command\": \"rm -rf /tmp/bui"})
    void closingNeverCompletesACutString(String arguments) {
        assertThat(ToolArguments.close(arguments)).isEqualTo(arguments);
    }
}
