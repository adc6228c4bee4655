package dev.upbeat.app;

import dev.upbeat.incident.Incident;
import dev.upbeat.incident.IncidentStatus;
import dev.upbeat.incident.MaintenanceDraft;
import dev.upbeat.incident.MaintenanceService;
import dev.upbeat.incident.UpdateDraft;
import dev.upbeat.simulator.drill.PublicNotices;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Shows a drill that asks for it on the public page as a maintenance window with no components:
 * customers see that a rehearsal is under way, and no component's status or uptime changes.
 * Subscribers are not notified.
 */
final class DrillNoticesOnStatusPage implements PublicNotices {
    private final MaintenanceService maintenances;
    private final Clock clock;

    DrillNoticesOnStatusPage(MaintenanceService maintenances, Clock clock) {
        this.maintenances = maintenances;
        this.clock = clock;
    }

    @Override
    public long post(String title, String message, Instant until) {
        Incident window = maintenances.schedule(MaintenanceDraft.builder().title(title).message(message)
                .components(List.of()).scheduledFor(clock.instant().toString()).scheduledUntil(until.toString())
                .autoStart(false).autoComplete(true).notifySubscribers(false).build());
        maintenances.postUpdate(window.id(), new UpdateDraft(IncidentStatus.IN_PROGRESS.wire(), message, null, false));
        return window.id();
    }

    @Override
    public void end(long id) {
        maintenances.postUpdate(id, new UpdateDraft(IncidentStatus.COMPLETED.wire(),
                "The drill is over.", null, false));
    }
}
