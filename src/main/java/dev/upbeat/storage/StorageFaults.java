package dev.upbeat.storage;

import dev.upbeat.config.DatabaseUrl;
import java.sql.SQLException;
import org.sqlite.SQLiteException;

/**
 * Recognises the failures that are about the database's storage rather than a request (a full
 * disk, a read-only or unopenable file, an I/O error, a PostgreSQL server that is full, read-only
 * or gone) from the driver's own codes, and says what is wrong and what to do.
 */
final class StorageFaults {
    private StorageFaults() {
    }

    /** The storage fault behind {@code e}, or null if {@code e} is not one. */
    static StorageUnavailable classify(Throwable e, DatabaseUrl url) {
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof SQLiteException s) {
                return sqlite(s, url);
            }
            if (c instanceof SQLException sql && sql.getSQLState() != null && url.kind() == DatabaseUrl.Kind.POSTGRESQL) {
                return postgres(sql, url);
            }
        }
        return null;
    }

    private static StorageUnavailable sqlite(SQLiteException e, DatabaseUrl url) {
        String file = url.sqliteFile() == null ? url.describe() : url.sqliteFile().toString();
        String code = e.getResultCode().name();
        // Extended codes (SQLITE_READONLY_DBMOVED, SQLITE_IOERR_WRITE, ...) share the primary code's low byte.
        return switch (e.getResultCode().code & 0xff) {
            case 13 -> new StorageUnavailable("The database " + file + " is full (" + code + "): free disk space on its volume "
                    + "(or raise its quota); writes are refused until then",
                    "The database is full: free disk space on its volume, then try again. Nothing was changed.", e);
            case 8 -> new StorageUnavailable("The database file " + file + " is read-only (" + code + "): make the file and its "
                    + "directory writable by the user running Upbeat, on a read-write volume",
                    "The database file is read-only, so nothing can be changed; its permissions or volume need fixing.", e);
            case 14 -> new StorageUnavailable("The database file " + file + " cannot be opened (" + code + "): check that it "
                    + "and its directory exist and are readable and writable by the user running Upbeat",
                    "The database file cannot be opened; nothing was changed.", e);
            case 10 -> new StorageUnavailable("The disk holding the database " + file + " failed (" + code + "): check the "
                    + "volume and the system log", "The database's disk reported an error; nothing was changed.", e);
            case 11, 26 -> new StorageUnavailable("The database " + file + " is damaged or not a SQLite database (" + code
                    + "): restore it from a backup", "The database is damaged; nothing was changed.", e);
            default -> null;
        };
    }

    private static StorageUnavailable postgres(SQLException e, DatabaseUrl url) {
        String state = e.getSQLState();
        String where = "The database at " + url.describe();
        if (state.equals("53100")) {
            return new StorageUnavailable(where + " is out of disk space (SQLSTATE 53100): free space on the server",
                    "The database is full: nothing was changed. Try again once space is freed.", e);
        }
        if (state.equals("25006")) {
            return new StorageUnavailable(where + " is read-only (SQLSTATE 25006): point DATABASE_URL at the primary, "
                    + "not a replica", "The database is read-only, so nothing can be changed.", e);
        }
        if (state.startsWith("08") || state.startsWith("57P0")) {
            return new StorageUnavailable(where + " cannot be reached (SQLSTATE " + state + ")",
                    StorageUnavailable.UNREACHABLE, e);
        }
        return null;
    }
}
