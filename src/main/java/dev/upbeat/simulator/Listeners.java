package dev.upbeat.simulator;

import dev.upbeat.problem.Problem;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.eclipse.jetty.client.HttpClient;

/**
 * The listeners of this instance, one {@link FaultProxy} per target, and the simulation live on
 * each. Owns the shared upstream client.
 */
public final class Listeners implements AutoCloseable {
    private static final ActiveRun.Counts NONE = new ActiveRun.Counts(0, Map.of());

    private final Map<String, FaultProxy> proxies = new ConcurrentHashMap<>();
    private final HttpClient client = UpstreamClient.start();
    private final Supplier<String> statusPageUrl;
    private final MeterRegistry registry;
    private final java.time.Clock clock;

    public Listeners(Supplier<String> statusPageUrl, MeterRegistry registry, java.time.Clock clock) {
        this.statusPageUrl = statusPageUrl;
        this.registry = registry;
        this.clock = clock;
    }

    /** Binds the target's address; returns the target with the port actually bound. */
    synchronized Target open(Target target) {
        if (proxies.containsKey(target.name())) {
            throw Problem.conflict("Target " + target.name() + " is already listening");
        }
        FaultProxy proxy = FaultProxy.start(target, client, statusPageUrl, registry);
        proxies.put(target.name(), proxy);
        return proxy.target();
    }

    synchronized void close(String target) {
        FaultProxy proxy = proxies.remove(target);
        if (proxy != null) {
            proxy.close();
        }
    }

    /** The port a target listens on here, if it does. */
    public java.util.OptionalInt port(String target) {
        FaultProxy proxy = proxies.get(target);
        return proxy == null ? java.util.OptionalInt.empty() : java.util.OptionalInt.of(proxy.port());
    }

    void activate(Run run) {
        FaultProxy proxy = proxies.get(run.target());
        if (proxy != null) {
            proxy.swap(new ActiveRun(run.id(), run.faults(), run.endsAt(), clock));
        }
    }

    /** Makes a run started elsewhere (another instance) live here too. */
    void follow(Run run) {
        FaultProxy proxy = proxies.get(run.target());
        if (proxy != null && (proxy.live() == null || proxy.live().runId() != run.id())) {
            activate(run);
        }
    }

    /** Takes the run off its listener and returns what it counted since the last drain. */
    ActiveRun.Counts deactivate(long runId) {
        for (FaultProxy proxy : proxies.values()) {
            ActiveRun live = proxy.live();
            if (live != null && live.runId() == runId) {
                proxy.swap(null);
                return live.drain();
            }
        }
        return NONE;
    }

    ActiveRun.Counts drain(long runId) {
        for (FaultProxy proxy : proxies.values()) {
            ActiveRun live = proxy.live();
            if (live != null && live.runId() == runId) {
                return live.drain();
            }
        }
        return NONE;
    }

    /** Takes off every run not in {@code liveIds} (ended elsewhere); returns their last counts by run id. */
    Map<Long, ActiveRun.Counts> retainOnly(Collection<Long> liveIds) {
        Map<Long, ActiveRun.Counts> ended = new HashMap<>();
        for (FaultProxy proxy : proxies.values()) {
            ActiveRun live = proxy.live();
            if (live != null && !liveIds.contains(live.runId())) {
                proxy.swap(null);
                ended.put(live.runId(), live.drain());
            }
        }
        return ended;
    }

    @Override
    public synchronized void close() {
        proxies.values().forEach(FaultProxy::close);
        proxies.clear();
        UpstreamClient.stop(client);
    }
}
