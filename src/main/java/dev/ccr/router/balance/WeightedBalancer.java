package dev.ccr.router.balance;

import org.apache.camel.Exchange;

import java.util.Arrays;
import java.util.List;

/**
 * Spreads requests by weight (e.g. 70/30) with smooth weighted round-robin, so the split holds over any short run of
 * requests; a target that fails hands over to the others by priority. Weights come from {@code distributionRatio}
 * ("7,3", one per step) or else from each provider's configured (run-time adjustable) weight.
 */
public class WeightedBalancer extends TargetBalancer {
    private int[] ratio;
    private long[] current = new long[0];

    /** Weights per step, comma separated, e.g. "7,3"; empty to use the providers' weights. */
    public void setDistributionRatio(String distributionRatio) {
        this.ratio = distributionRatio == null || distributionRatio.isBlank() ? null
                : Arrays.stream(distributionRatio.split("[,:]")).map(String::trim).mapToInt(Integer::parseInt).toArray();
    }

    public String getDistributionRatio() {
        return ratio == null ? "" : String.join(",", Arrays.stream(ratio).mapToObj(Integer::toString).toList());
    }

    @Override
    protected synchronized List<Candidate> order(Exchange exchange, List<Candidate> available) {
        if (current.length != getProcessors().size()) {
            current = new long[getProcessors().size()];
        }
        long total = 0;
        Candidate best = null;
        for (Candidate c : available) {
            int weight = weightOf(c);
            current[c.index()] += weight;
            total += weight;
            if (best == null || current[c.index()] > current[best.index()]) {
                best = c;
            }
        }
        current[best.index()] -= total;
        return firstThenByPriority(best, available);
    }

    /** A candidate's weight: its share of {@code distributionRatio}, else its provider's weight. */
    protected int weightOf(Candidate c) {
        return weightAt(c.index(), c.status().weight());
    }

    /** The weight the step at {@code index} has now: its ratio, else its provider's current weight. */
    public int weightAt(int index, int providerWeight) {
        int[] r = ratio;
        return r != null && index < r.length ? r[index] : providerWeight;
    }
}
