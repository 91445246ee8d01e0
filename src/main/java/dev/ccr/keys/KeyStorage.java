package dev.ccr.keys;

import java.io.IOException;
import java.util.List;

/** Where per-user keys are kept: a local file, or Redis shared by every instance. */
public interface KeyStorage {
    List<VirtualKey> readAll() throws IOException;

    /** Adds a key; false when one with that name exists already. */
    boolean add(VirtualKey key) throws IOException;

    /** Removes a key; false when there was none of that name. */
    boolean remove(String name) throws IOException;
}
