package dev.ccr.stats;

import dev.ccr.router.ProviderStatus;
import dev.ccr.router.ProviderStatusBoard;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The router's own MBeans under domain {@code dev.ccr}, registered with the platform MBeanServer as standard
 * MXBeans. Not Camel {@code @ManagedResource} beans: those land in Camel's {@code org.apache.camel} domain with
 * Camel's naming, while operators look for the router's providers by name. A bean left by another router in the same
 * JVM (tests, a restart without stop) is replaced: the newest router is the one to watch.
 */
final class JmxBeans {
    static final String DOMAIN = "dev.ccr";
    private static final Logger LOG = LoggerFactory.getLogger(JmxBeans.class);

    private final MBeanServer server = ManagementFactory.getPlatformMBeanServer();
    private final Map<ObjectName, Object> beans = new LinkedHashMap<>();
    private final List<ObjectName> registered = new ArrayList<>();

    JmxBeans(RequestStatistics statistics, CircuitBreakerRegistry breakers, ProviderStatusBoard board) {
        for (ProviderStatus provider : board.all()) {
            beans.put(providerName(provider.name()), new ProviderJmx(provider.name(), statistics, breakers, provider));
        }
        beans.put(name("type=Classifier"), new ClassifierJmx(statistics));
    }

    static ObjectName providerName(String provider) {
        // configured names are plain words; anything JMX would misread is quoted
        return name("type=Provider,name=" + (provider.matches("[A-Za-z0-9._-]+") ? provider
                : ObjectName.quote(provider)));
    }

    private static ObjectName name(String properties) {
        try {
            return new ObjectName(DOMAIN + ":" + properties);
        } catch (JMException e) {
            throw new IllegalArgumentException(properties, e);
        }
    }

    synchronized void register() {
        beans.forEach((name, bean) -> {
            try {
                if (server.isRegistered(name)) {
                    LOG.warn("Replacing MBean {} left by another router in this JVM", name);
                    server.unregisterMBean(name);
                }
                server.registerMBean(bean, name);
                registered.add(name);
            } catch (JMException e) {
                LOG.warn("Could not register MBean {}: {}", name, e.getMessage());
            }
        });
    }

    synchronized void unregister() {
        for (ObjectName name : registered) {
            try {
                server.unregisterMBean(name);
            } catch (JMException e) {
                // already replaced by another router, or gone: nothing of ours to remove
            }
        }
        registered.clear();
    }
}
