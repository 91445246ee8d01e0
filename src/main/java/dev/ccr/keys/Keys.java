package dev.ccr.keys;

import dev.ccr.config.Settings;
import dev.ccr.ingress.ClientAuthenticator;
import dev.ccr.provider.ProviderRegistry;
import dev.ccr.shared.Allowances;
import dev.ccr.shared.RedisLink;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.camel.Processor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;

/**
 * Per-user keys, loaded, with the processors the routes use ({@link KeysBeans}): the authenticator on the client
 * endpoints, the quota guard after the request is read and the {@code /admin/keys} API; the router's wiring binds
 * them.
 *
 * @param authenticator accepts the router key or a per-user key
 * @param quotaGuard    a per-user key's allowed providers and models, and its quotas
 * @param admin         lists, creates and revokes keys
 * @param usage         use per key, for /stats and /metrics
 */
public record Keys(Processor authenticator, Processor quotaGuard, Processor admin, KeyUsage usage) {
    public static final String FILE_PROPERTY = "ccr.keys.file";
    private static final Logger LOG = LoggerFactory.getLogger(Keys.class);

    /**
     * @param redis      the shared state, or null: keys then live in the local file {@code ccr.keys.file} (by default
     *                   {@code keys.json} next to the routing overrides file), else in Redis with that file as a copy
     * @param allowances where the keys' quotas are counted
     */
    public static Keys create(Settings settings, ProviderRegistry providers, ClientAuthenticator routerKey,
                              RedisLink redis, Allowances allowances, MeterRegistry meters, ModelPrices prices) {
        KeyFile file = new KeyFile(localFile(settings));
        VirtualKeys keys = new VirtualKeys(redis == null ? file : new RedisKeyStorage(redis, file));
        keys.refresh();
        if (redis != null) {
            // another instance created or revoked a key, or Redis is back: reload the shared list
            redis.subscribe(RedisKeyStorage.TOPIC, ignored -> keys.refresh());
        }
        LOG.info("Per-user keys: {} in {}", keys.all().size(), redis == null ? file.path() : "Redis (copy in " + file.path() + ")");
        KeyUsage usage = new KeyUsage(meters);
        return new Keys(new KeyAuthenticator(keys, routerKey), new KeyQuotaGuard(new KeyQuotas(allowances), usage,
                prices), new KeysAdmin(keys, new KeySpecReader(providers.names()), usage), usage);
    }

    static Path localFile(Settings settings) {
        String configured = settings.get(FILE_PROPERTY).orElse(null);
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        Path overrides = Path.of(settings.string(dev.ccr.admin.Admin.OVERRIDES_FILE_PROPERTY,
                dev.ccr.admin.Admin.DEFAULT_OVERRIDES_FILE)).toAbsolutePath();
        return overrides.resolveSibling("keys.json");
    }
}
