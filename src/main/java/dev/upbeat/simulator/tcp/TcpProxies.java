package dev.upbeat.simulator.tcp;

import dev.upbeat.problem.Problem;
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
 *
 * <p>Under {@code upbeat serve} the proxies are the simulator's {@code tcp} targets: the simulator
 * opens and closes them here ({@link #open}, {@link #close(String)}), and what the Toxiproxy API
 * creates, moves or deletes goes through the {@link Catalog} (the targets table), so a proxy made
 * either way is the same object and is stored. Alone ({@code upbeat sim toxiproxy}) there is no
 * catalog and they live in memory, as in Toxiproxy.
 */
public final class TcpProxies implements AutoCloseable {
    /**
     * Where proxies are kept beyond this process. Its methods are called without this object's lock
     * held, since they come back here to open and close listeners; they refuse with {@link Problem}s.
     */
    public interface Catalog {
        /** Stores and opens a proxy; {@code listen} as given (port 0: any free one). */
        void create(String name, String listen, String upstream);

        /** Moves a stored proxy to a new address or upstream, re-opening it. */
        void change(String name, String listen, String upstream);

        void delete(String name);
    }

    /** What a client asks for; a null field is absent from the request. */
    public record Spec(String name, String listen, String upstream, Boolean enabled) {
    }

    /** The proxies made or kept by a populate, and the refusal that stopped it, if one did. */
    public record Populated(List<TcpProxy> proxies, ToxiproxyError error) {
    }

    private final Map<String, TcpProxy> proxies = new TreeMap<>();
    private final Random random;
    private final MeterRegistry registry;
    private volatile Catalog catalog;

    /** Proxies whose counters go to {@code registry} (Upbeat's {@code /metrics}), and toxicity rolled with {@code random}. */
    public TcpProxies(Random random, MeterRegistry registry) {
        this.random = random;
        this.registry = registry;
    }

    /** Proxies alone, as {@code upbeat sim toxiproxy} runs them: counted, but exported nowhere. */
    public TcpProxies(Random random) {
        this(random, new SimpleMeterRegistry());
    }

    /** From now on the Toxiproxy API's creations, moves and deletions go to {@code catalog}. */
    public void keepIn(Catalog catalog) {
        this.catalog = catalog;
    }

    /**
     * Opens a stored proxy (a {@code tcp} target) here; refused with a {@link Problem} naming
     * {@code listen}: 409 for a port in use, 422 for an address this machine cannot bind.
     */
    public synchronized TcpProxy open(String name, String listen, String upstream) {
        if (proxies.containsKey(name)) {
            throw Problem.conflict("TCP proxy " + name + " is already listening");
        }
        TcpProxy proxy = new TcpProxy(name, listen, upstream, random, registry);
        try {
            proxy.start();
        } catch (ToxiproxyError e) {
            proxy.remove();
            throw e.getMessage().contains("in use")
                    ? Problem.conflict("listen " + listen + ": port " + listen.substring(listen.lastIndexOf(':') + 1)
                            + " is already in use; choose another port (or 0 for any free one)")
                    : Problem.invalid("listen", "listen " + listen + " cannot be bound: " + e.getMessage());
        }
        proxies.put(name, proxy);
        return proxy;
    }

    /** Closes a proxy opened with {@link #open} for good (its connections, listener and counters); nothing if absent. */
    public synchronized void close(String name) {
        TcpProxy proxy = proxies.remove(name);
        if (proxy != null) {
            proxy.remove();
        }
    }

    /** The proxy by that name, if this process has it. */
    public synchronized java.util.Optional<TcpProxy> find(String name) {
        return java.util.Optional.ofNullable(proxies.get(name));
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

    public TcpProxy create(Spec spec) {
        require(spec, "");
        Catalog kept = catalog;
        if (kept != null) {
            stored(() -> kept.create(spec.name(), spec.listen(), spec.upstream()), spec.listen());
            return disabledIfAsked(get(spec.name()), spec);
        }
        synchronized (this) {
            if (proxies.containsKey(spec.name())) {
                throw ToxiproxyError.proxyExists();
            }
            TcpProxy proxy = opened(spec);
            proxies.put(spec.name(), proxy);
            return proxy;
        }
    }

    private TcpProxy disabledIfAsked(TcpProxy proxy, Spec spec) {
        if (Boolean.FALSE.equals(spec.enabled())) {
            proxy.stop();
        }
        return proxy;
    }

    /** Runs a catalog call, answering its refusals in Toxiproxy's words where Toxiproxy has some. */
    private static void stored(Runnable call, String listen) {
        try {
            call.run();
        } catch (Problem p) {
            throw switch (p.kind()) {
                case NOT_FOUND -> ToxiproxyError.proxyNotFound();
                case CONFLICT -> p.getMessage().contains("in use")
                        ? ToxiproxyError.listenFailed(listen, "bind: address already in use")
                        : ToxiproxyError.proxyExists();
                default -> new ToxiproxyError(p.getMessage(), 400);
            };
        }
    }

    /**
     * Checks every entry first, then adds each, replacing a same-name proxy only when its listen
     * address or upstream differ (Toxiproxy's {@code /populate}).
     */
    public Populated populate(List<Spec> specs) {
        for (int i = 0; i < specs.size(); i++) {
            require(specs.get(i), " at proxy " + (i + 1));
        }
        if (catalog != null) {
            return populateCatalog(specs);
        }
        synchronized (this) {
            return populateHere(specs);
        }
    }

    private Populated populateHere(List<Spec> specs) {
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

    private Populated populateCatalog(List<Spec> specs) {
        List<TcpProxy> done = new ArrayList<>();
        for (Spec spec : specs) {
            try {
                TcpProxy existing = find(spec.name()).orElse(null);
                if (existing == null) {
                    done.add(create(spec));
                } else {
                    if (existing.differs(spec.listen(), spec.upstream())) {
                        stored(() -> catalog.change(spec.name(), spec.listen(), spec.upstream()), spec.listen());
                    }
                    done.add(get(spec.name()));
                }
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
    public TcpProxy update(String name, Spec change) {
        TcpProxy found = get(name);
        String listen = change.listen() == null ? found.listen() : change.listen();
        String upstream = change.upstream() == null ? found.upstream() : change.upstream();
        Catalog kept = catalog;
        if (kept == null) {
            synchronized (this) {
                return changed(get(name), listen, upstream, change.enabled());
            }
        }
        if (found.differs(listen, upstream)) {
            stored(() -> kept.change(name, listen, upstream), listen);
        }
        synchronized (this) {
            TcpProxy reopened = get(name);
            return changed(reopened, reopened.listen(), reopened.upstream(), change.enabled());
        }
    }

    private TcpProxy changed(TcpProxy proxy, String listen, String upstream, Boolean wanted) {
        boolean enabled = wanted == null ? proxy.enabled() : wanted;
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

    public void delete(String name) {
        Catalog kept = catalog;
        if (kept != null) {
            get(name);
            stored(() -> kept.delete(name), "");
            return;
        }
        synchronized (this) {
            get(name).remove();
            proxies.remove(name);
        }
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
