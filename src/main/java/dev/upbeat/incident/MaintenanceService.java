package dev.upbeat.incident;

import dev.upbeat.component.ComponentService;
import dev.upbeat.component.ComponentStatus;
import dev.upbeat.problem.Check;
import dev.upbeat.problem.Problem;
import dev.upbeat.storage.Database;
import dev.upbeat.storage.Tx;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Scheduled maintenance: planning a window in its time zone, and moving it through scheduled,
 * in_progress, verifying and completed (or cancelled), by hand or on its own at its times.
 * While in progress or verifying it holds its components under maintenance.
 */
public final class MaintenanceService {
    private final Database db;
    private final IncidentRepository incidents;
    private final ComponentService components;
    private final Timeline timeline;
    private final Clock clock;
    private final ZoneId defaultZone;
    private final Runnable onChange;

    public MaintenanceService(Database db, IncidentRepository incidents, ComponentService components, Clock clock,
                              ZoneId defaultZone, Runnable onChange) {
        this(db, incidents, components, clock, defaultZone, onChange, UpdateListener.NONE);
    }

    /** With a listener that hears of each update inside its transaction (the notification outbox). */
    public MaintenanceService(Database db, IncidentRepository incidents, ComponentService components, Clock clock,
                              ZoneId defaultZone, Runnable onChange, UpdateListener listener) {
        this.db = db;
        this.incidents = incidents;
        this.components = components;
        this.timeline = new Timeline(incidents, components, listener);
        this.clock = clock;
        this.defaultZone = defaultZone;
        this.onChange = onChange;
    }

    public Incident schedule(MaintenanceDraft draft) {
        Incident scheduled = db.inChange(tx -> schedule(tx, draft));
        onChange.run();
        return scheduled;
    }

    /**
     * Schedules a window inside the caller's transaction, for work that must commit with it (a
     * prepared draft marked posted). The caller announces the change after commit.
     */
    public Incident schedule(Tx tx, MaintenanceDraft draft) {
        String title = Check.text("title", draft.title(), IncidentService.MAX_TITLE);
        String message = Check.text("message", draft.message(), IncidentService.MAX_MESSAGE);
        ZoneId zone = draft.timeZone() == null ? defaultZone : WindowTime.zone("time_zone", draft.timeZone());
        Instant from = WindowTime.instant("scheduled_for", draft.scheduledFor(), zone);
        Instant until = WindowTime.instant("scheduled_until", draft.scheduledUntil(), zone);
        Instant now = clock.instant();
        checkWindow(from, until, now);
        Map<String, ComponentStatus> statuses = underMaintenance(tx, draft.components());
        Incident created = Incident.builder().kind(Kind.MAINTENANCE).title(title).impact(Impact.MAINTENANCE)
                .status(IncidentStatus.SCHEDULED).startedAt(from).createdAt(now).updatedAt(now)
                .scheduledFor(from).scheduledUntil(until).timeZone(zone)
                .autoStart(flag(draft.autoStart())).autoComplete(flag(draft.autoComplete())).build();
        long id = incidents.insert(tx, created);
        return timeline.apply(tx, incidents.find(tx, id).orElseThrow(), IncidentStatus.SCHEDULED, message, statuses,
                IncidentService.notifyOrDefault(draft.notifySubscribers()), now);
    }

    /** Changes title, window, zone, components or automation; the window only while still scheduled. */
    public Incident change(long id, MaintenanceDraft draft) {
        String title = draft.title() == null ? null : Check.text("title", draft.title(), IncidentService.MAX_TITLE);
        Incident changed = db.inChange(tx -> {
            Incident m = require(tx, id);
            boolean reschedules = draft.scheduledFor() != null || draft.scheduledUntil() != null
                    || draft.timeZone() != null || draft.components() != null;
            if (reschedules && m.status() != IncidentStatus.SCHEDULED) {
                throw Problem.conflict("Maintenance " + id + " is " + m.status().wire()
                        + "; its window and components can only change while scheduled");
            }
            ZoneId zone = draft.timeZone() == null ? m.timeZone() : WindowTime.zone("time_zone", draft.timeZone());
            Instant from = draft.scheduledFor() == null ? m.scheduledFor() : WindowTime.instant("scheduled_for", draft.scheduledFor(), zone);
            Instant until = draft.scheduledUntil() == null ? m.scheduledUntil() : WindowTime.instant("scheduled_until", draft.scheduledUntil(), zone);
            checkWindow(from, until, clock.instant());
            if (draft.components() != null) {
                incidents.removeComponents(tx, id);
                underMaintenance(tx, draft.components()).forEach((cid, st) -> incidents.putComponent(tx, id, new AffectedComponent(cid, st)));
            }
            incidents.update(tx, m.toBuilder().title(title == null ? m.title() : title)
                    .startedAt(m.status() == IncidentStatus.SCHEDULED ? from : m.startedAt()).updatedAt(clock.instant())
                    .scheduledFor(from).scheduledUntil(until).timeZone(zone)
                    .autoStart(draft.autoStart() == null ? m.autoStart() : draft.autoStart())
                    .autoComplete(draft.autoComplete() == null ? m.autoComplete() : draft.autoComplete()).build());
            return incidents.find(tx, id).orElseThrow();
        });
        onChange.run();
        return changed;
    }

