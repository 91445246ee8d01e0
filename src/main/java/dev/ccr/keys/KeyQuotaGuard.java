package dev.ccr.keys;

import dev.ccr.error.ErrorType;
import dev.ccr.error.RouterException;
import dev.ccr.model.ExchangeKeys;
import dev.ccr.model.MessagesRequest;
import dev.ccr.request.RequestRecord;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

import java.math.BigDecimal;
import java.util.Set;

/**
 * Runs after the request is read, for a request made with a per-user key: the model must be one the key allows, the
 * key must be within its limits (else 429 with {@code retry-after}); only its allowed providers are tried, and what
 * the request used is counted against the key when it ends.
 */
public final class KeyQuotaGuard implements Processor {
    private final KeyQuotas quotas;
    private final KeyUsage usage;
    private final ModelPrices prices;

    KeyQuotaGuard(KeyQuotas quotas, KeyUsage usage, ModelPrices prices) {
        this.quotas = quotas;
        this.usage = usage;
        this.prices = prices;
    }

    @Override
    public void process(Exchange exchange) {
        VirtualKey key = exchange.getProperty(KeyAuthenticator.KEY_PROPERTY, VirtualKey.class);
        if (key == null) {
            return;
        }
        MessagesRequest request = exchange.getProperty(ExchangeKeys.REQUEST, MessagesRequest.class);
        String model = request.body().path("model").asText();
        if (!key.allowsModel(model)) {
            throw new RouterException(ErrorType.PERMISSION, "This key may not use the model requested");
        }
        quotas.admit(key);
        if (!key.providers().isEmpty()) {
            exchange.setProperty(ExchangeKeys.ALLOWED_PROVIDERS, Set.copyOf(key.providers()));
        }
        RequestRecord record = exchange.getProperty(ExchangeKeys.RECORD, RequestRecord.class);
        record.onEnd(() -> {
            long tokens = record.inputTokens() + record.outputTokens();
            BigDecimal dollars = record.provider() == null ? BigDecimal.ZERO
                    : prices.of(record.provider(), record.model())
                    .map(price -> price.cost(record.inputTokens(), record.outputTokens())).orElse(BigDecimal.ZERO);
            usage.add(key.name(), record.inputTokens(), record.outputTokens(), record.cacheTokens(), dollars);
            quotas.charge(key, tokens, dollars);
        });
    }
}
