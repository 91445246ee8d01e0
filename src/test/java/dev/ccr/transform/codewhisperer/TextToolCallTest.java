package dev.ccr.transform.codewhisperer;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ccr.json.Json;
import dev.ccr.testing.MockUpstream;
import dev.ccr.testing.RouterHarness;
import dev.ccr.testing.SseText;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.ccr.transform.codewhisperer.EventStreamFrames.event;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * CodeWhisperer writing a tool call as text ({@code [Called Bash with args: {…}]}), split across events anywhere:
 * Claude Code gets a tool_use block when the tool is one the request offers, and the text unchanged otherwise.
 */
class TextToolCallTest {
    @TempDir
    static Path dir;
    static MockUpstream kiro;
    static RouterHarness router;
    static volatile List<String> pieces = List.of();

    @BeforeAll
    static void start() throws Exception {
        Path token = dir.resolve("kiro-auth-token.json");
        Files.writeString(token, "{\"accessToken\":\"access-text-tools-0123456789\",\"refreshToken\":\"refresh-x\","
                + "\"expiresAt\":\"" + Instant.now().plusSeconds(7200) + "\",\"profileArn\":"
                + "\"arn:aws:codewhisperer:us-east-1:111:profile/T\",\"region\":\"us-east-1\",\"authMethod\":\"social\"}");
        kiro = new MockUpstream();
        kiro.on("/generateAssistantResponse", (exchange, request) -> {
            exchange.getResponseHeaders().set("content-type", "application/vnd.amazon.eventstream");
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                for (String piece : pieces) {
                    out.write(event("assistantResponseEvent", Map.of("content", piece)));
                    out.flush();
                }
            }
        });
        router = RouterHarness.start(Map.of(
                "ccr.providers.codewhisperer-primary.base-url", kiro.baseUrl(),
                "ccr.providers.codewhisperer-primary.option.token-path", token.toString()));
    }

    @AfterAll
    static void stop() {
        router.close();
        kiro.close();
    }

    static List<JsonNode> ask(List<String> answer) throws Exception {
        pieces = answer;
        HttpResponse<String> response = router.post("/v1/messages", "{\"model\":\"codewhisperer-primary,"
                + "claude-sonnet-4.5\",\"max_tokens\":100,\"stream\":true,\"tools\":[{\"name\":\"Bash\",\"description\":"
                + "\"Runs a command\",\"input_schema\":{\"type\":\"object\",\"properties\":{\"command\":{\"type\":"
                + "\"string\"}}}}],\"messages\":[{\"role\":\"user\",\"content\":\"list files\"}]}", Map.of());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        List<JsonNode> data = new ArrayList<>();
        for (String e : SseText.events(response.body())) {
            data.add(Json.parse(e.split("data: ", 2)[1]));
        }
        return data;
    }

    static String text(List<JsonNode> events) {
        StringBuilder text = new StringBuilder();
        events.stream().filter(e -> e.path("delta").path("type").asText().equals("text_delta"))
                .forEach(e -> text.append(e.path("delta").path("text").asText()));
        return text.toString();
    }

    @Test
    void aCallWrittenAsTextSplitAnywhereBecomesAToolUseBlock() throws Exception {
        List<JsonNode> events = ask(List.of("I will list them. [Cal", "led Ba", "sh with args: {\"command\": \"ls ",
                "-la]\"", "}", "]"));

        assertThat(text(events)).isEqualTo("I will list them. ");
        JsonNode start = events.stream().filter(e -> e.path("content_block").path("type").asText().equals("tool_use"))
                .findFirst().orElseThrow();
        assertThat(start.path("content_block").path("name").asText()).isEqualTo("Bash");
        String input = events.stream().filter(e -> e.path("delta").path("type").asText().equals("input_json_delta"))
                .map(e -> e.path("delta").path("partial_json").asText()).reduce("", String::concat);
        assertThat(Json.parse(input).path("command").asText()).isEqualTo("ls -la]");
        assertThat(events.stream().filter(e -> e.path("type").asText().equals("message_delta")).findFirst()
                .orElseThrow().path("delta").path("stop_reason").asText()).isEqualTo("tool_use");
    }

    @Test
    void aToolTheRequestDoesNotOfferStaysText() throws Exception {
        List<JsonNode> events = ask(List.of("Earlier: [Called Read with args: {\"path\": \"a\"}] done"));

        assertThat(text(events)).isEqualTo("Earlier: [Called Read with args: {\"path\": \"a\"}] done");
        assertThat(events).noneMatch(e -> e.path("content_block").path("type").asText().equals("tool_use"));
    }

    @Test
    void bracketsThatAreNotCallsStayText() throws Exception {
        String answer = "Use [Called it] or [Called Bash with args: not json] or [Calle";
        List<JsonNode> events = ask(List.of(answer.substring(0, 9), answer.substring(9, 40), answer.substring(40)));

        assertThat(text(events)).isEqualTo(answer);
        assertThat(events).noneMatch(e -> e.path("content_block").path("type").asText().equals("tool_use"));
    }
}
