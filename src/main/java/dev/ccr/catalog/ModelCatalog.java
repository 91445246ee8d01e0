package dev.ccr.catalog;

import dev.ccr.config.Settings;
import dev.ccr.provider.ProviderClient;
import dev.ccr.provider.ProviderRegistry;

import java.time.Duration;
import java.util.List;

/**
 * Per model: context window, output limit, reasoning, images, tools, prompt caching and prices. Each field comes from
 * the first source that knows it: the user's {@code ccr.models.<provider>.<model>.*}, then what the provider
 * publishes at run time ({@link PublishedModels}), then the catalog shipped with the router ({@link ShippedCatalog}).
 */
public final class ModelCatalog {
    /** The window Claude Code assumes for a model name it does not know. */
    public static final int CLAUDE_CODE_WINDOW = 200_000;

    private final ProviderRegistry providers;
    private final ConfiguredModels configured;
    private final PublishedModels published;
    private final ShippedCatalog shipped;
    private final int minOutputReserve;

    public ModelCatalog(ProviderRegistry providers, Settings settings, List<String> propertyNames) {
        this.providers = providers;
        this.configured = ConfiguredModels.read(settings, propertyNames);
        this.published = new PublishedModels(settings.duration("ccr.catalog.fetch-wait", Duration.ofSeconds(2)),
                settings.duration("ccr.catalog.refresh", Duration.ofHours(1)),
                settings.duration("ccr.catalog.retry-after-failure", Duration.ofMinutes(5)),
                settings.duration("ccr.catalog.fetch-timeout", Duration.ofSeconds(10)));
        this.shipped = ShippedCatalog.load();
        this.minOutputReserve = settings.positive("ccr.catalog.min-output-reserve", 4096);
    }

    /** What is known about a provider's model; {@link ModelInfo#UNKNOWN} fields where nothing is. */
    public ModelInfo lookup(String provider, String model) {
        ModelInfo info = configured.find(provider, model);
        ProviderClient client = providers.find(provider).orElse(null);
        if (client != null) {
            info = info.orElse(published.find(client, model));
        }
        return info.orElse(shipped.find(model));
    }

    /** As {@link #lookup}, but never starting or waiting for a provider's publication (for callers on an I/O thread). */
    public ModelInfo lookupWithoutWaiting(String provider, String model) {
        ModelInfo info = configured.find(provider, model);
        ProviderClient client = providers.find(provider).orElse(null);
        if (client != null) {
            info = info.orElse(published.findFetched(client, model));
        }
        return info.orElse(shipped.find(model));
    }

    /**
     * Whether a provider forwards the client's request unchanged (the anthropic protocol): its requests are neither
     * fitted nor checked against the catalog, Anthropic answers for its own models' limits in its own words.
     */
    public boolean isPassThrough(String provider) {
        return providers.find(provider).map(p -> "anthropic".equals(p.settings().protocol())).orElse(false);
    }

    /** The date the shipped catalog's facts are as of. */
    public String shippedAsOf() {
        return shipped.asOf();
    }

    /**
     * Output tokens a prompt must leave room for in the window: the request's max_tokens, but no more than this
     * ({@code ccr.catalog.min-output-reserve}) — beyond it max_tokens is lowered to what is left instead.
     */
    public int minOutputReserve() {
        return minOutputReserve;
    }

    /**
     * The factor by which input token counts are reported to the client: {@code 200000 / window} for a model with
     * context scaling on (the default for windows under 200k), else 1.
     */
    public static double contextScale(ModelInfo info) {
        Integer window = info.contextWindow();
        if (window == null || window <= 0) {
            return 1;
        }
        boolean on = info.contextScaling() != null ? info.contextScaling() : window < CLAUDE_CODE_WINDOW;
        return on ? (double) CLAUDE_CODE_WINDOW / window : 1;
    }
}
