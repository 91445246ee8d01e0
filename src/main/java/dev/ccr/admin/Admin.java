package dev.ccr.admin;

import dev.ccr.config.Settings;
import dev.ccr.ingress.MethodGuard;
import dev.ccr.provider.ProviderRegistry;
import dev.ccr.router.ProviderStatusBoard;
import dev.ccr.shared.RedisLink;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.Registry;

import java.nio.file.Path;

/**
 * The admin API ({@code /admin/routing}) and the web control panel ({@code /ui}): binds the beans that
 * {@code routes/common/admin.camel.yaml} uses, and puts the saved run-time routing changes back into effect.
 * <p>
 * Precedence of a routing setting: a change made at run time (panel or API, saved in
 * {@code ccr.admin.overrides-file}, default {@value #DEFAULT_OVERRIDES_FILE}) over the configuration file over the
 * built-in default. Removing the change (null in a PUT) brings back the configured value.
 */
public final class Admin {
    public static final String OVERRIDES_FILE_PROPERTY = "ccr.admin.overrides-file";
    public static final String DEFAULT_OVERRIDES_FILE = "config/routing-overrides.json";
    public static final String MODEL_MAP_MAX_ENTRIES_PROPERTY = "ccr.admin.model-map.max-entries";
    /** Far more than anyone maps by hand; small enough that the saved file and every lookup stay small. */
    public static final int DEFAULT_MODEL_MAP_MAX_ENTRIES = 500;
    /** The model map entries set at run time, for the request classifier to consult before its own rules. */
    public static final String MODEL_MAP_BEAN = "modelMapOverrides";

    private Admin() {
    }

    /**
     * Call while configuring the context, after the provider status board exists and before routes start.
     *
     * @return the run-time model map, to hand to the request classifier
     */
    public static ModelMapOverrides install(CamelContext context, Settings settings, ProviderRegistry providers,
                                            ProviderStatusBoard board) {
        return install(context, settings, providers, board, null);
    }

    /**
     * @param redis the shared state, or null: with it, the overrides are one document in Redis that every instance
     *              follows (announced changes, and again whenever Redis comes back)
     */
    public static ModelMapOverrides install(CamelContext context, Settings settings, ProviderRegistry providers,
                                            ProviderStatusBoard board, RedisLink redis) {
        ModelMapOverrides modelMap = new ModelMapOverrides();
        OverridesFile file = new OverridesFile(Path.of(settings.string(OVERRIDES_FILE_PROPERTY, DEFAULT_OVERRIDES_FILE)));
        OverridesStore store = redis == null ? file : new RedisOverridesStore(redis, file);
        RoutingEditor editor = new RoutingEditor(new RoutingPatchReader(providers,
                settings.positive(MODEL_MAP_MAX_ENTRIES_PROPERTY, DEFAULT_MODEL_MAP_MAX_ENTRIES)), board, modelMap, store);
        editor.loadSaved();
        if (redis != null) {
            redis.subscribe(RedisOverridesStore.TOPIC, ignored -> editor.reload());
        }

        ProviderTraffic traffic = new ProviderTraffic();
        context.getManagementStrategy().addEventNotifier(traffic);
        RoutingTable table = new RoutingTable(context);
        RoutingView view = new RoutingView(board, table, editor, traffic);
        context.getManagementStrategy().addEventNotifier(new RoutingTableLog(table));

        Registry registry = context.getRegistry();
        registry.bind(MODEL_MAP_BEAN, modelMap);
        registry.bind("adminRoutingResponder", new RoutingResponder(view));
        registry.bind("adminRoutingUpdater", new RoutingUpdater(editor, view));
        registry.bind("adminPutOnly", new MethodGuard("PUT"));
        registry.bind("panelAssetResponder", new PanelAssetResponder());
        return modelMap;
    }
}
