package dev.ccr.router.balance;

import org.apache.camel.Exchange;

import java.util.List;

/**
 * Single provider with fallbacks: always the target of the best priority (then as written), the others only when it
 * cannot answer. Priorities come from the providers' configuration and can be changed at run time.
 */
public class PriorityBalancer extends TargetBalancer {
    @Override
    protected List<Candidate> order(Exchange exchange, List<Candidate> available) {
        return available.stream().sorted(byPriority()).toList();
    }
}
