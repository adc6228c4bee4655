package dev.upbeat.storage;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.upbeat.config.DatabaseUrl;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Properties;
import java.util.function.Consumer;
import java.util.function.Function;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.ConnectionException;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.SqlLogger;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The connection pool, the schema migrations and the transactions every write goes through.
 * SQLite gets one connection (it has one writer anyway, and this rules out lock upgrades
 * failing with SQLITE_BUSY); PostgreSQL gets a pool and row locks.
 */
public final class Database implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Database.class);
    /** Seconds a pooled PostgreSQL connection waits for the server's next bytes; see {@link #partitionSettings}. */
    static final int POOL_SOCKET_TIMEOUT_SECONDS = 5;

    private final DatabaseUrl url;
    private final Dialect dialect;
    private final HikariDataSource dataSource;
    private final Jdbi jdbi;
    private final Breaker breaker;

    private Database(DatabaseUrl url, HikariDataSource dataSource) {
        this.url = url;
        this.breaker = new Breaker(url.describe());
        this.dialect = Dialect.of(url);
        this.dataSource = dataSource;
        this.jdbi = Jdbi.create(dataSource)
                .registerColumnMapper(Instant.class, EpochMillis.COLUMN)
                .registerArgument(EpochMillis.ARGUMENT);
    }

    public static Database open(DatabaseUrl url) {
        createSqliteDirectory(url);
        HikariConfig config = new HikariConfig();
        config.setPoolName("upbeat-db");
        config.setJdbcUrl(url.jdbcUrl());
        if (url.user() != null) {
            config.setUsername(url.user());
        }
        if (url.password() != null) {
            config.setPassword(url.password());
        }
        if (url.kind() == DatabaseUrl.Kind.SQLITE) {
            config.setMaximumPoolSize(1);
            // Driver properties, not init SQL: the driver runs only the first statement of a script,
            // which silently left foreign keys off.
            config.addDataSourceProperty("journal_mode", "WAL");
            config.addDataSourceProperty("busy_timeout", "10000");
            config.addDataSourceProperty("foreign_keys", "true");
            // 64 MB of page cache instead of 2 MB: a rebuild reads index pages all over a file of years of history.
            config.addDataSourceProperty("cache_size", "-65536");
            // Waiting for the one connection is SQLite being busy, not an outage: give it time.
            config.setConnectionTimeout(10_000);
        } else {
            outageSettings(config);
        }
        try {
            return new Database(url, new HikariDataSource(config));
        } catch (RuntimeException e) {
            StorageUnavailable fault = StorageFaults.classify(e, url);
            throw new IllegalStateException(fault != null ? fault.getMessage() + " (DATABASE_URL)"
                    : "Cannot connect to the database at " + url.describe() + " (DATABASE_URL): " + e.getMessage(), e);
        }
    }

    /**
     * A PostgreSQL that went away is found within a second: a borrow waits at most 0.8 s (checking
     * a connection idle for half a second takes at most a quarter of that), so the first write
     * after the server died is answered 503 within the second. No idle connections are kept
     * filled: the pool only connects for a caller, so after an outage it tries again at once for
     * the breaker's probe instead of from a retry loop grown to five seconds between attempts.
     */
    private static void outageSettings(HikariConfig config) {
        config.setMaximumPoolSize(10);
        config.setMinimumIdle(0);
        config.setConnectionTimeout(800);
        config.setValidationTimeout(250);
        partitionSettings(config);
    }

    /**
     * A PostgreSQL behind a partition (packets dropped, connections neither answered nor closed)
     * must not hold a caller for the whole cut. Without these a pooled connection waits forever
     * for an answer, and a new one 10 s for its connect. With them, a statement in flight when the
     * cut comes fails within {@link #POOL_SOCKET_TIMEOUT_SECONDS}, and the breaker opens.
     * <ul>
     * <li>connectTimeout 2 s: a TCP connect to a reachable server takes milliseconds, even across
     * regions; one that takes seconds will not be answered. loginTimeout 3 s bounds the whole
     * login: connect, TLS and authentication, however many tries sslmode=prefer makes.
     * <li>socketTimeout 5 s: how long a statement may wait for the server's next bytes. It is the
     * bound on the first write caught by a partition, so it is short, but five times the longest
     * statement Upbeat runs: advisory triage over a million package rows (at most 1.1 s under
     * load, bench/triage.sh), the outbox fan-out of 100,000 deliveries (253 ms); the snapshot's and
     * exports' reads stream rows, so no read waits long for its first bytes. Migrations, which
     * can run for minutes on a big database, do not go through the pool ({@link #migrate}).
     * <li>tcpKeepAlive: a connection the network dropped silently while idle is found by the kernel.
     * </ul>
     */
    private static void partitionSettings(HikariConfig config) {
        config.addDataSourceProperty("connectTimeout", "2");
        config.addDataSourceProperty("loginTimeout", "3");
        config.addDataSourceProperty("socketTimeout", Integer.toString(POOL_SOCKET_TIMEOUT_SECONDS));
        config.addDataSourceProperty("tcpKeepAlive", "true");
    }

    private static void createSqliteDirectory(DatabaseUrl url) {
        Path file = url.sqliteFile();
        if (file == null || file.getParent() == null) {
            return;
        }
        try {
            Files.createDirectories(file.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the data directory " + file.getParent()
                    + " (UPBEAT_DATA_DIR or DATABASE_URL)", e);
        }
    }

    /** Brings the schema up to date; safe to call on every start and from several instances. */
    public SchemaState migrate() {
        try {
            checkWritable();
            return migrateNow();
        } catch (RuntimeException e) {
            // A database that cannot take writes stops startup with one line naming it, not a Flyway trace.
            StorageUnavailable fault = StorageFaults.classify(e, url);
            if (fault != null) {
                throw new IllegalStateException(fault.getMessage() + " (DATABASE_URL)", e);
            }
            throw e;
        }
    }

    /**
     * Writes the schema version back unchanged, so a database that cannot take writes is found at
     * start even when no migration is due. File modes alone would miss it: root ignores them.
     */
    private void checkWritable() {
        Path file = url.sqliteFile();
        if (file == null) {
            return;
        }
        if (Files.exists(file) && !Files.isWritable(file)) {
            throw new IllegalStateException("The database file " + file + " is read-only: make it writable by the user "
                    + "running Upbeat (DATABASE_URL)");
        }
        jdbi.useHandle(h -> h.execute("PRAGMA user_version = " + h.createQuery("PRAGMA user_version").mapTo(Integer.class).one()));
    }

    private SchemaState migrateNow() {
        // PostgreSQL migrates on connections of Flyway's own, without the pool's socket timeout: a
        // migration on a big database may rightly run for minutes without a byte coming back.
        var configured = Flyway.configure();
        if (dialect == Dialect.POSTGRESQL) {
            configured.dataSource(url.jdbcUrl(), url.user(), url.password());
        } else {
            configured.dataSource(dataSource);
        }
        Flyway flyway = configured
                .locations(dialect.migrationLocation())
                .load();
        int applied = flyway.migrate().migrationsExecuted;
        jdbi.useHandle(handle -> ChangeSequence.start(handle, System.currentTimeMillis()));
        var current = flyway.info().current();
        SchemaState state = new SchemaState(current == null ? "none" : current.getVersion().getVersion(), applied);
        log.info("Database {} at schema version {} ({} migration(s) applied)", url.describe(), state.version(), applied);
        return state;
    }

    /** The schema version after migrating, and how many migrations this run applied. */
    public record SchemaState(String version, int applied) {
    }

    public <T> T inTransaction(Function<Tx, T> work) {
        return run(TransactionIsolationLevel.UNKNOWN, work);
    }

    /** A transaction that changes what readers see: it is announced ({@link Tx#announce()}) on commit. */
    public <T> T inChange(Function<Tx, T> work) {
        return inTransaction(tx -> {
            tx.announce();
            return work.apply(tx);
        });
    }

    public void useChange(java.util.function.Consumer<Tx> work) {
        inChange(tx -> {
            work.accept(tx);
            return null;
        });
    }

    private <T> T run(TransactionIsolationLevel isolation, Function<Tx, T> work) {
        breaker.refuseIfOpen();
        long started = System.nanoTime();
        try {
            HandleCallback<T, RuntimeException> unit = handle -> {
                Tx tx = new Tx(handle, dialect);
                T result = work.apply(tx);
                if (tx.announced()) {
                    ChangeSequence.bump(handle, dialect);
                    if (tx.stamped()) {
                        tx.stamp(ChangeSequence.current(handle));
                    }
                }
                return result;
            };
            // Naming no level leaves the connection's own, without asking the server what it is.
            return isolation == TransactionIsolationLevel.UNKNOWN ? jdbi.inTransaction(unit) : jdbi.inTransaction(isolation, unit);
        } catch (StorageUnavailable e) {
            throw e;
        } catch (RuntimeException e) {
            throw fault(e, started);
        }
    }

    /**
     * What a failed access means: the database going down (opening the breaker), a storage fault, or
     * the failure itself. A connection lost while the server still answers (one backend ended by
     * an administrator, a connection cut by a partition that has healed) fails only its own
     * attempt, quietly ({@link ConnectionLost}); one that was in flight while the breaker was open
     * is one more casualty of the outage it announced, and says nothing more.
     */
    private RuntimeException fault(RuntimeException e, long startedNanos) {
        if (dialect == Dialect.POSTGRESQL && Breaker.isOutage(e)) {
            if (breaker.openSince(startedNanos)) {
                return breaker.casualty(e); // in flight through an outage the breaker has announced
            }
            if (Breaker.couldNotConnect(e) || !answersOutsidePool()) {
                return breaker.open(e);
            }
            // What cut this connection (a network event, a restart of a proxy) likely cut its idle
            // neighbours too: fresh ones for the next attempts, rather than one failure each.
            dataSource.getHikariPoolMXBean().softEvictConnections();
            return new ConnectionLost(url.describe(), e);
        }
        // A borrow that timed out with no failed connect behind it: a busy pool, or a server behind
        // a partition whose connects neither succeed nor fail. A connection of its own tells which.
        if (dialect == Dialect.POSTGRESQL && Breaker.poolTimedOut(e) && !answersOutsidePool()) {
            return breaker.open(e);
        }
        if (e instanceof ConnectionException) {
            return new StorageUnavailable("The database at " + url.describe() + " cannot be reached", e);
        }
        StorageUnavailable fault = StorageFaults.classify(e, url);
        return fault != null ? fault : e;
    }

    /**
     * While the database is known to be down, asks it once whether it answers ({@code SELECT 1})
     * and closes the breaker if it does. Cheap to call every second: it does nothing while the
     * database is up. True when this call found the database back. It asks on a connection of its
     * own first: a borrow from the pool would leave the pool retrying its connects with a backoff
     * that grows to seconds between attempts, and those would follow the server's return late.
     */
    public boolean probe() {
        if (!breaker.isOpen() || !answersOutsidePool()) {
            return false;
        }
        // Connections kept through the outage may be cut without knowing it: none of them is lent again.
        dataSource.getHikariPoolMXBean().softEvictConnections();
        try {
            jdbi.useHandle(h -> h.createQuery("SELECT 1").mapTo(Integer.class).one());
        } catch (RuntimeException e) {
            return false; // still away; the breaker said so when it opened
        }
        breaker.close();
        return true;
    }

    private boolean answersOutsidePool() {
        try (Connection c = connectOutsidePool(url, "upbeat-probe", 2); Statement s = c.createStatement()) {
            s.execute("SELECT 1");
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    /**
     * A PostgreSQL connection of its own, outside the pool (the change feed's, the probe's): a
     * second to connect, and reads that give up after {@code readTimeoutSeconds}, so a dead server
     * is noticed even when it stopped answering without closing the connection.
     */
    static Connection connectOutsidePool(DatabaseUrl url, String application, int readTimeoutSeconds) throws SQLException {
        Properties props = new Properties();
        if (url.user() != null) {
            props.setProperty("user", url.user());
        }
        if (url.password() != null) {
            props.setProperty("password", url.password());
        }
        props.setProperty("connectTimeout", "1");
        // The whole login, however many tries sslmode=prefer makes (each would wait a read timeout).
        props.setProperty("loginTimeout", "2");
        props.setProperty("tcpKeepAlive", "true");
        props.setProperty("socketTimeout", Integer.toString(readTimeoutSeconds));
        props.setProperty("ApplicationName", application);
        return DriverManager.getConnection(url.jdbcUrl(), props);
    }

    /** False while the database is known to be down: background work skips its turn instead of failing. */
    public boolean reachable() {
        return !breaker.isOpen();
    }

    /** For the change feed, which reaches the database on a connection of its own. */
    Breaker breaker() {
        return breaker;
    }

    public void useTransaction(java.util.function.Consumer<Tx> work) {
        inTransaction(tx -> {
            work.accept(tx);
            return null;
        });
    }

    /**
     * Reads with a handle of its own; several reads see one consistent state. On PostgreSQL that
     * takes REPEATABLE READ (its default, READ COMMITTED, gives each statement its own state), so
     * the change sequence read with the rows names exactly them. SQLite's one connection is serial anyway.
     */
    public <T> T read(Function<Tx, T> work) {
        return run(dialect == Dialect.POSTGRESQL ? TransactionIsolationLevel.REPEATABLE_READ
                : TransactionIsolationLevel.UNKNOWN, work);
    }

    /**
     * Tells {@code listener} of every statement run through this database, before it runs and on
     * the thread running it: how a test proves that serving a page reads no database.
     */
    public void onStatement(Consumer<String> listener) {
        jdbi.setSqlLogger(new SqlLogger() {
            @Override
            public void logBeforeExecution(StatementContext context) {
                listener.accept(context.getRenderedSql());
            }
        });
    }

    /** Publishes the pool's own meters (hikaricp_connections_*: active, idle, pending, timeouts, usage). */
    public void bindMetrics(io.micrometer.core.instrument.MeterRegistry registry) {
        dataSource.setMetricsTrackerFactory(new com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory(registry));
    }

    public Dialect dialect() {
        return dialect;
    }

    public DatabaseUrl url() {
        return url;
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
