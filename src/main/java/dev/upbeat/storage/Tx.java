package dev.upbeat.storage;

import org.jdbi.v3.core.Handle;

/**
 * One open unit of work. Services pass it from repository to repository without seeing the
 * database library; repositories take the handle out of it.
 */
public final class Tx {
    private final Handle handle;
    private final Dialect dialect;

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
}
