package dev.ccr.provider;

/** Builds the credentials of one provider instance from its configuration; one factory per protocol. */
@FunctionalInterface
public interface CredentialsFactory {
    Credentials create(ProviderSettings settings, ProviderConfigReader config);
}
