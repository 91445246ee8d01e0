package dev.ccr;

import dev.ccr.config.Settings;
import dev.ccr.provider.ProviderClient;
import dev.ccr.provider.ProviderRegistry;
import dev.ccr.ingress.GuardedIngressRule;
import dev.ccr.router.CategoryDispatcher;
import dev.ccr.router.ClassificationFlowValidator;
import dev.ccr.router.CircuitBreakers;
import dev.ccr.router.HealthChecker;
import dev.ccr.router.ProviderComponent;
import dev.ccr.router.ProviderRoutesBuilder;
import dev.ccr.router.ProviderStatusBoard;
import dev.ccr.router.RouteTargetValidator;
import dev.ccr.model.RouterNames;
import dev.ccr.router.ValidatingRouteReloadStrategy;
import dev.ccr.router.classify.ClassificationBeans;
import dev.ccr.router.classify.ModelOverrides;
import dev.ccr.router.classify.RoutingRules;
import dev.ccr.tokens.TokenCounter;
import dev.ccr.transform.ProtocolTransformer;
import org.apache.camel.CamelContext;
import org.apache.camel.model.Model;
import org.apache.camel.model.ModelLifecycleStrategySupport;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.spi.Registry;

import java.util.Map;
import java.util.function.Consumer;

/**
 * The router layer: a circuit breaker and a status per provider, the {@code provider:} component the category routes
 * send to, one route per provider from the template, checks of every route, health checks, and classification.
 */
final class RouterWiring {
    private RouterWiring() {
    }

    record Wired(CircuitBreakers breakers, ProviderStatusBoard board) {
    }

    static Wired wire(CamelContext context, Settings settings, ProviderRegistry providers,
                      Map<String, ProtocolTransformer> transformers, SharedStateWiring.Wired shared) {
        Registry registry = context.getRegistry();
        CircuitBreakers breakers = new CircuitBreakers();
        registry.bind(RouterNames.CIRCUIT_BREAKER_REGISTRY, breakers.registry());
        for (ProviderClient provider : providers.all()) {
            registry.bind(RouterNames.breaker(provider.settings().name()), breakers.create(provider.settings()));
        }
        ProviderStatusBoard board = new ProviderStatusBoard(providers, name -> breakers.find(name).orElseThrow());
        if (shared.redis() != null) {
            // token budgets, concurrency limits and retry-after pauses count for every instance
            board.share(shared.allowances(), shared.concurrency(), shared.redis());
        }
        registry.bind(RouterNames.PROVIDER_STATUS_BOARD, board);
        registry.bind(RouterNames.PROVIDER_ROUTES, new ProviderRoutesBuilder(providers));
        context.addComponent(RouterNames.PROVIDER_COMPONENT, new ProviderComponent(providers, board));
        installRouteValidation(context, settings, providers);
        ContextServices.add(context, new HealthChecker(providers, board,
                protocol -> transformers.get(protocol).healthCheckPath()));
        return new Wired(breakers, board);
    }

    /**
     * The classification rules (the beans routes/common/classify.camel.yaml uses) and the dispatcher to the
     * category routes come last in the router layer: the rules consult the model map the admin API changes at run
     * time.
     */
    static void wireClassification(CamelContext context, Settings settings, Iterable<String> propertyNames,
                                   ProviderRegistry providers, ModelOverrides runtimeModelMap) {
        ClassificationBeans.bind(context, RoutingRules.load(settings, propertyNames, providers, new TokenCounter(),
                runtimeModelMap));
        CategoryDispatcher categoryDispatcher = new CategoryDispatcher();
        categoryDispatcher.setCamelContext(context);
        ContextServices.add(context, categoryDispatcher);
        context.getRegistry().bind(RouterNames.CATEGORY_DISPATCHER, categoryDispatcher);
    }

    /**
     * Every route's provider targets and categories are checked as it is added (a mistake stops the start, naming
     * file, route and value), every HTTP route must run the ingress guard, and edited category and classification
     * files are checked before they replace the running routes.
     */
    private static void installRouteValidation(CamelContext context, Settings settings, ProviderRegistry providers) {
        RouteTargetValidator targets = new RouteTargetValidator(context, providers);
        ClassificationFlowValidator categories = new ClassificationFlowValidator(context);
        Consumer<RouteDefinition> validator = route -> {
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
            ContextServices.add(context, new ValidatingRouteReloadStrategy(settings.string("ccr.routes.reload-directory",
                    "routes/" + settings.string("ccr.scenario", "default")), "*.camel.yaml", validator));
            // the classification flow, the one file of routes/common meant to be edited while the router runs
            ContextServices.add(context, new ValidatingRouteReloadStrategy(settings.string("ccr.routes.common-directory",
                    "routes/common"), "classify.camel.yaml", validator));
        }
    }
}
