package dev.ccr.provider;

import java.util.function.BiConsumer;

/**
 * A static API key sent in one header, optionally after a scheme ("Bearer "). The key is read from an environment
 * variable by name, so it never passes through Camel's properties (which JMX and consoles can show).
 */
public final class ApiKeyCredentials implements Credentials {
    private final String header;
    private final String scheme;
    private final String key;
    private final String source;

    /**
     * @param header the header carrying the key, e.g. x-api-key or Authorization
     * @param scheme text before the key, e.g. "Bearer ", or ""
     * @param key    the key, or null when not configured
     * @param source where the user sets it, for the error message (an environment variable's name)
     */
    public ApiKeyCredentials(String header, String scheme, String key, String source) {
        this.header = header;
        this.scheme = scheme == null || scheme.isBlank() ? "" : scheme.strip() + " ";
        this.key = key == null || key.isBlank() ? null : key.trim();
        this.source = source;
        dev.ccr.error.Redactor.register(this.key);
    }

    @Override
    public void authorize(BiConsumer<String, String> header) {
        if (key != null) {
            header.accept(this.header, scheme + key);
        }
    }

    @Override
    public String missingReason() {
        return key == null ? "has no API key: set " + source + " in the router's environment and restart it" : null;
    }

    @Override
    public String toString() {
        return "ApiKeyCredentials[" + header + ", key " + (key == null ? "missing" : "set") + "]";
    }
}
