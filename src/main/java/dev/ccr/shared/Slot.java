package dev.ccr.shared;

/** One call's hold on a place under a {@link ConcurrencyLimit}, given back when the call ends. */
public interface Slot {
    /** Gives the place back; never blocks (it may run on a Netty event loop when an answer ends). */
    void release();

    /** The slot of a call with no limit to count against. */
    Slot NONE = () -> {
    };
}
