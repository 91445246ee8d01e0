package dev.ccr.transform.codewhisperer;

import dev.ccr.error.ErrorType;
import dev.ccr.error.RouterException;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.ccr.transform.codewhisperer.EventStreamFrames.concat;
import static dev.ccr.transform.codewhisperer.EventStreamFrames.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventStreamDecoderTest {
    private static final byte[] THREE_FRAMES = concat(
            event("assistantResponseEvent", Map.of("content", "Hello")),
            event("assistantResponseEvent", Map.of("content", " wörld ✓")),
            event("metadataEvent", Map.of("tokenUsage", Map.of("outputTokens", 7))));

    @Test
    void decodesHeadersAndPayloadOfOneFrame() {
        List<EventStreamMessage> messages = new EventStreamDecoder()
                .feed(event("assistantResponseEvent", Map.of("content", "Hi")));

        assertThat(messages).hasSize(1);
        assertThat(messages.get(0).messageType()).isEqualTo("event");
        assertThat(messages.get(0).eventType()).isEqualTo("assistantResponseEvent");
        assertThat(messages.get(0).header(":content-type")).isEqualTo("application/json");
        assertThat(messages.get(0).payloadText()).isEqualTo("{\"content\":\"Hi\"}");
    }

    @Test
    void decodesTheSameFramesWhereverTheBytesAreSplit() {
        List<String> expected = payloads(new EventStreamDecoder().feed(THREE_FRAMES));
        assertThat(expected).hasSize(3);
        for (int cut = 0; cut <= THREE_FRAMES.length; cut++) {
            EventStreamDecoder decoder = new EventStreamDecoder();
            List<EventStreamMessage> got = new ArrayList<>(decoder.feed(Arrays.copyOfRange(THREE_FRAMES, 0, cut)));
            got.addAll(decoder.feed(Arrays.copyOfRange(THREE_FRAMES, cut, THREE_FRAMES.length)));
            assertThat(payloads(got)).as("split at %d", cut).isEqualTo(expected);
            assertThat(decoder.hasPartialFrame()).isFalse();
        }
    }

    @Test
    void decodesByteByByteAndTwoCutsAnywhere() {
        EventStreamDecoder single = new EventStreamDecoder();
        List<EventStreamMessage> got = new ArrayList<>();
        for (byte b : THREE_FRAMES) {
            got.addAll(single.feed(new byte[] {b}));
        }
        assertThat(payloads(got)).hasSize(3);

        int n = THREE_FRAMES.length;
        for (int a = 0; a < n; a += 7) {
            for (int b = a; b <= n; b += 5) {
                EventStreamDecoder decoder = new EventStreamDecoder();
                List<EventStreamMessage> parts = new ArrayList<>(decoder.feed(Arrays.copyOfRange(THREE_FRAMES, 0, a)));
                parts.addAll(decoder.feed(Arrays.copyOfRange(THREE_FRAMES, a, b)));
                parts.addAll(decoder.feed(Arrays.copyOfRange(THREE_FRAMES, b, n)));
                assertThat(parts).as("cuts %d/%d", a, b).hasSize(3);
            }
        }
    }

    @Test
    void severalFramesInOneReadComeOutInOrder() {
        List<EventStreamMessage> messages = new EventStreamDecoder().feed(ByteBuffer.wrap(THREE_FRAMES));

        assertThat(messages).extracting(EventStreamMessage::eventType)
                .containsExactly("assistantResponseEvent", "assistantResponseEvent", "metadataEvent");
        assertThat(messages.get(1).payloadText()).contains(" wörld ✓");
    }

    @Test
    void keepsAnUnfinishedFrameAndSaysSo() {
        EventStreamDecoder decoder = new EventStreamDecoder();
        byte[] frame = event("assistantResponseEvent", Map.of("content", "Hi"));

        assertThat(decoder.feed(Arrays.copyOf(frame, frame.length - 1))).isEmpty();
        assertThat(decoder.hasPartialFrame()).isTrue();
        assertThat(decoder.feed(new byte[] {frame[frame.length - 1]})).hasSize(1);
        assertThat(decoder.hasPartialFrame()).isFalse();
    }

    @Test
    void corruptPreludeChecksumIsACleanError() {
        byte[] frame = event("assistantResponseEvent", Map.of("content", "Hi"));
        frame[9] ^= 0x01;

        assertThatThrownBy(() -> new EventStreamDecoder().feed(frame))
                .isInstanceOfSatisfying(RouterException.class, e -> assertThat(e.type()).isEqualTo(ErrorType.API))
                .hasMessageContaining("prelude checksum");
    }

    @Test
    void corruptPayloadFailsTheMessageChecksum() {
        byte[] frame = event("assistantResponseEvent", Map.of("content", "Hi"));
        frame[frame.length - 6] ^= 0x20;

        assertThatThrownBy(() -> new EventStreamDecoder().feed(frame))
                .isInstanceOf(RouterException.class).hasMessageContaining("message checksum");
    }

    @Test
    void absurdLengthWithAValidPreludeIsRefusedAtOnce() {
        ByteBuffer prelude = ByteBuffer.allocate(12).putInt(0x7fff_fff0).putInt(0);
        prelude.putInt((int) EventStreamFrames.crc(prelude.array(), 0, 8));

        // Refused from the prelude alone: no waiting for 2 GB, no allocation of it.
        assertThatThrownBy(() -> new EventStreamDecoder().feed(prelude.array()))
                .isInstanceOf(RouterException.class).hasMessageContaining("frame length 2147483632");
    }

    @Test
    void lengthBelowTheMinimumAndHeadersPastTheFrameAreRefused() {
        ByteBuffer tiny = ByteBuffer.allocate(16).putInt(8).putInt(0);
        tiny.putInt((int) EventStreamFrames.crc(tiny.array(), 0, 8));
        assertThatThrownBy(() -> new EventStreamDecoder().feed(tiny.array()))
                .isInstanceOf(RouterException.class).hasMessageContaining("frame length 8");

        ByteBuffer headers = ByteBuffer.allocate(12).putInt(32).putInt(100);
        headers.putInt((int) EventStreamFrames.crc(headers.array(), 0, 8));
        assertThatThrownBy(() -> new EventStreamDecoder().feed(headers.array()))
                .isInstanceOf(RouterException.class).hasMessageContaining("headers length 100");
    }

    @Test
    void aHeaderRunningPastItsSectionIsRefused() {
        byte[] headers = {5, 'a', 'b', 'c', 'd', 'e', 7, 0, 50, 'x'};
        byte[] frame = EventStreamFrames.frameWithRawHeaders(headers, new byte[0]);

        assertThatThrownBy(() -> new EventStreamDecoder().feed(frame))
                .isInstanceOf(RouterException.class).hasMessageContaining("header 'abcde'");
    }

    @Test
    void framesLargerThanTheCapAreRefused() {
        byte[] frame = event("assistantResponseEvent", Map.of("content", "x".repeat(200)));

        assertThatThrownBy(() -> new EventStreamDecoder(100).feed(frame))
                .isInstanceOf(RouterException.class).hasMessageContaining("outside 16..100");
    }

    @Test
    void decodesEveryHeaderType() {
        UUID uuid = UUID.randomUUID();
        ByteArrayOutputStream h = new ByteArrayOutputStream();
        header(h, "t", 0, new byte[0]);
        header(h, "f", 1, new byte[0]);
        header(h, "b", 2, new byte[] {-3});
        header(h, "s", 3, ByteBuffer.allocate(2).putShort((short) 513).array());
        header(h, "i", 4, ByteBuffer.allocate(4).putInt(-7).array());
        header(h, "l", 5, ByteBuffer.allocate(8).putLong(1L << 40).array());
        header(h, "y", 6, new byte[] {0, 2, 9, 8});
        header(h, "d", 8, ByteBuffer.allocate(8).putLong(1_700_000_000_000L).array());
        header(h, "u", 9, ByteBuffer.allocate(16).putLong(uuid.getMostSignificantBits())
                .putLong(uuid.getLeastSignificantBits()).array());
        byte[] frame = EventStreamFrames.frameWithRawHeaders(h.toByteArray(), "{}".getBytes(StandardCharsets.UTF_8));

        Map<String, Object> headers = new EventStreamDecoder().feed(frame).get(0).headers();

        assertThat(headers).containsEntry("t", true).containsEntry("f", false).containsEntry("b", (byte) -3)
                .containsEntry("s", (short) 513).containsEntry("i", -7).containsEntry("l", 1L << 40)
                .containsEntry("d", Instant.ofEpochMilli(1_700_000_000_000L)).containsEntry("u", uuid);
        assertThat((byte[]) headers.get("y")).containsExactly(9, 8);
    }

    private static void header(ByteArrayOutputStream out, String name, int type, byte[] value) {
        out.write(name.length());
        out.writeBytes(name.getBytes(StandardCharsets.US_ASCII));
        out.write(type);
        out.writeBytes(value);
    }

    private static List<String> payloads(List<EventStreamMessage> messages) {
        return messages.stream().map(m -> m.eventType() + " " + m.payloadText()).toList();
    }
}
