package dev.upbeat.incident;

import dev.upbeat.component.ComponentService;
import dev.upbeat.component.ComponentStatus;
import dev.upbeat.problem.Check;
import dev.upbeat.problem.Problem;
import dev.upbeat.storage.Database;
import dev.upbeat.storage.Tx;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * Opening, updating, resolving and correcting incidents. Each call is one transaction: the
 * incident, its update, the component holds and the back-filled history commit together or not
 * at all; committed changes are announced to {@code onChange}.
 */
public final class IncidentService {
    static final int MAX_TITLE = 200;
    static final int MAX_MESSAGE = 20_000;
    /** Clocks drift; a start a little in the future is taken as now rather than refused. */
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(1);

    private final Database db;
    private final IncidentRepository incidents;
    private final ComponentService components;
    private final Timeline timeline;
    private final Clock clock;
    private final Runnable onChange;

    public IncidentService(Database db, IncidentRepository incidents, ComponentService components, Clock clock, Runnable onChange) {
        this(db, incidents, components, clock, onChange, UpdateListener.NONE);
    }

    /** With a listener that hears of each update inside its transaction (the notification outbox). */
    public IncidentService(Database db, IncidentRepository incidents, ComponentService components, Clock clock, Runnable onChange,
                           UpdateListener listener) {
        this.db = db;
        this.incidents = incidents;
        this.components = components;
        this.timeline = new Timeline(incidents, components, listener);
        this.clock = clock;
        this.onChange = onChange;
    }

    public Incident open(IncidentDraft draft) {
        Incident opened = db.inChange(tx -> open(tx, draft));
        onChange.run();
        return opened;
    }

    /**
     * Opens an incident inside the caller's transaction, for work that must commit with it (a
     * probe's auto-incident and its state). The caller announces the change after commit.
     */
    public Incident open(Tx tx, IncidentDraft draft) {
        String title = Check.text("title", draft.title(), MAX_TITLE);
        String message = Check.text("message", draft.message(), MAX_MESSAGE);
        IncidentStatus status = draft.status() == null ? IncidentStatus.INVESTIGATING
                : Check.oneOf("status", draft.status(), s -> IncidentStatus.fromWire(Kind.INCIDENT, s)
                        .filter(st -> st != IncidentStatus.POSTMORTEM), "investigating, identified, monitoring, resolved");
        Instant now = clock.instant();
        Instant startedAt = checkedStart(draft.startedAt(), now);
        Instant resolvedAt = checkedResolvedAt(draft, status, startedAt, now);
        Map<String, ComponentStatus> statuses = ComponentStatuses.parse(tx, components, draft.components());
        Impact impact = draft.impact() == null ? Impact.impliedBy(ComponentStatus.worst(statuses.values()))
                : Check.oneOf("impact", draft.impact(), Impact::fromIncidentWire, Impact.INCIDENT_VALUES);
        Incident created = Incident.builder().kind(Kind.INCIDENT).title(title).impact(impact)
                .status(IncidentStatus.INVESTIGATING).startedAt(startedAt).createdAt(now).updatedAt(now).build();
        long id = incidents.insert(tx, created);
        Incident stored = incidents.find(tx, id).orElseThrow();
        Incident applied = timeline.apply(tx, stored, status, message, statuses, notifyOrDefault(draft.notifySubscribers()), now);
        Instant backfillEnd = status.isOpen() ? now : resolvedAt;
        if (startedAt.isBefore(backfillEnd)) {
            components.backfill(tx, statuses, startedAt, backfillEnd);
        }
        if (!status.isOpen()) {
            applied = withResolvedAt(tx, applied, resolvedAt);
        }
        return applied;
    }

    public Incident postUpdate(long id, UpdateDraft draft) {
        Incident updated = db.inChange(tx -> postUpdate(tx, id, draft));
        onChange.run();
        return updated;
    }

    /** Posts an update inside the caller's transaction; the caller announces the change after commit. */
    public Incident postUpdate(Tx tx, long id, UpdateDraft draft) {
        String message = Check.text("message", draft.message(), MAX_MESSAGE);
        Incident current = require(tx, id);
        IncidentStatus next = draft.status() == null ? current.status()
                : Check.oneOf("status", draft.status(), s -> IncidentStatus.fromWire(Kind.INCIDENT, s),
                        IncidentStatus.allowedValues(Kind.INCIDENT));
        Map<String, ComponentStatus> statuses = ComponentStatuses.parse(tx, components, draft.components());
        Incident moved = timeline.apply(tx, current, next, message, statuses, notifyOrDefault(draft.notifySubscribers()), clock.instant());
        if (next == IncidentStatus.POSTMORTEM) {
            moved = withPostmortem(tx, moved, message);
        }
        return moved;
    }

