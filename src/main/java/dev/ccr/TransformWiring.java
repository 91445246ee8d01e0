package dev.ccr;

import dev.ccr.catalog.TargetLimits;
import dev.ccr.provider.ProviderRegistry;
import dev.ccr.model.RouterNames;
import dev.ccr.transform.ProtocolTransformer;
import dev.ccr.transform.RequestTransformProcessor;
import dev.ccr.transform.ResponseTransformProcessor;
import dev.ccr.transform.anthropic.AnthropicTransformer;
import dev.ccr.transform.codewhisperer.CodeWhispererTransformer;
import dev.ccr.transform.gemini.GeminiTransformer;
import dev.ccr.transform.openai.OpenAiTransformer;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.Registry;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The transform layer: each protocol's request and response transform, under the names the provider template uses;
 * both fit the request and its usage to the target's model ({@link TargetLimits}).
 */
final class TransformWiring {
    private TransformWiring() {
    }

    /** @return the transformers by protocol name */
    static Map<String, ProtocolTransformer> wire(CamelContext context, ProviderRegistry providers, TargetLimits limits) {
        Map<String, ProtocolTransformer> transformers = new LinkedHashMap<>();
        for (ProtocolTransformer transformer : List.of(new AnthropicTransformer(), new OpenAiTransformer(),
                new GeminiTransformer(), new CodeWhispererTransformer())) {
            transformers.put(transformer.protocol(), transformer);
        }
        Registry registry = context.getRegistry();
        for (ProtocolTransformer transformer : transformers.values()) {
            registry.bind(RouterNames.requestTransformer(transformer.protocol()),
                    new RequestTransformProcessor(transformer, providers, limits));
            registry.bind(RouterNames.responseTransformer(transformer.protocol()),
                    new ResponseTransformProcessor(transformer, providers, limits));
        }
        return transformers;
    }
}
