package dev.upbeat.notification;

import dev.upbeat.storage.Database;
import dev.upbeat.storage.StorageUnavailable;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The deliveries this instance's workers hold and have not finished. A thread of its own renews
 * their leases together every third of the lease, so a claim never lapses while its instance lives
 * and works on it, and the claims of a dead instance lapse within one lease. Only rows still held
 * are renewed: a row a worker gave up on lapses on its own.
 */
final class HeldClaims implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(HeldClaims.class);

    private final Database db;
    private final DeliveryRepository deliveries;
    private final String instance;
    private final Duration lease;
    private final Clock clock;
    private final Set<Long> ids = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService renewer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("upbeat-delivery-leases").factory());
    private volatile Instant renewedUntil = Instant.MIN;

    HeldClaims(Database db, DeliveryRepository deliveries, String instance, Duration lease, Clock clock) {
        this.db = db;
        this.deliveries = deliveries;
        this.instance = instance;
        this.lease = lease;
        this.clock = clock;
    }

    void start() {
        long every = Math.max(1, lease.toMillis() / 3);
        renewer.scheduleWithFixedDelay(this::renew, every, every, TimeUnit.MILLISECONDS);
    }

    void hold(Collection<Long> claimed) {
        ids.addAll(claimed);
    }

    void drop(long id) {
        ids.remove(id);
    }

    void dropAll(Collection<Long> given) {
        ids.removeAll(given);
    }

    /** How long a batch claimed until {@code claimedUntil} is surely still leased: its claim, or the last renewal. */
    Instant leasedUntil(Instant claimedUntil) {
        Instant renewed = renewedUntil;
        return renewed.isAfter(claimedUntil) ? renewed : claimedUntil;
    }

    private void renew() {
        Instant until = clock.instant().plus(lease);
        List<Long> held = List.copyOf(ids);
        if (held.isEmpty()) {
            // Idle: nothing to renew, and no reason to touch the database.
            renewedUntil = until;
            return;
        }
        try {
            db.useTransaction(tx -> deliveries.renew(tx, instance, held, until));
            renewedUntil = until;
        } catch (RuntimeException e) {
            // The workers stop taking up their batches before the lease ends; the rows then come due for anyone.
            StorageUnavailable.logRetry(log, "Could not renew the leases of " + held.size() + " delivery claim(s); retrying", e);
        }
    }

    @Override
    public void close() {
        renewer.shutdownNow();
    }
}
