package dev.ccr.transform.codewhisperer;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One side's turn of the conversation in CodeWhisperer's terms: text, images and tool results for the user; text and
 * tool calls for the assistant. Built from Anthropic messages by {@link ConversationTurns}.
 */
final class Turn {
    static final String USER = "user";
    static final String ASSISTANT = "assistant";

    final String role;
    final List<String> texts = new ArrayList<>();
    final List<ObjectNode> images = new ArrayList<>();
    /** By toolUseId: the first result for an id wins, repeats are dropped (Kiro refuses duplicates). */
    final Map<String, ObjectNode> toolResults = new LinkedHashMap<>();
    final List<ObjectNode> toolUses = new ArrayList<>();

    Turn(String role) {
        this.role = role;
    }

    static Turn user(String text) {
        Turn turn = new Turn(USER);
        turn.addText(text);
        return turn;
    }

    boolean isUser() {
        return USER.equals(role);
    }

    void addText(String text) {
        if (text != null && !text.isBlank()) {
            texts.add(text);
        }
    }

    void addToolResult(String toolUseId, ObjectNode result) {
        toolResults.putIfAbsent(toolUseId, result);
    }

    /** Takes in the next turn of the same role: Kiro wants strictly alternating turns. */
    void absorb(Turn next) {
        texts.addAll(next.texts);
        images.addAll(next.images);
        next.toolResults.forEach(toolResults::putIfAbsent);
        toolUses.addAll(next.toolUses);
    }

    boolean isEmpty() {
        return texts.isEmpty() && images.isEmpty() && toolResults.isEmpty() && toolUses.isEmpty();
    }

    String text() {
        return String.join("\n\n", texts);
    }
}
