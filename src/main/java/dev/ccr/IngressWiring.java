package dev.ccr;

import dev.ccr.config.ConfigException;
import dev.ccr.config.Settings;
import dev.ccr.ingress.ActiveRequests;
import dev.ccr.ingress.BodyLog;
import dev.ccr.ingress.ClientAuthenticator;
import dev.ccr.ingress.ClientErrorWriter;
import dev.ccr.ingress.ClientResponseWriter;
import dev.ccr.ingress.CrossSiteGuard;
import dev.ccr.ingress.GracefulDrain;
import dev.ccr.ingress.IngressBeans;
import dev.ccr.ingress.MessagesRequestReader;
import dev.ccr.ingress.MethodGuard;
import dev.ccr.ingress.ModelsResponder;
import dev.ccr.ingress.ProviderHealthResponder;
import dev.ccr.ingress.RequestDeadline;
import dev.ccr.ingress.TokenCountResponder;
import dev.ccr.ingress.UnknownPathResponder;
import dev.ccr.ingress.netty.IngressHttpComponent;
import dev.ccr.ingress.netty.IngressLimits;
import dev.ccr.router.CategoryTargets;
import dev.ccr.router.ProviderStatusBoard;
import dev.ccr.request.RequestListener;
import dev.ccr.shared.SharedState;
import dev.ccr.tokens.TokenCounter;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.Registry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;

/**
 * The ingress layer: the netty-http component with the port's limits, the router key, the request readers, the
 * local responders and the writers every HTTP route ends with.
 */
final class IngressWiring {
    private static final Logger LOG = LoggerFactory.getLogger(IngressWiring.class);

    private IngressWiring() {
    }

    /** Checked first, before any provider is built: a router open to the network without a key must not start. */
    static ClientAuthenticator authenticator(Settings settings) {
        ClientAuthenticator authenticator = new ClientAuthenticator(settings.get("ccr.api-key").orElse(null));
        checkBinding(settings, authenticator);
        return authenticator;
    }

    static void wire(CamelContext context, Settings settings, ClientAuthenticator authenticator,
                     ProviderWiring.Wired provider, CatalogWiring.Wired catalog, SharedStateWiring.Wired shared,
                     ProviderStatusBoard board, RequestListener requestListener) {
        IngressLimits limits = IngressLimits.from(settings);
        // every netty-http route on the port gets the same limits, whichever binds first
        context.addComponent("netty-http", new IngressHttpComponent(limits));
        long maxBody = limits.maxBodyBytes();
        ActiveRequests activeRequests = new ActiveRequests();
        BodyLog bodyLog = new BodyLog(settings.bool("ccr.log.request-bodies", false),
                settings.bool("ccr.log.response-bodies", false), settings.positive("ccr.log.body-max-chars", 16000));
        context.getManagementStrategy().addEventNotifier(
                new GracefulDrain(activeRequests, settings.duration("ccr.shutdown.grace", Duration.ofSeconds(30))));

        Registry registry = context.getRegistry();
        registry.bind(IngressBeans.ACTIVE_REQUESTS, activeRequests);
        registry.bind(IngressBeans.CLIENT_AUTHENTICATOR, authenticator);
        CrossSiteGuard crossSiteGuard = CrossSiteGuard.from(settings);
        LOG.info("Answering to Host names {}; browser origins allowed besides the router's own: {}",
                crossSiteGuard.hosts().describe(), settings.list("ccr.allowed-origins"));
        registry.bind(IngressBeans.CROSS_SITE_GUARD, crossSiteGuard);
        registry.bind(IngressBeans.MESSAGES_REQUEST_READER,
                new MessagesRequestReader(maxBody, true, requestListener, activeRequests, bodyLog));
        registry.bind(IngressBeans.COUNT_TOKENS_REQUEST_READER,
                new MessagesRequestReader(maxBody, false, RequestListener.NONE, activeRequests, bodyLog));
        registry.bind(IngressBeans.TOKEN_COUNT_RESPONDER, new TokenCountResponder(new TokenCounter(),
                catalog.limits(), new CategoryTargets(context)));
        registry.bind(IngressBeans.MODELS_RESPONDER, new ModelsResponder(provider.providers(), catalog.catalog()));
        registry.bind(IngressBeans.PROVIDER_HEALTH_RESPONDER, new ProviderHealthResponder(board,
                provider.unsupportedParameters(), root -> SharedState.describe(shared.redis(), root)));
        registry.bind(IngressBeans.CLIENT_RESPONSE_WRITER, new ClientResponseWriter(bodyLog));
        registry.bind(IngressBeans.CLIENT_ERROR_WRITER, new ClientErrorWriter());
        registry.bind(IngressBeans.REQUEST_DEADLINE, new RequestDeadline(
                settings.positiveDuration("ccr.request-deadline", Duration.ofMinutes(10))));
        registry.bind(IngressBeans.GET_ONLY, new MethodGuard("GET"));
        registry.bind(IngressBeans.PUT_ONLY, new MethodGuard("PUT"));
        registry.bind(IngressBeans.UNKNOWN_PATH, new UnknownPathResponder());
    }

    /** Without a router key, anyone who can reach the port could spend the providers' credits: loopback only. */
    private static void checkBinding(Settings settings, ClientAuthenticator authenticator) {
        String host = settings.string("ccr.host", "127.0.0.1");
        if (authenticator.enabled()) {
            return;
        }
        boolean loopback;
        try {
            loopback = InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            loopback = false;
        }
        if (!loopback) {
            throw new ConfigException(settings.source(), "ccr.host", "the router listens on '" + host
                    + "' but no router key is set: set ccr.api-key (or CCR_API_KEY), or listen on 127.0.0.1");
        }
        LOG.info("No router key set (ccr.api-key): listening on loopback {} only", host);
    }
}
