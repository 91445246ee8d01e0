package dev.ccr.router.balance;

import dev.ccr.router.ProviderStatus;
import org.apache.camel.AsyncProcessor;

/**
 * One step of a balancer: the processor that sends to a target, and the status of the target's provider.
 *
 * @param index     position among the balancer's steps, as written in the route
 * @param processor sends the exchange to the target
 * @param status    the provider's run-time status
 */
public record Candidate(int index, AsyncProcessor processor, ProviderStatus status) {
}
