package dev.ccr.stats;

import dev.ccr.request.RequestListener;
import dev.ccr.request.RequestRecord;
import dev.ccr.provider.FailureKind;

import java.time.Duration;

/**
 * Plays requests through real {@link RequestRecord}s into a listener, the way the router's layers call them, with a
 * scripted duration in place of the measured one (so percentiles can be checked against known latencies).
 */
final class ScriptedRequests {
    private final RequestListener target;

    ScriptedRequests(RequestListener target) {
        this.target = target;
    }

    /** A request under construction; {@link #end} reports it. */
    final class Request {
        private final Duration duration;
        final RequestRecord record;

        private Request(String category, Duration duration) {
            this.duration = duration;
            this.record = new RequestRecord(new RequestListener() {
                @Override
                public void attemptStarted(RequestRecord r) {
                    target.attemptStarted(r);
                }

                @Override
                public void attemptFailed(RequestRecord r, String provider, FailureKind kind) {
                    target.attemptFailed(r, provider, kind);
                }

                @Override
                public void ended(RequestRecord r, long nanos) {
                    target.ended(r, Request.this.duration.toNanos());
                }
            });
            record.classified(category, "scripted");
        }

        Request attempt(String provider, String model) {
            record.attempt(provider, model);
            return this;
        }

        Request fails(String provider, FailureKind kind) {
            record.attemptFailed(provider, kind);
            return this;
        }

        Request answered(long inputTokens, long outputTokens) {
            record.upstreamHead();
            record.firstByte();
            record.usage(inputTokens, outputTokens);
            return this;
        }

        void end(int status, FailureKind failure) {
            record.end(status, failure);
        }

        void ok() {
            end(200, null);
        }
    }

    Request request(String category, Duration duration) {
        return new Request(category, duration);
    }

    Request request(String category) {
        return request(category, Duration.ofMillis(100));
    }

    /** One successful request on a provider. */
    void success(String category, String provider, String model, Duration duration, long in, long out) {
        request(category, duration).attempt(provider, model).answered(in, out).ok();
    }
}
