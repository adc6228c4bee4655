package dev.upbeat.advisory;

import dev.upbeat.component.ComponentRepository;
import dev.upbeat.component.ComponentStatus;
import dev.upbeat.incident.Impact;
import dev.upbeat.incident.IncidentStatus;
import dev.upbeat.incident.Kind;
import dev.upbeat.problem.Check;
import dev.upbeat.problem.Problem;
import dev.upbeat.storage.Tx;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The checks of a draft, naming the field, made when it is written so a mistake shows while
 * there is time to fix it, not at disclosure. The incident services check again when it posts.
 */
final class DraftChecks {
    /** The incident services' own limits, so a draft that passes here is not refused for its length there. */
    static final int MAX_TITLE = 200;
    static final int MAX_MESSAGE = 20_000;
    /** A maintenance window prefilled from the disclosure time lasts this long unless set. */
    static final Duration DEFAULT_WINDOW = Duration.ofHours(1);

    private final Triage triage;
    private final ComponentRepository components;
    private final Clock clock;

    DraftChecks(Triage triage, ComponentRepository components, Clock clock) {
        this.triage = triage;
        this.components = components;
        this.clock = clock;
    }

    Draft created(Tx tx, Advisory a, DraftChange c) {
        DraftKind kind = Check.oneOf("kind", c.kind(), DraftKind::fromWire, DraftKind.allowedValues());
        Map<String, String> named = c.components() != null ? c.components() : prefilled(tx, a, kind);
        Instant from = c.scheduledFor();
        Instant until = c.scheduledUntil();
        if (kind == DraftKind.MAINTENANCE && from == null && a.disclosureAt() != null) {
            from = a.disclosureAt();
        }
        if (kind == DraftKind.MAINTENANCE && until == null && from != null) {
            until = from.plus(DEFAULT_WINDOW);
        }
        boolean atDisclosure = c.postAtDisclosure() != null && c.postAtDisclosure();
        Instant now = clock.instant();
        Draft d = new Draft(0, a.id(), kind, c.title(), c.message(), c.status(), c.impact(), named, from, until,
                c.notifySubscribers() == null || c.notifySubscribers(), atDisclosure, c.postAt(), null, null, null, null, now, now);
        return checked(tx, a, d, c);
    }

    Draft changed(Tx tx, Advisory a, Draft old, DraftChange c) {
        if (c.kind() != null && !c.kind().equals(old.kind().wire())) {
            throw Problem.invalid("kind", "kind cannot change (this draft is " + old.kind().wire()
                    + "); delete it and create a draft of the other kind");
        }
        boolean atDisclosure = c.postAt() != null ? false : c.postAtDisclosure() != null ? c.postAtDisclosure() : old.postAtDisclosure();
        Instant postAt = c.postAt() != null ? c.postAt() : c.postAtDisclosure() != null ? null : old.postAt();
        Draft d = new Draft(old.id(), old.advisoryId(), old.kind(), or(c.title(), old.title()), or(c.message(), old.message()),
                or(c.status(), old.status()), or(c.impact(), old.impact()), or(c.components(), old.components()),
                or(c.scheduledFor(), old.scheduledFor()), or(c.scheduledUntil(), old.scheduledUntil()),
                or(c.notifySubscribers(), old.notifySubscribers()), atDisclosure, postAt, null, null, null, null, old.createdAt(),
                clock.instant());
        return checked(tx, a, d, c);
    }

