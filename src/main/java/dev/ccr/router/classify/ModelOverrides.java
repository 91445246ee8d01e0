package dev.ccr.router.classify;

import dev.ccr.model.Target;

import java.util.Optional;

/** Model map entries changed while the router runs (control panel, admin API); they win over the config file's. */
@FunctionalInterface
public interface ModelOverrides {
    ModelOverrides NONE = model -> Optional.empty();

    Optional<Target> lookup(String clientModel);
}
