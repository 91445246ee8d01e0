package dev.ccr.router.balance;

import org.apache.camel.Exchange;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** Takes the targets in turn; a failed one hands over to the next in the rotation. */
public class RoundRobinBalancer extends TargetBalancer {
    private final AtomicInteger counter = new AtomicInteger();

    @Override
    protected List<Candidate> order(Exchange exchange, List<Candidate> available) {
        int start = Math.floorMod(counter.getAndIncrement(), available.size());
        List<Candidate> order = new ArrayList<>(available.size());
        for (int i = 0; i < available.size(); i++) {
            order.add(available.get((start + i) % available.size()));
        }
        return order;
    }
}
