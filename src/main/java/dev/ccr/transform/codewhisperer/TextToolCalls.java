package dev.ccr.transform.codewhisperer;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ccr.json.Json;

import java.io.IOException;
import java.util.function.Predicate;

/**
 * CodeWhisperer sometimes writes a tool call as text — {@code [Called Bash with args: {"command":"ls"}]} — instead of
 * a toolUseEvent. This finds such calls in the text as it streams (a call may be split across any number of
 * events) and hands them on as tool calls, when the named tool is one the request offers and the arguments are a
 * JSON object; anything else stays text, unchanged and in order. Text that could be the start of a call is held back
 * only until it is known not to be one, and never beyond {@value #MAX_CALL_CHARS} characters.
 */
final class TextToolCalls {
    static final String OPENING = "[Called ";
    static final String ARGS = " with args: ";
    static final int MAX_CALL_CHARS = 256 * 1024;
    private static final int MAX_NAME_CHARS = 128;

    /** Where the text and the recognised calls go. */
    interface Output {
        void text(String text);

        void toolCall(String name, String argumentsJson);
    }

    private final Predicate<String> offered;
    private final Output output;
    private final StringBuilder held = new StringBuilder();

    /** @param offered whether a tool name (as CodeWhisperer wrote it) is one the request offers */
    TextToolCalls(Predicate<String> offered, Output output) {
        this.offered = offered;
        this.output = output;
    }

    void accept(String text) {
        held.append(text);
        scan();
    }

    /** No more text follows for now (a tool event, thinking or the end): what is held is text after all. */
    void flush() {
        if (!held.isEmpty()) {
            output.text(held.toString());
            held.setLength(0);
        }
    }

    private void scan() {
        while (!held.isEmpty()) {
            int at = held.indexOf(OPENING);
            if (at < 0) {
                int keep = partialOpening();
                emit(held.length() - keep);
                return;
            }
            emit(at);
            int end = callEnd();
            if (end == 0) {
                return; // could still become a call: wait for more text
            }
            if (end < 0) {
                emit(1); // not a call: its "[" is text, look again after it
                continue;
            }
            String call = held.substring(0, end);
            held.delete(0, end);
            String name = call.substring(OPENING.length(), call.indexOf(ARGS));
            String arguments = call.substring(call.indexOf(ARGS) + ARGS.length(), call.length() - 1).strip();
            if (offered.test(name) && isObject(arguments)) {
                output.toolCall(name, arguments);
            } else {
                output.text(call);
            }
        }
    }

    /**
     * With {@code held} starting at an opening: the length of the whole call including its closing bracket, 0 when
     * more text is needed to tell, or -1 when it is not a call.
     */
    private int callEnd() {
        if (held.length() > MAX_CALL_CHARS) {
            return -1;
        }
        int args = held.indexOf(ARGS);
        if (args < 0) {
            String name = held.substring(OPENING.length());
            boolean mayBeName = name.length() <= MAX_NAME_CHARS && name.chars().noneMatch(c -> c == '\n' || c == ']');
            return mayBeName ? 0 : -1;
        }
        String name = held.substring(OPENING.length(), args);
        if (name.isEmpty() || name.length() > MAX_NAME_CHARS || name.contains("\n") || name.contains("]")) {
            return -1;
        }
        int start = args + ARGS.length();
        while (start < held.length() && held.charAt(start) == ' ') {
            start++;
        }
        if (start == held.length()) {
            return 0;
        }
        if (held.charAt(start) != '{') {
            return -1;
        }
        int close = objectEnd(start);
        if (close <= 0) {
            return close;
        }
        int bracket = close;
        while (bracket < held.length() && Character.isWhitespace(held.charAt(bracket))) {
            bracket++;
        }
        if (bracket == held.length()) {
            return 0;
        }
        return held.charAt(bracket) == ']' ? bracket + 1 : -1;
    }

    /** The index after the JSON object starting at {@code start} (strings and escapes respected), or 0 if unfinished. */
    private int objectEnd(int start) {
        int depth = 0;
        boolean inString = false;
        for (int i = start; i < held.length(); i++) {
            char c = held.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '{' || c == '[') {
                depth++;
            } else if ((c == '}' || c == ']') && --depth == 0) {
                return i + 1;
            }
        }
        return 0;
    }

    /** How many characters at the end of {@code held} could be the beginning of an opening. */
    private int partialOpening() {
        for (int n = Math.min(OPENING.length() - 1, held.length()); n > 0; n--) {
            if (OPENING.startsWith(held.substring(held.length() - n))) {
                return n;
            }
        }
        return 0;
    }

    private void emit(int chars) {
        if (chars > 0) {
            output.text(held.substring(0, chars));
            held.delete(0, chars);
        }
    }

    private static boolean isObject(String json) {
        try {
            JsonNode node = Json.parse(json);
            return node.isObject();
        } catch (IOException e) {
            return false;
        }
    }
}
