package dev.ccr.transform;

import dev.ccr.stream.StreamTranslator;
import dev.ccr.model.MessagesRequest;
import dev.ccr.model.Target;
import dev.ccr.provider.ProviderSettings;
import dev.ccr.provider.UpstreamRequest;
import dev.ccr.provider.UpstreamResponse;

/**
 * Translates between Anthropic's Messages API (what Claude Code speaks) and one provider wire protocol. One
 * implementation per protocol, each in its own package; none knows about another, nor about credentials.
 */
public interface ProtocolTransformer {

    /** The protocol name used in configuration, e.g. "openai". */
    String protocol();

    /**
     * The provider call for an Anthropic request. Throws {@link dev.ccr.error.RouterException} with
     * invalid_request_error when the request cannot be expressed in this protocol.
     */
    UpstreamRequest toUpstream(MessagesRequest request, Target target, ProviderSettings provider);

    /**
     * How the provider's answer becomes the client's: Anthropic SSE events when the client streams, an Anthropic
     * message JSON otherwise. Called once the provider's 2xx head has arrived.
     */
    StreamTranslator translator(MessagesRequest request, Target target, ProviderSettings provider,
                                UpstreamResponse response);

    /**
     * The path below the base URL that a streamed call goes to, {@code {model}} standing for the model: logged at
     * start so a user sees where each provider's requests will go.
     */
    String requestPath(ProviderSettings provider);

    /** A cheap GET that proves the provider answers and accepts its credentials (its model list). */
    String healthCheckPath();

    /** The content type of what {@link #translator} produces. */
    default String contentType(MessagesRequest request, UpstreamResponse response) {
        return request.stream() ? "text/event-stream; charset=utf-8" : "application/json";
    }
}
