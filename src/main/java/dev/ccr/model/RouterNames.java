package dev.ccr.model;

import java.util.Optional;

/**
 * Every name the router's flows share with Java, as {@link ExchangeKeys} names the exchange's properties: the beans
 * that routes/common/providers.camel.yaml and the category routes refer to, and the only place where a name is built
 * from a provider, a protocol or a category. A name built anywhere else would drift from the YAML silently; here a
 * change shows in one diff.
 */
public final class RouterNames {
    /** Scheme of the targets a category route sends to: {@code provider:<name>[?model=…]}. */
    public static final String PROVIDER_COMPONENT = "provider";
    public static final String PROVIDER_REGISTRY = "providerRegistry";
    /** The route builder that instantiates the provider route template once per configured provider. */
    public static final String PROVIDER_ROUTES = "providerRoutes";
    public static final String CIRCUIT_BREAKER_REGISTRY = "circuitBreakerRegistry";
    public static final String PROVIDER_STATUS_BOARD = "providerStatusBoard";
    /** Sends a classified request to its category's route. */
    public static final String CATEGORY_DISPATCHER = "categoryDispatcher";
    /** The provider call inside each provider route's circuit breaker. */
    public static final String PROVIDER_CALL = "providerCall";

    private static final String CATEGORY_ROUTE = "direct:category-";
    private static final String PROVIDER_ROUTE = "direct:provider-";

    private RouterNames() {
    }

    /** The endpoint a category's route consumes from; the classifier sends there. */
    public static String categoryRoute(String category) {
        return CATEGORY_ROUTE + category;
    }

    /** The category a route serves, when its consumer endpoint (in Camel's normalised form or not) is a category's. */
    public static Optional<String> categoryOf(String endpointUri) {
        String uri = endpointUri == null ? "" : endpointUri.replace("direct://", "direct:");
        if (!uri.startsWith(CATEGORY_ROUTE)) {
            return Optional.empty();
        }
        return Optional.of(uri.substring(CATEGORY_ROUTE.length()).replaceFirst("\\?.*", ""));
    }

    /** The endpoint of a provider's route (made from the {@code provider-route} template), never from a request. */
    public static String providerRoute(String provider) {
        return PROVIDER_ROUTE + provider;
    }

    public static String providerRouteId(String provider) {
        return "call-provider-" + provider;
    }

    /** The provider's Resilience4j circuit breaker, as the template's circuitBreaker step names it. */
    public static String breaker(String provider) {
        return provider + "-breaker";
    }

    /** The bean that turns a client request into a protocol's request ({@code <protocol>RequestTransformer}). */
    public static String requestTransformer(String protocol) {
        return protocol + "RequestTransformer";
    }

    /** The bean that turns a protocol's answer into Anthropic's ({@code <protocol>ResponseTransformer}). */
    public static String responseTransformer(String protocol) {
        return protocol + "ResponseTransformer";
    }
}
