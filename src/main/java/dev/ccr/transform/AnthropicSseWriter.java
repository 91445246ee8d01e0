package dev.ccr.transform;

import java.util.function.LongSupplier;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ccr.json.Json;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Turns a translator's calls into Anthropic's SSE events, in the order and with the indices Claude Code expects:
 * message_start, then for each block content_block_start / _delta… / _stop, then message_delta (stop reason, usage)
 * and message_stop. Not thread safe: one per response, fed by one thread at a time.
 */
public final class AnthropicSseWriter implements AnthropicSink {
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
    private final String requestedModel;
    private final LongSupplier inputEstimate;
    private boolean started;
    private boolean finished;
    private String openBlock;
    private int index = -1;
    private boolean sawToolUse;
    private long inputTokens;
    private long outputTokens;
    private long cacheReadTokens;
    private String stopReason;

    /** @param requestedModel the model named in message_start when the provider does not say */
    public AnthropicSseWriter(String requestedModel) {
        this(requestedModel, () -> 0);
    }

    /**
     * @param requestedModel the model named in message_start when the provider does not say
     * @param inputEstimate  the request's counted input tokens, for message_start when the provider has not said yet
     *                       (OpenAI and CodeWhisperer report usage only at the end); asked at most once
     */
    public AnthropicSseWriter(String requestedModel, LongSupplier inputEstimate) {
        this.requestedModel = requestedModel;
        this.inputEstimate = inputEstimate;
    }

    @Override
    public void start(String messageId, String model, long inputTokens, long cacheReadInputTokens) {
        if (started) {
            return;
        }
        started = true;
        if (inputTokens > 0) {
            this.inputTokens = inputTokens;
        } else if (this.inputTokens == 0) {
            // Claude Code reads the context size from message_start; the provider's real count replaces it at the end
            this.inputTokens = inputEstimate.getAsLong();
        }
        if (cacheReadInputTokens > 0) {
            this.cacheReadTokens = cacheReadInputTokens;
        }
        ObjectNode message = Json.MAPPER.createObjectNode();
        message.put("id", messageId != null && !messageId.isBlank() ? messageId : newMessageId());
        message.put("type", "message");
        message.put("role", "assistant");
        message.put("model", model != null && !model.isBlank() ? model : requestedModel);
        message.putArray("content");
        message.putNull("stop_reason");
        message.putNull("stop_sequence");
        ObjectNode usage = message.putObject("usage");
        usage.put("input_tokens", this.inputTokens);
        usage.put("cache_creation_input_tokens", 0);
        usage.put("cache_read_input_tokens", this.cacheReadTokens);
        usage.put("output_tokens", 0);
        ObjectNode event = Json.MAPPER.createObjectNode();
        event.put("type", "message_start");
        event.set("message", message);
        emit("message_start", event);
    }

    @Override
    public void thinking(String text) {
        if (text == null || text.isEmpty()) {
            return;
        }
        openBlock("thinking", null, null);
        delta("thinking_delta", "thinking", text);
    }

    @Override
    public void thinkingSignature(String signature) {
        if (signature == null || signature.isEmpty()) {
            return;
        }
        openBlock("thinking", null, null);
        delta("signature_delta", "signature", signature);
    }

    @Override
    public void text(String text) {
        if (text == null || text.isEmpty()) {
            return;
        }
        openBlock("text", null, null);
        delta("text_delta", "text", text);
    }

    @Override
    public void toolUseStart(String id, String name) {
        closeBlock();
        openBlock("tool_use", id != null && !id.isBlank() ? id : "toolu_" + UUID.randomUUID().toString().replace("-", ""),
                name);
        sawToolUse = true;
    }

    @Override
    public void toolInputDelta(String partialJson) {
        if (partialJson == null || partialJson.isEmpty() || !"tool_use".equals(openBlock)) {
            return;
        }
        delta("input_json_delta", "partial_json", partialJson);
    }

    @Override
    public void usage(long inputTokens, long outputTokens, long cacheReadInputTokens) {
        if (inputTokens > 0) {
            this.inputTokens = inputTokens;
        }
        if (outputTokens > 0) {
            this.outputTokens = outputTokens;
        }
        if (cacheReadInputTokens > 0) {
            this.cacheReadTokens = cacheReadInputTokens;
        }
    }

    @Override
    public void stopReason(String stopReason) {
        if (stopReason != null && !stopReason.isBlank()) {
            this.stopReason = stopReason;
        }
    }

    @Override
    public byte[] finish() {
        if (!finished) {
            finished = true;
            ensureStarted();
            closeBlock();
            ObjectNode event = Json.MAPPER.createObjectNode();
            event.put("type", "message_delta");
            ObjectNode delta = event.putObject("delta");
            delta.put("stop_reason", stopReason != null ? stopReason : sawToolUse ? "tool_use" : "end_turn");
            delta.putNull("stop_sequence");
            ObjectNode usage = event.putObject("usage");
            usage.put("input_tokens", inputTokens);
            usage.put("cache_read_input_tokens", cacheReadTokens);
            usage.put("output_tokens", outputTokens);
            emit("message_delta", event);
            ObjectNode stop = Json.MAPPER.createObjectNode();
            stop.put("type", "message_stop");
            emit("message_stop", stop);
        }
        return drain();
    }

    @Override
    public byte[] drain() {
        byte[] out = pending.toByteArray();
        pending.reset();
        return out;
    }

    private void ensureStarted() {
        if (!started) {
            start(null, null, 0, 0);
        }
    }

    private void openBlock(String type, String toolId, String toolName) {
        ensureStarted();
        if (type.equals(openBlock) && !"tool_use".equals(type)) {
            return;
        }
        if (type.equals(openBlock) && toolId == null) {
            return;
        }
        closeBlock();
        index++;
        openBlock = type;
        ObjectNode block = Json.MAPPER.createObjectNode();
        block.put("type", type);
        switch (type) {
            case "thinking" -> {
                block.put("thinking", "");
                block.put("signature", "");
            }
            case "text" -> block.put("text", "");
            default -> {
                block.put("id", toolId);
                block.put("name", toolName);
                block.putObject("input");
            }
        }
        ObjectNode event = Json.MAPPER.createObjectNode();
        event.put("type", "content_block_start");
        event.put("index", index);
        event.set("content_block", block);
        emit("content_block_start", event);
    }

    private void closeBlock() {
        if (openBlock == null) {
            return;
        }
        ObjectNode event = Json.MAPPER.createObjectNode();
        event.put("type", "content_block_stop");
        event.put("index", index);
        emit("content_block_stop", event);
        openBlock = null;
    }

    private void delta(String deltaType, String field, String value) {
        ObjectNode event = Json.MAPPER.createObjectNode();
        event.put("type", "content_block_delta");
        event.put("index", index);
        ObjectNode delta = event.putObject("delta");
        delta.put("type", deltaType);
        delta.put(field, value);
        emit("content_block_delta", event);
    }

    private void emit(String name, ObjectNode data) {
        pending.writeBytes(("event: " + name + "\ndata: ").getBytes(StandardCharsets.UTF_8));
        pending.writeBytes(Json.bytes(data));
        pending.writeBytes("\n\n".getBytes(StandardCharsets.UTF_8));
    }

    private static String newMessageId() {
        return "msg_" + UUID.randomUUID().toString().replace("-", "");
    }
}
