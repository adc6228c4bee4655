package dev.upbeat.storage;

import dev.upbeat.config.DatabaseUrl;

/** The two databases Upbeat runs on, and the little SQL that differs between them. */
public enum Dialect {
    SQLITE("sqlite", "", ""),
    POSTGRESQL("postgresql", " FOR UPDATE", " FOR UPDATE SKIP LOCKED");

    private final String migrationFolder;
    private final String rowLock;
    private final String claimLock;

    Dialect(String migrationFolder, String rowLock, String claimLock) {
        this.migrationFolder = migrationFolder;
        this.rowLock = rowLock;
        this.claimLock = claimLock;
    }

    /** The dialect of the database a URL names. */
    public static Dialect of(DatabaseUrl url) {
        return switch (url.kind()) {
            case SQLITE -> SQLITE;
            case POSTGRESQL -> POSTGRESQL;
        };
    }

    /** Flyway location of this dialect's migrations. */
    public String migrationLocation() {
        return "classpath:db/migration/" + migrationFolder;
    }

    /**
     * Suffix that locks selected rows until commit. SQLite needs none: it allows one writer at a
     * time, and Upbeat gives it a single connection.
     */
    public String rowLock() {
        return rowLock;
    }

    /**
     * Suffix for claiming queued work: rows another instance has locked are skipped rather than
     * waited for, so several workers each take different rows. SQLite needs none (one writer).
     */
    public String claimLock() {
        return claimLock;
    }
}
