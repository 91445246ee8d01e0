package dev.ccr.testing;

import java.util.ArrayList;
import java.util.List;

/** Splits SSE text into whole events, each ending with its blank line, as a server writes them. */
public final class SseText {
    private SseText() {
    }

    public static List<String> events(String sse) {
        List<String> events = new ArrayList<>();
        for (String block : sse.replace("\r\n", "\n").split("\n\n")) {
            if (!block.isBlank()) {
                events.add(block.strip() + "\n\n");
            }
        }
        return events;
    }

    /** The event names ("message_start", …) in order. */
    public static List<String> eventNames(String sse) {
        List<String> names = new ArrayList<>();
        for (String event : events(sse)) {
            for (String line : event.split("\n")) {
                if (line.startsWith("event:")) {
                    names.add(line.substring(6).trim());
                }
            }
        }
        return names;
    }
}
