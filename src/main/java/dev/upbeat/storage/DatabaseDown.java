package dev.upbeat.storage;

/**
 * The database is known to be unreachable ({@link Breaker} open): thrown at once, without
 * waiting on the pool, by every database access until a probe finds it answering again. The
 * breaker has logged the outage once, so whoever catches this logs nothing more.
 */
public final class DatabaseDown extends StorageUnavailable {
    /** Seconds a client is told to wait: the breaker probes every second and closes within a few. */
    public static final int RETRY_AFTER_SECONDS = 5;

    DatabaseDown(String where, Throwable cause) {
        super("The database at " + where + " is unreachable", UNREACHABLE, cause);
    }

    @Override
    public int retryAfterSeconds() {
        return RETRY_AFTER_SECONDS;
    }
}
