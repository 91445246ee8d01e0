package dev.ccr.stream;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Incremental server-sent-events parser: feed bytes split anywhere (even inside a UTF-8 character or a CRLF), get
 * back the events completed so far. Follows the SSE rules that matter to LLM APIs: {@code event:} and {@code data:}
 * fields, multi-line data joined with '\n', comments (':') ignored, an event ends at a blank line.
 */
public final class SseParser {
    private static final byte[] EVENT = "event".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] DATA = "data".getBytes(StandardCharsets.US_ASCII);

    /** One event: its name (null when the stream gave none) and its data. */
    public record Event(String name, String data) {
    }

    private final Set<String> wanted;
    /** The line being read, as bytes: only the fields kept become strings (a stream relays thousands of events). */
    private byte[] line = new byte[256];
    private int lineLength;
    private boolean lastWasCr;
    private String eventName;
    private ByteArrayOutputStream data;

    /** A parser that returns every event. */
    public SseParser() {
        this(null);
    }

    /**
     * A parser that returns only the events named in {@code wanted}, and spends nothing on the data of the others
     * (a usage reader wants two events of a stream's hundreds). An event's name must come before its data, as
     * every LLM API writes it; data before the name is kept until the name is known.
     */
    public SseParser(Set<String> wanted) {
        this.wanted = wanted;
    }

    public List<Event> feed(ByteBuffer bytes) {
        List<Event> events = new ArrayList<>(0);
        while (bytes.hasRemaining()) {
            byte b = bytes.get();
            if (b == '\n' && lastWasCr) {
                lastWasCr = false;
                continue;
            }
            lastWasCr = b == '\r';
            if (b == '\n' || b == '\r') {
                endLine(events);
            } else {
                if (lineLength == line.length) {
                    line = Arrays.copyOf(line, line.length * 2);
                }
                line[lineLength++] = b;
            }
        }
        return events;
    }

    public List<Event> feed(byte[] bytes) {
        return feed(ByteBuffer.wrap(bytes));
    }

    /** The stream ended: an event not closed by a blank line still counts. */
    public List<Event> finish() {
        List<Event> events = new ArrayList<>(0);
        if (lineLength > 0) {
            endLine(events);
        }
        dispatch(events);
        return events;
    }

    private void endLine(List<Event> events) {
        int length = lineLength;
        lineLength = 0;
        if (length == 0) {
            dispatch(events);
            return;
        }
        if (line[0] == ':') {
            return;
        }
        int colon = indexOf(':', length);
        int fieldEnd = colon < 0 ? length : colon;
        int valueStart = colon < 0 ? length : colon + 1;
        if (valueStart < length && line[valueStart] == ' ') {
            valueStart++;
        }
        if (fieldIs(EVENT, fieldEnd)) {
            eventName = new String(line, valueStart, length - valueStart, StandardCharsets.UTF_8);
        } else if (fieldIs(DATA, fieldEnd) && (wanted == null || eventName == null || wanted.contains(eventName))) {
            if (data == null) {
                data = new ByteArrayOutputStream(length - valueStart);
            } else {
                data.write('\n');
            }
            data.write(line, valueStart, length - valueStart);
        }
        // id, retry and unknown fields carry nothing the router needs
    }

    private int indexOf(char c, int length) {
        for (int i = 0; i < length; i++) {
            if (line[i] == c) {
                return i;
            }
        }
        return -1;
    }

    private boolean fieldIs(byte[] name, int fieldEnd) {
        return fieldEnd == name.length && Arrays.equals(line, 0, fieldEnd, name, 0, name.length);
    }

    private void dispatch(List<Event> events) {
        if ((data != null || eventName != null)
                && (wanted == null || eventName != null && wanted.contains(eventName))) {
            events.add(new Event(eventName, data == null ? "" : data.toString(StandardCharsets.UTF_8)));
        }
        eventName = null;
        data = null;
    }
}
