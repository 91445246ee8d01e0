package dev.ccr.provider;

import java.util.function.BiConsumer;

/** How one provider instance proves who it is. Lives in the provider layer only; never handed elsewhere. */
public interface Credentials {

    /** Adds authentication to a request about to be sent: {@code header} takes each header's name and value. */
    void authorize(BiConsumer<String, String> header);

    /**
     * Why this provider cannot be called yet (e.g. "set ANTHROPIC_API_KEY"), or null when it can. Never waits: status
     * pages, health checks and the balancers ask it.
     */
    String missingReason();

    /**
     * Just before a call: like {@link #missingReason()}, but may first wait for credentials that must be renewed
     * before any call can succeed (an expired token being refreshed).
     */
    default String awaitReady() {
        return missingReason();
    }

    /** Called after a 401; true when fresh credentials were obtained and the call may be repeated once. */
    default boolean refreshAfterUnauthorized() {
        return false;
    }

    /** No authentication (Ollama, LM Studio, a local vLLM). */
    Credentials NONE = new Credentials() {
        @Override
        public void authorize(BiConsumer<String, String> header) {
        }

        @Override
        public String missingReason() {
            return null;
        }
    };
}
