package dev.ccr.router.classify;

/**
 * A classification rule broke on a request (a bug, not the client's mistake). The classification flow catches it and
 * sends the request to default; its message is the reason in the request log, so it names the rule and the
 * exception type only, never request content.
 */
public final class ClassificationRuleFailedException extends RuntimeException {

    public ClassificationRuleFailedException(String rule, RuntimeException cause) {
        super("rule " + rule + " failed (" + cause.getClass().getSimpleName() + ")", null, false, false);
    }
}
