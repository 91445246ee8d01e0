package dev.ccr.importer;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ccr.router.classify.Categories;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The design documents' configurations: {@code routing.rules.<category>} with one {@code provider} and {@code model}
 * ("model separation"), or a {@code providers} list with {@code loadBalancing} ("load balancing"); {@code providers}
 * of {@code type: aws} with Kiro token files, limits, weights, priorities, health checks and circuit breakers.
 */
final class SeedConfigReader {
    static final Set<String> CATEGORIES = Set.of(Categories.DEFAULT, Categories.BACKGROUND, Categories.THINKING,
            Categories.LONG_CONTEXT, Categories.SEARCH, Categories.IMAGE, Categories.SUBAGENT);
    private static final String KIRO_BASE_URL = "{{env:KIRO_BASE_URL:https://runtime.us-east-1.kiro.dev}}";
    private static final String KIRO_REFRESH_URL =
            "{{env:KIRO_REFRESH_URL:https://prod.us-east-1.auth.desktop.kiro.dev/refreshToken}}";

    private final List<String> notes = new ArrayList<>();

    static boolean recognises(JsonNode root) {
        return root.has("routing") && root.has("providers");
    }

    ImportedScenario read(JsonNode root) {
        Map<String, Map<String, String>> providers = new LinkedHashMap<>();
        JsonNode providerNodes = JsonFields.object(root, "providers", "providers");
        for (Iterator<Map.Entry<String, JsonNode>> it = providerNodes.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            String field = "providers." + entry.getKey();
            providers.put(ImportNames.provider(field, entry.getKey()), provider(field, entry.getValue()));
        }
        List<ImportedScenario.Category> categories = new ArrayList<>();
        JsonNode rules = JsonFields.object(JsonFields.object(root, "routing", "routing"), "rules", "routing.rules");
        for (Iterator<Map.Entry<String, JsonNode>> it = rules.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            categories.add(rule("routing.rules." + entry.getKey(), entry.getKey(), entry.getValue(), providers));
        }
        if (categories.stream().noneMatch(c -> c.name().equals(Categories.DEFAULT))) {
            throw new ImportException("routing.rules.default", "is required: requests of no other category go there");
        }
        return new ImportedScenario("design documents' " + root.path("routing").path("strategy").asText("routing"),
                providers, categories, Map.of(), new LinkedHashSet<>(), notes);
    }

