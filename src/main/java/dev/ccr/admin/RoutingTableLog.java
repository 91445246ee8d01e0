package dev.ccr.admin;

import dev.ccr.model.Target;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.support.EventNotifierSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.stream.Collectors;

/**
 * Logs the routing table once the router has started (the seeds' {@code --show-lb-status}): one line per category,
 * its strategy and its targets, so a user sees at a glance what an edited or imported scenario does.
 */
final class RoutingTableLog extends EventNotifierSupport {
    private static final Logger LOG = LoggerFactory.getLogger(RoutingTableLog.class);

    private final RoutingTable table;

    RoutingTableLog(RoutingTable table) {
        this.table = table;
        setIgnoreRouteEvents(true);
        setIgnoreServiceEvents(true);
        setIgnoreExchangeEvents(true);
        setIgnoreStepEvents(true);
    }

    @Override
    public boolean isEnabled(CamelEvent event) {
        return event instanceof CamelEvent.CamelContextStartedEvent;
    }

    @Override
    public void notify(CamelEvent event) {
        StringBuilder lines = new StringBuilder("Routing table (category -> strategy -> targets):");
        for (RoutingTable.CategoryRoute route : table.routes()) {
            lines.append(String.format("%n  %-12s -> %-24s -> %s", route.category(), route.strategy(),
                    route.targets().stream().map(RoutingTableLog::target).collect(Collectors.joining(", "))));
        }
        LOG.info("{}", lines);
    }

    private static String target(Target target) {
        return target.provider() + (target.model() == null ? " (client's model)" : "," + target.model());
    }
}
