package dev.ccr.transform.codewhisperer;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ccr.json.Json;
import dev.ccr.error.ErrorType;
import dev.ccr.error.UpstreamExcerpt;
import dev.ccr.error.RouterException;
import dev.ccr.transform.AnthropicSink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.HashSet;
import java.util.Set;

/**
 * Gives the meaning of each decoded CodeWhisperer event to an {@link AnthropicSink}, as events arrive: text, thinking,
 * tool calls assembled from fragments, usage, and provider errors as {@link RouterException}s.
 *
 * <p>Usage: Kiro reports tokens in {@code metadataEvent.tokenUsage} on current endpoints. Older streams carry none;
 * then the output is estimated at one token per {@value #CHARS_PER_TOKEN} characters of text, thinking and tool input
 * (the usual rule of thumb for English and code), and the input from {@code contextUsageEvent}'s percentage of the
 * context window when present, so that Claude Code's context meter is roughly right rather than stuck at zero.
 */
final class CodeWhispererEventHandler {
    static final int CHARS_PER_TOKEN = 4;
    private static final Logger LOG = LoggerFactory.getLogger(CodeWhispererEventHandler.class);

    private final AnthropicSink sink;
    private final ShortToolNames toolNames;
    private final long contextWindowTokens;
    private final Set<String> finishedTools = new HashSet<>();
    private String lastContent;
    private String openToolId;
    private StringBuilder openToolInput;
    private long outputChars;
    private boolean reportedUsage;
    private long estimatedInputTokens;
    private final TextToolCalls textToolCalls;

    CodeWhispererEventHandler(AnthropicSink sink, ShortToolNames toolNames, long contextWindowTokens) {
        this.sink = sink;
        this.toolNames = toolNames;
        this.contextWindowTokens = contextWindowTokens;
        this.textToolCalls = new TextToolCalls(name -> toolNames.offered(toolNames.original(name)),
                new TextToolCalls.Output() {
                    @Override
                    public void text(String text) {
                        outputChars += text.length();
                        sink.text(text);
                    }

                    @Override
                    public void toolCall(String name, String argumentsJson) {
                        String id = "tooluse_" + java.util.UUID.randomUUID().toString().replace("-", "");
                        outputChars += argumentsJson.length();
                        sink.toolUseStart(id, toolNames.original(name));
                        sink.toolInputDelta(argumentsJson);
                        finishedTools.add(id);
                    }
                });
    }

    void accept(EventStreamMessage message) {
        String messageType = message.messageType();
        if ("error".equals(messageType) || "exception".equals(messageType)) {
            throw CodeWhispererStreamError.from(message);
        }
        String eventType = message.eventType();
        if (eventType == null) {
            return;
        }
        JsonNode event = payload(message, eventType);
        switch (eventType) {
            case "assistantResponseEvent" -> content(event);
            case "toolUseEvent" -> toolUse(event);
            case "reasoningContentEvent" -> reasoning(event);
            case "metadataEvent" -> metadata(event);
            case "contextUsageEvent" -> contextUsage(event);
            case "invalidStateEvent" -> throw new RouterException(ErrorType.INVALID_REQUEST, 400,
                    "The CodeWhisperer provider refused the conversation state: "
                            + UpstreamExcerpt.of(event.path("reason").asText("") + " " + event.path("message").asText("")),
                    null, null);
            default -> LOG.debug("Ignoring CodeWhisperer event {}", eventType);
        }
    }

    /** The stream ended: closes a tool call left open and settles usage. */
    void finish() {
        textToolCalls.flush();
        closeOpenTool();
        if (!reportedUsage) {
            sink.usage(estimatedInputTokens, (outputChars + CHARS_PER_TOKEN - 1) / CHARS_PER_TOKEN, 0);
        }
    }

