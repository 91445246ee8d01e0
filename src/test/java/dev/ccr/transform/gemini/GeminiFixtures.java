package dev.ccr.transform.gemini;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ccr.Json;
import dev.ccr.model.MessagesRequest;
import dev.ccr.model.Target;
import dev.ccr.provider.ProviderSettings;
import dev.ccr.provider.UpstreamRequest;
import dev.ccr.provider.UpstreamResponse;
import dev.ccr.stream.SseParser;
import dev.ccr.transform.AnthropicSink;
import dev.ccr.transform.StreamTranslator;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpHeaders;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.SubmissionPublisher;
import java.util.concurrent.atomic.AtomicInteger;

/** Providers, requests and Gemini answers for the gemini transformer's tests. */
final class GeminiFixtures {
    static final GeminiTransformer TRANSFORMER = new GeminiTransformer();
    static final Target TARGET = new Target("test-gemini", "gemini-2.5-pro");

    private GeminiFixtures() {
    }

    /** A gemini provider with the given options (key, value, key, value…) and output token clamp. */
    static ProviderSettings provider(int maxOutputTokens, String... options) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < options.length; i += 2) {
            map.put(options[i], options[i + 1]);
        }
        return new ProviderSettings("test-gemini", "gemini", URI.create("http://127.0.0.1:1"), List.of(), null,
                new ProviderSettings.Limits(0, 0, maxOutputTokens), null, null, 1, 1, map);
    }

    static ProviderSettings provider(String... options) {
        return provider(0, options);
    }

    static MessagesRequest request(ObjectNode body) {
        return new MessagesRequest(body, Json.bytes(body), Map.of(), null);
    }

    static MessagesRequest request(String json) {
        return request((ObjectNode) json(json.getBytes(StandardCharsets.UTF_8)));
    }

    static UpstreamRequest upstream(MessagesRequest request, ProviderSettings provider) {
        return TRANSFORMER.toUpstream(request, TARGET, provider);
    }

    /** The Gemini body the transformer sends for this request. */
    static JsonNode upstreamBody(MessagesRequest request, ProviderSettings provider) {
        return json(upstream(request, provider).body());
    }

    static JsonNode upstreamBody(MessagesRequest request) {
        return upstreamBody(request, provider());
    }

    static String resource(String name) {
        try (InputStream in = GeminiFixtures.class.getResourceAsStream("/gemini/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A provider answer with this content type; its body is never read by a translator. */
    static UpstreamResponse response(String contentType) {
        HttpHeaders headers = HttpHeaders.of(contentType == null ? Map.of() : Map.of("content-type",
                List.of(contentType)), (a, b) -> true);
        return new UpstreamResponse(200, headers, new SubmissionPublisher<>());
    }

    /** An SSE translator for this client request whose made-up tool ids are toolu_gen_1, toolu_gen_2… */
    static StreamTranslator streamTranslator(MessagesRequest request) {
        AnthropicSink sink = AnthropicSink.forRequest(request);
        AtomicInteger ids = new AtomicInteger();
        return new GeminiStreamTranslator(sink, new GeminiResponseHandler(sink,
                () -> "toolu_gen_" + ids.incrementAndGet()));
    }

    /** Feeds the body cut at the given byte offsets (ascending), then finishes; returns all output. */
    static byte[] run(StreamTranslator translator, byte[] body, int... cuts) {
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
    static List<JsonNode> events(byte[] sse) {
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

    static JsonNode json(byte[] bytes) {
        try {
            return Json.parse(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
