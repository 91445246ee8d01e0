package dev.ccr;

import dev.ccr.admin.Admin;
import dev.ccr.catalog.ModelCatalog;
import dev.ccr.catalog.TargetLimits;
import dev.ccr.provider.ParameterRecovery;
import dev.ccr.provider.UnsupportedParameters;
import dev.ccr.admin.ModelMapOverrides;
import dev.ccr.config.ConfigException;
import dev.ccr.config.ScenarioProperties;
import dev.ccr.config.Settings;
import dev.ccr.ingress.ActiveRequests;
import dev.ccr.keys.Keys;
import dev.ccr.keys.CatalogPrices;
import dev.ccr.shared.Allowances;
import dev.ccr.shared.LocalAllowances;
import dev.ccr.shared.RedisAllowances;
import dev.ccr.shared.RedisConcurrencyLimits;
import dev.ccr.shared.RedisLink;
import dev.ccr.shared.SharedState;
import dev.ccr.ingress.BodyLog;
import dev.ccr.ingress.ClientAuthenticator;
import dev.ccr.ingress.GracefulDrain;
import dev.ccr.ingress.ClientErrorWriter;
import dev.ccr.ingress.ClientResponseWriter;
import dev.ccr.ingress.CrossSiteGuard;
import dev.ccr.ingress.GuardedIngressRule;
import dev.ccr.ingress.MessagesRequestReader;
import dev.ccr.ingress.RequestDeadline;
import dev.ccr.ingress.MethodGuard;
import dev.ccr.ingress.ModelsResponder;
import dev.ccr.ingress.ProviderHealthResponder;
import dev.ccr.router.HealthChecker;
import dev.ccr.ingress.UnknownPathResponder;
import dev.ccr.ingress.netty.IngressHttpComponent;
import dev.ccr.ingress.netty.IngressLimits;
import dev.ccr.ingress.TokenCountResponder;
import dev.ccr.provider.ProviderCallProcessor;
import dev.ccr.provider.ProviderClient;
import dev.ccr.provider.ProviderRegistry;
import dev.ccr.provider.ProviderUrl;
import dev.ccr.router.CategoryDispatcher;
import dev.ccr.router.ClassificationFlowValidator;
import dev.ccr.router.CircuitBreakers;
import dev.ccr.router.ProviderComponent;
import dev.ccr.router.ProviderRoutesBuilder;
import dev.ccr.router.ProviderStatusBoard;
import dev.ccr.router.RouteTargetValidator;
import dev.ccr.router.ValidatingRouteReloadStrategy;
import dev.ccr.router.classify.ClassificationBeans;
import dev.ccr.router.classify.RoutingRules;
import org.apache.camel.model.Model;
import org.apache.camel.model.ModelLifecycleStrategySupport;
import org.apache.camel.model.RouteDefinition;
import dev.ccr.stats.Observability;
import dev.ccr.stats.RequestListener;
import dev.ccr.stats.views.SeedsViews;
import dev.ccr.tokens.TokenCounter;
import dev.ccr.transform.ProtocolTransformer;
import dev.ccr.transform.RequestTransformProcessor;
import dev.ccr.transform.ResponseTransformProcessor;
import dev.ccr.transform.anthropic.AnthropicTransformer;
import dev.ccr.transform.gemini.GeminiTransformer;
import dev.ccr.transform.openai.OpenAiTransformer;
import dev.ccr.transform.codewhisperer.CodeWhispererTransformer;
import dev.ccr.provider.CredentialsFactory;
import dev.ccr.provider.kiro.KiroCredentialsFactory;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.PropertiesComponent;
import org.apache.camel.spi.Registry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds the router's beans from the configuration and binds them under the names the YAML routes use. Only what
 * the routes cannot express lives here.
 */
public class RouterConfiguration implements CamelConfiguration {
    public static final String CONFIG_FILE_PROPERTY = "ccr.config-file";
    private static final Logger LOG = LoggerFactory.getLogger(RouterConfiguration.class);

