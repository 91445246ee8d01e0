package dev.ccr.admin;

import dev.ccr.provider.FailureKind;
import dev.ccr.request.RequestListener;
import dev.ccr.request.RequestRecord;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The panel's traffic counters read the same request events as statistics, next to any other reader. */
class ProviderTrafficTest {
    @Test
    void countsEachAttemptItsFailureAndTheAnsweredOnesTimeFromTheRequestEvents() throws Exception {
        ProviderTraffic traffic = new ProviderTraffic();
        List<String> otherReader = new ArrayList<>();
        RequestRecord record = new RequestRecord(RequestListener.all(traffic, new RequestListener() {
            @Override
            public void attemptStarted(RequestRecord r) {
                otherReader.add("started " + r.provider());
            }

            @Override
            public void ended(RequestRecord r, long nanos) {
                otherReader.add("ended");
            }
        }));

        record.attempt("primary", "m");
        record.attemptFailed("primary", FailureKind.SERVER_ERROR);
        record.attempt("secondary", "m");
        Thread.sleep(5);
        record.upstreamHead();
        record.end(200, null);

        assertThat(traffic.totals("primary")).isEqualTo(new ProviderTraffic.Totals(1, 1, 0));
        ProviderTraffic.Totals secondary = traffic.totals("secondary");
        assertThat(secondary.calls()).isEqualTo(1);
        assertThat(secondary.errors()).isZero();
        assertThat(secondary.latencyMillis()).isGreaterThanOrEqualTo(5);
        assertThat(otherReader).containsExactly("started primary", "started secondary", "ended");
    }
}
