package dev.ccr.router.balance;

import dev.ccr.router.ProviderEndpoint;
import org.apache.camel.Channel;
import org.apache.camel.Endpoint;
import org.apache.camel.Navigate;
import org.apache.camel.Processor;
import org.apache.camel.processor.SendProcessor;

import java.util.List;

/** Finds which {@code provider:} target a balancer step sends to, through Camel's wrapping of the step. */
final class TargetResolver {
    private TargetResolver() {
    }

    static ProviderEndpoint resolve(Processor step) {
        Processor current = step;
        for (int depth = 0; depth < 10 && current != null; depth++) {
            if (current instanceof SendProcessor send) {
                Endpoint destination = send.getDestination();
                if (destination instanceof ProviderEndpoint target) {
                    return target;
                }
                break;
            }
            if (current instanceof Channel channel) {
                current = channel.getNextProcessor();
            } else if (current instanceof Navigate<?> navigate && navigate.hasNext()) {
                List<?> next = navigate.next();
                current = next.size() == 1 && next.get(0) instanceof Processor p ? p : null;
            } else {
                break;
            }
        }
        throw new IllegalStateException("Each step of a router balancer must be a single 'to: provider:…' target");
    }
}
