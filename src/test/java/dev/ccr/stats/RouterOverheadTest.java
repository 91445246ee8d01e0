package dev.ccr.stats;

import dev.ccr.request.RequestListener;
import dev.ccr.request.RequestRecord;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RouterOverheadTest {

    @Test
    void overheadIsTimeBeforeTheFirstCallPlusHeadToFirstByteWithoutTheProviderWait() throws Exception {
        RequestRecord record = new RequestRecord(RequestListener.NONE);
        Thread.sleep(30);           // router: read, classify
        record.attempt("anthropic", "m");
        Thread.sleep(200);          // provider: waiting for the head
        record.upstreamHead();
        Thread.sleep(20);           // router: first piece to the client
        record.firstByte();

        long millis = RouterOverhead.nanos(record) / 1_000_000;
        assertThat(millis).isBetween(45L, 150L);
    }

    @Test
    void noOverheadWithoutAProviderAnswer() {
        RequestRecord record = new RequestRecord(RequestListener.NONE);
        record.attempt("anthropic", "m");
        record.firstByte();

        assertThat(RouterOverhead.nanos(record)).isEqualTo(-1);
    }
}
