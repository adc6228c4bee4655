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
 *
 * <p>Two layers: the toxics added through the Toxiproxy API (which it lists, changes and resets),
 * and after them those of the target's live simulation, which only the simulation sets and
 * clears, so a Toxiproxy client's {@code /reset} cannot end a recorded run's toxics early.
 */
public final class ToxicChain {
    /** Told what the simulation's toxics do: a connection opened while they are set, and each of them that ran. */
    public interface Observer {
        void connected();

        void applied(ToxicType type);
    }

    private static final Observer NOBODY = new Observer() {
        @Override
        public void connected() {
        }

        @Override
        public void applied(ToxicType type) {
        }
    };

    private static final AtomicLong SERIALS = new AtomicLong();
    private final Map<Direction, List<Toxic>> chains = new EnumMap<>(Direction.class);
    private final Map<Direction, List<Toxic>> simulated = new EnumMap<>(Direction.class);
    private final Set<Runnable> watchers = new CopyOnWriteArraySet<>();
    private volatile Observer observer = NOBODY;
    /** Per direction (by ordinal), whether both layers are empty: read without a lock for every chunk. */
    private volatile boolean[] empty = {true, true};

    ToxicChain() {
        for (Direction d : Direction.values()) {
            chains.put(d, List.of());
            simulated.put(d, List.of());
        }
    }

    /** What a link in this direction runs: the API's toxics, then the simulation's. */
    public synchronized List<Toxic> chain(Direction direction) {
        List<Toxic> own = chains.get(direction);
        List<Toxic> sim = simulated.get(direction);
        if (sim.isEmpty()) {
            return own;
        }
        List<Toxic> both = new ArrayList<>(own);
        both.addAll(sim);
        return both;
    }

    /** The live simulation's toxics, upstream then downstream (empty when none). */
    public synchronized List<Toxic> simulated() {
        List<Toxic> all = new ArrayList<>(simulated.get(Direction.UPSTREAM));
        all.addAll(simulated.get(Direction.DOWNSTREAM));
        return all;
    }

    /**
     * Sets the simulation's toxics (empty: none), each with a fresh serial so a link starts its state
     * anew, and who is told what they do; open connections take them at once.
     */
    public void simulate(List<Toxic> toxics, Observer watcher) {
        synchronized (this) {
            for (Direction d : Direction.values()) {
                simulated.put(d, toxics.stream().filter(t -> t.stream() == d).map(ToxicChain::fresh).toList());
            }
            observer = toxics.isEmpty() || watcher == null ? NOBODY : watcher;
        }
        wake();
    }

    /** A connection opened: the live simulation counts it. */
    void connected() {
        observer.connected();
    }

    /** A toxic's roll hit on a link: the simulation counts its own. */
    void applied(Toxic toxic) {
        Observer o = observer;
        if (o != NOBODY && isSimulated(toxic)) {
            o.applied(toxic.type());
        }
    }

    private synchronized boolean isSimulated(Toxic toxic) {
        return simulated.get(toxic.stream()).stream().anyMatch(t -> t.serial() == toxic.serial());
    }

    private static Toxic fresh(Toxic t) {
        return new Toxic(t.name(), t.type(), t.stream(), t.toxicity(), t.attributes(), SERIALS.incrementAndGet());
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

    /** Whether either layer holds a toxic of this type. */
    synchronized boolean has(ToxicType type) {
        return all().stream().anyMatch(t -> t.type() == type) || simulated().stream().anyMatch(t -> t.type() == type);
    }

    /** Adds a toxic at the end of its direction's chain; the serial given is replaced by a fresh one. */
    public Toxic add(Toxic toxic) {
        Toxic added = fresh(toxic);
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

    /** Whether a direction has no toxic at all, in either layer. */
    boolean isEmpty(Direction direction) {
        return empty[direction.ordinal()];
    }

    private void wake() {
        synchronized (this) {
            boolean[] now = new boolean[Direction.values().length];
            for (Direction d : Direction.values()) {
                now[d.ordinal()] = chains.get(d).isEmpty() && simulated.get(d).isEmpty();
            }
            empty = now;
        }
        watchers.forEach(Runnable::run);
    }
}
