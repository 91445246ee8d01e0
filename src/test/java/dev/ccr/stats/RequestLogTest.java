package dev.ccr.stats;

import dev.ccr.error.Redactor;
import dev.ccr.provider.FailureKind;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class RequestLogTest {
    static final String SECRET = "provider-secret-for-log-test-0123456789";

    @Test
    void oneLinePerRequestWithItsFacts() {
        StatisticsFixture fixture = new StatisticsFixture(new RequestLog(true, false));
        try (LogCapture log = new LogCapture(RequestLog.REQUESTS_LOGGER)) {
            fixture.requests.request("thinking", Duration.ofMillis(1234)).attempt("anthropic", "claude-opus")
                    .fails("anthropic", FailureKind.RATE_LIMITED).attempt("backup", "claude-opus").answered(12, 34).ok();

            assertThat(log.lines()).singleElement().satisfies(line -> assertThat(line)
                    .contains("category=thinking", "reason=scripted", "provider=backup", "model=claude-opus",
                            "status=200", "outcome=success", "duration_ms=1234", "input_tokens=12",
                            "output_tokens=34", "attempts=2")
                    .containsPattern("ttfb_ms=\\d+"));
        }
    }

    @Test
    void providerSelectionIsLoggedOnlyWhenAskedFor() {
        StatisticsFixture quiet = new StatisticsFixture(new RequestLog(true, false));
        StatisticsFixture chatty = new StatisticsFixture(new RequestLog(false, true));
        try (LogCapture log = new LogCapture("dev.ccr")) {
            quiet.requests.request("default").attempt("anthropic", "m").answered(1, 1).ok();
            assertThat(log.lines(RequestLog.SELECTION_LOGGER)).isEmpty();

            chatty.requests.request("default").attempt("anthropic", "m").fails("anthropic", FailureKind.CONNECT)
                    .attempt("backup", "m").answered(1, 1).ok();
            assertThat(log.lines(RequestLog.SELECTION_LOGGER)).containsExactly(
                    "attempt=1 category=default provider=anthropic model=m",
                    "attempt=1 provider=anthropic model=m failed=connect",
                    "attempt=2 category=default provider=backup model=m");
            assertThat(log.lines(RequestLog.REQUESTS_LOGGER)).as("only the quiet one logs requests").hasSize(1);
        }
    }

    @Test
    void secretsInWhatTheClientSentNeverReachTheLog() {
        Redactor.register(SECRET);
        StatisticsFixture fixture = new StatisticsFixture(new RequestLog(true, true));
        try (LogCapture log = new LogCapture("dev.ccr")) {
            ScriptedRequests.Request request = fixture.requests.request("default");
            request.record.classified("default", "model named " + SECRET + " and sk-ant-api03-abcdefghijklmnop");
            request.attempt("anthropic", SECRET).answered(1, 1).ok();

            assertThat(log.lines()).isNotEmpty().noneMatch(line -> line.contains(SECRET))
                    .noneMatch(line -> line.contains("sk-ant-api03"));
            assertThat(String.join("\n", log.lines())).contains("[redacted]");
        }
    }
}
