package dev.upbeat.status;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.upbeat.component.Component;
import dev.upbeat.component.ComponentGroup;
import dev.upbeat.component.ComponentRepository;
import dev.upbeat.component.GroupRepository;
import dev.upbeat.config.UptimeSource;
import dev.upbeat.incident.IncidentRepository;
import dev.upbeat.json.Json;
import dev.upbeat.storage.ChangeSequence;
import dev.upbeat.storage.Database;
import dev.upbeat.storage.Tx;
import dev.upbeat.uptime.Measurements;
import dev.upbeat.uptime.UptimeReader;
import dev.upbeat.uptime.UptimeSummary;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Holds the current {@link PublicStatus} and rebuilds it after each committed change, here or
 * (through the change feed) on another instance, and on a timer, so durations and uptime stay
 * fresh and a missed announcement is picked up. Readers never wait: they
 * take whatever snapshot is current. The fixed JSON bodies, Upbeat's own and those of other
 * features ({@link FixedBodies}), are serialised here, once per snapshot.
 */
public final class StatusSnapshots {
    private final Database db;
    private final ComponentRepository components;
    private final GroupRepository groups;
    private final IncidentRepository incidents;
    private final UptimeReader uptime;
    private final java.util.function.Supplier<PublicStatus.PageInfo> page;
    private final Clock clock;
    private final List<FixedBodies> featureBodies;
    private final Measurements measurements;
    private final UptimeSource source;
    private final PublicNotices notices;
    private final AtomicReference<PublicStatus> current = new AtomicReference<>();
    /** Parts of the last rebuild's bodies, for the next; used only by {@link #rebuild}, which is synchronized. */
    private final ReusedParts reused = new ReusedParts();
    private final List<Consumer<PublicStatus>> listeners = new CopyOnWriteArrayList<>();
    static final long CATCH_UP_PAUSE_MILLIS = 100;
    private long lastCatchUpNanos = System.nanoTime() - CATCH_UP_PAUSE_MILLIS * 1_000_000;
    /**
     * How often a rebuild reads all history again instead of what changed since the last one: the
     * net for rows written without a change number, as an instance of an older version writes them
     * while instances are replaced one by one, or for a database that went back (a restore, a
     * failover that lost commits). It costs one full read an hour (docs/benchmarks.md).
     */
    static final Duration FULL_READ_EVERY = Duration.ofHours(1);
    /** When the last full read was; used only by {@link #rebuild}, which is synchronized. */
    private Instant lastFullRead;

    public StatusSnapshots(Database db, ComponentRepository components, GroupRepository groups, IncidentRepository incidents,
                           UptimeReader uptime, PublicStatus.PageInfo page, Clock clock, List<FixedBodies> featureBodies) {
        this(db, components, groups, incidents, uptime, () -> page, clock, featureBodies, Measurements.NONE, UptimeSource.INCIDENTS);
    }

    /**
     * With uptime measured by probes, used as {@code source} says; {@code page} is asked at each
     * rebuild, so a name an admin changes reaches every answer with the next snapshot.
     */
    public StatusSnapshots(Database db, ComponentRepository components, GroupRepository groups, IncidentRepository incidents,
                           UptimeReader uptime, java.util.function.Supplier<PublicStatus.PageInfo> page, Clock clock,
                           List<FixedBodies> featureBodies,
                           Measurements measurements, UptimeSource source) {
        this(db, components, groups, incidents, uptime, page, clock, featureBodies, measurements, source, PublicNotices.NONE);
    }

    /** With the notices the page shows beside incidents (an advisory's public notice). */
    public StatusSnapshots(Database db, ComponentRepository components, GroupRepository groups, IncidentRepository incidents,
                           UptimeReader uptime, java.util.function.Supplier<PublicStatus.PageInfo> page, Clock clock,
                           List<FixedBodies> featureBodies,
                           Measurements measurements, UptimeSource source, PublicNotices notices) {
        this.notices = notices;
        this.measurements = measurements;
        this.source = source;
        this.db = db;
        this.components = components;
        this.groups = groups;
        this.incidents = incidents;
        this.uptime = uptime;
        this.page = page;
        this.clock = clock;
        this.featureBodies = List.copyOf(featureBodies);
    }

    public PublicStatus current() {
        PublicStatus s = current.get();
        return s != null ? s : rebuild();
    }

    /** Called with each new snapshot, on the thread that built it (e.g. to push live updates). */
    public void onRebuild(Consumer<PublicStatus> listener) {
        listeners.add(listener);
    }

