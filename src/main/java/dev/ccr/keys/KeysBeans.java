package dev.ccr.keys;

/** The beans routes/common/ingress.camel.yaml and keys.camel.yaml refer to by name. */
public final class KeysBeans {
    /** On the client endpoints instead of the router key alone: the router key or a per-user key. */
    public static final String USER_KEY_AUTHENTICATOR = "userKeyAuthenticator";
    public static final String KEY_QUOTA_GUARD = "keyQuotaGuard";
    public static final String KEYS_ADMIN = "keysAdmin";

    private KeysBeans() {
    }
}