    @Override
    public void configure(CamelContext context) {
        PropertiesComponent properties = context.getPropertiesComponent();
        String configFile = properties.resolveProperty(CONFIG_FILE_PROPERTY).orElse(CamelCodeRouter.DEFAULT_CONFIG);
        Settings fileSettings = new Settings(properties::resolveProperty, configFile);
        ScenarioProperties scenario = scenarioProperties(fileSettings);
        Settings settings = new Settings(scenario.overlay(properties::resolveProperty,
                key -> isOverridden(properties, key), context::resolvePropertyPlaceholders), configFile);
        List<String> propertyNames = List.copyOf(scenario.propertyNames(
                properties.loadProperties().stringPropertyNames()));
        Registry registry = context.getRegistry();

        ClientAuthenticator authenticator = new ClientAuthenticator(settings.get("ccr.api-key").orElse(null));
        checkBinding(settings, authenticator);

        Map<String, CredentialsFactory> credentialFactories = ProviderRegistry.apiKeyFactories();
        credentialFactories.put("codewhisperer", new KiroCredentialsFactory());
        ProviderRegistry providers = ProviderRegistry.load(settings, propertyNames, credentialFactories,
                failoverStatuses(settings));
        registry.bind("providerRegistry", providers);
        registry.bind("providerRoutes", new ProviderRoutesBuilder(providers));

        CircuitBreakers breakers = new CircuitBreakers();
        registry.bind("circuitBreakerRegistry", breakers.registry());
        for (ProviderClient provider : providers.all()) {
            registry.bind(CircuitBreakers.beanName(provider.settings().name()), breakers.create(provider.settings()));
        }
        ProviderStatusBoard board = new ProviderStatusBoard(providers, name -> breakers.find(name).orElseThrow());
        registry.bind("providerStatusBoard", board);
        Observability observability = Observability.install(context, providers, breakers.registry(), board, settings);
        RequestListener listener = observability.listener();
        SeedsViews.install(context, observability.statistics(), observability.targetTraffic(), board);
        RedisLink redis = SharedState.link(settings);
        Allowances allowances = redis == null ? new LocalAllowances() : new RedisAllowances(redis);
        if (redis != null) {
            RedisConcurrencyLimits concurrency = new RedisConcurrencyLimits(redis);
            board.share(allowances, concurrency, redis);
            addService(context, concurrency);
        }
        ModelMapOverrides runtimeModelMap = Admin.install(context, settings, providers, board, redis);
        ModelCatalog catalog = new ModelCatalog(providers, settings, propertyNames);
        Keys keys = Keys.install(context, settings, providers, authenticator, redis, allowances,
                observability.meters(), new CatalogPrices(catalog));
        if (redis != null) {
            addService(context, redis);
        }
        observability.statsResponder().addSection("keys", keys.usage()::toJson);
        context.addComponent("provider", new ProviderComponent(providers, board));
        installRouteValidation(context, settings, providers);
        Map<String, ProtocolTransformer> transformers = new LinkedHashMap<>();
        for (ProtocolTransformer transformer : List.<ProtocolTransformer>of(new AnthropicTransformer(), new OpenAiTransformer(),
                new GeminiTransformer(), new CodeWhispererTransformer())) {
            transformers.put(transformer.protocol(), transformer);
        }
        addService(context, new HealthChecker(providers, board, p -> transformers.get(p).healthCheckPath()));
        TargetLimits targetLimits = new TargetLimits(catalog, new TokenCounter());
        registry.bind(TargetLimits.BEAN, targetLimits);
        UnsupportedParameters unsupportedParameters = new UnsupportedParameters();
        registry.bind("providerHealthResponder", new ProviderHealthResponder(board, unsupportedParameters,
                root -> SharedState.describe(redis, root)));
        for (ProtocolTransformer transformer : transformers.values()) {
            registry.bind(transformer.protocol() + "RequestTransformer",
                    new RequestTransformProcessor(transformer, providers, targetLimits));
            registry.bind(transformer.protocol() + "ResponseTransformer",
                    new ResponseTransformProcessor(transformer, providers, targetLimits));
        }
        registry.bind("providerCall", new ProviderCallProcessor(providers, new ParameterRecovery(unsupportedParameters)));

        IngressLimits limits = IngressLimits.from(settings);
        // every netty-http route on the port gets the same limits, whichever binds first
        context.addComponent("netty-http", new IngressHttpComponent(limits));
        long maxBody = limits.maxBodyBytes();
        ActiveRequests activeRequests = new ActiveRequests();
        BodyLog bodyLog = new BodyLog(settings.bool("ccr.log.request-bodies", false),
                settings.bool("ccr.log.response-bodies", false), settings.positive("ccr.log.body-max-chars", 16000));
        registry.bind("activeRequests", activeRequests);
        context.getManagementStrategy().addEventNotifier(
                new GracefulDrain(activeRequests, settings.duration("ccr.shutdown.grace", Duration.ofSeconds(30))));
        registry.bind("clientAuthenticator", authenticator);
        CrossSiteGuard crossSiteGuard = CrossSiteGuard.from(settings);
        LOG.info("Answering to Host names {}; browser origins allowed besides the router's own: {}",
                crossSiteGuard.hosts().describe(), settings.list("ccr.allowed-origins"));
        registry.bind("crossSiteGuard", crossSiteGuard);
        registry.bind("messagesRequestReader", new MessagesRequestReader(maxBody, true, listener, activeRequests, bodyLog));
        registry.bind("countTokensRequestReader", new MessagesRequestReader(maxBody, false, RequestListener.NONE, activeRequests, bodyLog));
        ClassificationBeans.bind(context, RoutingRules.load(settings, propertyNames, providers, new TokenCounter(),
                runtimeModelMap));
        CategoryDispatcher categoryDispatcher = new CategoryDispatcher();
        categoryDispatcher.setCamelContext(context);
        addService(context, categoryDispatcher);
        registry.bind("categoryDispatcher", categoryDispatcher);
        registry.bind("tokenCountResponder", new TokenCountResponder(new TokenCounter(), targetLimits));
        registry.bind("modelsResponder", new ModelsResponder(providers, catalog));
        registry.bind("clientResponseWriter", new ClientResponseWriter(bodyLog));
        registry.bind("clientErrorWriter", new ClientErrorWriter());
        registry.bind("requestDeadline", new RequestDeadline(
                settings.positiveDuration("ccr.request-deadline", Duration.ofMinutes(10))));
        registry.bind("getOnly", new MethodGuard("GET"));
        registry.bind("unknownPath", new UnknownPathResponder());

        for (ProviderClient provider : providers.all()) {
            String missing = provider.missingReason();
            // the resolved URL, so a base URL written with or without its version segment can be checked at a glance
            String requests = ProviderUrl.describe(provider.settings().baseUrl(),
                    transformers.get(provider.settings().protocol()).requestPath(provider.settings()));
            LOG.info("Provider {} ({}): requests go to {}; {}", provider.settings().name(),
                    provider.settings().protocol(), requests, missing == null ? "ready" : "not ready: " + missing);
        }
    }