    private ImportedScenario.Category rule(String field, String category, JsonNode rule,
                                          Map<String, Map<String, String>> providers) {
        if (!CATEGORIES.contains(category)) {
            throw new ImportException(field, "unknown category '" + category + "' (known: " + CATEGORIES + ")");
        }
        String model = ImportNames.model(field + ".model", JsonFields.text(rule, "model", field + ".model"));
        if (rule.has("provider")) {
            String provider = known(field + ".provider", JsonFields.text(rule, "provider", field + ".provider"), providers);
            return new ImportedScenario.Category(category, null,
                    List.of(new ImportedScenario.Target(provider, model)), List.of());
        }
        JsonNode list = rule.path("providers");
        if (!list.isArray() || list.isEmpty()) {
            throw new ImportException(field, "needs 'provider' or a non-empty 'providers' list");
        }
        List<String> names = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            names.add(known(field + ".providers[" + i + "]", list.get(i).asText(), providers));
        }
        JsonNode balancing = rule.path("loadBalancing");
        String strategyField = field + ".loadBalancing.strategy";
        String strategy = balancing.isMissingNode() ? BalancerStrategies.SINGLE
                : JsonFields.text(balancing, "strategy", strategyField);
        if (BalancerStrategies.find(strategy).isEmpty()) {
            throw new ImportException(strategyField, "unknown strategy '" + strategy + "' (known: "
                    + BalancerStrategies.names() + ")");
        }
        if (balancing.path("failover").isBoolean() && !balancing.path("failover").asBoolean()) {
            throw new ImportException(field + ".loadBalancing.failover", "false is not supported: the router's "
                    + "balancers always try the next provider when one cannot answer");
        }
        if (balancing.has("fallback")) {
            String fallback = known(field + ".loadBalancing.fallback", balancing.path("fallback").asText(), providers);
            if (!names.contains(fallback)) {
                names.add(fallback);
            }
        }
        List<Integer> weights = new ArrayList<>();
        JsonNode weightNode = balancing.path("weights");
        if (weightNode.isObject()) {
            for (String name : names) {
                weights.add(JsonFields.positive(weightNode, name, field + ".loadBalancing.weights." + name));
            }
        }
        List<ImportedScenario.Target> targets = names.stream().map(n -> new ImportedScenario.Target(n, model)).toList();
        if (targets.size() == 1 && strategy.equals(BalancerStrategies.SINGLE)) {
            return new ImportedScenario.Category(category, null, targets, List.of());
        }
        return new ImportedScenario.Category(category, strategy, targets, weights);
    }

    private static String known(String field, String provider, Map<String, Map<String, String>> providers) {
        if (!providers.containsKey(provider)) {
            throw new ImportException(field, "names provider '" + provider + "', which is not under 'providers'");
        }
        return provider;
    }

    private Map<String, String> provider(String field, JsonNode node) {
        String type = JsonFields.text(node, "type", field + ".type");
        String auth = node.path("authMethod").asText("kiro-token");
        if (!type.equals("aws") || !auth.startsWith("kiro")) {
            throw new ImportException(field + ".type", "only type 'aws' with authMethod 'kiro-token' (CodeWhisperer/"
                    + "Kiro accounts) is known in this format, not '" + type + "'/'" + auth + "'");
        }
        Map<String, String> p = new LinkedHashMap<>();
        p.put("protocol", "codewhisperer");
        p.put("base-url", KIRO_BASE_URL);
        p.put("option.token-path", JsonFields.text(node, "tokenPath", field + ".tokenPath"));
        p.put("option.refresh-url", KIRO_REFRESH_URL);
        List<String> models = JsonFields.models(node.path("models"), field + ".models");
        if (!models.isEmpty()) {
            p.put("models", String.join(",", models));
        }
        if (node.has("weight")) {
            p.put("weight", Integer.toString(JsonFields.positive(node, "weight", field + ".weight")));
        }
        if (node.has("priority")) {
            p.put("priority", Integer.toString(priority(field + ".priority", node.path("priority"))));
        }
        JsonNode limits = node.path("limits");
        putPositive(p, "limits.max-concurrent-requests", node, "maxConcurrentRequests", field);
        putPositive(p, "limits.max-concurrent-requests", limits, "maxConcurrentRequests", field + ".limits");
        putPositive(p, "limits.max-tokens-per-minute", limits, "maxTokensPerMinute", field + ".limits");
        healthCheck(p, field + ".healthCheck", node.path("healthCheck"));
        circuitBreaker(p, field + ".circuitBreaker", node.path("circuitBreaker"));
        return p;
    }

    private void healthCheck(Map<String, String> p, String field, JsonNode check) {
        if (check.isMissingNode() || !check.path("enabled").asBoolean(true)) {
            return;
        }
        putMillis(p, "health-check.interval", check, "interval", field);
        putMillis(p, "health-check.timeout", check, "timeout", field);
        putPositive(p, "health-check.retries", check, "retries", field);
        if (check.has("endpoint")) {
            notes.add(field + ".endpoint (" + check.path("endpoint").asText() + ") is not used: the router checks "
                    + "each protocol's own cheap authenticated endpoint; the provider APIs have no such path");
        }
    }

    private void circuitBreaker(Map<String, String> p, String field, JsonNode breaker) {
        if (breaker.isMissingNode() || !breaker.path("enabled").asBoolean(true)) {
            return;
        }
        if (breaker.has("failureThreshold")) {
            // N failures among the last N calls opens it: the count-based equivalent of "failureThreshold"
            String n = Integer.toString(JsonFields.positive(breaker, "failureThreshold", field + ".failureThreshold"));
            p.put("breaker.sliding-window-size", n);
            p.put("breaker.minimum-number-of-calls", n);
            p.put("breaker.failure-rate-threshold", "100");
        }
        putMillis(p, "breaker.wait-duration-in-open-state", breaker, "resetTimeout", field);
        if (breaker.has("monitoringPeriod")) {
            notes.add(field + ".monitoringPeriod is not used: the router's breakers measure the last "
                    + "failureThreshold calls, not a time window");
        }
    }

    private static int priority(String field, JsonNode value) {
        if (value.isInt()) {
            return JsonFields.positiveValue(value, field);
        }
        return switch (value.asText()) {
            case "high" -> 1;
            case "normal", "medium" -> 2;
            case "low" -> 3;
            default -> throw new ImportException(field, "'" + value.asText() + "' is not high, normal, low or a number");
        };
    }

    private static void putPositive(Map<String, String> p, String key, JsonNode node, String name, String field) {
        if (node.has(name)) {
            p.put(key, Integer.toString(JsonFields.positive(node, name, field + "." + name)));
        }
    }

    private static void putMillis(Map<String, String> p, String key, JsonNode node, String name, String field) {
        if (node.has(name)) {
            p.put(key, JsonFields.positive(node, name, field + "." + name) + "ms");
        }
    }
}
