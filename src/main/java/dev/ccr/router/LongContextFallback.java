package dev.ccr.router;

import dev.ccr.catalog.PromptTooLongException;
import dev.ccr.model.ExchangeKeys;
import dev.ccr.router.classify.Categories;
import dev.ccr.router.classify.CategoryRoutes;
import dev.ccr.request.RequestRecord;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * When no target of a request's category has a window that holds it, the request moves to the {@code longcontext}
 * category (if a route serves it) instead of failing: the {@link CategoryDispatcher} sends it there next. Requests that pinned
 * their target (explicit) stay where the user sent them, and a request already in longcontext has nowhere else to
 * go: for those the "prompt is too long" error stands, and Claude Code offers to compact.
 */
final class LongContextFallback {
    private static final Logger LOG = LoggerFactory.getLogger(LongContextFallback.class);

    private LongContextFallback() {
    }

    /**
     * After the category route: true when the request failed for its size and now belongs to longcontext (the
     * failure cleared, category and reason updated); false leaves the exchange as it was.
     */
    static boolean moved(Exchange exchange) {
        String category = exchange.getProperty(ExchangeKeys.CATEGORY, String.class);
        if (!(exchange.getException() instanceof PromptTooLongException tooLong)
                || Categories.LONG_CONTEXT.equals(category) || Categories.EXPLICIT.equals(category)
                || !new CategoryRoutes(exchange.getContext()).exists(Categories.LONG_CONTEXT)) {
            return false;
        }
        String reason = exchange.getProperty(ExchangeKeys.REASON, String.class) + "; moved to "
                + Categories.LONG_CONTEXT + ": " + tooLong.getMessage() + " for every " + category + " target";
        LOG.info("A {} request does not fit any target of its category ({}): trying {}", category,
                tooLong.getMessage(), Categories.LONG_CONTEXT);
        exchange.setProperty(ExchangeKeys.CATEGORY, Categories.LONG_CONTEXT);
        exchange.setProperty(ExchangeKeys.REASON, reason);
        RequestRecord record = exchange.getProperty(ExchangeKeys.RECORD, RequestRecord.class);
        if (record != null) {
            record.classified(Categories.LONG_CONTEXT, reason);
        }
        exchange.setException(null);
        return true;
    }
}
