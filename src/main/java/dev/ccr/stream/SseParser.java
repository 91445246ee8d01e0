package dev.ccr.stream;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Incremental server-sent-events parser: feed bytes split anywhere (even inside a UTF-8 character or a CRLF), get
 * back the events completed so far. Follows the SSE rules that matter to LLM APIs: {@code event:} and {@code data:}
 * fields, multi-line data joined with '\n', comments (':') ignored, an event ends at a blank line.
 */
public final class SseParser {

    /** One event: its name (null when the stream gave none) and its data. */
    public record Event(String name, String data) {
    }

    private final ByteArrayOutputStream line = new ByteArrayOutputStream();
    private boolean lastWasCr;
    private String eventName;
    private StringBuilder data;

    public List<Event> feed(ByteBuffer bytes) {
        List<Event> events = new ArrayList<>();
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
                line.write(b);
            }
        }
        return events;
    }

    public List<Event> feed(byte[] bytes) {
        return feed(ByteBuffer.wrap(bytes));
    }

    /** The stream ended: an event not closed by a blank line still counts. */
    public List<Event> finish() {
        List<Event> events = new ArrayList<>();
        if (line.size() > 0) {
            endLine(events);
        }
        dispatch(events);
        return events;
    }

    private void endLine(List<Event> events) {
        String text = line.toString(StandardCharsets.UTF_8);
        line.reset();
        if (text.isEmpty()) {
            dispatch(events);
            return;
        }
        if (text.startsWith(":")) {
            return;
        }
        int colon = text.indexOf(':');
        String field = colon < 0 ? text : text.substring(0, colon);
        String value = colon < 0 ? "" : text.substring(colon + 1);
        if (value.startsWith(" ")) {
            value = value.substring(1);
        }
        switch (field) {
            case "event" -> eventName = value;
            case "data" -> {
                if (data == null) {
                    data = new StringBuilder(value);
                } else {
                    data.append('\n').append(value);
                }
            }
            default -> {
                // id, retry and unknown fields carry nothing the router needs
            }
        }
    }

    private void dispatch(List<Event> events) {
        if (data != null || eventName != null) {
            events.add(new Event(eventName, data == null ? "" : data.toString()));
        }
        eventName = null;
        data = null;
    }
}
