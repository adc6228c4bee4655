package dev.upbeat.simulator;

import dev.upbeat.problem.Problem;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import dev.upbeat.simulator.tcp.TcpProxies;

/**
 * The listeners of this instance, one per target ({@link FaultProxy} for http, {@link TcpTarget}
 * for tcp, whose proxies the Toxiproxy API also sees), and the simulation live on each.
 */
public final class Listeners implements AutoCloseable {
    private static final ActiveRun.Counts NONE = new ActiveRun.Counts(0, Map.of());

    private final Map<String, Served> proxies = new ConcurrentHashMap<>();
    private final Supplier<String> statusPageUrl;
    private final MeterRegistry registry;
    private final java.time.Clock clock;
    private final TcpProxies tcp;

    public Listeners(Supplier<String> statusPageUrl, MeterRegistry registry, java.time.Clock clock, TcpProxies tcp) {
        this.statusPageUrl = statusPageUrl;
        this.registry = registry;
        this.clock = clock;
        this.tcp = tcp;
    }

    /** Listeners with TCP proxies of their own (counted in {@code registry}), for tests and tools without a Toxiproxy API. */
    public Listeners(Supplier<String> statusPageUrl, MeterRegistry registry, java.time.Clock clock) {
        this(statusPageUrl, registry, clock, new TcpProxies(new java.util.Random(), registry));
    }

    /** Binds the target's address; returns the target with the port actually bound. */
    synchronized Target open(Target target) {
        if (proxies.containsKey(target.name())) {
            throw Problem.conflict("Target " + target.name() + " is already listening");
        }
        Served proxy = switch (target.kind()) {
            case HTTP -> FaultProxy.start(target, statusPageUrl, registry);
            case TCP -> TcpTarget.start(target, tcp);
        };
        proxies.put(target.name(), proxy);
        return proxy.target();
    }

    synchronized void close(String target) {
        Served proxy = proxies.remove(target);
        if (proxy != null) {
            proxy.close();
        }
    }

    /** The port a target listens on here, if it does. */
    public java.util.OptionalInt port(String target) {
        Served proxy = proxies.get(target);
        return proxy == null ? java.util.OptionalInt.empty() : java.util.OptionalInt.of(proxy.port());
    }

    void activate(Run run) {
        Served proxy = proxies.get(run.target());
        if (proxy != null) {
            proxy.swap(new ActiveRun(run.id(), run.faults(), run.toxics(), run.endsAt(), clock));
        }
    }

    /** Makes a run started elsewhere (another instance) live here too. */
    void follow(Run run) {
        Served proxy = proxies.get(run.target());
        if (proxy != null && (proxy.live() == null || proxy.live().runId() != run.id())) {
            activate(run);
        }
    }

    /** Takes the run off its listener and returns what it counted since the last drain. */
    ActiveRun.Counts deactivate(long runId) {
        for (Served proxy : proxies.values()) {
            ActiveRun live = proxy.live();
            if (live != null && live.runId() == runId) {
                proxy.swap(null);
                return live.drain();
            }
        }
        return NONE;
    }

    ActiveRun.Counts drain(long runId) {
        for (Served proxy : proxies.values()) {
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
        for (Served proxy : proxies.values()) {
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
        proxies.values().forEach(Served::close);
        proxies.clear();
    }
}
