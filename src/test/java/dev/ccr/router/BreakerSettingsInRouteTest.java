package dev.ccr.router;

import dev.ccr.testing.RouterHarness;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.apache.camel.model.CircuitBreakerDefinition;
import org.apache.camel.model.ModelCamelContext;
import org.apache.camel.model.ProcessorDefinition;
import org.apache.camel.model.Resilience4jConfigurationDefinition;
import org.apache.camel.model.RouteDefinition;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The numbers the provider route template shows in its {@code resilience4jConfiguration} are the ones the provider's
 * breaker runs with: the YAML says what the breaker does, also when a provider's breaker settings are not the defaults.
 */
class BreakerSettingsInRouteTest {

    @Test
    void theRoutesBreakerNumbersAreTheRunningBreakersNumbers() {
        try (RouterHarness router = RouterHarness.start(Map.of(
                "ccr.providers.anthropic.api-key", "provider-key-breaker-test-4711",
                "ccr.providers.anthropic.breaker.failure-rate-threshold", "35",
                "ccr.providers.anthropic.breaker.sliding-window-size", "12",
                "ccr.providers.anthropic.breaker.minimum-number-of-calls", "3",
                "ccr.providers.anthropic.breaker.permitted-calls-in-half-open-state", "2",
                "ccr.providers.anthropic.breaker.slow-call-rate-threshold", "80"))) {
            CamelContext context = router.context();
            CircuitBreakerConfig running = router.providers().get("anthropic").breaker().getCircuitBreakerConfig();
            Resilience4jConfigurationDefinition shown = breakerStepOf(context, "anthropic");

            assertThat(running.getFailureRateThreshold()).isEqualTo(35f);
            assertThat(number(context, shown.getFailureRateThreshold())).isEqualTo(running.getFailureRateThreshold());
            assertThat(number(context, shown.getSlidingWindowSize())).isEqualTo(running.getSlidingWindowSize());
            assertThat(number(context, shown.getMinimumNumberOfCalls())).isEqualTo(running.getMinimumNumberOfCalls());
            assertThat(number(context, shown.getPermittedNumberOfCallsInHalfOpenState()))
                    .isEqualTo(running.getPermittedNumberOfCallsInHalfOpenState());
            assertThat(number(context, shown.getSlowCallRateThreshold())).isEqualTo(running.getSlowCallRateThreshold());
            assertThat(shown.getSlidingWindowType()).isEqualTo(running.getSlidingWindowType().name());
            assertThat(Boolean.parseBoolean(shown.getAutomaticTransitionFromOpenToHalfOpenEnabled()))
                    .isEqualTo(running.isAutomaticTransitionFromOpenToHalfOpenEnabled());
        }
    }

    private static Resilience4jConfigurationDefinition breakerStepOf(CamelContext context, String provider) {
        for (Route route : context.getRoutes()) {
            if (route.getEndpoint().getEndpointUri().equals("direct://provider-" + provider)) {
                RouteDefinition definition = ((ModelCamelContext) context).getRouteDefinition(route.getRouteId());
                for (ProcessorDefinition<?> step : definition.getOutputs()) {
                    if (step instanceof CircuitBreakerDefinition breaker) {
                        return breaker.getResilience4jConfiguration();
                    }
                }
            }
        }
        throw new AssertionError("no circuit breaker step in the route of provider " + provider);
    }

    /** The template's value with its provider parameter filled in, then the properties resolved as Camel does. */
    private static float number(CamelContext context, String value) {
        return Float.parseFloat(context.resolvePropertyPlaceholders(value.replace("{{provider}}", "anthropic")));
    }
}
