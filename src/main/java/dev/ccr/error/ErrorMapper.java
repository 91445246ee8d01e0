package dev.ccr.error;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import org.apache.camel.component.direct.DirectConsumerNotAvailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.RejectedExecutionException;

/** Turns any failure into what the client is told: a {@link RouterException}. Unexpected ones are logged once. */
public final class ErrorMapper {
    private static final Logger LOG = LoggerFactory.getLogger(ErrorMapper.class);

    private ErrorMapper() {
    }

    public static RouterException toClientError(Throwable failure) {
        Throwable t = failure;
        while (t != null) {
            if (t instanceof RouterException re) {
                return re;
            }
            if (t instanceof CallNotPermittedException) {
                return new RouterException(ErrorType.OVERLOADED, 529,
                        "The provider is out of rotation after repeated failures (its circuit breaker is open): retry "
                                + "shortly, or see GET /health/providers", null, null);
            }
            if (t instanceof RejectedExecutionException) {
                // the routing pool never queues: all its threads (ccr.threads.max) are waiting for providers
                return new RouterException(ErrorType.OVERLOADED, 529,
                        "The router is handling as many requests as it may (ccr.threads.max): retry shortly",
                        Duration.ofSeconds(1), null);
            }
            if (t instanceof DirectConsumerNotAvailableException) {
                return new RouterException(ErrorType.API, 500,
                        "No route handles this request: check the route files in routes/", null, null);
            }
            t = t.getCause() == t ? null : t.getCause();
        }
        String ref = UUID.randomUUID().toString().substring(0, 8);
        LOG.error("Unexpected router failure [ref {}]: {}: {}", ref, failure.getClass().getName(),
                Redactor.redact(String.valueOf(failure.getMessage())));
        LOG.debug("Unexpected router failure [ref {}]", ref, failure);
        return new RouterException(ErrorType.API, "Internal router error: the router's log has the details under [ref "
                + ref + "]");
    }
}
