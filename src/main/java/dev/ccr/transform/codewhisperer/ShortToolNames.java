package dev.ccr.transform.codewhisperer;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * CodeWhisperer refuses tool names over {@value #MAX_LENGTH} characters; MCP tools
 * ({@code mcp__server__long_tool_name}) often exceed that. Long names are shortened deterministically (a prefix plus
 * a hash of the whole name), so the same request gives the same names when converting the request and when mapping
 * the answer's tool calls back, without any state kept between the two.
 */
final class ShortToolNames {
    static final int MAX_LENGTH = 64;
    private static final int HASH_CHARS = 8;

    private final Map<String, String> originalByShort = new LinkedHashMap<>();
    private final java.util.Set<String> offered = new java.util.HashSet<>();

    /** The names of a request's {@code tools} array and of the tool calls in its history. */
    static ShortToolNames of(JsonNode tools, JsonNode messages) {
        ShortToolNames names = new ShortToolNames();
        for (JsonNode tool : tools) {
            names.remember(tool.path("name").asText(""));
            names.offered.add(tool.path("name").asText(""));
        }
        for (JsonNode message : messages) {
            for (JsonNode block : message.path("content")) {
                if ("tool_use".equals(block.path("type").asText())) {
                    names.remember(block.path("name").asText(""));
                }
            }
        }
        return names;
    }

    private void remember(String name) {
        if (!name.isEmpty()) {
            originalByShort.putIfAbsent(shorten(name), name);
        }
    }

    /** The name CodeWhisperer gets. */
    static String shorten(String name) {
        if (name.length() <= MAX_LENGTH) {
            return name;
        }
        return name.substring(0, MAX_LENGTH - HASH_CHARS - 1) + "_" + hash(name);
    }

    /** Whether the request offers this tool (by the client's name) in its {@code tools}. */
    boolean offered(String clientName) {
        return offered.contains(clientName);
    }

    /** The client's name for a tool CodeWhisperer called. */
    String original(String upstreamName) {
        return originalByShort.getOrDefault(upstreamName, upstreamName);
    }

    private static String hash(String name) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, HASH_CHARS);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
