package dev.ccr.importer;

import dev.ccr.router.balance.LeastConnectionsBalancer;
import dev.ccr.router.balance.PriorityBalancer;
import dev.ccr.router.balance.ResponseTimeBalancer;
import dev.ccr.router.balance.RoundRobinBalancer;
import dev.ccr.router.balance.TargetBalancer;
import dev.ccr.router.balance.WeightedBalancer;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The seeds' load-balancing strategies and the router balancer bean each becomes, with how its route id reads. The
 * one place to change when strategies move or new ones arrive.
 */
public final class BalancerStrategies {
    /**
     * @param balancer   the bean type declared for the category route
     * @param routeVerb  the route id reads "{routeVerb}-{category}-requests-{routeTail}"
     */
    public record Strategy(Class<? extends TargetBalancer> balancer, String routeVerb, String routeTail) {
    }

    /** A category with one target and no fallback gets a plain {@code to}, no balancer. */
    public static final String SINGLE = "single";

    private static final Map<String, Strategy> STRATEGIES = new LinkedHashMap<>();

    static {
        STRATEGIES.put("weighted-round-robin", new Strategy(WeightedBalancer.class, "spread", "by-weight"));
        STRATEGIES.put("round-robin", new Strategy(RoundRobinBalancer.class, "take", "in-turn"));
        STRATEGIES.put("least-connections", new Strategy(LeastConnectionsBalancer.class, "send",
                "to-the-least-busy-provider"));
        STRATEGIES.put(SINGLE, new Strategy(PriorityBalancer.class, "send", "to-the-first-provider-with-fallback"));
        STRATEGIES.put("response-time", new Strategy(ResponseTimeBalancer.class, "send", "to-the-fastest-provider"));
    }

    private BalancerStrategies() {
    }

    public static Optional<Strategy> find(String name) {
        return Optional.ofNullable(STRATEGIES.get(name));
    }

    public static java.util.Set<String> names() {
        return STRATEGIES.keySet();
    }
}
