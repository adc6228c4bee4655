package dev.upbeat.notification;

import dev.upbeat.storage.Database;
import dev.upbeat.storage.StorageUnavailable;
import dev.upbeat.storage.Tx;
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
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The delivery workers: for each channel, as many threads as its concurrency, each claiming a
 * small batch of due deliveries and sending them. A failure is recorded at once; sends are recorded
 * in groups ({@link SentGroup}: at the end of the batch, or {@link #MARK_AFTER} after the first),
 * so a crash repeats at most the sends not yet recorded: one batch per thread. Claims carry this
 * instance's id and a short lease that {@link HeldClaims} renews while the batch is worked on, so
 * the claims of a killed instance come due for the others within one lease. A thread holds one
 * batch of at most {@link #batch(Channel)} at a time, so an instance never holds more than
 * {@code threads x batch} claims of a channel: what it can start on soon, leaving the rest of a
 * large fan-out to whichever instance is free next. Channels have threads of their own, so a
 * channel that fails or hangs (SMTP down) never holds up another. Failures come back after {@link Backoff}; after
 * {@code maxAttempts} a delivery is parked as dead until an admin re-sends it.
 */
public final class Dispatcher implements AutoCloseable {
    /** Claims per batch: few, as each send may go to another host, and one slow host holds up the rest of its batch. */
    public static final int BATCH = 5;
    /**
     * Claims per email batch: every message goes to the one SMTP server over the batch's one session,
     * so a fan-out moves in larger steps; still few enough that one instance never hoards it.
     */
    public static final int EMAIL_BATCH = 25;
    /** Sends are recorded together when their batch ends or this long after the first, whichever comes first. */
    public static final Duration MARK_AFTER = Duration.ofMillis(250);
    private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);
    /** Longest one send may take (HTTP 10 s, SMTP steps): no send starts this close to the end of a lease not renewed. */
    private static final Duration LEASE_MARGIN = Duration.ofSeconds(30);

    /** Delivery policy: attempts before dead, retry spacing, claim lease, idle poll. */
    public record Policy(int maxAttempts, Backoff backoff, Duration lease, Duration poll, Map<Channel, Integer> threads) {
    }

    private final Database db;
    private final DeliveryRepository deliveries;
    private final SubscriberRepository subscribers;
    private final Map<Channel, Sender> senders;
    private final Policy policy;
    private final Clock clock;
    private final String instance;
    private final OutboxMetrics metrics;
    private final HeldClaims held;
    private final Map<Long, NotificationEvent> events = new ConcurrentHashMap<>();
    private final Object signal = new Object();
    private final List<Thread> threads = new ArrayList<>();
    private long generation;
    private volatile boolean running;
    private volatile boolean closing;

    /** {@code instance} names this process in the claims it holds; fresh at each start. */
    public Dispatcher(Database db, DeliveryRepository deliveries, SubscriberRepository subscribers, Map<Channel, Sender> senders,
                      Policy policy, Clock clock, String instance, OutboxMetrics metrics) {
        this.metrics = metrics;
        this.db = db;
        this.deliveries = deliveries;
        this.subscribers = subscribers;
        this.senders = senders;
        this.policy = policy;
        this.clock = clock;
        this.instance = instance;
        this.held = new HeldClaims(db, deliveries, instance, policy.lease(), clock);
    }

    public synchronized void start() {
        running = true;
        held.start();
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
        Instant claimedUntil = now.plus(policy.lease());
        List<DeliveryRepository.Claim> claims = db.inTransaction(tx ->
                deliveries.claim(tx, channel.wire(), instance, now, claimedUntil, batch(channel)));
        if (claims.isEmpty() || sender == null) {
            return claims.size();
        }
        List<Long> unfinished = new ArrayList<>(claims.stream().map(DeliveryRepository.Claim::id).toList());
        held.hold(unfinished);
        try {
            send(channel, sender, claims, claimedUntil, unfinished);
        } finally {
            giveBack(unfinished);
        }
        return claims.size();
    }

    /** The most claims a worker of {@code channel} takes at once; also the most sends it has not yet recorded. */
    public static int batch(Channel channel) {
        return channel == Channel.EMAIL ? EMAIL_BATCH : BATCH;
    }

    private void send(Channel channel, Sender sender, List<DeliveryRepository.Claim> claims, Instant claimedUntil,
                      List<Long> unfinished) {
        Map<String, Subscriber> byId = db.read(tx -> subscribers.findAll(tx,
                claims.stream().map(DeliveryRepository.Claim::subscriberId).filter(java.util.Objects::nonNull).collect(Collectors.toSet())))
                .stream().collect(Collectors.toMap(Subscriber::id, Function.identity()));
        Duration margin = LEASE_MARGIN.compareTo(policy.lease().dividedBy(2)) < 0 ? LEASE_MARGIN : policy.lease().dividedBy(2);
        SentGroup sent = new SentGroup(db, deliveries, held, MARK_AFTER);
        try (Sender.Batch batch = sender.open()) {
            for (DeliveryRepository.Claim c : claims) {
                // Renewals failing (database away) or shutting down: leave the rest rather than send past the lease.
                if (closing || clock.instant().isAfter(held.leasedUntil(claimedUntil).minus(margin))) {
                    return;
                }
                Subscriber s = c.noticeId() == null ? byId.get(c.subscriberId()) : null;
                if (c.noticeId() != null) {
                    deliverNotice(batch, c, channel, sent);
                } else if (s == null) {
                    record(c, tx -> deliveries.markDead(tx, c.id(), "the subscriber was removed"));
                } else if (c.eventId() == null && s.confirmed()) {
                    // An opt-in message for someone already confirmed (a repeated form, an admin add) says nothing new.
                    Instant now = clock.instant();
                    sent.add(c.id(), now, now);
                } else {
                    deliver(batch, c, s, sent);
                }
                // Sent (in the group, still held) or its outcome recorded: never handed back.
                unfinished.remove(Long.valueOf(c.id()));
                sent.recordIfDue(clock.instant());
            }
        } finally {
            sent.record();
        }
    }

    /** Records one outcome other than sent at once, in its own transaction, and holds the claim no more. */
    private void record(DeliveryRepository.Claim c, Consumer<Tx> outcome) {
        try {
            db.useTransaction(outcome);
        } finally {
            held.drop(c.id());
        }
    }

    /** Claims not taken up are handed back at once; if that fails too, they come due when their lease ends. */
    private void giveBack(List<Long> unfinished) {
        if (unfinished.isEmpty()) {
            return;
        }
        held.dropAll(unfinished);
        try {
            db.useTransaction(tx -> deliveries.release(tx, instance, unfinished, clock.instant()));
        } catch (RuntimeException e) {
            StorageUnavailable.logRetry(log, "Could not hand back " + unfinished.size() + " delivery claim(s); they come due after "
                    + policy.lease(), e);
        }
    }

    private void deliver(Sender.Batch batch, DeliveryRepository.Claim c, Subscriber s, SentGroup sent) {
        NotificationEvent event = c.eventId() == null ? null : event(c.eventId());
        attempt(batch, c, s.channel(), new Outgoing(c.id(), c.attempts(), s, event), sent);
    }

    private void deliverNotice(Sender.Batch batch, DeliveryRepository.Claim c, Channel channel, SentGroup sent) {
        OwnerNotice notice = db.read(tx -> deliveries.findNotice(tx, c.noticeId())).orElseThrow();
        attempt(batch, c, channel, new Outgoing(c.id(), c.attempts(), null, null, notice), sent);
    }

    private void attempt(Sender.Batch batch, DeliveryRepository.Claim c, Channel channel, Outgoing outgoing, SentGroup sent) {
        try {
            Instant start = clock.instant();
            batch.send(outgoing);
            Instant done = clock.instant();
            metrics.sent(channel, Duration.between(start, done));
            sent.add(c.id(), start, done);
        } catch (DeliveryFailure f) {
            failed(c, channel, f.getMessage(), f.permanent());
        } catch (RuntimeException e) {
            failed(c, channel, e.toString(), false);
        }
    }

    private void failed(DeliveryRepository.Claim c, Channel channel, String error, boolean permanent) {
        String message = error == null ? "unknown error" : error.length() > 500 ? error.substring(0, 500) : error;
        boolean gaveUp = permanent || c.attempts() >= policy.maxAttempts();
        metrics.failed(channel, gaveUp);
        if (gaveUp) {
            log.warn("Delivery {} is dead after {} attempt(s): {}", c.id(), c.attempts(), message);
            record(c, tx -> deliveries.markDead(tx, c.id(), message));
        } else {
            Instant retry = clock.instant().plus(policy.backoff().after(c.attempts(), ThreadLocalRandom.current()));
            record(c, tx -> deliveries.markFailed(tx, c.id(), message, retry));
        }
    }

    private NotificationEvent event(long id) {
        if (events.size() > 1_000) {
            events.clear();
        }
        return events.computeIfAbsent(id, k -> db.read(tx -> deliveries.findEvent(tx, k, Outbox::read)).orElseThrow());
    }

    /**
     * Stops the workers: sends in flight finish or time out, claims not yet taken up are handed back,
     * and whatever a worker still held when it did not stop in time comes due after the lease.
     */
    @Override
    public synchronized void close() {
        running = false;
        closing = true;
        wake();
        try {
            for (Thread t : threads) {
                t.join(Duration.ofSeconds(15).toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            threads.clear();
            held.close();
        }
    }
}
