package dev.ccr.provider.kiro;

import dev.ccr.provider.Credentials;
import dev.ccr.provider.CredentialsFactory;
import dev.ccr.provider.ProviderConfigReader;
import dev.ccr.provider.ProviderSettings;

import java.time.Clock;

/**
 * Credentials of a {@code codewhisperer} provider: the Kiro token file named by the options (see {@link KiroOptions}).
 * Each provider instance gets its own credentials, so two instances with two token files never mix them up.
 */
public final class KiroCredentialsFactory implements CredentialsFactory {

    @Override
    public Credentials create(ProviderSettings settings, ProviderConfigReader config) {
        KiroOptions options = KiroOptions.of(settings);
        return new KiroTokenCredentials(settings.name(), new KiroTokenFile(options.tokenPath()),
                new KiroRefresher(options.refreshUrl(), options.idcRefreshUrl()), options.refreshMargin(),
                Clock.systemUTC());
    }
}
