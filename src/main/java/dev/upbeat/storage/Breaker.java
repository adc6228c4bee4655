package dev.upbeat.storage;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Knows when PostgreSQL is down, so an outage costs a refused call nothing and the log one line.
 * The first access that fails to connect opens it (so does one whose connection broke or whose
 * wait for a pooled connection ran out, when a fresh connect fails too), saying so once. While open, every access fails at once with
 * {@link DatabaseDown} instead of waiting on the pool and logging a failure of its own; a probe
 * (one {@code SELECT 1} a second) closes it when the server answers, saying so once again.
 * Everything else a database can answer (a constraint, a lock timeout, a full disk) is about the
 * request, not the server's reach, and leaves it closed.
 */
final class Breaker {
    private static final Logger log = LoggerFactory.getLogger(Breaker.class);
    /** The server is going down or not accepting connections yet: admin, crash or restart shutdown, cannot connect now. */
    private static final Set<String> SERVER_GOING = Set.of("57P01", "57P02", "57P03");
    /** What a failed attempt to connect says: refused or unreachable, rejected, or not taking connections (yet or any more). */
    private static final Set<String> CANNOT_CONNECT = Set.of("08001", "08004", "57P03");
    private static final long CLOSED = Long.MIN_VALUE;

    private final String where;
    private final AtomicLong openedAtNanos = new AtomicLong(CLOSED);
    /** When it last closed; starts far back, so nothing counts as having been in flight through an outage. */
    private volatile long closedAtNanos = System.nanoTime() - Long.MAX_VALUE / 2;

    Breaker(String where) {
        this.where = where;
    }

    boolean isOpen() {
        return openedAtNanos.get() != CLOSED;
    }

    /** Throws {@link DatabaseDown} while the database is known to be down. */
    void refuseIfOpen() {
        if (isOpen()) {
            throw new DatabaseDown(where, null);
        }
    }

    /** Opens (saying so if it was closed) for {@code cause}, a failure {@link #isOutage} recognised; returns what to throw. */
    DatabaseDown open(Throwable cause) {
        if (openedAtNanos.compareAndSet(CLOSED, System.nanoTime())) {
            log.warn("Database unreachable at {} ({}); writes get 503 until it answers, public pages keep serving "
                    + "their last snapshot", where, reason(cause));
        }
        return new DatabaseDown(where, cause);
    }

    /**
     * Whether it was open at some moment since {@code sinceNanos}: an access begun then and failed
     * on its connection was cut by the outage already announced (a partition cuts every statement
     * in flight, and a heal that closes their connections ends them only after the server is back).
     */
    boolean openSince(long sinceNanos) {
        return isOpen() || closedAtNanos - sinceNanos > 0;
    }

    /** What to throw for an access cut by the outage already announced, without a word more. */
    DatabaseDown casualty(Throwable cause) {
        return new DatabaseDown(where, cause);
    }

    /** Closes after the database answered, saying how long it was away if it was open. */
    void close() {
        if (!isOpen()) {
            return;
        }
        // Stamped before it reads closed, so an access failing meanwhile sees one or the other.
        closedAtNanos = System.nanoTime();
        long opened = openedAtNanos.getAndSet(CLOSED);
        if (opened != CLOSED) {
            log.info("Database reachable again after {} s", Math.max(1, Math.round((System.nanoTime() - opened) / 1e9)));
        }
    }

    /**
     * A failure to reach the server rather than an answer from it: SQLSTATE class 08 (connection
     * exceptions, also what the pool's timeout carries from its last failed connect) or a server
     * shutting down or starting. A pool timeout without such a cause is a busy pool or a partition
     * ({@link #poolTimedOut}), which only a connection outside the pool can tell apart.
     */
    static boolean isOutage(Throwable e) {
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || SERVER_GOING.contains(sql.getSQLState()))) {
                return true;
            }
        }
        return false;
    }

    /**
     * An {@link #isOutage} failure that came from trying to connect, which only an unreachable
     * server gives. The others (an I/O error, an administrator's termination) end one connection:
     * the server may be fine, so they are evidence only once a fresh connect fails too.
     */
    static boolean couldNotConnect(Throwable e) {
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof SQLException sql && CANNOT_CONNECT.contains(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /**
     * The pool's wait for a connection ran out ({@link SQLTransientConnectionException}, which
     * HikariCP throws then) without a failed connect behind it: a busy pool, or a server that
     * neither accepts nor refuses connects; only a connection of its own can tell which.
     */
    static boolean poolTimedOut(Throwable e) {
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof SQLTransientConnectionException) {
                return true;
            }
        }
        return false;
    }

    /** The driver's own words for the deepest connection failure ("SQLSTATE 08001: Connection to ... refused"). */
    private static String reason(Throwable e) {
        String reason = e.getMessage();
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof SQLException sql && sql.getSQLState() != null) {
                reason = "SQLSTATE " + sql.getSQLState() + ": " + sql.getMessage();
            }
        }
        return reason;
    }
}
