package dev.ccr.router;

import dev.ccr.model.Target;

/**
 * The classifier's verdict on a request.
 *
 * @param category       the category route that handles it ({@code direct:category-<category>})
 * @param reason         why, in words for the request log
 * @param explicitTarget a target the request fixed itself, or null
 */
public record Decision(String category, String reason, Target explicitTarget) {

    public static Decision of(String category, String reason) {
        return new Decision(category, reason, null);
    }
}
