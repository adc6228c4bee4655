package dev.upbeat.storage;

/** The two databases Upbeat runs on, and the little SQL that differs between them. */
public enum Dialect {
    SQLITE("sqlite", ""),
    POSTGRESQL("postgresql", " FOR UPDATE");

    private final String migrationFolder;
    private final String rowLock;

    Dialect(String migrationFolder, String rowLock) {
        this.migrationFolder = migrationFolder;
        this.rowLock = rowLock;
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
}
