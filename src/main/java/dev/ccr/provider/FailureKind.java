package dev.ccr.provider;

/** What went wrong with a provider, as counted in the statistics. */
public enum FailureKind {
    CONNECT, TIMEOUT, CLIENT_ERROR, RATE_LIMITED, SERVER_ERROR, STREAM_BROKEN, UNAVAILABLE
}
