package dev.ccr.transform.gemini;

import dev.ccr.json.Json;
import dev.ccr.model.MessagesRequest;
import dev.ccr.model.Target;
import dev.ccr.provider.ProviderSettings;
import dev.ccr.provider.UpstreamRequest;
import dev.ccr.provider.UpstreamResponse;
import dev.ccr.transform.AnthropicSink;
import dev.ccr.transform.ProtocolTransformer;
import dev.ccr.stream.StreamTranslator;
import dev.ccr.transform.WholeBodyTranslator;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Google's Gemini API ({@code protocol: gemini}, base URL {@code https://generativelanguage.googleapis.com}). The
 * Anthropic request becomes a GenerateContentRequest ({@link GeminiRequestMapper}) sent to
 * {@code /v1beta/models/{model}:streamGenerateContent?alt=sse} when the client streams, else
 * {@code /v1beta/models/{model}:generateContent}; the answer becomes Anthropic events or one Anthropic message
 * ({@link GeminiResponseHandler}). The API key header ({@code x-goog-api-key}) is the provider layer's business.
 *
 * <h2>Provider options ({@code options} of the provider's configuration)</h2>
 * <table>
 * <caption>Options of the gemini protocol</caption>
 * <tr><th>key</th><th>default</th><th>meaning</th></tr>
 * <tr><td>{@code api-version}</td><td>{@code v1beta}</td><td>first path segment of every call ({@code v1alpha} for
 * preview features; {@code v1} lacks thinking and system instructions on some models)</td></tr>
 * <tr><td>{@code thinking}</td><td>{@code true}</td><td>send {@code generationConfig.thinkingConfig} (thoughts
 * included, a budget from Claude Code's budget_tokens or effort) when the client's thinking is enabled or adaptive;
 * {@code false} for models that reject thinkingConfig (Gemini 2.0 and older)</td></tr>
 * <tr><td>{@code max-thinking-budget}</td><td>{@code 24576}</td><td>largest {@code thinkingBudget} sent (Claude Code
 * asks for up to 31999; Gemini Flash takes at most 24576, Pro 32768); 0 = no clamp</td></tr>
 * <tr><td>{@code web-search}</td><td>{@code true}</td><td>Anthropic's web_search server tool becomes the
 * {@code googleSearch} tool; {@code false} drops it</td></tr>
 * <tr><td>{@code signature-fallback}</td><td>{@code skip_thought_signature_validator}</td><td>thoughtSignature put on
 * the first function call of a model turn that carries none from Gemini (a turn made by another provider, or before
 * a failover); Gemini 3 rejects such turns otherwise. Empty sends none</td></tr>
 * </table>
 * The provider's {@code limits.maxOutputTokens} clamps max_tokens (Claude Code asks for up to 128000; Gemini 2.5
 * models take at most 65536): set it for a Gemini provider.
 *
 * <h2>Behaviour worth knowing</h2>
 * <ul>
 * <li>{@code role: "system"} messages inside {@code messages} become user text where they stand (see
 * {@link ContentsMapper}); the top-level system becomes {@code systemInstruction}, less Claude Code's Anthropic
 * billing line.</li>
 * <li>Gemini's thought signatures reach Claude Code as thinking-block signatures prefixed {@code gemini:}, and go
 * back on the part they came with (see {@link ThoughtSignatures}); other providers' signatures are dropped.</li>
 * <li>Tool schemas are rewritten to the subset Gemini accepts ({@link GeminiSchema}).</li>
 * <li>Usage: input_tokens = promptTokenCount − cachedContentTokenCount, cache_read_input_tokens =
 * cachedContentTokenCount, output_tokens = candidatesTokenCount + thoughtsTokenCount.</li>
 * <li>The message's model is Gemini's {@code modelVersion}, its id {@code msg_} + {@code responseId}.</li>
 * <li>A stream that ends without a finishReason, an {@code error} object in the answer, and a malformed function
 * call are errors the client sees (and retries); a blocked prompt or a safety stop is a {@code refusal}.</li>
 * </ul>
 */
public final class GeminiTransformer implements ProtocolTransformer {
    /** The most of a non-streamed answer held in memory. */
    static final int MAX_WHOLE_BODY = 64 * 1024 * 1024;

    @Override
    public String protocol() {
        return "gemini";
    }

    @Override
    public UpstreamRequest toUpstream(MessagesRequest request, Target target, ProviderSettings provider) {
        GeminiOptions options = GeminiOptions.of(provider);
        String model = target.modelFor(request);
        byte[] body = Json.bytes(new GeminiRequestMapper(options).map(request.body(), model));
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("content-type", "application/json");
        headers.put("accept", request.stream() ? "text/event-stream" : "application/json");
        return new UpstreamRequest(path(options, model, request.stream()), headers, body,
                request.stream());
    }

    @Override
    public StreamTranslator translator(MessagesRequest request, Target target, ProviderSettings provider,
                                       UpstreamResponse response) {
        AnthropicSink sink = AnthropicSink.forRequest(request);
        GeminiResponseHandler handler = new GeminiResponseHandler(sink);
        if (isEventStream(response.header("content-type"), request.stream())) {
            return new GeminiStreamTranslator(sink, handler);
        }
        return new WholeBodyTranslator(body -> GeminiWholeResponse.convert(body, handler), MAX_WHOLE_BODY);
    }

    @Override
    public String requestPath(ProviderSettings provider) {
        return "/" + GeminiOptions.of(provider).apiVersion() + "/models/{model}:streamGenerateContent?alt=sse";
    }

    /** Gemini's model list: cheap, and it proves the key is accepted. */
    @Override
    public String healthCheckPath() {
        return "/" + GeminiOptions.defaults().apiVersion() + "/models";
    }

    static String path(GeminiOptions options, String model, boolean stream) {
        String id = model.startsWith("models/") ? model.substring("models/".length()) : model;
        String encoded = URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20");
        return "/" + options.apiVersion() + "/models/" + encoded
                + (stream ? ":streamGenerateContent?alt=sse" : ":generateContent");
    }

    /** What the provider's body is: its content type says; without one, what was asked for. */
    static boolean isEventStream(String contentType, boolean askedForStream) {
        if (contentType == null || contentType.isBlank()) {
            return askedForStream;
        }
        return contentType.toLowerCase(Locale.ROOT).startsWith("text/event-stream");
    }
}
