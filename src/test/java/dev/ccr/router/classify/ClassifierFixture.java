package dev.ccr.router.classify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ccr.json.Json;
import dev.ccr.config.Settings;
import dev.ccr.model.MessagesRequest;
import dev.ccr.provider.ProviderRegistry;
import dev.ccr.testing.Captures;
import dev.ccr.tokens.TokenCounter;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Providers, settings, requests and Camel routes for the classifier tests. */
public final class ClassifierFixture {
    /** Every category the classifier can choose, i.e. a routing table that serves them all. */
    public static final Set<String> ALL_CATEGORIES = Set.of(Categories.EXPLICIT, Categories.SUBAGENT,
            Categories.IMAGE, Categories.LONG_CONTEXT, Categories.SEARCH, Categories.THINKING, Categories.BACKGROUND,
            Categories.DEFAULT);
    public static final TokenCounter TOKENS = new TokenCounter();
    private static final Map<Map<String, String>, ClassificationFlow> FLOWS = new java.util.concurrent.ConcurrentHashMap<>();
    private static final Pattern TRUNCATED = Pattern.compile("\\.\\.\\.\\[TRUNCATED, original (\\d+) chars]$");
    private static final Pattern PATH_STEP = Pattern.compile("([^.\\[]+)|\\[(\\d+)]");

    private ClassifierFixture() {
    }

    /** anthropic serves any model; openrouter and deepseek list theirs. No keys needed. */
    public static Map<String, String> providerProperties() {
        Map<String, String> p = new HashMap<>();
        provider(p, "anthropic", "anthropic", "");
        provider(p, "openrouter", "openai", "anthropic/claude-sonnet-4,deepseek/deepseek-chat");
        provider(p, "deepseek", "openai", "deepseek-chat,deepseek-reasoner");
        return p;
    }

    private static void provider(Map<String, String> p, String name, String protocol, String models) {
        p.put("ccr.providers." + name + ".protocol", protocol);
        p.put("ccr.providers." + name + ".base-url", "http://127.0.0.1:1/" + name);
        p.put("ccr.providers." + name + ".models", models);
        p.put("ccr.providers." + name + ".option.auth", "none");
    }

    public static Settings settings(Map<String, String> properties) {
        return new Settings(key -> Optional.ofNullable(properties.get(key)), "test.properties");
    }

    public static ProviderRegistry providers() {
        Map<String, String> properties = providerProperties();
        return ProviderRegistry.load(settings(properties), properties.keySet(), ProviderRegistry.apiKeyFactories(),
                ProviderRegistry.DEFAULT_RETRYABLE);
    }

    /** The rule beans for the given ccr.routing.* properties (defaults for the rest). */
    public static Map<String, ClassificationRule> ruleBeans(Map<String, String> routing) {
        Map<String, String> all = new HashMap<>(providerProperties());
        all.putAll(routing);
        return RoutingRules.load(settings(all), all.keySet(), providers(), TOKENS, ModelOverrides.NONE);
    }

    /**
     * The shipped classification flow with the rules for the given ccr.routing.* properties, and a route for every
     * category. One flow per setting, kept for the test run (a context with no server is cheap).
     */
    public static ClassificationFlow rules(Map<String, String> routing) {
        return FLOWS.computeIfAbsent(Map.copyOf(routing),
                r -> ClassificationFlow.start(ruleBeans(r), ALL_CATEGORIES, ClassificationFlow.FILE));
    }

    public static ClassificationFlow defaultRules() {
        return rules(Map.of());
    }

    public static RuleInput input(MessagesRequest request) {
        return new RuleInput(request, ALL_CATEGORIES::contains);
    }

    public static MessagesRequest request(ObjectNode body) {
        return new MessagesRequest(body, Json.bytes(body).length, Map.of(), null);
    }

    public static MessagesRequest request(String json) {
        try {
            return request((ObjectNode) Json.parse(json));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A recorded request with every string the recording cut grown back to its original length (by repeating the
     * part kept), so sizes and token counts are those Claude Code really sent.
     */
    public static MessagesRequest capture(String name) {
        JsonNode file = Captures.request(name);
        ObjectNode root = (ObjectNode) file.deepCopy();
        for (JsonNode cut : file.path("_truncations")) {
            restore(root, cut.path("path").asText(), cut.path("original_chars").asInt());
        }
        return request((ObjectNode) root.get("body"));
    }

    private static void restore(ObjectNode root, String path, int originalChars) {
        List<String> steps = PATH_STEP.matcher(path).results().map(m -> m.group(1) != null ? m.group(1) : m.group(2))
                .toList();
        JsonNode parent = root;
        for (String step : steps.subList(0, steps.size() - 1)) {
            parent = parent.isArray() ? parent.get(Integer.parseInt(step)) : parent.get(step);
        }
        String last = steps.get(steps.size() - 1);
        String text = parent.isArray() ? parent.get(Integer.parseInt(last)).asText() : parent.get(last).asText();
        Matcher marker = TRUNCATED.matcher(text);
        String kept = marker.find() ? text.substring(0, marker.start()) : text;
        StringBuilder grown = new StringBuilder(originalChars);
        while (grown.length() < originalChars) {
            grown.append(kept, 0, Math.min(kept.length(), originalChars - grown.length()));
        }
        if (parent instanceof ArrayNode array) {
            array.set(Integer.parseInt(last), grown.toString());
        } else {
            ((ObjectNode) parent).put(last, grown.toString());
        }
    }

    /** A started Camel context with a (do-nothing) route {@code direct:category-<name>} for each category given. */
    public static CamelContext camelWithRoutes(Set<String> categories) throws Exception {
        CamelContext context = new DefaultCamelContext();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                for (String category : categories) {
                    from("direct:category-" + category).routeId("category-" + category).log("served");
                }
            }
        });
        context.start();
        return context;
    }
}
