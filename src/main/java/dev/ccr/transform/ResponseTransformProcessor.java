package dev.ccr.transform;

import dev.ccr.model.ClientReply;
import dev.ccr.model.MessagesRequest;
import dev.ccr.catalog.TargetLimits;
import dev.ccr.model.ExchangeKeys;
import dev.ccr.model.Target;
import dev.ccr.provider.ProviderRegistry;
import dev.ccr.provider.ProviderSettings;
import dev.ccr.provider.UpstreamResponse;
import dev.ccr.request.RequestRecord;
import dev.ccr.stream.StreamTranslator;
import org.apache.camel.Exchange;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Response half of a protocol's transform: the provider's answer (head arrived, body streaming) becomes a
 * {@link ClientReply} whose translator turns the provider's bytes into Anthropic's as they pass.
 */
public final class ResponseTransformProcessor extends TransformStep {

    public ResponseTransformProcessor(ProtocolTransformer transformer, ProviderRegistry providers, TargetLimits limits) {
        super(transformer, providers, limits);
    }

    @Override
    public void process(Exchange exchange) {
        MessagesRequest request = request(exchange);
        Target target = target(exchange);
        UpstreamResponse response = exchange.getIn().getBody(UpstreamResponse.class);
        ProviderSettings provider = provider(target);
        try {
            Map<String, String> headers = new LinkedHashMap<>();
            String requestId = response.header("request-id");
            if (requestId != null) {
                headers.put("request-id", requestId);
            }
            String contentType = transformer.contentType(request, response);
            exchange.getIn().setBody(new ClientReply(200, contentType, headers,
                    response.body(), scaled(exchange, request, target, contentType, transformer.translator(request,
                    target, provider, response)),
                    provider.timeouts().idle(), provider.timeouts().total(), request.stream()));
        } catch (RuntimeException e) {
            response.discard();
            throw e;
        }
    }

    /** With context scaling on for the target's model, the client is told scaled input tokens, /stats the real ones. */
    private StreamTranslator scaled(Exchange exchange, MessagesRequest request, Target target, String contentType,
                                    StreamTranslator translator) {
        double factor = limits.contextScale(request, target);
        if (factor == 1) {
            return translator;
        }
        RequestRecord record = exchange.getProperty(ExchangeKeys.RECORD, RequestRecord.class);
        if (record != null) {
            record.reportedInputScale(factor);
        }
        return new ScaledInputTokens(translator, factor,
                contentType != null && contentType.toLowerCase(java.util.Locale.ROOT).startsWith("text/event-stream"));
    }

    @Override
    public String toString() {
        return transformer.protocol() + "ResponseTransformer";
    }
}
