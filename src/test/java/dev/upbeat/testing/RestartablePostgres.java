package dev.upbeat.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

/**
 * An embedded PostgreSQL of its own that a test can stop and start again, as an operator
 * restarting the server would: the same port and the same data directory, so clients find it
 * where it was, with everything written before the stop. Not shared with other tests.
 */
public final class RestartablePostgres implements AutoCloseable {
    private final Path data;
    private final int port;
    private EmbeddedPostgres server;

    private RestartablePostgres(Path data, int port) {
        this.data = data;
        this.port = port;
    }

    public static RestartablePostgres started() {
        try {
            Path data = Files.createDirectories(Path.of("target", "embedded-postgres")).resolve("restartable-" + UUID.randomUUID());
            RestartablePostgres postgres = new RestartablePostgres(data, freePort());
            postgres.start();
            return postgres;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The DATABASE_URL of its {@code postgres} database. */
    public String url() {
        return "postgres://postgres:postgres@localhost:" + port + "/postgres";
    }

    /** Starts it again after {@link #stop}, on the same port and data; the first start also creates the data. */
    public synchronized void start() {
        if (server != null) {
            return;
        }
        try {
            server = EmbeddedPostgres.builder().setPort(port).setDataDirectory(data).setCleanDataDirectory(false).start();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start embedded PostgreSQL on port " + port, e);
        }
    }

    /** Stops the server (a fast shutdown: sessions are ended, as by {@code pg_ctl stop}). */
    public synchronized void stop() {
        if (server == null) {
            return;
        }
        try {
            server.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            server = null;
        }
    }

    @Override
    public void close() {
        stop();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
