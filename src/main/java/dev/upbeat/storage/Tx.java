package dev.upbeat.storage;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongConsumer;
import org.jdbi.v3.core.Handle;

/**
 * One open unit of work. Services pass it from repository to repository without seeing the
 * database library; repositories take the handle out of it.
 */
public final class Tx {
    private final Handle handle;
    private final Dialect dialect;
    private boolean announced;
    private final Map<String, LongConsumer> stamps = new LinkedHashMap<>();

    Tx(Handle handle, Dialect dialect) {
        this.handle = handle;
        this.dialect = dialect;
    }

    public Handle handle() {
        return handle;
    }

    public Dialect dialect() {
        return dialect;
    }

    /**
     * Marks this unit of work as a change readers see: on commit it counts one more change
     * ({@link ChangeSequence}), and on PostgreSQL every instance hears of it. Bookkeeping that
     * the public page does not show (deliveries, sessions, claims) must not call this.
     */
    public void announce() {
        announced = true;
    }

    boolean announced() {
        return announced;
    }

    /**
     * Announces this change and runs {@code stamp} with its number, last thing before commit, once
     * per {@code key} however often asked: rows stamped so tell a reader which version first shows
     * them, and it can read only what changed since the version it has.
     */
    public void stampOnCommit(String key, LongConsumer stamp) {
        announce();
        stamps.putIfAbsent(key, stamp);
    }

    void stamp(long version) {
        stamps.values().forEach(s -> s.accept(version));
    }

    boolean stamped() {
        return !stamps.isEmpty();
    }
}
