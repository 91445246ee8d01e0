package dev.ccr.ingress;

/**
 * The beans routes/common/ingress.camel.yaml, http-endpoint.camel.yaml and error-handling.camel.yaml refer to by
 * name, each name written once.
 */
public final class IngressBeans {
    public static final String CLIENT_AUTHENTICATOR = "clientAuthenticator";
    /** Run first on every HTTP route by the route configuration's interceptFrom: Host, Origin, content type. */
    public static final String CROSS_SITE_GUARD = "crossSiteGuard";
    public static final String MESSAGES_REQUEST_READER = "messagesRequestReader";
    public static final String COUNT_TOKENS_REQUEST_READER = "countTokensRequestReader";
    public static final String TOKEN_COUNT_RESPONDER = "tokenCountResponder";
    public static final String MODELS_RESPONDER = "modelsResponder";
    public static final String PROVIDER_HEALTH_RESPONDER = "providerHealthResponder";
    public static final String CLIENT_RESPONSE_WRITER = "clientResponseWriter";
    public static final String CLIENT_ERROR_WRITER = "clientErrorWriter";
    /** Answers 504 when a request's answer has not started within ccr.request-deadline. */
    public static final String REQUEST_DEADLINE = "requestDeadline";
    public static final String UNKNOWN_PATH = "unknownPath";
    /** Method guards of the routes the http-endpoint template does not make (its own guard is template-local). */
    public static final String GET_ONLY = "getOnly";
    public static final String PUT_ONLY = "putOnly";
    /** Requests accepted and not yet answered, which a graceful shutdown waits for. */
    public static final String ACTIVE_REQUESTS = "activeRequests";

    private IngressBeans() {
    }
}
