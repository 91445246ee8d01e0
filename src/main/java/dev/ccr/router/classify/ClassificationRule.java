package dev.ccr.router.classify;


import java.util.Optional;

/** One routing rule: it either decides the request's category (with its reason) or leaves it to the next rule. */
public interface ClassificationRule {

    /** A short name for logs, e.g. "long-context". */
    String name();

    Optional<Decision> decide(RuleInput input);

    /** A rule its setting switched off: it keeps its place in the flow and never matches. */
    static ClassificationRule never(String name) {
        return new ClassificationRule() {
            @Override
            public String name() {
                return name + " (off)";
            }

            @Override
            public Optional<Decision> decide(RuleInput input) {
                return Optional.empty();
            }
        };
    }
}
