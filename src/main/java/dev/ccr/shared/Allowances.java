package dev.ccr.shared;

import java.time.Duration;

/** Where allowances live: this instance's memory or Redis. The same id names the same allowance everywhere. */
public interface Allowances {
    /**
     * The allowance with this id: {@code capacity} units refilled gradually over {@code period}. Ids come from the
     * configuration and from names checked against a strict character set, never from raw request input.
     */
    Allowance get(String id, long capacity, Duration period);
}
