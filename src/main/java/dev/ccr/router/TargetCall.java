package dev.ccr.router;

import dev.ccr.catalog.PromptTooLongException;
import dev.ccr.catalog.TargetLimits;
import dev.ccr.error.ErrorType;
import dev.ccr.model.ExchangeKeys;
import dev.ccr.model.MessagesRequest;
import dev.ccr.model.Target;
import dev.ccr.provider.FailureKind;
import dev.ccr.provider.ProviderException;
import dev.ccr.provider.ProviderUnavailableException;
import dev.ccr.request.RequestRecord;
import org.apache.camel.AsyncCallback;
import org.apache.camel.AsyncProcessor;
import org.apache.camel.Exchange;

import java.util.Set;

/**
 * One attempt at a target, whoever chose it (a route's {@code provider:NAME} step or the target a request pinned):
 * admits the call against the provider's status (enabled, breaker, retry-after pause, concurrency and token limits)
 * — refusing with a retryable error so a balancer moves on at once — then runs the provider's route. A successful
 * call keeps its slot until the client's response ends.
 */
final class TargetCall {
    private TargetCall() {
    }

    /** Rough input size for the token budget before the real count is known: four bytes a token. */
    static long estimateTokens(MessagesRequest request) {
        return request == null ? 0 : request.bodyBytes() / 4 + request.maxTokens();
    }

    /** Why the request does not fit the target's model's context window, or null. */
    private static PromptTooLongException tooLong(Exchange exchange, MessagesRequest request, Target target) {
        TargetLimits limits = exchange.getContext().getRegistry().lookupByNameAndType(TargetLimits.BEAN,
                TargetLimits.class);
        return limits == null ? null : limits.check(request, target);
    }

    static boolean attempt(Target target, ProviderStatus status, AsyncProcessor route, Exchange exchange,
                           AsyncCallback callback) {
        String provider = target.provider();
        MessagesRequest request = exchange.getProperty(ExchangeKeys.REQUEST, MessagesRequest.class);
        RequestRecord record = exchange.getProperty(ExchangeKeys.RECORD, RequestRecord.class);
        PromptTooLongException tooLong = tooLong(exchange, request, target);
        if (tooLong != null) {
            // not the provider's fault and no call made: the balancer moves on, or the client is told to compact
            exchange.setException(tooLong);
            callback.done(true);
            return true;
        }
        long estimate = estimateTokens(request);
        Set<?> allowed = exchange.getProperty(ExchangeKeys.ALLOWED_PROVIDERS, Set.class);
        if (allowed != null && !allowed.contains(provider)) {
            exchange.setException(new ProviderUnavailableException(provider, FailureKind.UNAVAILABLE,
                    ErrorType.PERMISSION, 403, "Provider '" + provider + "' is not allowed for this key", null, null));
            callback.done(true);
            return true;
        }
        Admission admission = status.admit(estimate);
        Unavailability refused = admission.refused();
        if (refused != null) {
            exchange.setException(new ProviderUnavailableException(provider, FailureKind.UNAVAILABLE,
                    refused.overloaded() ? ErrorType.OVERLOADED : ErrorType.UNAVAILABLE,
                    refused.overloaded() ? 529 : 503, refused.explain(provider),
                    refused.retryAfter(), null));
            callback.done(true);
            return true;
        }
        exchange.setProperty(ExchangeKeys.TARGET, target);
        if (record != null && request != null) {
            record.attempt(provider, target.modelFor(request));
        }
        long start = System.nanoTime();
        return route.process(exchange, doneSync -> {
            Exception failure = exchange.getException();
            if (failure != null) {
                status.release(admission, estimate, 0);
                status.failed(failure);
                if (record != null) {
                    record.attemptFailed(provider, failure instanceof ProviderException pe ? pe.kind()
                            : FailureKind.UNAVAILABLE);
                }
            } else {
                status.succeeded(System.nanoTime() - start);
                if (record != null) {
                    record.upstreamHead();
                    record.onEnd(() -> status.release(admission, estimate, record.inputTokens() + record.outputTokens()));
                } else {
                    status.release(admission, estimate, 0);
                }
            }
            callback.done(doneSync);
        });
    }
}
