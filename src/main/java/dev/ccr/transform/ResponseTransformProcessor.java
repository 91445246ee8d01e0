package dev.ccr.transform;

import dev.ccr.model.ClientReply;
import dev.ccr.model.MessagesRequest;
import dev.ccr.model.Target;
import dev.ccr.provider.ProviderRegistry;
import dev.ccr.provider.ProviderSettings;
import dev.ccr.provider.UpstreamResponse;
import org.apache.camel.Exchange;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Response half of a protocol's transform: the provider's answer (head arrived, body streaming) becomes a
 * {@link ClientReply} whose translator turns the provider's bytes into Anthropic's as they pass.
 */
public final class ResponseTransformProcessor extends TransformStep {

    public ResponseTransformProcessor(ProtocolTransformer transformer, ProviderRegistry providers) {
        super(transformer, providers);
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
            exchange.getIn().setBody(new ClientReply(200, transformer.contentType(request, response), headers,
                    response.body(), transformer.translator(request, target, provider, response),
                    provider.timeouts().idle(), provider.timeouts().total(), request.stream()));
        } catch (RuntimeException e) {
            response.discard();
            throw e;
        }
    }

    @Override
    public String toString() {
        return transformer.protocol() + "ResponseTransformer";
    }
}
