package dev.ccr.model;

/** Names of the exchange properties the layers hand each other; also usable from the YAML routes. */
public final class ExchangeKeys {
    /** The {@link MessagesRequest}. */
    public static final String REQUEST = "ccrRequest";
    /** The model the client asked for (set by the classification flow, for rules written in YAML). */
    public static final String MODEL = "ccrModel";
    /** Claude Code's session id, when the request carries one (for rules and sticky balancers in YAML). */
    public static final String SESSION_ID = "ccrSessionId";
    /** The category the classifier chose (default, background, thinking, …). */
    public static final String CATEGORY = "ccrCategory";
    /** Why the classifier chose it, for the request log. */
    public static final String REASON = "ccrReason";
    /**
     * The {@link Target} fixed by the request itself (provider,model syntax, model map, subagent tag), read by
     * {@code provider:pinned}.
     */
    public static final String PINNED_TARGET = "ccrPinnedTarget";
    /** The same target's provider and model as text, for logs and route conditions (never for an endpoint URI). */
    public static final String TARGET_PROVIDER = "ccrTargetProvider";
    public static final String TARGET_MODEL = "ccrTargetModel";
    /** The {@link Target} of the attempt under way. */
    public static final String TARGET = "ccrTarget";
    /** The {@code RequestRecord} (dev.ccr.router) that follows the request to its end. */
    public static final String RECORD = "ccrRecord";
    /** Who answers the client: the route or the request's deadline (dev.ccr.ingress.ClientAnswer). */
    public static final String ANSWER = "ccrAnswer";
    /**
     * The providers the request may use (a {@code java.util.Set<String>}), when its client key is restricted to some;
     * absent: all. Checked on each attempt, so a balancer moves on to an allowed provider.
     */
    public static final String ALLOWED_PROVIDERS = "ccrAllowedProviders";
    /** The Netty channel context of the client connection (netty-http sets it). */
    public static final String CHANNEL = "CamelNettyChannelHandlerContext";

    private ExchangeKeys() {
    }
}
