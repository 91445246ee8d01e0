package dev.ccr.stats.views;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ccr.json.Json;
import dev.ccr.router.ProviderStatus;
import dev.ccr.router.ProviderStatusBoard;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code GET /metrics/circuit-breakers}: each provider's breaker — state, failure rate, calls, and how long until an
 * open breaker lets a probe through. Resilience4j does not say when a breaker opened, so its transitions are watched.
 */
final class CircuitBreakersView extends JsonView {
    private final ProviderStatusBoard board;
    private final Map<String, Instant> openedAt = new ConcurrentHashMap<>();

    CircuitBreakersView(ProviderStatusBoard board) {
        this.board = board;
        for (ProviderStatus status : board.all()) {
            status.breaker().getEventPublisher().onStateTransition(event -> {
                if (event.getStateTransition().getToState() == CircuitBreaker.State.OPEN) {
                    openedAt.put(status.name(), event.getCreationTime().toInstant());
                }
            });
        }
    }

    @Override
    protected ObjectNode build() {
        ObjectNode root = Json.MAPPER.createObjectNode();
        ObjectNode providers = root.putObject("providers");
        for (ProviderStatus status : board.all()) {
            CircuitBreaker breaker = status.breaker();
            CircuitBreaker.Metrics metrics = breaker.getMetrics();
            ObjectNode node = providers.putObject(status.name());
            node.put("state", breaker.getState().name());
            node.put("failureRatePercent", metrics.getFailureRate());
            node.put("bufferedCalls", metrics.getNumberOfBufferedCalls());
            node.put("failedCalls", metrics.getNumberOfFailedCalls());
            node.put("successfulCalls", metrics.getNumberOfSuccessfulCalls());
            node.put("notPermittedCalls", metrics.getNumberOfNotPermittedCalls());
            long wait = status.settings().breaker().waitDurationInOpenState().toMillis();
            node.put("waitDurationInOpenStateMs", wait);
            Instant opened = openedAt.get(status.name());
            if (breaker.getState() == CircuitBreaker.State.OPEN && opened != null) {
                node.put("msUntilHalfOpen", Math.max(0, opened.toEpochMilli() + wait - System.currentTimeMillis()));
            } else {
                node.putNull("msUntilHalfOpen");
            }
        }
        return root;
    }
}
