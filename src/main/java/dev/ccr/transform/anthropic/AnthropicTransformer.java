package dev.ccr.transform.anthropic;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ccr.model.MessagesRequest;
import dev.ccr.model.Target;
import dev.ccr.provider.ProviderSettings;
import dev.ccr.provider.UpstreamBody;
import dev.ccr.provider.UpstreamRequest;
import dev.ccr.provider.UpstreamResponse;
import dev.ccr.transform.ProtocolTransformer;
import dev.ccr.stream.StreamTranslator;
import dev.ccr.transform.UpstreamQuery;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Anthropic's own protocol: the request goes upstream as the JSON the client sent (only the model may change, and thinking
 * Anthropic cannot verify is dropped), and the answer comes back byte for byte, so every field a newer client adds
 * survives. The request is the client's JSON serialised again from its parsed tree (keys, order and values as sent;
 * whitespace and escapes may differ), so a large request is not held as bytes and tree at once.
 */
public final class AnthropicTransformer implements ProtocolTransformer {
    static final String DEFAULT_VERSION = "2023-06-01";
    private static final Set<String> FORWARDED_PARAMETERS = Set.of("beta");

    @Override
    public String protocol() {
        return "anthropic";
    }

    @Override
    public UpstreamRequest toUpstream(MessagesRequest request, Target target, ProviderSettings provider) {
        String model = target.modelFor(request);
        ObjectNode body = request.body();
        if (!model.equals(request.model()) || ForeignThinking.present(body)) {
            body = request.copyOfBody();
            body.put("model", model);
            ForeignThinking.strip(body);
        }
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("content-type", "application/json");
        headers.put("accept", request.stream() ? "text/event-stream" : "application/json");
        headers.put("anthropic-version", orDefault(request.header("anthropic-version"), DEFAULT_VERSION));
        String beta = request.header("anthropic-beta");
        if (beta != null) {
            headers.put("anthropic-beta", beta);
        }
        return new UpstreamRequest("/v1/messages" + query(request), headers,
                UpstreamBody.json(body, request.bodyBytes()), request.stream());
    }

    @Override
    public String requestPath(ProviderSettings provider) {
        return "/v1/messages";
    }

    @Override
    public String healthCheckPath() {
        return "/v1/models";
    }

    @Override
    public StreamTranslator translator(MessagesRequest request, Target target, ProviderSettings provider,
                                       UpstreamResponse response) {
        return StreamTranslator.identity();
    }

    @Override
    public String contentType(MessagesRequest request, UpstreamResponse response) {
        String upstream = response.header("content-type");
        return upstream != null ? upstream : ProtocolTransformer.super.contentType(request, response);
    }

    /** Claude Code asks for {@code ?beta=true}; no other client parameter goes upstream. */
    private static String query(MessagesRequest request) {
        return UpstreamQuery.of(request.header(":query"), FORWARDED_PARAMETERS);
    }

    private static String orDefault(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }
}
