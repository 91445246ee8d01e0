package dev.ccr.router;

import org.apache.camel.model.RouteDefinition;
import org.apache.camel.model.RoutesDefinition;
import org.apache.camel.spi.Resource;
import org.apache.camel.spi.RoutesBuilderLoader;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.apache.camel.support.RouteWatcherReloadStrategy;
import org.apache.camel.util.AntPathMatcher;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Live reload of route files (the category routes, the classification flow) that never leaves the router without routes: an edited file is parsed and
 * its targets checked before anything is replaced; a file that fails is rejected with its name and the reason, and
 * if Camel still fails to start the new routes, the last good version of the file is loaded back.
 */
public final class ValidatingRouteReloadStrategy extends RouteWatcherReloadStrategy {
    private static final Logger LOG = LoggerFactory.getLogger(ValidatingRouteReloadStrategy.class);

    private final Consumer<RouteDefinition> validator;
    private final Map<String, String> lastGood = new ConcurrentHashMap<>();

    public ValidatingRouteReloadStrategy(String directory, String pattern, Consumer<RouteDefinition> validator) {
        super(directory, false);
        setPattern(pattern);
        setRemoveAllRoutes(false);
        this.validator = validator;
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        java.io.File[] files = new java.io.File(getFolder()).listFiles((dir, name) -> AntPathMatcher.INSTANCE.match(getPattern(), name));
        if (files != null) {
            for (java.io.File file : files) {
                remember(ResourceHelper.resolveResource(getCamelContext(), "file:" + file.getPath()));
            }
        }
    }

    /** Remembers a file as loaded at startup, the version to go back to. */
    public void remember(Resource resource) {
        read(resource).ifPresent(text -> lastGood.put(key(resource), text));
    }

    @Override
    protected void onRouteReload(Collection<Resource> resources, boolean removeEverything) {
        if (resources == null) {
            return;
        }
        for (Resource resource : resources) {
            try {
                check(resource);
            } catch (Exception e) {
                LOG.error("Route file change rejected, the previous routes keep serving: {}", e.getMessage());
                return;
            }
        }
        try {
            super.onRouteReload(resources, removeEverything);
            resources.forEach(this::remember);
        } catch (RuntimeException e) {
            LOG.error("Route file change failed ({}); loading the last good version back", e.getMessage());
            restore(resources);
        }
    }

    private void check(Resource resource) throws Exception {
        if (!resource.exists()) {
            return;
        }
        RoutesBuilderLoader loader = PluginHelper.getRoutesLoader(getCamelContext())
                .getRoutesLoader(resource.getLocation().substring(resource.getLocation().lastIndexOf('.') + 1));
        RoutesBuilder builder = loader.loadRoutesBuilder(resource);
        if (builder instanceof RouteBuilder routeBuilder) {
            RoutesDefinition routes = routeBuilder.configureRoutes(getCamelContext());
            for (RouteDefinition route : routes.getRoutes()) {
                route.setResource(resource);
                validator.accept(route);
            }
        }
    }

    private void restore(Collection<Resource> resources) {
        for (Resource resource : resources) {
            String previous = lastGood.get(key(resource));
            if (previous == null) {
                continue;
            }
            try {
                PluginHelper.getRoutesLoader(getCamelContext())
                        .updateRoutes(List.of(ResourceHelper.fromString(resource.getLocation(), previous)));
            } catch (Exception e) {
                LOG.error("Could not load back {}: {}", resource.getLocation(), e.getMessage());
            }
        }
    }

    private static String key(Resource resource) {
        return resource.getLocation().replaceFirst("^file:", "");
    }

    private static java.util.Optional<String> read(Resource resource) {
        try (InputStream in = resource.getInputStream()) {
            return java.util.Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException e) {
            return java.util.Optional.empty();
        }
    }
}
