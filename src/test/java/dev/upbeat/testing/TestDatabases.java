package dev.upbeat.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * DATABASE_URLs of fresh, empty databases for tests: a SQLite file in a temporary directory, or a new database
 * on one embedded PostgreSQL server started once per test JVM (real PostgreSQL binaries from
 * Maven Central, no install needed).
 */
public final class TestDatabases {
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static EmbeddedPostgres postgres;

    private TestDatabases() {
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
                postgres = EmbeddedPostgres.builder().start();
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
