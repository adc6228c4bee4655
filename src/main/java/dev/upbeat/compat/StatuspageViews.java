package dev.upbeat.compat;

import dev.upbeat.component.Component;
import dev.upbeat.component.ComponentGroup;
import dev.upbeat.incident.AffectedComponent;
import dev.upbeat.incident.Incident;
import dev.upbeat.incident.IncidentStatus;
import dev.upbeat.incident.IncidentUpdate;
import dev.upbeat.status.FixedBodies.Parts;
import dev.upbeat.status.PublicStatus;
import dev.upbeat.status.StatusRollup;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Statuspage public API v2 views of a snapshot, as Atlassian's widget and Statuspage clients read
 * them. Pure: no web, no database.
 */
public final class StatuspageViews {
    /** incidents.json and scheduled-maintenances.json list this many of the most recent, as Statuspage does. */
    static final int MOST_RECENT = 50;
    private static final long TWELVE_BASE36_DIGITS = 4_738_381_338_321_616_896L; // 36^12

    private StatuspageViews() {
    }

    public static Statuspage.StatusBody status(PublicStatus s) {
        return new Statuspage.StatusBody(page(s), overall(s));
    }

    public static Statuspage.Summary summary(PublicStatus s) {
        return summary(s, Parts.NONE);
    }

    static Statuspage.Summary summary(PublicStatus s, Parts parts) {
        Views v = Views.of(s, parts);
        return new Statuspage.Summary(v.page, overall(s), v.components,
                v.incidents(s.openIncidents(), Integer.MAX_VALUE), v.maintenances(s.openMaintenances(), m -> true, Integer.MAX_VALUE));
    }

    public static Statuspage.Components components(PublicStatus s) {
        Views v = Views.of(s, Parts.NONE);
        return new Statuspage.Components(v.page, v.components);
    }

    public static Statuspage.Incidents incidents(PublicStatus s) {
        return incidents(s, Parts.NONE);
    }

    static Statuspage.Incidents incidents(PublicStatus s, Parts parts) {
        Views v = Views.of(s, parts);
        return new Statuspage.Incidents(v.page, v.incidents(s.incidents(), MOST_RECENT));
    }

    public static Statuspage.Incidents unresolved(PublicStatus s) {
        return unresolved(s, Parts.NONE);
    }

    static Statuspage.Incidents unresolved(PublicStatus s, Parts parts) {
        Views v = Views.of(s, parts);
        return new Statuspage.Incidents(v.page, v.incidents(s.openIncidents(), Integer.MAX_VALUE));
    }

    public static Statuspage.ScheduledMaintenances scheduledMaintenances(PublicStatus s) {
        return scheduledMaintenances(s, Parts.NONE);
    }

    static Statuspage.ScheduledMaintenances scheduledMaintenances(PublicStatus s, Parts parts) {
        return maintenances(s, parts, s.maintenances(), m -> true, MOST_RECENT);
    }

    public static Statuspage.ScheduledMaintenances upcoming(PublicStatus s) {
        return upcoming(s, Parts.NONE);
    }

    static Statuspage.ScheduledMaintenances upcoming(PublicStatus s, Parts parts) {
        return maintenances(s, parts, s.openMaintenances(), m -> m.status() == IncidentStatus.SCHEDULED, Integer.MAX_VALUE);
    }

    public static Statuspage.ScheduledMaintenances active(PublicStatus s) {
        return active(s, Parts.NONE);
    }

    static Statuspage.ScheduledMaintenances active(PublicStatus s, Parts parts) {
        return maintenances(s, parts, s.openMaintenances(), m -> m.status().holdsComponents(), Integer.MAX_VALUE);
    }

    /** Windows of {@code from} (all or the open ones) that {@code which} keeps, at most {@code limit}. */
    private static Statuspage.ScheduledMaintenances maintenances(PublicStatus s, Parts parts, List<Incident> from,
                                                                 Predicate<Incident> which, int limit) {
        Views v = Views.of(s, parts);
        return new Statuspage.ScheduledMaintenances(v.page, v.maintenances(from, which, limit));
    }

    static Statuspage.Page page(PublicStatus s) {
        return new Statuspage.Page(pageId(s.page().url()), s.page().name(), s.page().url(), s.page().timeZone(),
                Timestamps.statuspage(lastChange(s)));
    }

    private static Statuspage.Status overall(PublicStatus s) {
        return new Statuspage.Status(StatusRollup.indicator(s.overall()), StatusRollup.describe(s.overall()));
    }

