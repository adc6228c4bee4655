package dev.upbeat.simulator.tcp;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * Every TCP proxy of this process, by name, with Toxiproxy's rules for creating, replacing,
 * updating and resetting them. Closing stops them all.
 */
public final class TcpProxies implements AutoCloseable {
    /** What a client asks for; a null field is absent from the request. */
    public record Spec(String name, String listen, String upstream, Boolean enabled) {
    }

    /** The proxies made or kept by a populate, and the refusal that stopped it, if one did. */
    public record Populated(List<TcpProxy> proxies, ToxiproxyError error) {
    }

    private final Map<String, TcpProxy> proxies = new TreeMap<>();
    private final Random random;
    private final MeterRegistry registry;

    /** Proxies whose counters go to {@code registry} (Upbeat's {@code /metrics}), and toxicity rolled with {@code random}. */
    public TcpProxies(Random random, MeterRegistry registry) {
        this.random = random;
        this.registry = registry;
    }

    /** Proxies alone, as {@code upbeat sim toxiproxy} runs them: counted, but exported nowhere. */
    public TcpProxies(Random random) {
        this(random, new SimpleMeterRegistry());
    }

    public synchronized List<TcpProxy> all() {
        return List.copyOf(proxies.values());
    }

    public synchronized TcpProxy get(String name) {
        TcpProxy p = proxies.get(name);
        if (p == null) {
            throw ToxiproxyError.proxyNotFound();
        }
        return p;
    }

    public synchronized TcpProxy create(Spec spec) {
        require(spec, "");
        if (proxies.containsKey(spec.name())) {
            throw ToxiproxyError.proxyExists();
        }
        TcpProxy proxy = opened(spec);
        proxies.put(spec.name(), proxy);
        return proxy;
    }

    /**
     * Checks every entry first, then adds each, replacing a same-name proxy only when its listen
     * address or upstream differ (Toxiproxy's {@code /populate}).
     */
    public synchronized Populated populate(List<Spec> specs) {
        for (int i = 0; i < specs.size(); i++) {
            require(specs.get(i), " at proxy " + (i + 1));
        }
        List<TcpProxy> done = new ArrayList<>();
        for (Spec spec : specs) {
            try {
                done.add(addOrReplace(spec));
            } catch (ToxiproxyError e) {
                return new Populated(done, e);
            }
        }
        return new Populated(done, null);
    }

    private TcpProxy addOrReplace(Spec spec) {
        TcpProxy existing = proxies.get(spec.name());
        if (existing != null) {
            if (!existing.differs(spec.listen(), spec.upstream())) {
                return existing;
            }
            existing.remove();
        }
        TcpProxy proxy = opened(spec);
        proxies.put(spec.name(), proxy);
        return proxy;
    }

    /** A new proxy, listening unless the spec says {@code "enabled": false}; one that cannot listen leaves no trace. */
    private TcpProxy opened(Spec spec) {
        TcpProxy proxy = new TcpProxy(spec.name(), spec.listen(), spec.upstream(), random, registry);
        if (spec.enabled() == null || spec.enabled()) {
            try {
                proxy.start();
            } catch (ToxiproxyError e) {
                proxy.remove();
                throw e;
            }
        }
        return proxy;
    }

    /** A partial update: absent fields keep their values; a new address or upstream restarts the proxy. */
    public synchronized TcpProxy update(String name, Spec change) {
        TcpProxy proxy = get(name);
        String listen = change.listen() == null ? proxy.listen() : change.listen();
        String upstream = change.upstream() == null ? proxy.upstream() : change.upstream();
        boolean enabled = change.enabled() == null ? proxy.enabled() : change.enabled();
        if (proxy.differs(listen, upstream)) {
            proxy.stop();
            proxy.retarget(listen, upstream);
        }
        if (enabled != proxy.enabled()) {
            if (enabled) {
                proxy.start();
            } else {
                proxy.stop();
            }
        }
        return proxy;
    }

    public synchronized void delete(String name) {
        get(name).remove();
        proxies.remove(name);
    }

    /** Enables every proxy and removes every toxic; the proxies stay. */
    public synchronized void reset() {
        for (TcpProxy p : proxies.values()) {
            p.start();
            p.toxics().clear();
        }
    }

    @Override
    public synchronized void close() {
        proxies.values().forEach(TcpProxy::remove);
        proxies.clear();
    }

    private static void require(Spec spec, String where) {
        if (spec.name() == null || spec.name().isEmpty()) {
            throw ToxiproxyError.missingField("name" + where);
        }
        if (spec.upstream() == null || spec.upstream().isEmpty()) {
            throw ToxiproxyError.missingField("upstream" + where);
        }
    }
}
