package dev.ccr.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ccr.Json;
import dev.ccr.config.Settings;
import dev.ccr.model.MessagesRequest;
import dev.ccr.provider.ProviderConfigReader;
import dev.ccr.provider.ProviderSettings;
import dev.ccr.provider.UpstreamResponse;
import dev.ccr.stream.SseParser;
import dev.ccr.transform.StreamTranslator;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpHeaders;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.SubmissionPublisher;

/** What every protocol translator's tests need: providers, requests, split feeding and the events that come out. */
public final class TranslatorFixtures {
    private TranslatorFixtures() {
    }

    /**
     * A provider configured the way a user configures one (through the real configuration reader, so new settings
     * get their defaults), with protocol options given as key, value, key, value…
     */
    public static ProviderSettings provider(String name, String protocol, int maxOutputTokens, String... options) {
        String p = ProviderConfigReader.PREFIX + name + ".";
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put(p + "protocol", protocol);
        properties.put(p + "base-url", "http://127.0.0.1:1");
        properties.put(p + "limits.max-output-tokens", Integer.toString(maxOutputTokens));
        for (int i = 0; i < options.length; i += 2) {
            properties.put(p + "option." + options[i], options[i + 1]);
        }
        Settings settings = new Settings(key -> Optional.ofNullable(properties.get(key)), "test.properties");
        return new ProviderConfigReader(settings).read(name, properties.keySet());
    }

    public static MessagesRequest request(ObjectNode body) {
        return new MessagesRequest(body, Json.bytes(body), Map.of(), null);
    }

    public static MessagesRequest request(String json) {
        return request((ObjectNode) json(json.getBytes(StandardCharsets.UTF_8)));
    }

    /** A test resource of a protocol's folder, e.g. resource("openai", "stream_text.sse"). */
    public static String resource(String folder, String name) {
        try (InputStream in = TranslatorFixtures.class.getResourceAsStream("/" + folder + "/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no resource " + folder + "/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A provider answer with this content type; its body is never read by a translator. */
    public static UpstreamResponse response(String contentType) {
        HttpHeaders headers = HttpHeaders.of(contentType == null ? Map.of() : Map.of("content-type",
                List.of(contentType)), (a, b) -> true);
        return new UpstreamResponse(200, headers, new SubmissionPublisher<>());
    }

    /** Feeds the body cut at the given byte offsets (ascending), then finishes; returns all output. */
    public static byte[] run(StreamTranslator translator, byte[] body, int... cuts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int from = 0;
        for (int cut : cuts) {
            out.writeBytes(translator.translate(ByteBuffer.wrap(body, from, cut - from).slice()));
            from = cut;
        }
        out.writeBytes(translator.translate(ByteBuffer.wrap(body, from, body.length - from).slice()));
        out.writeBytes(translator.finish());
        return out.toByteArray();
    }

    /** The Anthropic SSE events (their data as JSON) in order; checks each event's name matches its type. */
    public static List<JsonNode> events(byte[] sse) {
        SseParser parser = new SseParser();
        List<SseParser.Event> raw = new ArrayList<>(parser.feed(sse));
        raw.addAll(parser.finish());
        List<JsonNode> events = new ArrayList<>();
        for (SseParser.Event event : raw) {
            JsonNode data = json(event.data().getBytes(StandardCharsets.UTF_8));
            if (!data.path("type").asText().equals(event.name())) {
                throw new AssertionError("event name " + event.name() + " but type " + data.path("type"));
            }
            events.add(data);
        }
        return events;
    }

    /** Each event as "type index block-or-delta-type", the order Claude Code checks. */
    public static List<String> shape(List<JsonNode> events) {
        List<String> shape = new ArrayList<>();
        for (JsonNode e : events) {
            String type = e.path("type").asText();
            shape.add(switch (type) {
                case "content_block_start" -> type + " " + e.path("index").asInt() + " "
                        + e.path("content_block").path("type").asText();
                case "content_block_delta" -> type + " " + e.path("index").asInt() + " "
                        + e.path("delta").path("type").asText();
                case "content_block_stop" -> type + " " + e.path("index").asInt();
                default -> type;
            });
        }
        return shape;
    }

    public static JsonNode json(byte[] bytes) {
        try {
            return Json.parse(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