    public Incident resolve(long id, String message, Boolean notifySubscribers) {
        String text = message == null || message.isBlank() ? "This incident has been resolved." : message;
        return postUpdate(id, new UpdateDraft(IncidentStatus.RESOLVED.wire(), text, null, notifySubscribers));
    }

    /** Corrects title, impact, postmortem text or start; a start can only move earlier (back-dating). */
    public Incident edit(long id, IncidentEdit edit) {
        String title = edit.title() == null ? null : Check.text("title", edit.title(), MAX_TITLE);
        Impact impact = edit.impact() == null ? null
                : Check.oneOf("impact", edit.impact(), Impact::fromIncidentWire, Impact.INCIDENT_VALUES);
        String postmortem = Check.optionalText("postmortem", edit.postmortem(), MAX_MESSAGE);
        Instant now = clock.instant();
        Instant startedAt = edit.startedAt() == null ? null : checkedStart(edit.startedAt(), now);
        Incident edited = db.inChange(tx -> {
            Incident i = require(tx, id);
            if (postmortem != null && i.status() != IncidentStatus.POSTMORTEM) {
                throw Problem.conflict("Incident " + id + " is " + i.status().wire()
                        + "; post an update with status postmortem to publish a postmortem first");
            }
            Instant start = startedAt == null ? i.startedAt() : startedAt;
            if (start.isAfter(i.startedAt())) {
                throw Problem.conflict("started_at can only move earlier than " + i.startedAt()
                        + ": uptime history from then on is already recorded");
            }
            if (start.isBefore(i.startedAt())) {
                Map<String, ComponentStatus> statuses = new java.util.LinkedHashMap<>();
                i.components().forEach(c -> statuses.put(c.componentId(), c.status()));
                components.backfill(tx, statuses, start, i.startedAt());
            }
            Incident e = i.toBuilder().title(title == null ? i.title() : title).impact(impact == null ? i.impact() : impact)
                    .postmortem(postmortem == null ? i.postmortem() : postmortem).startedAt(start).updatedAt(now).build();
            incidents.update(tx, e);
            return incidents.find(tx, id).orElseThrow();
        });
        onChange.run();
        return edited;
    }

    private Incident require(Tx tx, long id) {
        return incidents.lock(tx, id).filter(i -> i.kind() == Kind.INCIDENT)
                .orElseThrow(() -> Problem.notFound("incident", id));
    }

    private Instant checkedStart(Instant requested, Instant now) {
        if (requested == null) {
            return now;
        }
        if (requested.isAfter(now.plus(CLOCK_SKEW))) {
            throw Problem.invalid("started_at", "started_at must not be in the future; got " + requested + ", now is " + now);
        }
        Check.instant("started_at", requested, now);
        return requested.isAfter(now) ? now : requested;
    }

    private static Instant checkedResolvedAt(IncidentDraft draft, IncidentStatus status, Instant startedAt, Instant now) {
        if (draft.resolvedAt() == null) {
            return now;
        }
        if (status != IncidentStatus.RESOLVED) {
            throw Problem.invalid("resolved_at", "resolved_at is only accepted with status resolved");
        }
        Check.instant("resolved_at", draft.resolvedAt(), now);
        if (draft.resolvedAt().isBefore(startedAt) || draft.resolvedAt().isAfter(now)) {
            throw Problem.invalid("resolved_at", "resolved_at must be between started_at (" + startedAt + ") and now; got "
                    + draft.resolvedAt());
        }
        return draft.resolvedAt();
    }

    private Incident withResolvedAt(Tx tx, Incident i, Instant resolvedAt) {
        incidents.update(tx, i.toBuilder().resolvedAt(resolvedAt).build());
        return incidents.find(tx, i.id()).orElseThrow();
    }

    private Incident withPostmortem(Tx tx, Incident i, String text) {
        incidents.update(tx, i.toBuilder().postmortem(text).build());
        return incidents.find(tx, i.id()).orElseThrow();
    }

    static boolean notifyOrDefault(Boolean requested) {
        return requested == null || requested;
    }
}
