package dev.ccr.error;

/** Anthropic's error types, each with the HTTP status Anthropic answers it with. */
public enum ErrorType {
    INVALID_REQUEST("invalid_request_error", 400),
    AUTHENTICATION("authentication_error", 401),
    PERMISSION("permission_error", 403),
    NOT_FOUND("not_found_error", 404),
    METHOD_NOT_ALLOWED("invalid_request_error", 405),
    REQUEST_TOO_LARGE("request_too_large", 413),
    UNSUPPORTED_MEDIA_TYPE("invalid_request_error", 415),
    /** A request for a Host name this router does not answer to (DNS rebinding). */
    MISDIRECTED_REQUEST("invalid_request_error", 421),
    RATE_LIMIT("rate_limit_error", 429),
    API("api_error", 500),
    TIMEOUT("timeout_error", 504),
    UNAVAILABLE("api_error", 503),
    OVERLOADED("overloaded_error", 529);

    private final String wireName;
    private final int status;

    ErrorType(String wireName, int status) {
        this.wireName = wireName;
        this.status = status;
    }

    public String wireName() {
        return wireName;
    }

    public int status() {
        return status;
    }

    /** The type Anthropic uses for an upstream status, so a client's retry logic reacts as it would to Anthropic. */
    public static ErrorType forStatus(int status) {
        return switch (status) {
            case 400, 422 -> INVALID_REQUEST;
            case 401 -> AUTHENTICATION;
            case 403 -> PERMISSION;
            case 404 -> NOT_FOUND;
            case 413 -> REQUEST_TOO_LARGE;
            case 429 -> RATE_LIMIT;
            case 503 -> UNAVAILABLE;
            case 504, 408 -> TIMEOUT;
            case 529 -> OVERLOADED;
            default -> API;
        };
    }
}
