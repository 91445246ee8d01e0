package dev.ccr.router.balance;

import org.apache.camel.Exchange;

import java.util.Comparator;
import java.util.List;

/**
 * Prefers the provider with the shortest time to first byte (a moving average of recent calls). A provider not yet
 * measured is tried first, so every one gets a measurement.
 */
public class ResponseTimeBalancer extends TargetBalancer {
    @Override
    protected List<Candidate> order(Exchange exchange, List<Candidate> available) {
        return available.stream()
                .sorted(Comparator.comparingDouble((Candidate c) -> c.status().firstByteMillis()).thenComparing(byPriority()))
                .toList();
    }
}
