package dev.ccr;

import org.apache.camel.CamelContext;

/** Adds a service to the context's lifecycle (started with it, stopped with it) while the context is configured. */
final class ContextServices {
    private ContextServices() {
    }

    static void add(CamelContext context, Object service) {
        try {
            context.addService(service);
        } catch (Exception e) {
            throw new IllegalStateException("Could not add " + service, e);
        }
    }

    /** Like {@link #add}, but started only when the context starts (not at once if it already runs). */
    static void addStartingWithContext(CamelContext context, Object service) {
        try {
            context.addService(service, true, false);
        } catch (Exception e) {
            throw new IllegalStateException("Could not add " + service, e);
        }
    }
}