    private void content(JsonNode event) {
        JsonNode content = event.get("content");
        if (content == null || !content.isTextual()) {
            return; // followupPrompt and other decorations have no content
        }
        String text = content.asText();
        if (text.isEmpty() || isRepeat(text)) {
            return;
        }
        lastContent = text;
        closeOpenTool();
        textToolCalls.accept(text);
    }

    /**
     * Kiro sometimes sends the same content event twice in a row. A lone character or whitespace repeated ("}" then
     * "}", a blank line then a blank line) is ordinary output, so only longer repeats are dropped.
     */
    private boolean isRepeat(String text) {
        return text.equals(lastContent) && text.strip().length() > 1;
    }

    private void toolUse(JsonNode event) {
        textToolCalls.flush();
        lastContent = null;
        String id = event.path("toolUseId").asText("");
        if (finishedTools.contains(id)) {
            return; // a repeat of a call already complete
        }
        if (!id.equals(openToolId)) {
            closeOpenTool();
            openToolId = id;
            openToolInput = new StringBuilder();
            sink.toolUseStart(id, toolNames.original(event.path("name").asText("")));
        }
        JsonNode input = event.get("input");
        if (input != null && !input.isNull()) {
            String fragment = input.isTextual() ? input.asText() : Json.string(input);
            openToolInput.append(fragment);
            outputChars += fragment.length();
            sink.toolInputDelta(fragment);
        }
        if (event.path("stop").asBoolean(false)) {
            closeOpenTool();
        }
    }

    private void closeOpenTool() {
        if (openToolId == null) {
            return;
        }
        if (openToolInput.isEmpty()) {
            sink.toolInputDelta("{}");
        } else if (!parses(openToolInput.toString())) {
            // The fragments were already relayed; the assembler reports the malformed input for non-stream clients.
            LOG.warn("CodeWhisperer tool call {} ended with input that is not JSON ({} chars)", openToolId,
                    openToolInput.length());
        }
        finishedTools.add(openToolId);
        openToolId = null;
        openToolInput = null;
    }

    private void reasoning(JsonNode event) {
        textToolCalls.flush();
        lastContent = null;
        String text = event.path("text").asText("");
        if (!text.isEmpty()) {
            closeOpenTool();
            outputChars += text.length();
            sink.thinking(text);
        }
        String signature = event.path("signature").asText("");
        if (!signature.isEmpty()) {
            sink.thinkingSignature(signature);
        }
    }

    private void metadata(JsonNode event) {
        JsonNode usage = event.path("tokenUsage");
        if (!usage.isObject()) {
            return;
        }
        // Anthropic's input_tokens excludes cache reads; cache writes have no slot in the sink, so they count as input.
        long input = usage.path("uncachedInputTokens").asLong(0) + usage.path("cacheWriteInputTokens").asLong(0);
        long output = usage.path("outputTokens").asLong(0);
        long cacheRead = usage.path("cacheReadInputTokens").asLong(0);
        if (input == 0 && output == 0 && cacheRead == 0) {
            return;
        }
        reportedUsage = true;
        sink.usage(input, output, cacheRead);
    }

    private void contextUsage(JsonNode event) {
        double percentage = event.path("contextUsagePercentage").asDouble(0);
        if (percentage > 0) {
            estimatedInputTokens = Math.round(contextWindowTokens * Math.min(percentage, 100) / 100);
        }
    }

    /** The event's fields; some Kiro versions nest them under the event's name. */
    private static JsonNode payload(EventStreamMessage message, String eventType) {
        JsonNode root;
        try {
            root = message.payload().length == 0 ? Json.MAPPER.createObjectNode() : Json.parse(message.payload());
        } catch (IOException e) {
            throw new RouterException(ErrorType.API, 502,
                    "The CodeWhisperer provider sent a " + eventType + " that is not JSON", null, null);
        }
        JsonNode nested = root.get(eventType);
        return nested != null && nested.isObject() ? nested : root;
    }

    private static boolean parses(String json) {
        try {
            Json.parse(json);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
