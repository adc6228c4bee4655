package dev.upbeat.admin;

import dev.upbeat.incident.Incident;
import dev.upbeat.status.PublicStatus;
import dev.upbeat.status.StatusRollup;
import dev.upbeat.web.Access;
import dev.upbeat.web.Endpoints;
import dev.upbeat.web.RouteTable;
import io.javalin.http.Context;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Supplier;

/** The dashboard (what is open right now) and the audit log with its CSV export. */
public final class DashboardPages implements Endpoints {
    private static final int RECENT = 5;
    private static final int AUDIT_PAGE = 500;

    private final AdminPages pages;
    private final Supplier<PublicStatus> status;
    private final IncidentModels models;
    private final ZoneId zone;

    public DashboardPages(AdminPages pages, Supplier<PublicStatus> status, ZoneId zone) {
        this.pages = pages;
        this.status = status;
        this.models = new IncidentModels(zone);
        this.zone = zone;
    }

    @Override
    public void addRoutes(RouteTable r) {
        r.get("/admin", this::dashboard, Access.EDITOR);
        r.get("/admin/audit", this::audit, Access.ADMIN);
        r.get("/admin/audit.csv", this::auditCsv, Access.ADMIN);
    }

    public void dashboard(Context ctx) {
        PublicStatus s = status.get();
        List<IncidentViews.Row> open = s.openIncidents().stream().map(this::incidentRow).toList();
        List<IncidentViews.Row> recent = s.incidents().stream().filter(i -> !i.status().isOpen()).limit(RECENT)
                .map(this::incidentRow).toList();
        List<IncidentViews.Row> maintenance = s.openMaintenances().stream()
                .map(m -> models.row(m, "/admin/maintenance#m-")).toList();
        pages.render(ctx, 200, "admin/dashboard.jte", new IncidentViews.Dashboard(pages.chrome(ctx, "Dashboard", "dashboard"),
                StatusRollup.describe(s.overall()), open, maintenance, recent));
    }

    public void audit(Context ctx) {
        List<AuditView.Entry> entries = pages.auditLog().latest(AUDIT_PAGE).stream()
                .map(e -> new AuditView.Entry(Words.time(e.at(), zone), e.actor(), e.action(), e.subject(),
                        e.detail() == null ? "" : e.detail()))
                .toList();
        pages.render(ctx, 200, "admin/audit.jte", new AuditView(pages.chrome(ctx, "Audit log", "audit"), entries));
    }

    public void auditCsv(Context ctx) {
        ctx.header("Content-Disposition", "attachment; filename=\"upbeat-audit.csv\"")
                .contentType("text/csv; charset=utf-8").result(pages.auditLog().csv());
    }

    private IncidentViews.Row incidentRow(Incident i) {
        return models.row(i, "/admin/incidents/");
    }
}
