package dev.ccr.router.classify;

import dev.ccr.config.ConfigException;
import dev.ccr.config.Settings;
import dev.ccr.error.RouterException;
import dev.ccr.model.Target;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Client model names pinned to a provider and model, the seeds' {@code model_backend_map}: properties
 * {@code ccr.routing.model-map.<client model>=provider,model}. A name matches exactly first, then in its
 * {@link ModelNames#normalise normalised} form (where a key written in normal form wins). Every entry is checked at start-up so a typo stops the router
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
        Map<String, Entry> exact = new LinkedHashMap<>();
        Map<String, Entry> normalised = new LinkedHashMap<>();
        for (String key : propertyNames) {
            if (!key.startsWith(PREFIX) || key.length() == PREFIX.length()) {
                continue;
            }
            String clientModel = key.substring(PREFIX.length());
            Entry entry = new Entry(key, target(settings, key, targets));
            exact.put(clientModel, entry);
            String name = ModelNames.normalise(clientModel);
            Entry other = normalised.get(name);
            // a key already written in normal form (claude-sonnet-4-5) owns the loose matches, so a user can pin one
            // dated release apart from the rest; two other spellings with different targets would be a coin toss
            if (other == null || clientModel.equals(name)) {
                normalised.put(name, entry);
            } else if (!other.clientModel().equals(name) && !other.target().equals(entry.target())) {
                throw new ConfigException(settings.source(), key, "names the same model as " + other.property()
                        + " but another target ('" + entry.target() + "' vs '" + other.target() + "'); add "
                        + PREFIX + name + " to say which one other spellings use");
            }
        }
        return new ModelMap(Map.copyOf(exact), Map.copyOf(normalised));
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
