package dev.upbeat.notification;

import dev.upbeat.storage.Database;
import dev.upbeat.subscription.Channel;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The outbox as a dashboard sees it: the backlog by channel and state and the age of the oldest
 * pending delivery (read from the database by {@link #refresh}, on a timer, so a scrape never
 * waits on the database), how long providers take to accept a message, and failures by channel
 * and outcome (retried or dead).
 */
public final class OutboxMetrics {
    private static final List<String> STATES = List.of("pending", "dead");

    private final Database db;
    private final DeliveryRepository deliveries;
    private final Clock clock;
    private final MultiGauge backlog;
    private final MultiGauge oldestPending;
    private final Map<Channel, Timer> sendTime = new EnumMap<>(Channel.class);
    private final Map<Channel, Counter> retried = new EnumMap<>(Channel.class);
    private final Map<Channel, Counter> dead = new EnumMap<>(Channel.class);

    OutboxMetrics(MeterRegistry registry, Database db, DeliveryRepository deliveries, Clock clock) {
        this.db = db;
        this.deliveries = deliveries;
        this.clock = clock;
        this.backlog = MultiGauge.builder("upbeat_outbox_deliveries").description("Deliveries waiting (pending) or given up (dead)")
                .register(registry);
        this.oldestPending = MultiGauge.builder("upbeat_outbox_oldest_pending_age").baseUnit("seconds")
                .description("Age of the oldest pending delivery; 0 when none waits").register(registry);
        for (Channel c : Channel.values()) {
            sendTime.put(c, Timer.builder("upbeat_outbox_delivery_latency").description("Time a provider took to accept a message")
                    .tag("channel", c.wire()).register(registry));
            retried.put(c, failures(registry, c, "retry"));
            dead.put(c, failures(registry, c, "dead"));
        }
        publish(List.of());
    }

    private static Counter failures(MeterRegistry registry, Channel c, String outcome) {
        return Counter.builder("upbeat_outbox_delivery_failures").description("Failed delivery attempts, retried or given up")
                .tag("channel", c.wire()).tag("outcome", outcome).register(registry);
    }

    void sent(Channel channel, Duration took) {
        sendTime.get(channel).record(took);
    }

    void failed(Channel channel, boolean gaveUp) {
        (gaveUp ? dead : retried).get(channel).increment();
    }

    /** Reads the backlog; a failure keeps the last numbers (upbeat_database_up says why). */
    public void refresh() {
        publish(db.read(deliveries::backlog));
    }

    private void publish(List<DeliveryRepository.Backlog> rows) {
        List<MultiGauge.Row<?>> counts = new ArrayList<>();
        List<MultiGauge.Row<?>> ages = new ArrayList<>();
        // Every channel and state has a row, zero included, so an alert on "pending > 0 for long" has a series to watch.
        for (Channel c : Channel.values()) {
            double age = 0;
            for (String state : STATES) {
                long n = 0;
                for (DeliveryRepository.Backlog b : rows) {
                    if (b.channel().equals(c.wire()) && b.status().equals(state)) {
                        n = b.count();
                        if (state.equals("pending")) {
                            age = Math.max(0, Duration.between(b.oldest(), clock.instant()).toMillis() / 1000.0);
                        }
                    }
                }
                counts.add(MultiGauge.Row.of(Tags.of("channel", c.wire(), "state", state), n));
            }
            ages.add(MultiGauge.Row.of(Tags.of("channel", c.wire()), age));
        }
        backlog.register(counts, true);
        oldestPending.register(ages, true);
    }
}
