package dev.ccr.transform.gemini;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;

/**
 * An assistant message as the parts of a Gemini {@code model} turn. Thinking text is not sent back (Gemini reads
 * nothing from it); a thinking block's Gemini signature goes on the part that follows it, or on the last part when
 * nothing follows, which is where Gemini had put it (see {@link ThoughtSignatures}).
 *
 * <p>Gemini 3 rejects a function call turn without a signature. A turn that has none of Gemini's own (it came from
 * another provider, or from a model that gave none) gets the configured fallback on its first function call.
 */
final class ModelTurn {
    private final PartMapper partMapper;
    private final String signatureFallback;

    ModelTurn(PartMapper partMapper, String signatureFallback) {
        this.partMapper = partMapper;
        this.signatureFallback = signatureFallback;
    }

    List<ObjectNode> parts(JsonNode content) {
        if (content.isTextual()) {
            return PartMapper.textPart(content.asText()).map(List::of).orElse(List.of());
        }
        List<ObjectNode> parts = new ArrayList<>();
        String pending = null;
        boolean signed = false;
        for (JsonNode block : content) {
            String type = block.path("type").asText();
            if ("thinking".equals(type)) {
                String signature = ThoughtSignatures.fromClient(block.path("signature").asText(null));
                pending = signature != null ? signature : pending;
                continue;
            }
            for (ObjectNode part : partMapper.parts(block)) {
                if (pending != null) {
                    part.put("thoughtSignature", pending);
                    pending = null;
                    signed = true;
                }
                parts.add(part);
            }
        }
        if (pending != null && !parts.isEmpty() && !parts.get(parts.size() - 1).has("thoughtSignature")) {
            parts.get(parts.size() - 1).put("thoughtSignature", pending);
            signed = true;
        }
        if (!signed && signatureFallback != null) {
            parts.stream().filter(part -> part.has("functionCall")).findFirst()
                    .ifPresent(call -> call.put("thoughtSignature", signatureFallback));
        }
        return parts;
    }
}
