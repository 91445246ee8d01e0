package dev.ccr.keys;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * What a model costs, where known: the hook through which spend per key is counted. The model catalog (#14) provides
 * prices per provider and model ({@link CatalogPrices}); a model without known prices adds no spend.
 */
@FunctionalInterface
public interface ModelPrices {
    /** US dollars per million input and output tokens of this provider's model, if known. */
    Optional<Price> of(String provider, String model);

    ModelPrices NONE = (provider, model) -> Optional.empty();

    record Price(BigDecimal inputPerMillion, BigDecimal outputPerMillion) {
        private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);

        /** Cache tokens are priced as input: an upper bound, as cache reads cost less. */
        BigDecimal cost(long inputTokens, long outputTokens) {
            return inputPerMillion.multiply(BigDecimal.valueOf(inputTokens))
                    .add(outputPerMillion.multiply(BigDecimal.valueOf(outputTokens)))
                    .divide(MILLION, 6, java.math.RoundingMode.HALF_UP);
        }
    }
}
