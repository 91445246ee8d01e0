package dev.ccr.router.classify;

import dev.ccr.model.ExchangeKeys;
import dev.ccr.model.Target;
import dev.ccr.request.RequestRecord;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * The last step of the classification flow: settles the category the flow chose (a category with no route goes to
 * default, and the reason says so) and records it with its reason for the response header, the request log, /stats
 * and JMX.
 */
public final class ClassificationRecorder implements Processor {
    /** The reason of a rule written in YAML that set a category but no reason. */
    static final String UNNAMED_RULE = "a rule in classify.camel.yaml";

    private final CategoryRoutes routes;

    public ClassificationRecorder(CategoryRoutes routes) {
        this.routes = routes;
    }

    @Override
    public void process(Exchange exchange) {
        String category = exchange.getProperty(ExchangeKeys.CATEGORY, Categories.DEFAULT, String.class);
        String reason = exchange.getProperty(ExchangeKeys.REASON, UNNAMED_RULE, String.class);
        Target pinned = exchange.getProperty(ExchangeKeys.PINNED_TARGET, Target.class);
        if (pinned == null && !Categories.DEFAULT.equals(category) && !routes.exists(category)) {
            reason = reason + "; no route for category " + category;
            category = Categories.DEFAULT;
        }
        exchange.setProperty(ExchangeKeys.CATEGORY, category);
        exchange.setProperty(ExchangeKeys.REASON, reason);
        if (pinned != null) {
            exchange.setProperty(ExchangeKeys.TARGET_PROVIDER, pinned.provider());
            exchange.setProperty(ExchangeKeys.TARGET_MODEL, pinned.model());
        }
        RequestRecord record = exchange.getProperty(ExchangeKeys.RECORD, RequestRecord.class);
        if (record != null) {
            record.classified(category, reason);
        }
    }
}