    /**
     * Reads the database once and swaps in a new snapshot, versioned by the database's change
     * sequence, so every instance gives one state one version. Listeners hear only of a new
     * version: a rebuild that finds no change refreshes the time-dependent parts (durations,
     * uptime) under the same version and wakes no open page.
     */
    public synchronized PublicStatus rebuild() {
        Instant now = clock.instant();
        PublicStatus previous = current.get();
        boolean full = lastFullRead == null || !now.isBefore(lastFullRead.plus(FULL_READ_EVERY)) || now.isBefore(lastFullRead);
        if (full) {
            uptime.forget();
            measurements.forget();
        }
        PublicStatus kept = full ? null : previous;
        PublicStatus.PageInfo pageInfo = page.get();
        PublicStatus built = db.read(tx -> {
            long version = ChangeSequence.read(tx);
            List<ComponentGroup> groupList = groups.all(tx);
            List<Component> ordered = ordered(groupList, components.all(tx));
            IncidentHistory history = history(tx, version, kept);
            Map<String, UptimeSummary> summaries = new HashMap<>(uptime.summaries(tx, now, version, ordered));
            ordered.forEach(c -> summaries.computeIfAbsent(c.id(), id -> uptime.unknown(now)));
            MeasuredStatus measured = measured(tx, now);
            if (source == UptimeSource.PROBES) {
                summaries.putAll(measured.uptime());
            }
            return PublicStatus.builder().version(version).generatedAt(now).page(pageInfo)
                    .overall(StatusRollup.overall(ordered.stream().map(Component::status).toList()))
                    .groups(List.copyOf(groupList)).components(List.copyOf(ordered))
                    .history(history)
                    .uptime(Map.copyOf(summaries)).measured(measured).notices(List.copyOf(notices.read(tx))).build();
        });
        if (full) {
            lastFullRead = now;
        }
        PublicStatus withJson = built.toBuilder().rendered(render(built)).build();
        current.set(withJson);
        if (previous == null || previous.version() != withJson.version()) {
            listeners.forEach(l -> l.accept(withJson));
        }
        return withJson;
    }

    /**
     * The last snapshot's incidents and windows with those changed since its version read again and
     * put in their places, so a rebuild reads and sorts what changed, not years of history.
     */
    private IncidentHistory history(Tx tx, long version, PublicStatus previous) {
        if (previous == null || previous.version() > version) {
            return IncidentHistory.of(incidents.all(tx));
        }
        return previous.version() == version ? previous.history() : previous.history().with(incidents.changedSince(tx, previous.version()));
    }

    /**
     * Makes sure the snapshot is at least at {@code version}, which another instance (through
     * the change feed, an ETag or a Last-Event-ID) says exists; rebuilds if the database is
     * further on. A client can send any number, so the database is asked at most every
     * {@link #CATCH_UP_PAUSE_MILLIS} for versions it has not reached.
     */
    public PublicStatus catchUp(long version) {
        PublicStatus s = current();
        if (version <= s.version()) {
            return s;
        }
        synchronized (this) {
            long at = System.nanoTime();
            if (current().version() >= version || at - lastCatchUpNanos < CATCH_UP_PAUSE_MILLIS * 1_000_000) {
                return current();
            }
            lastCatchUpNanos = at;
            return db.read(ChangeSequence::read) > current().version() ? rebuild() : current();
        }
    }

    private MeasuredStatus measured(Tx tx, Instant now) {
        Measurements.Measured m = measurements.read(tx, now);
        if (m.days().isEmpty() && m.latency().isEmpty()) {
            return new MeasuredStatus(source, Map.of(), Map.of());
        }
        return new MeasuredStatus(source, Map.copyOf(uptime.summarize(m.days(), now)), Map.copyOf(m.latency()));
    }

    /** Components of each group in group order, then those without a group. */
    private static List<Component> ordered(List<ComponentGroup> groupList, List<Component> all) {
        List<Component> ordered = new ArrayList<>();
        for (ComponentGroup g : groupList) {
            all.stream().filter(c -> g.id().equals(c.groupId())).forEach(ordered::add);
        }
        all.stream().filter(c -> c.groupId() == null).forEach(ordered::add);
        return ordered;
    }

    /**
     * Every fixed public body of a snapshot, JSON and XML alike, so requests only copy bytes. The
     * parts equal to the last rebuild's (most incidents, after a change to one) are copied from it.
     */
    private Map<String, byte[]> render(PublicStatus s) {
        Map<String, Object> bodies = new LinkedHashMap<>();
        bodies.put("status", NativeViews.status(s));
        bodies.put("components", s.components().stream().map(c -> NativeViews.component(s, c)).toList());
        bodies.put("groups", s.groups().stream().map(g -> NativeViews.group(s, g)).toList());
        bodies.put("uptime", s.components().stream().map(c -> NativeViews.uptime(c, s.uptime().get(c.id()))).toList());
        for (FixedBodies feature : featureBodies) {
            feature.of(s, reused).forEach((key, body) -> {
                if (bodies.putIfAbsent(key, body) != null) {
                    throw new IllegalStateException("Two features render the fixed body '" + key + "'");
                }
            });
        }
        Map<String, byte[]> rendered = new HashMap<>();
        bodies.forEach((key, body) -> rendered.put(key, reused.toJson(body)));
        rendered.putAll(XmlBodies.render(s, reused));
        reused.next();
        return Map.copyOf(rendered);
    }

    public static byte[] toJson(Object body) {
        try {
            return Json.mapper().writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialise " + body.getClass().getSimpleName(), e);
        }
    }
}
