package dev.ccr.keys;

import dev.ccr.catalog.ModelCatalog;
import dev.ccr.catalog.ModelInfo;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * Spend per key priced from the model catalog: a model is priced when both its input and output prices are known.
 * Asked at a request's end, possibly on Netty's I/O thread: it never waits for a provider's model list.
 */
public final class CatalogPrices implements ModelPrices {
    private final ModelCatalog catalog;

    public CatalogPrices(ModelCatalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public Optional<Price> of(String provider, String model) {
        ModelInfo info = catalog.lookupWithoutWaiting(provider, model);
        if (info == null || info.inputPrice() == null || info.outputPrice() == null) {
            return Optional.empty();
        }
        return Optional.of(new Price(BigDecimal.valueOf(info.inputPrice()), BigDecimal.valueOf(info.outputPrice())));
    }
}
