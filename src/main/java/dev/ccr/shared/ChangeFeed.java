package dev.ccr.shared;

import java.util.function.Consumer;

/**
 * Tells the other router instances that shared state changed (Redis pub/sub), and lets this one act on their news.
 * Without Redis there is no one to tell: {@link #NONE}.
 */
public interface ChangeFeed {
    /** Announces a change of {@code topic} (e.g. "routing", "keys"), with an optional detail. */
    void publish(String topic, String detail);

    /** Runs {@code action} with the detail of each change another instance announces, and after Redis comes back. */
    void subscribe(String topic, Consumer<String> action);

    ChangeFeed NONE = new ChangeFeed() {
        @Override
        public void publish(String topic, String detail) {
        }

        @Override
        public void subscribe(String topic, Consumer<String> action) {
        }
    };
}