    private Draft checked(Tx tx, Advisory a, Draft d, DraftChange c) {
        String title = Check.text("title", d.title(), MAX_TITLE);
        String message = Check.text("message", d.message(), MAX_MESSAGE);
        if (d.kind() == DraftKind.INCIDENT) {
            incidentOnly(d);
        } else {
            maintenanceOnly(d);
        }
        Map<String, String> named = componentsChecked(tx, d);
        Instant now = clock.instant();
        if (Boolean.TRUE.equals(c.postAtDisclosure()) && c.postAt() != null) {
            throw Problem.invalid("post_at", "Give post_at or post_at_disclosure: true, not both");
        }
        if (d.postAtDisclosure() && a.disclosureAt() == null) {
            throw Problem.invalid("post_at_disclosure", "Advisory " + a.id() + " has no disclosure_at yet: set it, or give post_at");
        }
        Check.instant("post_at", d.postAt(), now);
        return new Draft(d.id(), d.advisoryId(), d.kind(), title, message, d.status(), d.impact(), named, d.scheduledFor(),
                d.scheduledUntil(), d.notifySubscribers(), d.postAtDisclosure(), d.postAt(), null, null, null, null, d.createdAt(),
                d.updatedAt());
    }

    private static void incidentOnly(Draft d) {
        if (d.status() != null) {
            Check.oneOf("status", d.status(), s -> IncidentStatus.fromWire(Kind.INCIDENT, s).filter(st -> st != IncidentStatus.POSTMORTEM),
                    "investigating, identified, monitoring, resolved");
        }
        if (d.impact() != null) {
            Check.oneOf("impact", d.impact(), Impact::fromIncidentWire, Impact.INCIDENT_VALUES);
        }
        if (d.scheduledFor() != null || d.scheduledUntil() != null) {
            throw Problem.invalid(d.scheduledFor() != null ? "scheduled_for" : "scheduled_until",
                    "A window is for maintenance drafts; an incident starts when it is posted");
        }
    }

    private void maintenanceOnly(Draft d) {
        if (d.status() != null || d.impact() != null) {
            throw Problem.invalid(d.status() != null ? "status" : "impact",
                    "A maintenance draft posts as scheduled with impact maintenance; status and impact are for incident drafts");
        }
        if (d.scheduledFor() == null || d.scheduledUntil() == null) {
            throw Problem.invalid(d.scheduledFor() == null ? "scheduled_for" : "scheduled_until",
                    "A maintenance draft needs its window (scheduled_for and scheduled_until), or an advisory with disclosure_at");
        }
        if (!d.scheduledUntil().isAfter(d.scheduledFor())) {
            throw Problem.invalid("scheduled_until", "scheduled_until must be after scheduled_for (" + d.scheduledFor() + "); got "
                    + d.scheduledUntil());
        }
        Check.instant("scheduled_for", d.scheduledFor(), clock.instant());
        Check.instant("scheduled_until", d.scheduledUntil(), clock.instant());
    }

    private Map<String, String> componentsChecked(Tx tx, Draft d) {
        Map<String, String> named = new LinkedHashMap<>();
        d.components().forEach((id, wire) -> {
            String field = "components." + id;
            ComponentStatus status = Check.oneOf(field, wire, ComponentStatus::fromWire, ComponentStatus.allowedValues());
            if (d.kind() == DraftKind.MAINTENANCE && status != ComponentStatus.UNDER_MAINTENANCE) {
                throw Problem.invalid(field, "A maintenance puts its components under_maintenance; got '" + wire + "'");
            }
            if (components.find(tx, id).isEmpty()) {
                throw Problem.invalid(field, "No component with id '" + id + "'");
            }
            named.put(id, status.wire());
        });
        return named;
    }

    /**
     * The components the triage finds exposed or possibly exposed, highest priority first: under
     * maintenance for a maintenance; operational for an incident, which names them without claiming
     * an outage (the editor sets another status to say more).
     */
    private Map<String, String> prefilled(Tx tx, Advisory a, DraftKind kind) {
        ComponentStatus status = kind == DraftKind.MAINTENANCE ? ComponentStatus.UNDER_MAINTENANCE : ComponentStatus.OPERATIONAL;
        Map<String, String> named = new LinkedHashMap<>();
        triage.read(tx, a).stream()
                .filter(r -> r.state() == ExposureState.EXPOSED || r.state() == ExposureState.POSSIBLY_EXPOSED)
                .forEach(r -> named.put(r.componentId(), status.wire()));
        return named;
    }

    private static <T> T or(T value, T fallback) {
        return value != null ? value : fallback;
    }
}
