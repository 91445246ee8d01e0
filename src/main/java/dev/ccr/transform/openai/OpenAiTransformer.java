package dev.ccr.transform.openai;

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

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * OpenAI's Chat Completions protocol ({@code protocol: openai}), spoken by OpenAI and by most other providers
 * (DeepSeek, OpenRouter, Groq, local servers…). The Anthropic request becomes a chat completions request
 * ({@link ChatRequestMapper}); the answer, streamed or whole, becomes Anthropic events or one Anthropic message
 * ({@link ChatStreamTranslator}, {@link ChatCompletionReader}).
 *
 * <h2>Provider options ({@code options} of the provider's configuration)</h2>
 * <table>
 * <caption>Options of the openai protocol</caption>
 * <tr><th>key</th><th>default</th><th>meaning</th></tr>
 * <tr><td>{@code chat-path}</td><td>{@code /v1/chat/completions}</td><td>path of the endpoint below the base URL
 * (e.g. {@code /chat/completions} for a base URL that already ends in {@code /v1})</td></tr>
 * <tr><td>{@code max-tokens-field}</td><td>{@code max_tokens}</td><td>field that carries the output limit, e.g.
 * {@code max_completion_tokens} for OpenAI's reasoning models. The value is Claude Code's max_tokens, clamped to the
 * provider's {@code limits.maxOutputTokens} when that is above 0</td></tr>
 * <tr><td>{@code reasoning-style}</td><td>{@code none}</td><td>how thinking is requested: {@code none} (not at all),
 * {@code openai} ({@code reasoning_effort} low/medium/high from output_config.effort or the thinking budget),
 * {@code openrouter} ({@code reasoning: {max_tokens}} from the budget, else {@code {effort}}, else
 * {@code {enabled: true}}), {@code deepseek} (nothing: the model decides). Only sent when the client's thinking is
 * enabled or adaptive</td></tr>
 * <tr><td>{@code history-reasoning-field}</td><td>(empty)</td><td>assistant message field that carries earlier
 * thinking back to the provider, e.g. {@code reasoning_content} (DeepSeek thinking mode with tools) or
 * {@code reasoning}; empty drops thinking from history</td></tr>
 * <tr><td>{@code strip-schema-fields}</td><td>(empty)</td><td>comma list of JSON schema keywords removed from tool
 * parameters at every depth, e.g. {@code $schema,additionalProperties}</td></tr>
 * <tr><td>{@code web-search}</td><td>{@code false}</td><td>{@code true} maps Anthropic's web_search server tool to
 * {@code web_search_options} (OpenAI search models, OpenRouter); otherwise it is dropped with a log line</td></tr>
 * <tr><td>{@code stream-usage}</td><td>{@code true}</td><td>send {@code stream_options: {include_usage: true}} with
 * streamed requests; {@code false} for servers that reject it (usage is then unknown)</td></tr>
 * <tr><td>{@code drop-request-fields}</td><td>(empty)</td><td>comma list of top-level fields removed from the mapped
 * request, e.g. {@code temperature,top_p} for models that reject them</td></tr>
 * </table>
 *
 * <h2>Behaviour worth knowing</h2>
 * <ul>
 * <li>Usage: input_tokens = prompt_tokens − cached tokens, cache_read_input_tokens = cached tokens, output_tokens =
 * completion_tokens (see {@link ChatUsage}). OpenAI sends usage at the end of a stream, so message_start shows the
 * router's count of the request (the one count_tokens answers) and message_delta the provider's real counts.</li>
 * <li>Tool calls reach the client whole, when the provider has finished them, with their arguments checked and
 * repaired (see {@link ToolCallBuffer}, {@link ToolArguments}); arguments that cannot be repaired are an error.</li>
 * <li>The message's {@code model} is the one the client asked for, not the provider's model id.</li>
 * <li>The answer's format follows the provider's content type, so a provider that ignores {@code stream} is still
 * translated correctly.</li>
 * </ul>
 */
public final class OpenAiTransformer implements ProtocolTransformer {
    /** The most of a non-streamed answer held in memory. */
    static final int MAX_WHOLE_BODY = 64 * 1024 * 1024;

    @Override
    public String healthCheckPath() {
        return "/v1/models";
    }

    @Override
    public String requestPath(ProviderSettings provider) {
        return OpenAiOptions.of(provider).chatPath();
    }

    @Override
    public String protocol() {
        return "openai";
    }

    @Override
    public UpstreamRequest toUpstream(MessagesRequest request, Target target, ProviderSettings provider) {
        OpenAiOptions options = OpenAiOptions.of(provider);
        byte[] body = Json.bytes(new ChatRequestMapper(options).map(request, target.modelFor(request)));
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("content-type", "application/json");
        headers.put("accept", request.stream() ? "text/event-stream" : "application/json");
        return new UpstreamRequest(options.chatPath(), headers, body, request.stream());
    }

    @Override
    public StreamTranslator translator(MessagesRequest request, Target target, ProviderSettings provider,
                                       UpstreamResponse response) {
        AnthropicSink sink = AnthropicSink.forRequest(request);
        if (isEventStream(response.header("content-type"), request.stream())) {
            return new ChatStreamTranslator(sink);
        }
        return new WholeBodyTranslator(body -> ChatCompletionReader.convert(body, sink), MAX_WHOLE_BODY);
    }

    /** What the provider's body is: its content type says; without one, what was asked for. */
    static boolean isEventStream(String contentType, boolean askedForStream) {
        if (contentType == null || contentType.isBlank()) {
            return askedForStream;
        }
        return contentType.toLowerCase(Locale.ROOT).startsWith("text/event-stream");
    }
}
