package dev.ccr.admin;

import dev.ccr.config.Settings;
import dev.ccr.provider.ProviderRegistry;
import dev.ccr.router.RequestListener;
import dev.ccr.router.ProviderStatusBoard;
import org.apache.camel.CamelContext;
import org.apache.camel.Processor;

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
 */
public record Admin(ModelMapOverrides modelMap, Processor routingResponder, Processor routingUpdater,
                    Processor panelAssets, RequestListener traffic) {
    public static final String OVERRIDES_FILE_PROPERTY = "ccr.admin.overrides-file";
    public static final String DEFAULT_OVERRIDES_FILE = "config/routing-overrides.json";

    /** Call while configuring the context, after the provider status board exists and before routes start. */
    public static Admin create(CamelContext context, Settings settings, ProviderRegistry providers,
                               ProviderStatusBoard board) {
        ModelMapOverrides modelMap = new ModelMapOverrides();
        OverridesFile file = new OverridesFile(Path.of(settings.string(OVERRIDES_FILE_PROPERTY, DEFAULT_OVERRIDES_FILE)));
        RoutingEditor editor = new RoutingEditor(new RoutingPatchReader(providers), board, modelMap, file);
        editor.loadSaved();

        ProviderTraffic traffic = new ProviderTraffic();
        RoutingView view = new RoutingView(board, new RoutingTable(context), editor, traffic);
        return new Admin(modelMap, new RoutingResponder(view), new RoutingUpdater(editor, view),
                new PanelAssetResponder(), traffic);
    }
}
