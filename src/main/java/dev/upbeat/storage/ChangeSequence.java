package dev.upbeat.storage;

import org.jdbi.v3.core.Handle;

/**
 * The database's count of committed changes readers can see (table {@code change_sequence}). It
 * is the snapshot version, so every instance on one database names one state with one number.
 */
public final class ChangeSequence {
    /** The PostgreSQL channel each change is announced on, with its new number as payload. */
    public static final String CHANNEL = "upbeat_changes";

    private ChangeSequence() {
    }

    /** The number of the state this transaction sees. */
    public static long read(Tx tx) {
        return current(tx.handle());
    }

    static long current(Handle handle) {
        return handle.createQuery("SELECT seq FROM change_sequence WHERE id = 1").mapTo(Long.class).one();
    }

    /**
     * Counts one change, last thing before commit. The row stays locked until commit, so numbers
     * are handed out in commit order; pg_notify is delivered only if the transaction commits.
     */
    static void bump(Handle handle, Dialect dialect) {
        handle.createUpdate("UPDATE change_sequence SET seq = seq + 1 WHERE id = 1").execute();
        if (dialect == Dialect.POSTGRESQL) {
            handle.createQuery("SELECT pg_notify('" + CHANNEL + "', CAST(seq AS TEXT)) FROM change_sequence WHERE id = 1")
                    .mapTo(String.class).one();
        }
    }

    /** Starts a new sequence above any wall-clock version an earlier Upbeat served; a no-op once started. */
    static void start(Handle handle, long epochMillis) {
        handle.createUpdate("UPDATE change_sequence SET seq = :start WHERE id = 1 AND seq = 0")
                .bind("start", epochMillis).execute();
    }
}
