package dev.ccr.router;

import dev.ccr.shared.Slot;

/**
 * What {@link ProviderStatus#admit} decided for one call: the slot it holds until its answer ends, or why the
 * provider takes no call now.
 *
 * @param slot    the call's place under the provider's concurrency limit ({@link Slot#NONE} without one); null if refused
 * @param refused why not, or null when admitted
 */
public record Admission(Slot slot, Unavailability refused) {
    static Admission granted(Slot slot) {
        return new Admission(slot, null);
    }

    static Admission refused(Unavailability why) {
        return new Admission(null, why);
    }
}
