package dev.ccr.keys;

import dev.ccr.config.Settings;
import dev.ccr.ingress.ClientAuthenticator;
import dev.ccr.provider.ProviderRegistry;
import dev.ccr.shared.Allowances;
import dev.ccr.shared.RedisLink;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.Registry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;

/**
 * Per-user keys: binds the beans the routes use ({@code userKeyAuthenticator} on the client endpoints,
 * {@code keyQuotaGuard} after the request is read, {@code keysAdmin} for {@code /admin/keys}) and loads the keys.
 */
public final class Keys {
    public static final String FILE_PROPERTY = "ccr.keys.file";
    private static final Logger LOG = LoggerFactory.getLogger(Keys.class);

    private final VirtualKeys keys;
    private final KeyUsage usage;

    private Keys(VirtualKeys keys, KeyUsage usage) {
        this.keys = keys;
        this.usage = usage;
    }

    /**
     * @param redis      the shared state, or null: keys then live in the local file {@code ccr.keys.file} (by default
     *                   {@code keys.json} next to the routing overrides file), else in Redis with that file as a copy
     * @param allowances where the keys' quotas are counted
     */
    public static Keys install(CamelContext context, Settings settings, ProviderRegistry providers,
                               ClientAuthenticator routerKey, RedisLink redis, Allowances allowances,
                               MeterRegistry meters, ModelPrices prices) {
        KeyFile file = new KeyFile(localFile(settings));
        VirtualKeys keys = new VirtualKeys(redis == null ? file : new RedisKeyStorage(redis, file));
        keys.refresh();
        if (redis != null) {
            // another instance created or revoked a key, or Redis is back: reload the shared list
            redis.subscribe(RedisKeyStorage.TOPIC, ignored -> keys.refresh());
        }
        LOG.info("Per-user keys: {} in {}", keys.all().size(), redis == null ? file.path() : "Redis (copy in " + file.path() + ")");
        KeyUsage usage = new KeyUsage(meters);
        Registry registry = context.getRegistry();
        registry.bind("userKeyAuthenticator", new KeyAuthenticator(keys, routerKey));
        registry.bind("keyQuotaGuard", new KeyQuotaGuard(new KeyQuotas(allowances), usage, prices));
        registry.bind("keysAdmin", new KeysAdmin(keys, new KeySpecReader(providers.names()), usage));
        return new Keys(keys, usage);
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

    public VirtualKeys keys() {
        return keys;
    }

    public KeyUsage usage() {
        return usage;
    }
}
