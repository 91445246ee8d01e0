package dev.ccr.stats;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

import java.util.List;

/**
 * The Prometheus registry behind GET /metrics, with the JVM's own meters and the circuit breakers'
 * (resilience4j_circuitbreaker_state and friends, tagged by breaker name = provider name).
 */
final class MeterRegistryFactory {
    private MeterRegistryFactory() {
    }

    /** The registry, and what must be closed with it (the GC listener). */
    record Meters(PrometheusMeterRegistry registry, List<AutoCloseable> closeables) {
    }

    static Meters create(CircuitBreakerRegistry breakers) {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        // two of Micrometer's processor meters break Prometheus' naming rules (promtool lints them: a unit in "ns",
        // a gauge ending in _count); process_cpu_usage and system_cpu_usage say the same within the conventions
        registry.config().meterFilter(MeterFilter.denyNameStartsWith("process.cpu.time"))
                .meterFilter(MeterFilter.denyNameStartsWith("system.cpu.count"));
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        JvmGcMetrics gc = new JvmGcMetrics();
        gc.bindTo(registry);
        TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(breakers).bindTo(registry);
        return new Meters(registry, List.of(gc));
    }
}
