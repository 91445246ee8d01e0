package dev.ccr.ingress;

import dev.ccr.model.ExchangeKeys;
import org.apache.camel.Exchange;

import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Who answers one client request: its route (the response writer and the stream relay it starts, or the error
 * writer) or its deadline, never both. The first to claim it owns the connection's answer; the other writes nothing,
 * so a provider answer that arrives after the deadline's 504 can never be written behind it.
 */
final class ClientAnswer {
    private enum Owner { NOBODY, ROUTE, DEADLINE }

    private final AtomicReference<Owner> owner = new AtomicReference<>(Owner.NOBODY);
    private volatile Future<?> deadline;

    /**
     * Whether the exchange's route may write the answer: nobody has answered, or the route already started to (its
     * error writer then still ends what its response writer began). True for requests without a deadline.
     */
    static boolean routeMayAnswer(Exchange exchange) {
        ClientAnswer answer = exchange.getProperty(ExchangeKeys.ANSWER, ClientAnswer.class);
        return answer == null || answer.claim(Owner.ROUTE);
    }

    void deadline(Future<?> timer) {
        deadline = timer;
    }

    boolean claimForDeadline() {
        return claim(Owner.DEADLINE);
    }

    private boolean claim(Owner who) {
        if (owner.compareAndSet(Owner.NOBODY, who)) {
            Future<?> timer = deadline;
            if (who == Owner.ROUTE && timer != null) {
                timer.cancel(false);
            }
            return true;
        }
        return owner.get() == who;
    }
}