    public Incident postUpdate(long id, UpdateDraft draft) {
        if (draft.components() != null) {
            throw Problem.invalid("components", "Maintenance components change with PATCH while scheduled, not in an update");
        }
        String message = Check.text("message", draft.message(), IncidentService.MAX_MESSAGE);
        Incident updated = db.inChange(tx -> {
            Incident m = require(tx, id);
            IncidentStatus next = draft.status() == null ? m.status()
                    : Check.oneOf("status", draft.status(), s -> IncidentStatus.fromWire(Kind.MAINTENANCE, s),
                            IncidentStatus.allowedValues(Kind.MAINTENANCE));
            return timeline.apply(tx, m, next, message, Map.of(), IncidentService.notifyOrDefault(draft.notifySubscribers()), clock.instant());
        });
        onChange.run();
        return updated;
    }

    public Incident start(long id, String message) {
        return postUpdate(id, new UpdateDraft(IncidentStatus.IN_PROGRESS.wire(), orDefault(message, "Scheduled maintenance is in progress."), null, null));
    }

    public Incident complete(long id, String message) {
        return postUpdate(id, new UpdateDraft(IncidentStatus.COMPLETED.wire(), orDefault(message, "Scheduled maintenance has been completed."), null, null));
    }

    public Incident cancel(long id, String message) {
        return postUpdate(id, new UpdateDraft(IncidentStatus.CANCELLED.wire(), orDefault(message, "Scheduled maintenance has been cancelled."), null, null));
    }

    /**
     * Starts and completes windows whose time has come. Each move re-reads the row under a lock,
     * so with several instances each move still happens once. Returns how many moved.
     */
    public int runDue() {
        Instant now = clock.instant();
        int moved = 0;
        for (long id : db.read(tx -> incidents.dueToStart(tx, now))) {
            moved += moveIfStill(id, IncidentStatus.SCHEDULED, IncidentStatus.IN_PROGRESS, "Scheduled maintenance is in progress.");
        }
        for (long id : db.read(tx -> incidents.dueToComplete(tx, now))) {
            moved += moveIfStill(id, null, IncidentStatus.COMPLETED, "Scheduled maintenance has been completed.");
        }
        if (moved > 0) {
            onChange.run();
        }
        return moved;
    }

    private int moveIfStill(long id, IncidentStatus expected, IncidentStatus next, String message) {
        return db.inTransaction(tx -> {
            Incident m = incidents.lock(tx, id).orElse(null);
            if (m == null || (expected != null && m.status() != expected) || !m.status().canMoveTo(next)) {
                return 0;
            }
            tx.announce();
            timeline.apply(tx, m, next, message, Map.of(), true, clock.instant());
            return 1;
        });
    }

    private Map<String, ComponentStatus> underMaintenance(Tx tx, List<String> ids) {
        Map<String, String> requested = new LinkedHashMap<>();
        if (ids != null) {
            ids.forEach(id -> requested.put(id, ComponentStatus.UNDER_MAINTENANCE.wire()));
        }
        return ComponentStatuses.parse(tx, components, requested);
    }

    private Incident require(Tx tx, long id) {
        return incidents.lock(tx, id).filter(i -> i.kind() == Kind.MAINTENANCE)
                .orElseThrow(() -> Problem.notFound("maintenance", id));
    }

    private static void checkWindow(Instant from, Instant until, Instant now) {
        if (!until.isAfter(from)) {
            throw Problem.invalid("scheduled_until", "scheduled_until must be after scheduled_for (" + from + "); got " + until);
        }
        Check.instant("scheduled_for", from, now);
        Check.instant("scheduled_until", until, now);
    }

    private static boolean flag(Boolean value) {
        return value == null || value;
    }

    private static String orDefault(String message, String fallback) {
        return message == null || message.isBlank() ? fallback : message;
    }
}
