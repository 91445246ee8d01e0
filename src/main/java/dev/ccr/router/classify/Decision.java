package dev.ccr.router.classify;

import dev.ccr.model.MessagesRequest;
import dev.ccr.model.Target;

/**
 * The classifier's verdict on a request.
 *
 * @param category        the category route that handles it ({@code direct:category-<category>})
 * @param reason          why, in words for the request log (never request content)
 * @param explicitTarget  a target the request fixed itself, or null
 * @param upstreamRequest the request to send on instead of the client's (e.g. with a routing tag removed), or null
 */
public record Decision(String category, String reason, Target explicitTarget, MessagesRequest upstreamRequest) {

    public Decision(String category, String reason, Target explicitTarget) {
        this(category, reason, explicitTarget, null);
    }

    public static Decision of(String category, String reason) {
        return new Decision(category, reason, null, null);
    }
}
