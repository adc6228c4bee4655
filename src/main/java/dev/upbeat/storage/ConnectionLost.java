package dev.upbeat.storage;

import java.sql.SQLException;

/**
 * One connection ended under a statement while the server still answers: cut by a partition that
 * has since healed, or ended by an administrator. Only this attempt failed (the pool has dropped
 * the connection, so the next attempt gets a fresh one), and there is nothing for anyone to act
 * on: worth one line of warning, not a trace, and a client may try again at once.
 */
public final class ConnectionLost extends StorageUnavailable {

    ConnectionLost(String where, Throwable cause) {
        super("The connection to the database at " + where + " was lost (" + reason(cause) + "); it answers again, so "
                + "only this attempt failed", UNREACHABLE, cause);
    }

    @Override
    public int retryAfterSeconds() {
        return DatabaseDown.RETRY_AFTER_SECONDS;
    }

    /** The driver's words for the connection's end ("SQLSTATE 08006: An I/O error occurred ..."). */
    private static String reason(Throwable e) {
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof SQLException sql && sql.getSQLState() != null) {
                return "SQLSTATE " + sql.getSQLState() + ": " + sql.getMessage();
            }
        }
        return e.getMessage();
    }
}
