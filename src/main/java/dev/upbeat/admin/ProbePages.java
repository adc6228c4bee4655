package dev.upbeat.admin;

import dev.upbeat.probe.Probe;
import dev.upbeat.probe.ProbeDraft;
import dev.upbeat.probe.ProbeService;
import dev.upbeat.probe.StoredResult;
import dev.upbeat.problem.Problem;
import dev.upbeat.status.PublicStatus;
import dev.upbeat.web.Access;
import dev.upbeat.web.Endpoints;
import dev.upbeat.web.RouteTable;
import io.javalin.http.Context;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/** Probes for admins: list with the last result and state, create, edit and delete, through the API's service. */
public final class ProbePages implements Endpoints {
    private static final Pattern HOST_PORT = Pattern.compile("[A-Za-z0-9.\\-\\[\\]:]+:\\d{1,5}");

    private final AdminPages pages;
    private final ProbeService probes;
    private final Supplier<PublicStatus> status;
    private final ZoneId zone;

    public ProbePages(AdminPages pages, ProbeService probes, Supplier<PublicStatus> status, ZoneId zone) {
        this.pages = pages;
        this.probes = probes;
        this.status = status;
        this.zone = zone;
    }

    @Override
    public void addRoutes(RouteTable r) {
        r.get("/admin/probes", this::list, Access.ADMIN);
        r.post("/admin/probes", this::create, Access.ADMIN);
        r.post("/admin/probes/{id}", this::update, Access.ADMIN);
        r.post("/admin/probes/{id}/delete", this::delete, Access.ADMIN);
    }

    public void list(Context ctx) {
        show(ctx, 200, Form.empty(), null);
    }

    public void create(Context ctx) {
        Map<String, String> v = AdminPages.values(ctx);
        act(ctx, v, "new-probe", () -> {
            Probe p = probes.create(draft(v));
            return new Change("probe.create", p.id(), p.name() + ", " + p.check().url());
        });
    }

    public void update(Context ctx) {
        String id = ctx.pathParam("id");
        Map<String, String> v = AdminPages.values(ctx);
        act(ctx, v, id, () -> {
            Probe p = probes.update(id, draft(v));
            return new Change("probe.update", p.id(), p.name() + ", " + p.check().url());
        });
    }

    public void delete(Context ctx) {
        String id = ctx.pathParam("id");
        act(ctx, Map.of(), id, () -> {
            probes.delete(id);
            return new Change("probe.delete", id, null);
        });
    }

    /** The form as the API's body: blank fields are left out (on an edit, they keep their value). */
    static ProbeDraft draft(Map<String, String> v) {
        return ProbeDraft.builder().name(v.get("name")).url(url(v.get("url")))
                .interval(SimulatorPages.iso(v.get("interval"))).timeout(SimulatorPages.iso(v.get("timeout")))
                .component(v.get("component")).autoIncident("on".equals(v.get("auto_incident")))
                .failuresToOpen(number(v, "failures_to_open")).successesToResolve(number(v, "successes_to_resolve"))
                .build();
    }

    /** {@code host:port} alone means a TCP check. */
    static String url(String typed) {
        if (typed == null) {
            return null;
        }
        String u = typed.strip();
        return !u.contains("://") && HOST_PORT.matcher(u).matches() ? "tcp://" + u : u;
    }

    private static Integer number(Map<String, String> v, String field) {
        String raw = v.get(field);
        if (raw == null) {
            return null;
        }
        try {
            return Integer.valueOf(raw.strip());
        } catch (NumberFormatException e) {
            throw Problem.invalid(field, field + " must be a whole number; got '" + raw + "'");
        }
    }

    private void act(Context ctx, Map<String, String> v, String item, Supplier<Change> work) {
        pages.act(ctx, v, "/admin/probes", work, (code, refused) -> show(ctx, code, refused, item));
    }

    private void show(Context ctx, int code, Form form, String editing) {
        List<IncidentViews.Option> components = status.get().components().stream()
                .map(c -> new IncidentViews.Option(c.id(), c.name())).toList();
        List<ProbesView.ProbeItem> items = probes.list().stream().map(p -> {
            List<StoredResult> last = probes.latestResults(p.id(), 1);
            String result = last.isEmpty() ? "not checked yet" : (last.get(0).ok() ? "up" : "down") + ", "
                    + last.get(0).latencyMs() + " ms at " + Words.time(last.get(0).checkedAt(), zone)
                    + (last.get(0).error() == null ? "" : ": " + last.get(0).error());
            String state = p.streak().failures() > 0 ? p.streak().failures() + " failure(s) in a row"
                    : p.streak().successes() + " success(es) in a row";
            return new ProbesView.ProbeItem(p.id(), p.name(), p.kind(), p.check().url().toString().replaceFirst("^tcp://", ""),
                    p.interval().toString(), p.check().timeout().toString(), p.componentId(), p.policy().autoIncident(),
                    p.policy().failuresToOpen(), p.policy().successesToResolve(), result, state,
                    p.streak().incidentId());
        }).toList();
        pages.render(ctx, code, "admin/probes.jte", new ProbesView(pages.chrome(ctx, "Probes", "probes"), items, components, form, editing));
    }
}
