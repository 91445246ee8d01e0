package dev.ccr.router.balance;

import org.apache.camel.Exchange;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Weighted choice per Claude Code <em>session</em>: every turn of one conversation goes to the same provider, so its
 * prompt cache stays warm and its thinking signatures stay valid, while sessions spread by weight (e.g. 70/30).
 * <p>
 * The choice is weighted rendezvous hashing of the session id and each target's provider name: no state, so every
 * router instance (and a restarted one) gives a session the same provider. A session moves only when its provider
 * cannot take the call (skipped as unavailable, or failed in a way another provider can save): it then goes to its
 * next-highest score, and comes back by itself once its provider is available again. Adding or removing a target
 * moves only the sessions that scored it highest. Requests without a session id are spread by smooth weighted
 * round-robin. With equal weights this is round-robin per session.
 */
public class SessionWeightedBalancer extends WeightedBalancer {

    @Override
    protected List<Candidate> order(Exchange exchange, List<Candidate> available) {
        String session = sessionOf(exchange);
        if (session == null) {
            return super.order(exchange, available);
        }
        List<Scored> scored = new ArrayList<>(available.size());
        for (Candidate c : available) {
            scored.add(new Scored(c, score(session, c.status().name(), weightOf(c))));
        }
        scored.sort(Comparator.comparingDouble(Scored::score).reversed()
                .thenComparingInt(s -> s.candidate().index()));
        return scored.stream().map(Scored::candidate).toList();
    }

    /** Weighted rendezvous score: -weight / ln(u), u uniform in (0,1) from the hash of session and provider. */
    static double score(String session, String provider, int weight) {
        if (weight <= 0) {
            return 0;
        }
        long hash = mix(fnv1a(session + '\u0000' + provider));
        double u = ((hash >>> 11) + 0.5) * 0x1.0p-53;
        return -weight / Math.log(u);
    }

    private static long fnv1a(String text) {
        long hash = 0xcbf29ce484222325L;
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            hash ^= b & 0xff;
            hash *= 0x100000001b3L;
        }
        return hash;
    }

    /** SplitMix64's finaliser: spreads FNV's weak low bits over the whole word. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    private record Scored(Candidate candidate, double score) {
    }
}
