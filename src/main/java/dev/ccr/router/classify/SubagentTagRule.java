package dev.ccr.router.classify;

import dev.ccr.error.ErrorType;
import dev.ccr.error.RouterException;
import dev.ccr.model.MessagesRequest;
import dev.ccr.model.NameRules;
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
            if (!NameRules.isTarget(spec)) {
                // not echoed: a refused tag may hold anything, and the field is named
                throw new RouterException(ErrorType.INVALID_REQUEST, "system: the <CCR-SUBAGENT-MODEL> tag must name "
                        + "provider,model: " + NameRules.TARGET_RULE);
            }
            String where = "subagent tag '" + spec + "'";
            Target target = targets.require(PinnedTargets.parse(spec).orElseThrow(), where);
            return new Decision(Categories.EXPLICIT, "subagent tag names '" + target + "'", target,
                    SubagentTag.strip(request));
        });
    }
}
