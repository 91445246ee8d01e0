package dev.ccr.router.balance;

import org.apache.camel.Exchange;

import java.util.Comparator;
import java.util.List;

/**
 * Prefers the provider with the fewest calls in flight (streams count until they end), across every route that uses
 * it; ties go to the better priority.
 */
public class LeastConnectionsBalancer extends TargetBalancer {
    @Override
    protected List<Candidate> order(Exchange exchange, List<Candidate> available) {
        return available.stream()
                .sorted(Comparator.comparingInt((Candidate c) -> c.status().inFlight()).thenComparing(byPriority()))
                .toList();
    }
}