    /**
     * Statuspage's 12-character lowercase page id, made from the page's public address: the first
     * 64 bits of its SHA-256, in base 36. Stable across restarts and instances; it changes only
     * with {@code UPBEAT_BASE_URL}.
     */
    public static String pageId(String baseUrl) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(baseUrl.getBytes(StandardCharsets.UTF_8));
            long number = Long.remainderUnsigned(ByteBuffer.wrap(digest).getLong(), TWELVE_BASE36_DIGITS);
            String base36 = Long.toString(number, 36);
            return "0".repeat(12 - base36.length()) + base36;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JVM has SHA-256", e);
        }
    }

    /** When anything shown last changed; the snapshot's time on a page with nothing on it. */
    private static Instant lastChange(PublicStatus s) {
        return Stream.of(s.groups().stream().map(ComponentGroup::updatedAt), s.components().stream().map(Component::updatedAt),
                        Stream.ofNullable(s.history().lastChange()))
                .flatMap(times -> times)
                .max(Instant::compareTo)
                .orElse(s.generatedAt());
    }

    /**
     * Everything of a snapshot an incident's view is made from besides the incident: the page's id
     * and address and the components (their names, statuses and order).
     */
    private record Shown(String pageId, String pageUrl, List<Statuspage.Component> components) {
    }

    /**
     * A view's key in the parts kept between rebuilds: the incident, and what it is shown with as
     * the one object {@link Views#of} takes from the parts for equal ones, both by identity (see
     * {@link Parts}), so a key is not compared or hashed through every update and component again.
     */
    private record Made(boolean window, Incident incident, Shown shown) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Made m && m.window == window && m.shown == shown && m.incident == incident;
        }

        @Override
        public int hashCode() {
            return 31 * (31 * Boolean.hashCode(window) + System.identityHashCode(incident)) + System.identityHashCode(shown);
        }
    }

    /** One snapshot's page and components, made once and shared by the incidents that refer to them. */
    private record Views(PublicStatus s, Statuspage.Page page, List<Statuspage.Component> components, Parts parts, Shown shown) {
        static Views of(PublicStatus s, Parts parts) {
            Statuspage.Page page = StatuspageViews.page(s);
            Shown shown = parts.get(new Shown(page.id(), s.page().url(), componentsOf(s, page.id())), same -> same);
            return new Views(s, page, shown.components(), parts, shown);
        }

        List<Statuspage.Incident> incidents(List<Incident> from, int limit) {
            return from.stream().limit(limit)
                    .map(i -> parts.get(new Made(false, i, shown), made -> incident(i))).toList();
        }

        private Statuspage.Incident incident(Incident i) {
            return new Statuspage.Incident(
                    Long.toString(i.id()), i.title(), Vocabulary.statuspageStatus(i.status()), i.impact().wire(),
                    time(i.createdAt()), time(i.updatedAt()), time(i.startedAt()), time(i.monitoringAt()),
                    time(i.resolvedAt()), s.url(i), page.id(), i.postmortem(), updates(i), affected(i));
        }

        List<Statuspage.ScheduledMaintenance> maintenances(List<Incident> from, Predicate<Incident> which, int limit) {
            return from.stream().filter(which).limit(limit)
                    .map(m -> parts.get(new Made(true, m, shown), made -> maintenance(m))).toList();
        }

        private Statuspage.ScheduledMaintenance maintenance(Incident m) {
            return new Statuspage.ScheduledMaintenance(
                    Long.toString(m.id()), m.title(), Vocabulary.statuspageStatus(m.status()), m.impact().wire(),
                    time(m.scheduledFor()), time(m.scheduledUntil()), m.autoStart(), m.autoComplete(),
                    time(m.createdAt()), time(m.updatedAt()), time(m.startedAt()), time(m.monitoringAt()),
                    time(m.resolvedAt()), s.url(m), page.id(), updates(m), affected(m));
        }

        private List<Statuspage.Update> updates(Incident i) {
            return i.updatesNewestFirst().stream().map((IncidentUpdate u) -> new Statuspage.Update(
                    Long.toString(u.id()), Long.toString(i.id()), Vocabulary.statuspageStatus(u.status()), u.message(),
                    time(u.createdAt()), time(u.createdAt()), time(u.displayAt()),
                    u.changes().stream().map(c -> new Statuspage.AffectedComponent(c.componentId(),
                            s.component(c.componentId()).map(Component::name).orElse(c.componentId()),
                            c.oldStatus().wire(), c.newStatus().wire())).toList(),
                    u.notifySubscribers(), null, null)).toList();
        }

        /** The affected components as they are now, in display order; those deleted since are left out. */
        private List<Statuspage.Component> affected(Incident i) {
            Set<String> ids = i.components().stream().map(AffectedComponent::componentId).collect(Collectors.toSet());
            return components.stream().filter(c -> !c.group() && ids.contains(c.id())).toList();
        }
    }

    /** Each group followed by its components, then the ungrouped ones; positions count through them all. */
    private static List<Statuspage.Component> componentsOf(PublicStatus s, String pageId) {
        ZoneId zone = ZoneId.of(s.page().timeZone());
        List<Statuspage.Component> out = new ArrayList<>();
        for (ComponentGroup g : s.groups()) {
            List<Component> members = s.componentsOf(g.id());
            out.add(new Statuspage.Component(g.id(), g.name(), s.groupStatus(g.id()).wire(), time(g.createdAt()),
                    time(g.updatedAt()), out.size() + 1, g.description(), false, null, null, pageId, true, false,
                    members.stream().map(Component::id).toList()));
            members.forEach(c -> out.add(component(c, out.size() + 1, pageId, zone)));
        }
        s.components().stream().filter(c -> c.groupId() == null).forEach(c -> out.add(component(c, out.size() + 1, pageId, zone)));
        return List.copyOf(out);
    }

    /** Every component has uptime, so each is a showcase, counted from the day it was created. */
    private static Statuspage.Component component(Component c, int position, String pageId, ZoneId zone) {
        return new Statuspage.Component(c.id(), c.name(), c.status().wire(), time(c.createdAt()), time(c.updatedAt()),
                position, c.description(), true, c.createdAt().atZone(zone).toLocalDate().toString(), c.groupId(), pageId,
                false, c.onlyShowIfDegraded(), null);
    }

    private static String time(Instant instant) {
        return Timestamps.statuspage(instant);
    }
}
