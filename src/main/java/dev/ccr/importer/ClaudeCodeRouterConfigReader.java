package dev.ccr.importer;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ccr.router.classify.Categories;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * claude-code-router's {@code ~/.claude-code-router/config.json}: {@code Providers} (name, api_base_url, api_key,
 * models, transformer) and {@code Router} ({@code "provider,model"} per scenario, longContextThreshold), with an
 * optional {@code fallback} list per scenario. Keys are never copied: a {@code $VAR} reference becomes the provider's
 * {@code api-key-env}, a literal key is replaced by a variable the user is told to set.
 */
final class ClaudeCodeRouterConfigReader {
    /** claude-code-router's scenario names and the router's categories. */
    private static final Map<String, String> SCENARIOS = new LinkedHashMap<>();
    private static final Pattern ENV_REFERENCE = Pattern.compile("\\$\\{?([A-Za-z_][A-Za-z0-9_]*)}?");

    static {
        SCENARIOS.put("default", Categories.DEFAULT);
        SCENARIOS.put("background", Categories.BACKGROUND);
        SCENARIOS.put("think", Categories.THINKING);
        SCENARIOS.put("longContext", Categories.LONG_CONTEXT);
        SCENARIOS.put("webSearch", Categories.SEARCH);
        SCENARIOS.put("image", Categories.IMAGE);
    }

    private final Set<String> environment = new LinkedHashSet<>();
    private final List<String> notes = new ArrayList<>();

    static boolean recognises(JsonNode root) {
        return root.has("Providers") || root.has("Router");
    }

    ImportedScenario read(JsonNode root) {
        JsonNode list = root.path("Providers");
        if (!list.isArray() || list.isEmpty()) {
            throw new ImportException("Providers", list.isMissingNode() ? "is required" : "must be a non-empty list");
        }
        Map<String, Map<String, String>> providers = new LinkedHashMap<>();
        for (int i = 0; i < list.size(); i++) {
            String field = "Providers[" + i + "]";
            String name = ImportNames.provider(field + ".name", JsonFields.text(list.get(i), "name", field + ".name"));
            if (providers.containsKey(name)) {
                throw new ImportException(field + ".name", "'" + name + "' is named twice");
            }
            providers.put(name, provider(field, name, list.get(i)));
        }
        JsonNode router = JsonFields.object(root, "Router", "Router");
        Map<String, String> settings = new LinkedHashMap<>();
        List<ImportedScenario.Category> categories = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = router.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            String field = "Router." + entry.getKey();
            if (entry.getKey().equals("longContextThreshold")) {
                settings.put("ccr.routing.long-context-threshold",
                        Integer.toString(JsonFields.positiveValue(entry.getValue(), field)));
                continue;
            }
            String category = SCENARIOS.get(entry.getKey());
            if (category == null) {
                throw new ImportException(field, "unknown scenario (known: " + SCENARIOS.keySet() + ", longContextThreshold)");
            }
            if (entry.getValue().isNull() || entry.getValue().asText().isBlank()) {
                continue;
            }
            List<ImportedScenario.Target> targets = new ArrayList<>();
            targets.add(target(field, entry.getValue().asText(), providers));
            JsonNode fallback = root.path("fallback").path(entry.getKey());
            for (int i = 0; i < fallback.size(); i++) {
                targets.add(target("fallback." + entry.getKey() + "[" + i + "]", fallback.get(i).asText(), providers));
            }
            categories.add(new ImportedScenario.Category(category,
                    targets.size() == 1 ? null : BalancerStrategies.SINGLE, targets, List.of()));
        }
        if (categories.stream().noneMatch(c -> c.name().equals(Categories.DEFAULT))) {
            throw new ImportException("Router.default", "is required: requests of no other scenario go there");
        }
        if (root.hasNonNull("APIKEY")) {
            notes.add("APIKEY is not copied: set CCR_API_KEY to the router key clients must send");
        }
        return new ImportedScenario("claude-code-router", providers, categories, settings, environment, notes);
    }

    private static ImportedScenario.Target target(String field, String value, Map<String, Map<String, String>> providers) {
        int comma = value.indexOf(',');
        if (comma < 0) {
            throw new ImportException(field, "'" + value + "' is not \"provider,model\"");
        }
        String provider = value.substring(0, comma).trim();
        String model = ImportNames.model(field, value.substring(comma + 1).trim());
        if (!providers.containsKey(provider)) {
            throw new ImportException(field, "names provider '" + provider + "', which is not in Providers");
        }
        return new ImportedScenario.Target(provider, model);
    }

    private Map<String, String> provider(String field, String name, JsonNode node) {
        Map<String, String> p = new LinkedHashMap<>();
        URI url = url(field + ".api_base_url", JsonFields.text(node, "api_base_url", field + ".api_base_url"));
        TransformerOptions transformers = TransformerOptions.read(node.path("transformer"), field + ".transformer");
        p.put("protocol", transformers.protocol());
        p.put("base-url", url.getScheme() + "://" + url.getRawAuthority());
        String path = url.getRawPath() == null ? "" : url.getRawPath();
        if (transformers.protocol().equals("openai") && !path.isEmpty() && !path.equals("/")) {
            p.put("option.chat-path", path);
        }
        List<String> models = JsonFields.models(node.path("models"), field + ".models");
        if (!models.isEmpty()) {
            p.put("models", String.join(",", models));
        }
        key(p, field + ".api_key", name, node.path("api_key").asText(""), url);
        p.putAll(transformers.properties());
        return p;
    }

    private void key(Map<String, String> p, String field, String name, String key, URI url) {
        Matcher reference = ENV_REFERENCE.matcher(key.trim());
        if (reference.matches()) {
            p.put("api-key-env", reference.group(1));
            environment.add(reference.group(1));
        } else if (key.isBlank() || isLoopback(url)) {
            // a local server (Ollama, LM Studio) takes no key; claude-code-router wants a placeholder there
            p.put("option.auth", "none");
        } else {
            String variable = name.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_") + "_API_KEY";
            p.put("api-key-env", variable);
            environment.add(variable);
            notes.add(field + " is a literal key and was not written: set " + variable + " to it");
        }
    }

    private static boolean isLoopback(URI url) {
        String host = url.getHost() == null ? "" : url.getHost();
        return host.equals("localhost") || host.equals("127.0.0.1") || host.equals("[::1]") || host.equals("::1");
    }

    private static URI url(String field, String value) {
        try {
            URI uri = new URI(value);
            if (!List.of("http", "https").contains(String.valueOf(uri.getScheme())) || uri.getHost() == null
                    || uri.getRawQuery() != null || uri.getRawUserInfo() != null) {
                throw new URISyntaxException(value, "not a plain http(s) URL");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new ImportException(field, "'" + value + "' is not a plain http(s) URL");
        }
    }
}