    /**
     * Every route's provider targets are checked as it is added (a mistake stops the start, naming file, route and
     * value), and edited category files are checked before they replace the running routes.
     */
    private static void installRouteValidation(CamelContext context, Settings settings, ProviderRegistry providers) {
        RouteTargetValidator targets = new RouteTargetValidator(context, providers);
        ClassificationFlowValidator categories = new ClassificationFlowValidator(context);
        java.util.function.Consumer<RouteDefinition> validator = route -> {
            targets.validate(route);
            categories.validate(route);
        };
        context.getCamelContextExtension().getContextPlugin(Model.class).addModelLifecycleStrategy(
                new ModelLifecycleStrategySupport() {
                    @Override
                    public void onAddRouteDefinition(RouteDefinition route) {
                        GuardedIngressRule.check(route);
                        validator.accept(route);
                    }
                });
        if (settings.bool("ccr.routes.reload", true)) {
            addService(context, new ValidatingRouteReloadStrategy(settings.string("ccr.routes.reload-directory",
                    "routes/" + settings.string("ccr.scenario", "default")), "*.camel.yaml", validator));
            // the classification flow, the one file of routes/common meant to be edited while the router runs
            addService(context, new ValidatingRouteReloadStrategy(settings.string("ccr.routes.common-directory",
                    "routes/common"), "classify.camel.yaml", validator));
        }
    }

    /**
     * The running scenario's own properties ({@code ccr.scenario-properties}, default
     * {@code config/scenarios/<scenario>.properties}), e.g. the provider blocks the importer wrote. The scenario name is
     * checked before it becomes part of a path.
     */
    private static ScenarioProperties scenarioProperties(Settings settings) {
        String name = ScenarioProperties.checkName(settings.string("ccr.scenario", "default"), settings.source());
        Path file = Path.of(settings.string("ccr.scenario-properties", "config/scenarios/" + name + ".properties"));
        ScenarioProperties scenario = ScenarioProperties.load(file);
        if (!scenario.providers().isEmpty()) {
            LOG.info("Scenario {}: providers {} from {}", name, scenario.providers(), file);
        }
        return scenario;
    }

    /** Set by an environment variable or an override property, which win over the scenario's file too. */
    private static boolean isOverridden(PropertiesComponent properties, String key) {
        if (System.getenv(ScenarioProperties.environmentName(key)) != null) {
            return true;
        }
        return properties instanceof org.apache.camel.component.properties.PropertiesComponent impl
                && impl.getOverrideProperties() != null
                // Camel's OrderedProperties answers getProperty, not containsKey
                && impl.getOverrideProperties().getProperty(key) != null;
    }

    /** HTTP statuses on which another provider is tried ({@code ccr.failover.statuses}). */
    private static Set<Integer> failoverStatuses(Settings settings) {
        List<String> configured = settings.list("ccr.failover.statuses");
        if (configured.isEmpty()) {
            return ProviderRegistry.DEFAULT_RETRYABLE;
        }
        Set<Integer> statuses = new java.util.HashSet<>();
        for (String status : configured) {
            try {
                statuses.add(Integer.parseInt(status));
            } catch (NumberFormatException e) {
                throw new ConfigException(settings.source(), "ccr.failover.statuses", "'" + status + "' is not an HTTP status");
            }
        }
        return Set.copyOf(statuses);
    }

    private static void addService(CamelContext context, Object service) {
        try {
            context.addService(service);
        } catch (Exception e) {
            throw new IllegalStateException("Could not add " + service, e);
        }
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
