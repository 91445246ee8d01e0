package dev.ccr.router.classify;

import dev.ccr.error.ErrorType;
import dev.ccr.error.RouterException;
import dev.ccr.model.NameRules;
import dev.ccr.model.Target;
import dev.ccr.provider.ProviderRegistry;
import dev.ccr.provider.ProviderSettings;

import java.util.Optional;

/**
 * Reads and checks "provider,model" targets, the syntax shared by the model field, the model map and the subagent tag.
 * A target naming an unknown provider or a model its provider does not list is refused rather than sent elsewhere:
 * the user pinned it, so guessing would hide the mistake.
 */
public final class PinnedTargets {
    private final ProviderRegistry providers;

    public PinnedTargets(ProviderRegistry providers) {
        this.providers = providers;
    }

    /** "provider,model" split at the first comma (model names may hold commas no more than slashes); else empty. */
    public static Optional<Target> parse(String spec) {
        int comma = spec == null ? -1 : spec.indexOf(',');
        if (comma <= 0) {
            return Optional.empty();
        }
        return Optional.of(new Target(spec.substring(0, comma).trim(), spec.substring(comma + 1).trim()));
    }

    /**
     * The target if its names follow {@link NameRules}, its provider exists and serves its model; otherwise the error
     * to answer with: not_found for an unknown provider, invalid_request for anything else.
     *
     * @param where how the client wrote it, for the message, e.g. "model 'openrouter,x'"
     */
    public Target require(Target target, String where) {
        // every path to a pinned target checks names first; this is the last line for any it missed
        if (!NameRules.isProvider(target.provider()) || !NameRules.isModel(target.model())) {
            throw new RouterException(ErrorType.INVALID_REQUEST, where + ": must be " + NameRules.TARGET_RULE);
        }
        Optional<ProviderSettings> settings = providers.find(target.provider()).map(p -> p.settings());
        if (settings.isEmpty()) {
            throw new RouterException(ErrorType.NOT_FOUND, "Unknown provider '" + target.provider() + "' in " + where
                    + "; configured providers: " + String.join(", ", providers.names()));
        }
        if (target.model().isEmpty() || !settings.get().serves(target.model())) {
            throw new RouterException(ErrorType.INVALID_REQUEST, "Provider '" + target.provider()
                    + "' does not serve model '" + target.model() + "' (" + where + "); its models: "
                    + String.join(", ", settings.get().models()));
        }
        return target;
    }
}
