package dev.ccr.transform.codewhisperer;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ccr.json.Json;
import dev.ccr.error.ErrorType;
import dev.ccr.error.RouterException;
import dev.ccr.model.MessagesRequest;
import dev.ccr.model.Target;
import dev.ccr.provider.ProviderSettings;
import dev.ccr.provider.UpstreamRequest;
import dev.ccr.provider.UpstreamResponse;
import dev.ccr.provider.kiro.KiroProfile;
import dev.ccr.transform.AnthropicSink;
import dev.ccr.transform.ProtocolTransformer;
import dev.ccr.stream.StreamTranslator;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * AWS CodeWhisperer / Kiro ({@code generateAssistantResponse}): Anthropic messages become a {@code conversationState},
 * and the answer, always a binary AWS event stream, becomes Anthropic SSE or one message. The bearer token is added
 * by the provider layer ({@link dev.ccr.provider.kiro.KiroTokenCredentials}); the profile ARN, which is no secret,
 * comes from {@link KiroProfile}.
 */
public final class CodeWhispererTransformer implements ProtocolTransformer {
    static final String PATH = "/generateAssistantResponse";
    private static final String SDK_VERSION = "1.0.34";

    @Override
    public String requestPath(ProviderSettings provider) {
        return PATH;
    }

    @Override
    public String healthCheckPath() {
        return "/ListAvailableModels?origin=AI_EDITOR&maxResults=50";
    }

    @Override
    public String protocol() {
        return "codewhisperer";
    }

    @Override
    public UpstreamRequest toUpstream(MessagesRequest request, Target target, ProviderSettings provider) {
        CodeWhispererOptions options = CodeWhispererOptions.of(provider);
        String model = options.models().toCodeWhisperer(target.modelFor(request));
        ObjectNode body = ConversationStateBuilder.build(request, model, KiroProfile.arnFor(provider).orElse(null),
                options.forwardThinking());
        byte[] bytes = Json.bytes(body);
        if (bytes.length > options.maxPayloadBytes()) {
            throw new RouterException(ErrorType.INVALID_REQUEST, 400, "The conversation is " + bytes.length
                    + " bytes once converted for CodeWhisperer provider '" + provider.name() + "', which accepts at most "
                    + options.maxPayloadBytes() + " (option max-payload-bytes): run /compact or start a new "
                    + "conversation", null, null);
        }
        return new UpstreamRequest(PATH, headers(options), bytes, true);
    }

    private static Map<String, String> headers(CodeWhispererOptions options) {
        String kiro = "KiroIDE-" + options.kiroVersion() + "-" + options.machineId();
        String os = System.getProperty("os.name", "linux").toLowerCase(Locale.ROOT).replace(' ', '_');
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("content-type", "application/json");
        headers.put("accept", "application/vnd.amazon.eventstream, application/json");
        headers.put("amz-sdk-invocation-id", UUID.randomUUID().toString());
        headers.put("amz-sdk-request", "attempt=1; max=3");
        headers.put("x-amzn-codewhisperer-optout", "true");
        headers.put("x-amzn-kiro-agent-mode", "vibe");
        headers.put("x-amz-user-agent", "aws-sdk-js/" + SDK_VERSION + " " + kiro);
        headers.put("user-agent", "aws-sdk-js/" + SDK_VERSION + " ua/2.1 os/" + os + " lang/js md/nodejs#22.21.1"
                + " api/codewhispererstreaming#" + SDK_VERSION + " m/E " + kiro);
        return headers;
    }

    @Override
    public StreamTranslator translator(MessagesRequest request, Target target, ProviderSettings provider,
                                       UpstreamResponse response) {
        CodeWhispererOptions options = CodeWhispererOptions.of(provider);
        return new EventStreamTranslator(AnthropicSink.forRequest(request),
                ShortToolNames.of(request.tools(), request.messages()), options.contextWindow());
    }
}
