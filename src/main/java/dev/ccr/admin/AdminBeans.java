package dev.ccr.admin;

/** The beans routes/common/admin.camel.yaml refers to by name. */
public final class AdminBeans {
    public static final String ROUTING_RESPONDER = "adminRoutingResponder";
    public static final String ROUTING_UPDATER = "adminRoutingUpdater";
    public static final String PANEL_ASSET_RESPONDER = "panelAssetResponder";
    /** The model map entries set at run time, which the request classifier consults before its own rules. */
    public static final String MODEL_MAP_OVERRIDES = "modelMapOverrides";

    private AdminBeans() {
    }
}
