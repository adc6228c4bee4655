package dev.upbeat.app;

import dev.upbeat.site.LiveEvents;
import dev.upbeat.status.StatusSnapshots;
import dev.upbeat.storage.Reachability;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jetty.JettyConnectionMetrics;
import io.micrometer.core.instrument.binder.jetty.JettyServerThreadPoolMetrics;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.eclipse.jetty.server.Server;

/**
 * The meters of the process as a whole, registered by the composition root: the JVM and Jetty
 * through Micrometer's own binders, and Upbeat's snapshot, live streams and database reachability.
 * Features register their own ({@code upbeat_outbox_*}, {@code upbeat_probe_*},
 * {@code upbeat_simulator_*}); the HTTP server's are in {@link RequestObserver}.
 */
final class Metrics {
    private final MeterRegistry registry;
    private final JvmGcMetrics gc = new JvmGcMetrics();
    private final Timer rebuilds;
    private final Counter failedRebuilds;
    private JettyServerThreadPoolMetrics threads;

    Metrics(MeterRegistry registry) {
        this.registry = registry;
        new JvmMemoryMetrics().bindTo(registry);
        gc.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        this.rebuilds = Timer.builder("upbeat_snapshot_rebuild_duration").description("Time a rebuild of the public snapshot took")
                .register(registry);
        this.failedRebuilds = Counter.builder("upbeat_snapshot_rebuild_failures")
                .description("Rebuilds of the public snapshot that failed (the last good one kept serving)").register(registry);
    }

    void snapshots(StatusSnapshots snapshots, Clock clock) {
        Gauge.builder("upbeat_snapshot_version", snapshots, s -> s.current().version())
                .description("Version (the database's change count) of the snapshot being served").register(registry);
        Gauge.builder("upbeat_snapshot_age", snapshots, s -> ageSeconds(s.current().generatedAt(), clock))
                .baseUnit("seconds").description("Time since the snapshot being served was built; grows while rebuilds fail")
                .register(registry);
    }

    /** NaN before the first snapshot is built. */
    private static double ageSeconds(java.time.Instant built, Clock clock) {
        return built == null ? Double.NaN : Duration.between(built, clock.instant()).toMillis() / 1000.0;
    }

    /** Times one rebuild; a failed one counts too, by its outcome. */
    void rebuilt(long nanos, boolean ok) {
        if (ok) {
            rebuilds.record(Duration.ofNanos(nanos));
        } else {
            failedRebuilds.increment();
        }
    }

    void live(LiveEvents live) {
        Gauge.builder("upbeat_live_clients", live, LiveEvents::connected).description("Open live-update streams (/events)")
                .register(registry);
        FunctionCounter.builder("upbeat_live_events_sent", live, LiveEvents::eventsSent)
                .description("Live-update events queued to streams").register(registry);
        FunctionCounter.builder("upbeat_live_streams_dropped", live, LiveEvents::streamsDropped)
                .description("Streams ended because their client fell behind").register(registry);
    }

    void database(Reachability database) {
        Gauge.builder("upbeat_database_up", database, d -> d.reachable() ? 1 : 0)
                .description("1 when this instance reaches its database, 0 when it does not").register(registry);
    }

    /** Jetty's thread pool and connections, once the server exists. */
    void jetty(Server server) {
        threads = new JettyServerThreadPoolMetrics(server.getThreadPool(), List.of());
        threads.bindTo(registry);
        JettyConnectionMetrics.addToAllConnectors(server, registry);
    }

    void close() {
        gc.close();
        if (threads != null) {
            try {
                threads.close();
            } catch (Exception e) {
                // Only unregisters its meters; nothing is left to tell at a stop.
            }
        }
    }
}
