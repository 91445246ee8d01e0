package dev.ccr.admin;

import dev.ccr.model.Target;

import java.util.Map;

/**
 * A checked change to routing, as sent to {@code PUT /admin/routing}. A null value means "remove the override": a
 * provider field goes back to its configured value, a model map entry is deleted.
 *
 * @param providers provider name to the fields it changes
 * @param modelMap  client model to its new target
 */
record RoutingPatch(Map<String, Map<ProviderField, Object>> providers, Map<String, Target> modelMap) {
}
