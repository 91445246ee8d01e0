package dev.ccr.stream;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Streams as providers write them, cut into pieces anywhere, parse into the same events. */
class SseParserTest {
    static final String STREAM = "event: message_start\r\ndata: {\"type\":\"message_start\",\"t\":\"é 🤖\"}\r\n\r\n"
            + ": a comment, then an event without a name\n"
            + "data: first line\ndata:second line\nid: 7\nretry: 100\n\n"
            + "event: content_block_delta\rdata: {\"text\":\"日本語\"}\r\r"
            + "event: message_delta\ndata: {\"usage\":{\"output_tokens\":5}}\n\n"
            + "event: message_stop\ndata: {}";

    static final List<SseParser.Event> EVENTS = List.of(
            new SseParser.Event("message_start", "{\"type\":\"message_start\",\"t\":\"é 🤖\"}"),
            new SseParser.Event(null, "first line\nsecond line"),
            new SseParser.Event("content_block_delta", "{\"text\":\"日本語\"}"),
            new SseParser.Event("message_delta", "{\"usage\":{\"output_tokens\":5}}"),
            new SseParser.Event("message_stop", "{}"));

    @Test
    void everyWayOfCuttingTheStreamGivesTheSameEvents() {
        byte[] bytes = STREAM.getBytes(StandardCharsets.UTF_8);
        for (int cut = 0; cut <= bytes.length; cut++) {
            SseParser parser = new SseParser();
            List<SseParser.Event> events = new ArrayList<>(parser.feed(Arrays.copyOfRange(bytes, 0, cut)));
            events.addAll(parser.feed(Arrays.copyOfRange(bytes, cut, bytes.length)));
            events.addAll(parser.finish());

            assertThat(events).as("cut at byte %d", cut).isEqualTo(EVENTS);
        }
    }

    @Test
    void byteByByteGivesTheSameEvents() {
        SseParser parser = new SseParser();
        List<SseParser.Event> events = new ArrayList<>();
        for (byte b : STREAM.getBytes(StandardCharsets.UTF_8)) {
            events.addAll(parser.feed(new byte[]{b}));
        }
        events.addAll(parser.finish());

        assertThat(events).isEqualTo(EVENTS);
    }

    @Test
    void aParserForSomeEventsReturnsOnlyThose() {
        SseParser parser = new SseParser(Set.of("message_start", "message_delta"));

        List<SseParser.Event> events = new ArrayList<>(parser.feed(STREAM.getBytes(StandardCharsets.UTF_8)));
        events.addAll(parser.finish());

        assertThat(events).containsExactly(EVENTS.get(0), EVENTS.get(3));
    }

    @Test
    void aLineLongerThanTheParsersBufferIsKeptWhole() {
        String data = "x".repeat(100_000);

        List<SseParser.Event> events = new SseParser().feed(("event: big\ndata: " + data + "\n\n")
                .getBytes(StandardCharsets.UTF_8));

        assertThat(events).containsExactly(new SseParser.Event("big", data));
    }
}
