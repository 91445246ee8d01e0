package dev.ccr.router.classify;

import dev.ccr.config.ConfigException;
import dev.ccr.config.Settings;
import dev.ccr.error.RouterException;
import dev.ccr.model.Target;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Client model names pinned to a provider and model, the seeds' {@code model_backend_map}: properties
 * {@code ccr.routing.model-map.<client model>=provider,model}. A name matches exactly first, then in its
 * {@link ModelNames#normalise normalised} form. Every entry is checked at start-up, so a typo stops the router
 * instead of failing requests.
 */
public final class ModelMap {
    public static final String PREFIX = "ccr.routing.model-map.";

    private final Map<String, Entry> exact;
    private final Map<String, Entry> normalised;

    private ModelMap(Map<String, Entry> exact, Map<String, Entry> normalised) {
        this.exact = exact;
        this.normalised = normalised;
    }

    /** An entry as configured: the property that holds it (named in reasons and errors) and its target. */
    public record Entry(String property, Target target) {

        String clientModel() {
            return property.substring(PREFIX.length());
        }
    }

    public static ModelMap load(Settings settings, Iterable<String> propertyNames, PinnedTargets targets) {
        Map<String, Entry> exact = new TreeMap<>();
        for (String key : propertyNames) {
            if (key.startsWith(PREFIX) && key.length() > PREFIX.length()) {
                exact.put(key.substring(PREFIX.length()), new Entry(key, target(settings, key, targets)));
            }
        }
        Map<String, List<Entry>> spellings = exact.values().stream()
                .collect(Collectors.groupingBy(e -> ModelNames.normalise(e.clientModel())));
        Map<String, Entry> normalised = new HashMap<>();
        spellings.forEach((name, entries) -> normalised.put(name, looseMatch(settings, name, entries)));
        return new ModelMap(Map.copyOf(exact), Map.copyOf(normalised));
    }

    /**
     * The entry a loosely spelled name gets when several keys are spellings of one model: the key written in normal
     * form (claude-sonnet-4-5), so a user can pin one dated release apart from the rest; else they must agree.
     */
    private static Entry looseMatch(Settings settings, String name, List<Entry> entries) {
        Optional<Entry> normalForm = entries.stream().filter(e -> e.clientModel().equals(name)).findFirst();
        if (normalForm.isPresent()) {
            return normalForm.get();
        }
        Entry first = entries.get(0);
        for (Entry other : entries) {
            if (!other.target().equals(first.target())) {
                throw new ConfigException(settings.source(), other.property(), "names the same model as "
                        + first.property() + " but another target ('" + other.target() + "' vs '" + first.target()
                        + "'); add " + PREFIX + name + " to say which one other spellings use");
            }
        }
        return first;
    }

    private static Target target(Settings settings, String key, PinnedTargets targets) {
        String value = settings.required(key);
        Target target = PinnedTargets.parse(value).orElseThrow(() ->
                new ConfigException(settings.source(), key, "must be provider,model, not '" + value + "'"));
        try {
            return targets.require(target, key);
        } catch (RouterException e) {
            throw new ConfigException(settings.source(), key, e.getMessage());
        }
    }

    public boolean isEmpty() {
        return exact.isEmpty();
    }

    public Optional<Entry> find(String model) {
        Entry entry = exact.get(model);
        return entry != null ? Optional.of(entry) : Optional.ofNullable(normalised.get(ModelNames.normalise(model)));
    }
}
