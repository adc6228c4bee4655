package dev.upbeat.notification;

import dev.upbeat.storage.Database;
import dev.upbeat.storage.StorageUnavailable;
import dev.upbeat.subscription.Channel;
import dev.upbeat.subscription.Subscriber;
import dev.upbeat.subscription.SubscriberRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The delivery workers: for each channel, as many threads as its concurrency, each claiming a
 * batch of due deliveries, sending them and recording each outcome at once (so a crash repeats at
 * most the sends in flight). Channels have threads of their own, so a channel that fails or hangs
 * (SMTP down) never holds up another. Failures come back after {@link Backoff}; after
 * {@code maxAttempts} a delivery is parked as dead until an admin re-sends it.
 */
public final class Dispatcher implements AutoCloseable {
    static final int BATCH = 20;
    private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);
    /** Longest one send may take (HTTP 10 s, SMTP steps); a batch stops this long before its lease ends. */
    private static final java.time.Duration LEASE_MARGIN = java.time.Duration.ofSeconds(30);

    /** Delivery policy: attempts before dead, retry spacing, claim lease, idle poll. */
    public record Policy(int maxAttempts, Backoff backoff, Duration lease, Duration poll, Map<Channel, Integer> threads) {
    }

    private final Database db;
    private final DeliveryRepository deliveries;
    private final SubscriberRepository subscribers;
    private final Map<Channel, Sender> senders;
    private final Policy policy;
    private final Clock clock;
    private final Map<Long, NotificationEvent> events = new ConcurrentHashMap<>();
    private final Object signal = new Object();
    private final List<Thread> threads = new ArrayList<>();
    private long generation;
    private volatile boolean running;

    public Dispatcher(Database db, DeliveryRepository deliveries, SubscriberRepository subscribers, Map<Channel, Sender> senders,
                      Policy policy, Clock clock) {
        this.db = db;
        this.deliveries = deliveries;
        this.subscribers = subscribers;
        this.senders = senders;
        this.policy = policy;
        this.clock = clock;
    }

    public synchronized void start() {
        running = true;
        senders.keySet().forEach(channel -> {
            for (int i = 0; i < policy.threads().getOrDefault(channel, 1); i++) {
                Thread t = new Thread(() -> work(channel), "upbeat-" + channel.wire() + "-" + i);
                t.setDaemon(true);
                t.start();
                threads.add(t);
            }
        });
    }

    /** Tells idle workers there may be new work (called after each committed change). */
    public void wake() {
        synchronized (signal) {
            generation++;
            signal.notifyAll();
        }
    }

    private void work(Channel channel) {
        while (running) {
            long seen;
            synchronized (signal) {
                seen = generation;
            }
            int sent = 0;
            try {
                sent = runOnce(channel);
            } catch (RuntimeException | LinkageError | AssertionError e) {
                // Anything short of the JVM failing must not end the worker: the channel would go silent.
                StorageUnavailable.logRetry(log, "Delivery worker for " + channel.wire() + " failed; retrying after " + policy.poll(), e);
            }
            if (sent == 0) {
                idle(seen);
            }
        }
    }

    private void idle(long seen) {
        synchronized (signal) {
            try {
                if (generation == seen && running) {
                    signal.wait(policy.poll().toMillis());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                running = false;
            }
        }
    }

    /** Claims and sends one batch of {@code channel}; returns how many were claimed. */
    public int runOnce(Channel channel) {
        Sender sender = senders.get(channel);
        Instant now = clock.instant();
        List<DeliveryRepository.Claim> claims = db.inTransaction(tx ->
                deliveries.claim(tx, channel.wire(), now, now.plus(policy.lease()), BATCH));
        if (claims.isEmpty() || sender == null) {
            return claims.size();
        }
        Map<String, Subscriber> byId = db.read(tx -> subscribers.findAll(tx,
                claims.stream().map(DeliveryRepository.Claim::subscriberId).collect(Collectors.toSet())))
                .stream().collect(Collectors.toMap(Subscriber::id, Function.identity()));
        // Stop well before the lease ends: past it another worker may claim (and send) the rest.
        java.time.Duration margin = LEASE_MARGIN.compareTo(policy.lease().dividedBy(2)) < 0 ? LEASE_MARGIN : policy.lease().dividedBy(2);
        Instant stopBy = now.plus(policy.lease()).minus(margin);
        try (Sender.Batch batch = sender.open()) {
            for (DeliveryRepository.Claim c : claims) {
                if (clock.instant().isAfter(stopBy)) {
                    break;
                }
                Subscriber s = byId.get(c.subscriberId());
                if (s == null) {
                    db.useTransaction(tx -> deliveries.markDead(tx, c.id(), "the subscriber was removed"));
                } else if (c.eventId() == null && s.confirmed()) {
                    // An opt-in message for someone already confirmed (a repeated form, an admin add) says nothing new.
                    db.useTransaction(tx -> deliveries.markSent(tx, c.id(), clock.instant()));
                } else {
                    deliver(batch, c, s);
                }
            }
        }
        return claims.size();
    }

    private void deliver(Sender.Batch batch, DeliveryRepository.Claim c, Subscriber s) {
        try {
            NotificationEvent event = c.eventId() == null ? null : event(c.eventId());
            batch.send(new Outgoing(c.id(), c.attempts(), s, event));
            db.useTransaction(tx -> deliveries.markSent(tx, c.id(), clock.instant()));
        } catch (DeliveryFailure f) {
            failed(c, f.getMessage(), f.permanent());
        } catch (RuntimeException e) {
            failed(c, e.toString(), false);
        }
    }

    private void failed(DeliveryRepository.Claim c, String error, boolean permanent) {
        String message = error == null ? "unknown error" : error.length() > 500 ? error.substring(0, 500) : error;
        if (permanent || c.attempts() >= policy.maxAttempts()) {
            log.warn("Delivery {} is dead after {} attempt(s): {}", c.id(), c.attempts(), message);
            db.useTransaction(tx -> deliveries.markDead(tx, c.id(), message));
        } else {
            Instant retry = clock.instant().plus(policy.backoff().after(c.attempts(), ThreadLocalRandom.current()));
            db.useTransaction(tx -> deliveries.markFailed(tx, c.id(), message, retry));
        }
    }

    private NotificationEvent event(long id) {
        if (events.size() > 1_000) {
            events.clear();
        }
        return events.computeIfAbsent(id, k -> db.read(tx -> deliveries.findEvent(tx, k, Outbox::read)).orElseThrow());
    }

    /** Stops the workers; sends in flight finish or time out, and their claims come due again after the lease. */
    @Override
    public synchronized void close() {
        running = false;
        wake();
        for (Thread t : threads) {
            try {
                t.join(Duration.ofSeconds(15).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        threads.clear();
    }
}
