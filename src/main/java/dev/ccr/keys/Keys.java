package dev.ccr.keys;

import dev.ccr.config.Settings;
import dev.ccr.ingress.ClientAuthenticator;
import dev.ccr.provider.ProviderRegistry;
import dev.ccr.shared.Allowances;
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
     * @param storage    where the keys live (Redis when shared; null: the local file {@code ccr.keys.file}, by default
     *                   {@code keys.json} next to the routing overrides file)
     * @param allowances where the keys' quotas are counted
     */
    public static Keys install(CamelContext context, Settings settings, ProviderRegistry providers,
                               ClientAuthenticator routerKey, KeyStorage storage, Allowances allowances,
                               MeterRegistry meters, ModelPrices prices) {
        KeyStorage chosen = storage != null ? storage : new KeyFile(localFile(settings));
        VirtualKeys keys = new VirtualKeys(chosen);
        keys.refresh();
        LOG.info("Per-user keys: {} in {}", keys.all().size(), chosen instanceof KeyFile file ? file.path() : "Redis");
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
