package dev.ccr.router.balance;

import dev.ccr.catalog.PromptTooLongException;
import dev.ccr.error.ErrorType;
import dev.ccr.error.RouterException;
import dev.ccr.model.ExchangeKeys;
import dev.ccr.model.MessagesRequest;
import dev.ccr.provider.ProviderRejectedException;
import dev.ccr.router.ProviderStatus;
import dev.ccr.router.ProviderStatusBoard;
import dev.ccr.model.RouterNames;
import dev.ccr.router.Unavailability;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import org.apache.camel.AsyncCallback;
import org.apache.camel.AsyncProcessor;
import org.apache.camel.Exchange;
import org.apache.camel.processor.loadbalancer.LoadBalancerSupport;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Base of the router's load balancers (used with the Load Balancer EIP's {@code customLoadBalancer}). A subclass
 * only orders the targets for one request; this class skips targets whose provider cannot take the call (disabled,
 * breaker open, paused by retry-after, at its limits), tries them in order, and moves to the next on a failure
 * another provider could save (refused connection, timeout, 429, 5xx, 529) — never on a refusal of the request
 * itself (4xx). When every target is out it answers with the shortest known retry-after.
 * <p>
 * Declare one bean per route: a balancer keeps per-route state (counters, sessions).
 */
public abstract class TargetBalancer extends LoadBalancerSupport {
    private volatile List<Candidate> candidates;

    /** The order in which to try the available candidates for this exchange (first = preferred). */
    protected abstract List<Candidate> order(Exchange exchange, List<Candidate> available);

    /** Told which candidate answered, e.g. to pin a session to it. */
    protected void answeredBy(Exchange exchange, Candidate candidate) {
    }

    @Override
    public boolean process(Exchange exchange, AsyncCallback callback) {
        List<Candidate> all = candidates(exchange);
        List<Candidate> available = new ArrayList<>();
        TargetFailures outcome = new TargetFailures();
        for (Candidate candidate : all) {
            Unavailability why = candidate.status().unavailable();
            if (why == null) {
                available.add(candidate);
            } else {
                outcome.skipped(candidate.status().name(), why);
            }
        }
        List<Candidate> order = available.isEmpty() ? List.of() : order(exchange, available);
        return attempt(exchange, callback, order, 0, outcome, true);
    }

    private boolean attempt(Exchange exchange, AsyncCallback callback, List<Candidate> order, int from, TargetFailures outcome,
                            boolean sync) {
        for (int i = from; i < order.size(); i++) {
            Candidate candidate = order.get(i);
            exchange.setException(null);
            int next = i + 1;
            boolean doneSync = candidate.processor().process(exchange, ds -> {
                if (!ds) {
                    if (tryNext(exchange, candidate, outcome, next < order.size())) {
                        attempt(exchange, callback, order, next, outcome, false);
                    } else {
                        callback.done(false);
                    }
                }
            });
            if (!doneSync) {
                return false;
            }
            if (!tryNext(exchange, candidate, outcome, next < order.size())) {
                callback.done(sync);
                return sync;
            }
        }
        if (exchange.getException() == null) {
            exchange.setException(outcome.allOut());
        }
        callback.done(sync);
        return sync;
    }

    /** After an attempt: true when it failed in a way another target may save, and one is left. */
    private boolean tryNext(Exchange exchange, Candidate candidate, TargetFailures outcome, boolean moreLeft) {
        Exception failure = exchange.getException();
        if (failure == null) {
            answeredBy(exchange, candidate);
            return false;
        }
        if (!isRetryable(failure)) {
            return false;
        }
        if (failure instanceof RouterException re) {
            re.retryAfter().ifPresent(outcome::retryAfter);
        }
        outcome.failed(failure);
        if (!moreLeft && outcome.attempts > 1) {
            // every target was tried and none could answer: say so, rather than only what the last one said
            exchange.setException(outcome.allOut());
        }
        return moreLeft;
    }

    private static boolean isRetryable(Exception failure) {
        if (failure instanceof ProviderRejectedException) {
            return false;
        }
        return failure instanceof dev.ccr.provider.ProviderUnavailableException
                || failure instanceof CallNotPermittedException
                // another target may have a larger window
                || failure instanceof PromptTooLongException;
    }

    /** Claude Code's session id of the request, or null. */
    protected static String sessionOf(Exchange exchange) {
        MessagesRequest request = exchange.getProperty(ExchangeKeys.REQUEST, MessagesRequest.class);
        return request == null ? null : request.sessionId();
    }

    /** The provider status of a candidate's target; subclasses sort by it. */
    protected static Comparator<Candidate> byPriority() {
        return Comparator.comparingInt((Candidate c) -> c.status().priority()).thenComparingInt(Candidate::index);
    }

    /** The first choice, then the others as fallbacks by priority. */
    protected static List<Candidate> firstThenByPriority(Candidate first, List<Candidate> available) {
        List<Candidate> order = new ArrayList<>(available.size());
        order.add(first);
        available.stream().filter(c -> c != first).sorted(byPriority()).forEach(order::add);
        return order;
    }

    private List<Candidate> candidates(Exchange exchange) {
        List<Candidate> resolved = candidates;
        AsyncProcessor[] steps = doGetProcessors();
        if (resolved == null || resolved.size() != steps.length) {
            ProviderStatusBoard board = exchange.getContext().getRegistry()
                    .lookupByNameAndType(RouterNames.PROVIDER_STATUS_BOARD, ProviderStatusBoard.class);
            List<Candidate> list = new ArrayList<>(steps.length);
            for (int i = 0; i < steps.length; i++) {
                ProviderStatus status = board.get(TargetResolver.resolve(steps[i]).getProvider());
                list.add(new Candidate(i, steps[i], status));
            }
            candidates = resolved = List.copyOf(list);
        }
        return resolved;
    }

    /** What went wrong across the targets of one request. */
    private static final class TargetFailures {
        private Duration shortestWait;
        private boolean anyBroken;
        private final List<String> reasons = new ArrayList<>();
        private int attempts;
        /** The first target's "prompt is too long", while every target so far refused the request for its size. */
        private PromptTooLongException tooLong;
        private boolean anyOtherReason;

        void failed(Exception failure) {
            attempts++;
            reasons.add(failure.getMessage());
            if (failure instanceof PromptTooLongException ptl) {
                tooLong = tooLong == null ? ptl : tooLong;
                return;
            }
            anyOtherReason = true;
            anyBroken |= !(failure instanceof RouterException re && (re.status() == 429));
        }

        void skipped(String provider, Unavailability why) {
            anyOtherReason = true;
            reasons.add(why.explain(provider));
            anyBroken |= !why.overloaded();
            if (why.retryAfter() != null) {
                retryAfter(why.retryAfter());
            }
        }

        void retryAfter(Duration wait) {
            shortestWait = shortestWait == null || wait.compareTo(shortestWait) < 0 ? wait : shortestWait;
        }

        RouterException allOut() {
            if (tooLong != null && !anyOtherReason) {
                // no target's window holds it: Anthropic's own 400, so Claude Code offers to compact
                return tooLong;
            }
            String why = reasons.isEmpty() ? "no targets" : String.join("; ", reasons);
            return anyBroken
                    ? new RouterException(ErrorType.OVERLOADED, 529, "No provider can take this request now: " + why,
                    shortestWait, null)
                    : new RouterException(ErrorType.RATE_LIMIT, 429, "Every provider is at its limit: " + why,
                    shortestWait, null);
        }
    }
}
