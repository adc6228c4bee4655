package dev.upbeat.storage;

import dev.upbeat.config.DatabaseUrl;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.function.LongConsumer;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hears every change committed by any instance on one PostgreSQL ({@code LISTEN} on
 * {@link ChangeSequence#CHANNEL}) and passes on its sequence number. It holds one connection of
 * its own, outside the pool, so a busy pool never delays it and it never holds a pooled one. A
 * lost connection is retried with backoff; since notifications sent meanwhile are lost, each
 * (re)connection is followed by one {@code onConnected} call, so the listener rebuilds once.
 * A connection that ends is first tried again at once: if that connect fails too, the server is
 * gone, and the feed opens the database's {@link Breaker} (which says so once) and waits for it to
 * close rather than retrying on its own.
 */
public final class ChangeFeed implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ChangeFeed.class);
    private static final int WAIT_MILLIS = 500;
    private static final int BREAKER_POLL_MILLIS = 200;
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

    private final DatabaseUrl url;
    private final Breaker breaker;
    private final LongConsumer onChange;
    private final Runnable onConnected;
    private final Thread thread;
    private volatile boolean closed;
    private volatile Connection connection;

    public ChangeFeed(Database db, LongConsumer onChange, Runnable onConnected) {
        this.url = db.url();
        this.breaker = db.breaker();
        this.onChange = onChange;
        this.onConnected = onConnected;
        this.thread = Thread.ofPlatform().daemon().name("upbeat-change-feed").unstarted(this::run);
    }

    public ChangeFeed start() {
        thread.start();
        return this;
    }

    private void run() {
        long backoffMillis = 500;
        boolean failing = false;
        String lost = null;
        while (!closed) {
            if (breaker.isOpen()) {
                // The probe finds the server back within a second; connect right after, not a backoff later.
                lost = null;
                pause(BREAKER_POLL_MILLIS);
                continue;
            }
            try (Connection c = connect()) {
                connection = c;
                if (failing) {
                    log.info("The change feed is listening again");
                } else if (lost != null) {
                    log.info("The change feed lost its connection ({}) and is listening again", lost);
                }
                failing = false;
                lost = null;
                backoffMillis = 500;
                onConnected.run();
                listen(c.unwrap(PGConnection.class));
            } catch (SQLException | RuntimeException e) {
                if (closed) {
                    return;
                }
                if (Breaker.couldNotConnect(e) || Breaker.isOutage(e) && lost != null) {
                    breaker.open(e); // says once that the database is down; the loop waits for it to close
                    continue;
                }
                if (Breaker.isOutage(e)) {
                    // Its connection ended; whether the server did too, connecting again at once tells.
                    lost = e.getMessage();
                    continue;
                }
                if (!failing) {
                    log.warn("The change feed lost {} ({}); retrying, other instances' changes arrive by the timer meanwhile",
                            url.describe(), e.getMessage());
                }
                failing = true;
                pause(backoffMillis);
                backoffMillis = Math.min(backoffMillis * 2, MAX_BACKOFF.toMillis());
            }
        }
    }

    private Connection connect() throws SQLException {
        // A dead server must not go unnoticed while waiting for notifications: keepalive plus a
        // read timeout well above the wait below.
        Connection c = Database.connectOutsidePool(url, "upbeat-change-feed", 30);
        c.setAutoCommit(true);
        try (Statement s = c.createStatement()) {
            s.execute("LISTEN " + ChangeSequence.CHANNEL);
        }
        return c;
    }

    private void listen(PGConnection pg) throws SQLException {
        while (!closed) {
            PGNotification[] got = pg.getNotifications(WAIT_MILLIS);
            long newest = -1;
            for (PGNotification n : got == null ? new PGNotification[0] : got) {
                newest = Math.max(newest, parse(n.getParameter()));
            }
            if (newest >= 0) {
                onChange.accept(newest);
            }
        }
    }

    private static long parse(String payload) {
        try {
            return Long.parseLong(payload.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closed = true;
        }
    }

    @Override
    public void close() {
        closed = true;
        Connection c = connection;
        if (c != null) {
            try {
                c.close();
            } catch (SQLException e) {
                log.debug("Closing the change feed's connection", e);
            }
        }
        thread.interrupt();
        try {
            thread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
