package dev.ccr.router.classify;

import dev.ccr.error.ErrorType;
import dev.ccr.error.RouterException;
import dev.ccr.model.MessagesRequest;
import dev.ccr.model.Target;

import java.util.Optional;

/**
 * A subagent prompt pins its own target with a {@link SubagentTag}: that target, and the request sent on without the
 * tag. It is checked before the model field because a subagent inherits the main model (even a "provider,model" one)
 * while the tag is what the user wrote for that particular agent.
 */
public final class SubagentTagRule implements ClassificationRule {
    private final PinnedTargets targets;

    public SubagentTagRule(PinnedTargets targets) {
        this.targets = targets;
    }

    @Override
    public String name() {
        return "subagent-tag";
    }

    @Override
    public Optional<Decision> decide(RuleInput input) {
        MessagesRequest request = input.request();
        return SubagentTag.find(request).map(spec -> {
            String where = "subagent tag '" + spec + "'";
            Target target = targets.require(PinnedTargets.parse(spec).orElseThrow(() -> new RouterException(
                    ErrorType.INVALID_REQUEST, "The " + where + " must name provider,model")), where);
            return new Decision(Categories.EXPLICIT, "subagent tag names '" + target + "'", target,
                    SubagentTag.strip(request));
        });
    }
}
