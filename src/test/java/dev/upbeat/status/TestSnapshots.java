package dev.upbeat.status;

import dev.upbeat.component.Component;
import dev.upbeat.component.ComponentStatus;
import dev.upbeat.incident.Impact;
import dev.upbeat.incident.Incident;
import dev.upbeat.incident.IncidentStatus;
import dev.upbeat.incident.IncidentUpdate;
import dev.upbeat.incident.Kind;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/** Snapshots built by hand, for testing what is made from them without a database or server. */
final class TestSnapshots {
    static final PublicStatus.PageInfo PAGE = new PublicStatus.PageInfo("Acme Status", "https://status.example.test", "Europe/Paris");
    static final Instant NOW = Instant.parse("2026-11-29T10:00:00Z");
    /** Markup, a CDATA end, quotes, and characters XML 1.0 cannot carry (NUL, BEL, VT, U+FFFE, a lone surrogate). */
    static final String HOSTILE_TITLE = "</title><script>alert(1)</script> ]]> & \"q\" 'a'\u0000\u0007\u000B\uFFFE\uD800 ok";
    static final String HOSTILE_TITLE_AS_READ = "</title><script>alert(1)</script> ]]> & \"q\" 'a' ok";
    static final String HOSTILE_MESSAGE = "<script>alert(1)</script>\n\n<img src=x onerror=alert(2)>\n\n"
            + "[click](javascript:alert(3)) <a href=\"javascript:alert(4)\">a</a> ]]> \u0001\u001F**bold**";

    private TestSnapshots() {
    }

    static PublicStatus of(List<Component> components, List<Incident> incidents, List<Incident> maintenances) {
        ComponentStatus overall = StatusRollup.overall(components.stream().map(Component::status).toList());
        return PublicStatus.builder().version(1).generatedAt(NOW).page(PAGE).overall(overall).components(components)
                .incidents(incidents).maintenances(maintenances).build();
    }

    static PublicStatus empty() {
        return of(List.of(), List.of(), List.of());
    }

    static Component component(String id, String name, ComponentStatus status) {
        return Component.builder().id(id).name(name).manualStatus(status).status(status).createdAt(NOW).updatedAt(NOW).build();
    }

    static Incident incident(long id, String title, Instant created, Instant updated, IncidentUpdate... updates) {
        IncidentStatus status = updates.length == 0 ? IncidentStatus.INVESTIGATING : updates[updates.length - 1].status();
        return Incident.builder().id(id).kind(Kind.INCIDENT).title(title).impact(Impact.MAJOR).status(status)
                .startedAt(created).createdAt(created).updatedAt(updated).updates(List.of(updates)).build();
    }

    static Incident maintenance(long id, String title, Instant created, Instant from, Instant until, IncidentUpdate... updates) {
        return Incident.builder().id(id).kind(Kind.MAINTENANCE).title(title).impact(Impact.MAINTENANCE)
                .status(IncidentStatus.SCHEDULED).startedAt(from).createdAt(created).updatedAt(created)
                .scheduledFor(from).scheduledUntil(until).timeZone(ZoneId.of("Europe/Paris"))
                .autoStart(true).autoComplete(true).updates(List.of(updates)).build();
    }

    static IncidentUpdate update(long id, IncidentStatus status, String message, Instant at) {
        return IncidentUpdate.builder().id(id).status(status).message(message).notifySubscribers(true).createdAt(at).displayAt(at)
                .build();
    }
}
