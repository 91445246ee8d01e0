package dev.ccr.router.balance;

import org.apache.camel.Exchange;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Sticky sessions: a Claude Code session (its session id) stays on the provider that first answered it while that
 * provider is healthy, keeping its prompt cache warm. New sessions are spread round-robin; when the pinned provider
 * cannot answer, the session moves to the one that does and stays there.
 */
public class SessionAffinityBalancer extends TargetBalancer {
    private final RoundRobinBalancer newSessions = new RoundRobinBalancer();
    private int maxSessions = 10_000;
    private final Map<String, Integer> pins = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Integer> eldest) {
            return size() > maxSessions;
        }
    };

    public void setMaxSessions(int maxSessions) {
        this.maxSessions = maxSessions;
    }

    public int getMaxSessions() {
        return maxSessions;
    }

    @Override
    protected List<Candidate> order(Exchange exchange, List<Candidate> available) {
        String session = sessionOf(exchange);
        Integer pinned;
        synchronized (pins) {
            pinned = session == null ? null : pins.get(session);
        }
        if (pinned != null) {
            for (Candidate c : available) {
                if (c.index() == pinned) {
                    return firstThenByPriority(c, available);
                }
            }
        }
        return newSessions.order(exchange, available);
    }

    @Override
    protected void answeredBy(Exchange exchange, Candidate candidate) {
        String session = sessionOf(exchange);
        if (session != null) {
            synchronized (pins) {
                pins.put(session, candidate.index());
            }
        }
    }

    /** The provider index a session is pinned to, or null. */
    public Integer pinnedIndex(String session) {
        synchronized (pins) {
            return pins.get(session);
        }
    }
}
