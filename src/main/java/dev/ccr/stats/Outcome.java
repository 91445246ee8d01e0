package dev.ccr.stats;

import dev.ccr.provider.FailureKind;

import java.util.List;

/**
 * The stable names of how a request or an attempt ended, as they appear in /stats, /metrics labels, JMX and the
 * request log: {@code success} or one error kind. Changing a name breaks dashboards, so they are listed in
 * docs/stats.md.
 */
public final class Outcome {
    public static final String SUCCESS = "success";
    public static final String CONNECT = "connect";
    public static final String TIMEOUT = "timeout";
    public static final String CLIENT_ERROR = "4xx";
    public static final String RATE_LIMITED = "429";
    public static final String SERVER_ERROR = "5xx";
    public static final String STREAM_BROKEN = "stream_broken";
    public static final String UNAVAILABLE = "unavailable";

    /** Every error kind, in the order reports show them. */
    public static final List<String> ERRORS = List.of(CONNECT, TIMEOUT, CLIENT_ERROR, RATE_LIMITED, SERVER_ERROR,
            STREAM_BROKEN, UNAVAILABLE);

    private Outcome() {
    }

    /**
     * The outcome of something that ended with this failure kind (null for none) and client status. A failure kind
     * wins; without one, an error status still counts as an error (e.g. a request the router refused itself).
     */
    public static String of(FailureKind kind, int status) {
        if (kind != null) {
            return of(kind);
        }
        if (status == 429) {
            return RATE_LIMITED;
        }
        if (status >= 500) {
            return SERVER_ERROR;
        }
        return status >= 400 ? CLIENT_ERROR : SUCCESS;
    }

    public static String of(FailureKind kind) {
        return switch (kind) {
            case CONNECT -> CONNECT;
            case TIMEOUT -> TIMEOUT;
            case CLIENT_ERROR -> CLIENT_ERROR;
            case RATE_LIMITED -> RATE_LIMITED;
            case SERVER_ERROR -> SERVER_ERROR;
            case STREAM_BROKEN -> STREAM_BROKEN;
            case UNAVAILABLE -> UNAVAILABLE;
        };
    }

    public static boolean isSuccess(String outcome) {
        return SUCCESS.equals(outcome);
    }
}
