package dev.ccr.admin;

import dev.ccr.config.Settings;
import dev.ccr.provider.ProviderRegistry;
import dev.ccr.request.RequestListener;
import dev.ccr.router.ProviderStatusBoard;
import dev.ccr.shared.RedisLink;
import org.apache.camel.CamelContext;
import org.apache.camel.Processor;
import org.apache.camel.spi.EventNotifier;

import java.nio.file.Path;

/**
 * The admin API ({@code /admin/routing}) and the web control panel ({@code /ui}): the beans that
 * {@code routes/common/admin.camel.yaml} uses ({@link AdminBeans}), built with the saved run-time routing changes
 * back in effect; the router's wiring binds them.
 * <p>
 * Precedence of a routing setting: a change made at run time (panel or API, saved in
 * {@code ccr.admin.overrides-file}, default {@value #DEFAULT_OVERRIDES_FILE}) over the configuration file over the
 * built-in default. Removing the change (null in a PUT) brings back the configured value.
 *
 * @param modelMap         the run-time model map, for the request classifier to consult before its own rules
 * @param routingResponder answers GET /admin/routing
 * @param routingUpdater   applies PUT /admin/routing
 * @param panelAssets      serves the panel's files
 * @param traffic          counts provider calls for the panel: a reader of the request events
 * @param routingTableLog  logs the category routes' targets when routes start; add it to the event notifiers
 */
public record Admin(ModelMapOverrides modelMap, Processor routingResponder, Processor routingUpdater,
                    Processor panelAssets, RequestListener traffic, EventNotifier routingTableLog) {
    public static final String OVERRIDES_FILE_PROPERTY = "ccr.admin.overrides-file";
    public static final String DEFAULT_OVERRIDES_FILE = "config/routing-overrides.json";
    public static final String MODEL_MAP_MAX_ENTRIES_PROPERTY = "ccr.admin.model-map.max-entries";
    /** Far more than anyone maps by hand; small enough that the saved file and every lookup stay small. */
    public static final int DEFAULT_MODEL_MAP_MAX_ENTRIES = 500;

    /**
     * Call while configuring the context, after the provider status board exists and before routes start.
     *
     * @param redis the shared state, or null: with it, the overrides are one document in Redis that every instance
     *              follows (announced changes, and again whenever Redis comes back)
     */
    public static Admin create(CamelContext context, Settings settings, ProviderRegistry providers,
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
        RoutingTable table = new RoutingTable(context);
        RoutingView view = new RoutingView(board, table, editor, traffic);
        return new Admin(modelMap, new RoutingResponder(view), new RoutingUpdater(editor, view),
                new PanelAssetResponder(), traffic, new RoutingTableLog(table));
    }
}
