package dev.ccr.router.classify;


import java.util.Optional;

/** One routing rule: it either decides the request's category (with its reason) or leaves it to the next rule. */
public interface ClassificationRule {

    /** A short name for logs, e.g. "long-context". */
    String name();

    Optional<Decision> decide(RuleInput input);
}
