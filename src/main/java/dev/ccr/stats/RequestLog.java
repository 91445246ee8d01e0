package dev.ccr.stats;

import dev.ccr.request.RequestRecord;
import dev.ccr.error.Redactor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The request log: one line per request on logger {@code dev.ccr.requests} (property {@code ccr.log.requests}), and
 * optionally one per provider attempt on {@code dev.ccr.selection} ({@code ccr.log.provider-selection}). Lines are
 * logfmt (key=value) so they grep and parse; everything from the request is redacted.
 */
public final class RequestLog implements RequestObserver {
    public static final String REQUESTS_LOGGER = "dev.ccr.requests";
    public static final String SELECTION_LOGGER = "dev.ccr.selection";
    private static final Logger REQUESTS = LoggerFactory.getLogger(REQUESTS_LOGGER);
    private static final Logger SELECTION = LoggerFactory.getLogger(SELECTION_LOGGER);

    private final boolean requests;
    private final boolean selection;

    public RequestLog(boolean requests, boolean selection) {
        this.requests = requests;
        this.selection = selection;
    }

    @Override
    public void attemptStarted(RequestRecord record, Attempt attempt) {
        if (selection && SELECTION.isInfoEnabled()) {
            SELECTION.info(Redactor.redact("attempt=" + record.attempts() + " category=" + value(record.category())
                    + " provider=" + value(attempt.provider()) + " model=" + value(attempt.model())));
        }
    }

    @Override
    public void attemptEnded(RequestRecord record, Attempt attempt, String outcome) {
        if (selection && !Outcome.isSuccess(outcome) && SELECTION.isInfoEnabled()) {
            SELECTION.info(Redactor.redact("attempt=" + record.attempts() + " provider=" + value(attempt.provider())
                    + " model=" + value(attempt.model()) + " failed=" + outcome));
        }
    }

    @Override
    public void requestEnded(RequestRecord record, Attempt attempt, String outcome, long nanos) {
        if (requests && REQUESTS.isInfoEnabled()) {
            REQUESTS.info(line(record, attempt, outcome, nanos));
        }
    }

    static String line(RequestRecord record, Attempt attempt, String outcome, long nanos) {
        return Redactor.redact("category=" + value(record.category())
                + " reason=" + value(record.reason())
                + " provider=" + value(attempt == null ? null : attempt.provider())
                + " model=" + value(attempt == null ? null : attempt.model())
                + " status=" + record.status()
                + " outcome=" + outcome
                + " ttfb_ms=" + (record.firstByteNanos() > 0 ? millis(record.firstByteNanos()) : "-")
                + " duration_ms=" + millis(nanos)
                + " input_tokens=" + record.inputTokens()
                + " output_tokens=" + record.outputTokens()
                + " attempts=" + record.attempts());
    }

    private static long millis(long nanos) {
        return Math.round(nanos / 1e6);
    }

    /** A logfmt value: quoted when it has spaces, quotes or equals signs, "-" when absent. */
    private static String value(String v) {
        if (v == null || v.isEmpty()) {
            return "-";
        }
        String oneLine = v.replace('\n', ' ').replace('\r', ' ');
        return oneLine.matches("[^\\s\"=]+") ? oneLine : '"' + oneLine.replace("\"", "\\\"") + '"';
    }
}
