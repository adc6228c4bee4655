package dev.upbeat.simulator.tcp;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * A proxy's toxics, one ordered chain per direction. Each change replaces a chain with a new
 * immutable list and wakes every live link, which then re-reads its chain: so toxics apply to
 * connections already open, as in Toxiproxy.
 */
public final class ToxicChain {
    private static final AtomicLong SERIALS = new AtomicLong();
    private final Map<Direction, List<Toxic>> chains = new EnumMap<>(Direction.class);
    private final Set<Runnable> watchers = new CopyOnWriteArraySet<>();

    ToxicChain() {
        for (Direction d : Direction.values()) {
            chains.put(d, List.of());
        }
    }

    public synchronized List<Toxic> chain(Direction direction) {
        return chains.get(direction);
    }

    /** The upstream chain, then the downstream one, as Toxiproxy lists them. */
    public synchronized List<Toxic> all() {
        List<Toxic> all = new ArrayList<>(chains.get(Direction.UPSTREAM));
        all.addAll(chains.get(Direction.DOWNSTREAM));
        return all;
    }

    public synchronized Toxic get(String name) {
        return all().stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow(ToxiproxyError::toxicNotFound);
    }

    synchronized boolean has(ToxicType type) {
        return all().stream().anyMatch(t -> t.type() == type);
    }

    /** Adds a toxic at the end of its direction's chain; the serial given is replaced by a fresh one. */
    public Toxic add(Toxic toxic) {
        Toxic added = new Toxic(toxic.name(), toxic.type(), toxic.stream(), toxic.toxicity(), toxic.attributes(),
                SERIALS.incrementAndGet());
        synchronized (this) {
            if (all().stream().anyMatch(t -> t.name().equals(toxic.name()))) {
                throw ToxiproxyError.toxicExists();
            }
            List<Toxic> chain = new ArrayList<>(chains.get(toxic.stream()));
            chain.add(added);
            chains.put(toxic.stream(), List.copyOf(chain));
        }
        wake();
        return added;
    }

    public Toxic update(String name, Function<Toxic, Toxic> change) {
        Toxic updated;
        synchronized (this) {
            Toxic current = get(name);
            updated = change.apply(current);
            chains.put(current.stream(), chains.get(current.stream()).stream().map(t -> t == current ? updated : t).toList());
        }
        wake();
        return updated;
    }

    public void remove(String name) {
        synchronized (this) {
            Toxic current = get(name);
            chains.put(current.stream(), chains.get(current.stream()).stream().filter(t -> t != current).toList());
        }
        wake();
    }

    public void clear() {
        synchronized (this) {
            chains.replaceAll((d, c) -> List.of());
        }
        wake();
    }

    void watch(Runnable onChange) {
        watchers.add(onChange);
    }

    void unwatch(Runnable onChange) {
        watchers.remove(onChange);
    }

    private void wake() {
        watchers.forEach(Runnable::run);
    }
}
