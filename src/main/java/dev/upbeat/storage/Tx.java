package dev.upbeat.storage;

import org.jdbi.v3.core.Handle;

/**
 * One open unit of work. Services pass it from repository to repository without seeing the
 * database library; repositories take the handle out of it.
 */
public final class Tx {
    private final Handle handle;
    private final Dialect dialect;
    private boolean announced;

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
}
