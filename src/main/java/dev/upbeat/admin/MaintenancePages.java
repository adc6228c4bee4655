package dev.upbeat.admin;

import dev.upbeat.incident.Incident;
import dev.upbeat.incident.IncidentStatus;
import dev.upbeat.incident.MaintenanceDraft;
import dev.upbeat.incident.MaintenanceService;
import dev.upbeat.problem.Problem;
import dev.upbeat.status.PublicStatus;
import dev.upbeat.web.Access;
import dev.upbeat.web.Endpoints;
import dev.upbeat.web.Params;
import dev.upbeat.web.RouteTable;
import io.javalin.http.Context;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Scheduling maintenance in any IANA time zone (local times are read in the chosen zone, as the
 * API does) and starting, completing or cancelling it, through {@link MaintenanceService}.
 */
public final class MaintenancePages implements Endpoints {
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);
    private static final List<String> ZONES = ZoneId.getAvailableZoneIds().stream().filter(z -> z.contains("/") || z.equals("UTC"))
            .sorted().toList();

    private final AdminPages pages;
    private final MaintenanceService maintenances;
    private final Supplier<PublicStatus> status;
    private final ZoneId zone;

    public MaintenancePages(AdminPages pages, MaintenanceService maintenances, Supplier<PublicStatus> status, ZoneId zone) {
        this.pages = pages;
        this.maintenances = maintenances;
        this.status = status;
        this.zone = zone;
    }

    @Override
    public void addRoutes(RouteTable r) {
        r.get("/admin/maintenance", this::list, Access.EDITOR);
        r.post("/admin/maintenance", this::schedule, Access.EDITOR);
        r.post("/admin/maintenance/{id}/{action}", this::move, Access.EDITOR);
    }

    public void list(Context ctx) {
        show(ctx, 200, Form.of(Map.of("time_zone", zone.getId(), "notify", "on", "auto_start", "on", "auto_complete", "on")));
    }

    public void schedule(Context ctx) {
        Map<String, String> v = AdminPages.values(ctx);
        List<String> picked = v.keySet().stream().filter(k -> k.startsWith("component.")).map(k -> k.substring(10)).toList();
        try {
            Incident m = maintenances.schedule(MaintenanceDraft.builder().title(v.get("title"))
                    .message(v.get("message")).components(picked).scheduledFor(v.get("scheduled_for"))
                    .scheduledUntil(v.get("scheduled_until")).timeZone(IncidentPages.blankToNull(v.get("time_zone")))
                    .autoStart(v.containsKey("auto_start")).autoComplete(v.containsKey("auto_complete"))
                    .notifySubscribers(v.containsKey("notify")).build());
            pages.audit(ctx, "maintenance.schedule", "maintenance " + m.id(), m.title());
            AdminPages.seeOther(ctx, "/admin/maintenance");
        } catch (Problem p) {
            show(ctx, 422, Form.of(v).refused(p));
        }
    }

    /** Start, complete or cancel, with an optional message. */
    public void move(Context ctx) {
        long id = Params.id(ctx, "maintenance");
        String action = ctx.pathParam("action");
        String message = IncidentPages.blankToNull(ctx.formParam("message"));
        try {
            Incident m = switch (action) {
                case "start" -> maintenances.start(id, message);
                case "complete" -> maintenances.complete(id, message);
                case "cancel" -> maintenances.cancel(id, message);
                default -> throw Problem.notFound("maintenance action", action);
            };
            pages.audit(ctx, "maintenance." + action, "maintenance " + id, m.title());
            AdminPages.seeOther(ctx, "/admin/maintenance");
        } catch (Problem p) {
            if (p.kind() == Problem.Kind.NOT_FOUND) {
                throw p;
            }
            show(ctx, 409, Form.empty().refused(p));
        }
    }

    private void show(Context ctx, int code, Form form) {
        PublicStatus s = status.get();
        List<MaintenanceView.Window> windows = s.openMaintenances().stream().map(this::window).toList();
        pages.render(ctx, code, "admin/maintenance.jte", new MaintenanceView(pages.chrome(ctx, "Maintenance", "maintenance"), windows,
                IncidentModels.picks(s), ZONES, zone.getId(), form));
    }

    private MaintenanceView.Window window(Incident m) {
        ZoneId own = m.timeZone() == null ? zone : m.timeZone();
        String local = LOCAL.format(m.scheduledFor().atZone(own)) + " to " + LOCAL.format(m.scheduledUntil().atZone(own)) + " " + own.getId();
        return new MaintenanceView.Window(m.id(), m.title(), Words.of(m.status().wire()), local,
                Words.time(m.scheduledFor(), zone), m.status() == IncidentStatus.SCHEDULED, "/maintenance/" + m.id());
    }
}
