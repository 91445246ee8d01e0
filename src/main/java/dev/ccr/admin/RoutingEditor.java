package dev.ccr.admin;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ccr.error.ErrorType;
import dev.ccr.error.RouterException;
import dev.ccr.router.ProviderStatus;
import dev.ccr.router.ProviderStatusBoard;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.Map;

/**
 * Applies routing changes made at run time: checks them, saves them, then puts them into effect for the next
 * request (calls in flight keep the provider they have). One change at a time, so two saves racing each other both
 * end up in the file and in effect, and the file always matches what runs.
 * <p>
 * Precedence of a provider setting: a run-time override (this class, saved in the overrides file) over the
 * configuration file ({@code ccr.providers.<name>.*}) over the built-in default. Setting an override to null in a
 * change removes it, and the configured value applies again.
 */
final class RoutingEditor {
    private static final Logger LOG = LoggerFactory.getLogger(RoutingEditor.class);

    private final RoutingPatchReader reader;
    private final ProviderStatusBoard board;
    private final ModelMapOverrides modelMap;
    private final OverridesStore file;
    private RoutingOverrides current = RoutingOverrides.NONE;

    RoutingEditor(RoutingPatchReader reader, ProviderStatusBoard board, ModelMapOverrides modelMap, OverridesStore file) {
        this.reader = reader;
        this.board = board;
        this.modelMap = modelMap;
        this.file = file;
    }

    /**
     * Puts the saved overrides back into effect at start-up. Entries that no longer fit the configuration (a
     * provider or model removed since) are skipped with a warning rather than stopping the router.
     */
    synchronized void loadSaved() {
        file.read().ifPresent(saved -> {
            RoutingPatchReader.Result result = reader.read(saved);
            result.errors().forEach(error -> LOG.warn("{}: ignoring saved override {}", file.describe(), error));
            RoutingOverrides loaded = RoutingOverrides.NONE.with(result.patch());
            putIntoEffect(loaded, result.patch());
            current = loaded;
            LOG.info("Routing overrides from {}: {} provider(s), {} model map entr(ies)", file.describe(),
                    loaded.providers().size(), loaded.modelMap().size());
        });
    }

    /**
     * Puts the saved overrides into effect again, whole: another instance changed them (or Redis came back). Fields no
     * longer overridden return to their configured values.
     */
    synchronized void reload() {
        RoutingPatchReader.Result result = reader.read(file.read().orElse(RoutingOverrides.NONE.toJson()));
        RoutingOverrides loaded = RoutingOverrides.NONE.with(result.patch());
        for (ProviderStatus status : board.all()) {
            for (ProviderField field : ProviderField.values()) {
                Object value = loaded.value(status.name(), field);
                field.apply(status, value != null ? value : field.configured(status.settings()));
            }
        }
        modelMap.replaceAll(loaded.modelMap());
        current = loaded;
    }

    /** Checks, saves and applies a change; nothing of it is applied when any field is invalid or the save fails. */
    synchronized RoutingOverrides apply(JsonNode change) {
        RoutingPatchReader.Result result = reader.read(change);
        if (!result.valid()) {
            throw new RouterException(ErrorType.INVALID_REQUEST, String.join("; ", result.errors()));
        }
        RoutingOverrides next = current.with(result.patch());
        if (next.modelMap().size() > reader.maxModelMapEntries()) {
            throw new RouterException(ErrorType.INVALID_REQUEST, "modelMap: at most " + reader.maxModelMapEntries()
                    + " entries in all (this change would make " + next.modelMap().size() + ")");
        }
        try {
            file.write(next.toJson());
        } catch (IOException e) {
            LOG.error("Could not save routing overrides to {}: {}", file.describe(), e.toString());
            throw new RouterException(ErrorType.API, "Could not save the change to " + file.describe()
                    + " (nothing was changed): " + e.getMessage());
        }
        putIntoEffect(next, result.patch());
        current = next;
        LOG.info("Routing changed at run time: {}", change);
        return next;
    }

    synchronized RoutingOverrides current() {
        return current;
    }

    /** Sets the fields the patch touched on the providers' status (others keep what they have) and the model map. */
    private void putIntoEffect(RoutingOverrides overrides, RoutingPatch patch) {
        patch.providers().forEach((name, changes) -> {
            ProviderStatus status = board.get(name);
            for (Map.Entry<ProviderField, Object> change : changes.entrySet()) {
                ProviderField field = change.getKey();
                Object value = overrides.value(name, field);
                field.apply(status, value != null ? value : field.configured(status.settings()));
            }
        });
        modelMap.replaceAll(overrides.modelMap());
    }
}
