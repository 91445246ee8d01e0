package dev.ccr.transform.codewhisperer;

import dev.ccr.error.ErrorType;
import dev.ccr.error.RouterException;
import dev.ccr.provider.ProviderConfigReader;
import dev.ccr.provider.ProviderSettings;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The non-secret options of a codewhisperer provider ({@code ccr.providers.NAME.option.KEY}) the transformer uses.
 *
 * @param models          Anthropic → CodeWhisperer model ids, with {@code model-map} overrides
 * @param maxPayloadBytes request bodies beyond this are refused before sending ({@code max-payload-bytes})
 * @param forwardThinking whether thinking/effort settings go upstream ({@code forward-thinking}, default true)
 * @param contextWindow   tokens of context, for estimating input usage from Kiro's percentage ({@code context-window})
 * @param kiroVersion     the Kiro IDE version named in the user agent ({@code kiro-version})
 * @param machineId       the machine id named in the user agent ({@code machine-id}; default a hash of host and user)
 */
record CodeWhispererOptions(ModelIds models, int maxPayloadBytes, boolean forwardThinking, long contextWindow,
                            String kiroVersion, String machineId) {
    static final int DEFAULT_MAX_PAYLOAD_BYTES = 600_000;
    static final long DEFAULT_CONTEXT_WINDOW = 200_000;
    static final String DEFAULT_KIRO_VERSION = "0.7.45";
    private static final String DEFAULT_MACHINE_ID = defaultMachineId();

    static CodeWhispererOptions of(ProviderSettings provider) {
        String prefix = ProviderConfigReader.PREFIX + provider.name() + ".option.";
        return new CodeWhispererOptions(
                new ModelIds(provider.option("model-map", null), prefix + "model-map"),
                (int) number(provider, prefix, "max-payload-bytes", DEFAULT_MAX_PAYLOAD_BYTES),
                !"false".equalsIgnoreCase(provider.option("forward-thinking", "true").strip()),
                number(provider, prefix, "context-window", DEFAULT_CONTEXT_WINDOW),
                provider.option("kiro-version", DEFAULT_KIRO_VERSION),
                provider.option("machine-id", DEFAULT_MACHINE_ID));
    }

    private static long number(ProviderSettings provider, String prefix, String key, long fallback) {
        String value = provider.option(key, null);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            long n = Long.parseLong(value.strip());
            if (n > 0 && n <= Integer.MAX_VALUE) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new RouterException(ErrorType.API, prefix + key + " must be a positive whole number, not '" + value
                + "': fix it in the router's configuration and restart it");
    }

    /** Stable per machine and user, and says nothing about either (a hash). */
    private static String defaultMachineId() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            host = "localhost";
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((host + "-" + System.getProperty("user.name", "")).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
