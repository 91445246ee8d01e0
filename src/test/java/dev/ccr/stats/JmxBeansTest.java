package dev.ccr.stats;

import dev.ccr.provider.FailureKind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.management.MBeanServer;
import javax.management.ObjectName;
import javax.management.openmbean.CompositeData;
import javax.management.openmbean.TabularData;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The dev.ccr MBeans read and operated through the platform MBeanServer, as jconsole or Jolokia would. */
class JmxBeansTest {
    final MBeanServer server = ManagementFactory.getPlatformMBeanServer();
    final StatisticsFixture fixture = new StatisticsFixture();
    final JmxBeans beans = new JmxBeans(fixture.statistics, fixture.breakers, fixture.board);
    final ObjectName anthropic = JmxBeans.providerName("anthropic");

    @BeforeEach
    void register() {
        beans.register();
    }

    @AfterEach
    void unregister() {
        beans.unregister();
    }

    @Test
    void disableAndEnableSwitchTheProviderOutOfAndBackIntoRotation() throws Exception {
        assertThat(server.getAttribute(anthropic, "Enabled")).isEqualTo(true);

        server.invoke(anthropic, "disable", null, null);

        assertThat(server.getAttribute(anthropic, "Enabled")).isEqualTo(false);
        assertThat(fixture.board.get("anthropic").unavailable().reason()).isEqualTo("disabled");

        server.invoke(anthropic, "enable", null, null);

        assertThat(fixture.board.get("anthropic").unavailable()).isNull();
    }

    @Test
    void providerAttributesReadTheStatistics() throws Exception {
        for (int i = 0; i < 3; i++) {
            fixture.requests.success("default", "anthropic", "m", Duration.ofMillis(100 * (i + 1)), 10, 4);
        }
        fixture.requests.request("default").attempt("anthropic", "m").fails("anthropic", FailureKind.RATE_LIMITED)
                .end(429, FailureKind.RATE_LIMITED);

        assertThat(anthropic.toString()).isEqualTo("dev.ccr:type=Provider,name=anthropic");
        assertThat(server.getAttribute(anthropic, "Name")).isEqualTo("anthropic");
        assertThat(server.getAttribute(anthropic, "Requests")).isEqualTo(4L);
        assertThat(server.getAttribute(anthropic, "Successes")).isEqualTo(3L);
        assertThat(server.getAttribute(anthropic, "RateLimited429")).isEqualTo(1L);
        assertThat(server.getAttribute(anthropic, "ConnectErrors")).isEqualTo(0L);
        assertThat(server.getAttribute(anthropic, "InputTokens")).isEqualTo(30L);
        assertThat(server.getAttribute(anthropic, "CallsInFlight")).isEqualTo(0);
        assertThat(server.getAttribute(anthropic, "RequestsLast5Minutes")).isEqualTo(4L);
        assertThat((Double) server.getAttribute(anthropic, "LatencyP50Millis")).isBetween(195.0, 205.0);
        assertThat((Double) server.getAttribute(anthropic, "LatencyP99Millis")).isBetween(295.0, 305.0);
        assertThat(server.getAttribute(JmxBeans.providerName("backup"), "Requests")).isEqualTo(0L);
    }

    @Test
    void forceOpenOpensTheBreakerAndResetClosesIt() throws Exception {
        assertThat(server.getAttribute(anthropic, "BreakerState")).isEqualTo("CLOSED");

        server.invoke(anthropic, "forceOpen", new Object[0], new String[0]);
        assertThat(server.getAttribute(anthropic, "BreakerState")).isEqualTo("FORCED_OPEN");
        assertThat(fixture.breakers.circuitBreaker("anthropic").tryAcquirePermission()).isFalse();

        server.invoke(anthropic, "resetBreaker", new Object[0], new String[0]);
        assertThat(server.getAttribute(anthropic, "BreakerState")).isEqualTo("CLOSED");
        assertThat(fixture.breakers.circuitBreaker("anthropic").tryAcquirePermission()).isTrue();
    }

    @Test
    void classifierCountsRequestsByCategory() throws Exception {
        fixture.requests.success("default", "anthropic", "m", Duration.ofMillis(10), 1, 1);
        fixture.requests.success("default", "anthropic", "m", Duration.ofMillis(10), 1, 1);
        fixture.requests.success("thinking", "backup", "m", Duration.ofMillis(10), 1, 1);
        ObjectName classifier = new ObjectName("dev.ccr:type=Classifier");

        assertThat(server.getAttribute(classifier, "TotalRequests")).isEqualTo(3L);
        assertThat(table(server.getAttribute(classifier, "RequestsByCategory")))
                .containsExactlyInAnyOrderEntriesOf(Map.of("default", 2L, "thinking", 1L));
        assertThat(table(server.getAttribute(classifier, "RequestsByCategoryLast5Minutes")))
                .containsEntry("thinking", 1L);
    }

    @Test
    void unregisterRemovesTheBeans() throws Exception {
        beans.unregister();

        assertThat(server.queryNames(new ObjectName("dev.ccr:type=Provider,*"), null)).doesNotContain(anthropic);
        beans.register(); // for @AfterEach
    }

    /** An MXBean map arrives as TabularData of (key, value) rows. */
    static Map<String, Long> table(Object attribute) {
        Map<String, Long> out = new HashMap<>();
        for (Object row : ((TabularData) attribute).values()) {
            CompositeData data = (CompositeData) row;
            out.put((String) data.get("key"), (Long) data.get("value"));
        }
        return out;
    }
}
