package dev.ccr.admin;

import dev.ccr.router.classify.ModelNames;
import dev.ccr.router.classify.ModelOverrides;

import dev.ccr.model.Target;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Model map entries set at run time from the control panel: a client model name sent to one provider's model. The
 * request classifier consults it before its own rules. Claude Code spells one model several ways
 * ({@code claude-haiku-4-5}, {@code claude-haiku-4-5-20251001}, {@code Claude-Haiku-4.5}), so a name also matches
 * when it differs only in case, a trailing date suffix, or '.' against '-'. An exact match wins over a normalised one.
 * <p>
 * Thread safe: readers see either the old map or the new one, never a half-applied change.
 */
public final class ModelMapOverrides implements ModelOverrides {
    private volatile Snapshot snapshot = new Snapshot(Map.of(), Map.of());

    /** Where a client model goes, if an override names it. */
    @Override
    public Optional<Target> lookup(String clientModel) {
        if (clientModel == null) {
            return Optional.empty();
        }
        Snapshot current = snapshot;
        Target exact = current.exact().get(clientModel);
        return Optional.ofNullable(exact != null ? exact : current.normalised().get(normalise(clientModel)));
    }

    /** Replaces every entry at once. */
    public void replaceAll(Map<String, Target> entries) {
        Map<String, Target> normalised = new TreeMap<>();
        // sorted keys: when two entries normalise alike, the same one wins on every start
        new TreeMap<>(entries).forEach((model, target) -> normalised.putIfAbsent(normalise(model), target));
        snapshot = new Snapshot(Map.copyOf(entries), Map.copyOf(normalised));
    }

    /** The entries as set, sorted by client model. */
    public Map<String, Target> entries() {
        return new TreeMap<>(snapshot.exact());
    }

    static String normalise(String model) {
        return ModelNames.normalise(model);
    }

    private record Snapshot(Map<String, Target> exact, Map<String, Target> normalised) {
    }
}
