package dev.ccr;

import org.apache.camel.CamelContext;

/** Adds a service to the context's lifecycle (started with the context, stopped with it) while it is configured. */
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
}
