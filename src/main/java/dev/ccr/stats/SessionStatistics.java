package dev.ccr.stats;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ccr.json.Json;
import dev.ccr.request.RequestRecord;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What the router did for each recent Claude Code session (its {@code X-Claude-Code-Session-Id}): the provider, model
 * and category of its last request, and its requests, errors and tokens so far. Only the most recently active
 * sessions are kept (a bounded LRU), so a client inventing session ids cannot grow the router's memory. Read by
 * {@code GET /stats/sessions/<id>}, which Claude Code's status line command calls.
 */
public final class SessionStatistics implements RequestObserver {
    /** Claude Code's ids are UUIDs; anything outside this set is neither stored nor looked up. */
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,128}");

    private final Map<String, Session> sessions;

    public SessionStatistics(int maxSessions) {
        this.sessions = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Session> eldest) {
                return size() > maxSessions;
            }
        };
    }

    public static boolean isValidId(String id) {
        return id != null && ID.matcher(id).matches();
    }

    @Override
    public void requestEnded(RequestRecord record, Attempt attempt, String outcome, long nanos) {
        String id = record.session();
        if (!isValidId(id)) {
            return;
        }
        synchronized (sessions) {
            sessions.computeIfAbsent(id, k -> new Session()).add(record, outcome);
        }
    }

    /** The session as JSON, if the router has seen it recently. */
    public Optional<ObjectNode> find(String id) {
        if (!isValidId(id)) {
            return Optional.empty();
        }
        synchronized (sessions) {
            Session session = sessions.get(id);
            return session == null ? Optional.empty() : Optional.of(session.json(id));
        }
    }

    /** One session's totals and its last request; guarded by the map's lock. */
    private static final class Session {
        long requests;
        long errors;
        long inputTokens;
        long outputTokens;
        String provider;
        String model;
        String category;
        String reason;
        int status;
        String outcome;
        long lastInputTokens;
        long lastOutputTokens;
        Instant at;

        void add(RequestRecord record, String outcome) {
            requests++;
            errors += Outcome.SUCCESS.equals(outcome) ? 0 : 1;
            inputTokens += record.inputTokens();
            outputTokens += record.outputTokens();
            provider = record.provider();
            model = record.model();
            category = record.category();
            reason = record.reason();
            status = record.status();
            this.outcome = outcome;
            lastInputTokens = record.inputTokens();
            lastOutputTokens = record.outputTokens();
            at = Instant.now();
        }

        ObjectNode json(String id) {
            ObjectNode node = Json.MAPPER.createObjectNode();
            node.put("sessionId", id);
            node.put("requests", requests);
            node.put("errors", errors);
            node.put("inputTokens", inputTokens);
            node.put("outputTokens", outputTokens);
            ObjectNode last = node.putObject("last");
            last.put("provider", provider);
            last.put("model", model);
            last.put("category", category);
            last.put("reason", reason);
            last.put("status", status);
            last.put("outcome", outcome);
            last.put("inputTokens", lastInputTokens);
            last.put("outputTokens", lastOutputTokens);
            last.put("at", at.toString());
            return node;
        }
    }
}
