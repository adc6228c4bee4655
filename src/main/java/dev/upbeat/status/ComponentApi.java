package dev.upbeat.status;

import dev.upbeat.component.Component;
import dev.upbeat.component.ComponentDraft;
import dev.upbeat.component.ComponentGroup;
import dev.upbeat.component.ComponentService;
import dev.upbeat.component.ComponentStatus;
import dev.upbeat.component.Exposure;
import dev.upbeat.component.GroupDraft;
import dev.upbeat.component.GroupService;
import dev.upbeat.problem.Check;
import dev.upbeat.problem.Problem;
import dev.upbeat.web.Access;
import dev.upbeat.web.Bodies;
import dev.upbeat.web.Endpoints;
import dev.upbeat.web.RouteTable;
import io.javalin.http.Context;
import java.util.List;

/**
 * Token-only writes for components and groups. Each handler reads the body, calls the service
 * and answers with the result as the public API shows it ({@code view}).
 */
public final class ComponentApi implements Endpoints {
    private final ComponentService components;
    private final GroupService groups;
    private final Bodies bodies;
    private final StatusSnapshots snapshots;

    public ComponentApi(ComponentService components, GroupService groups, Bodies bodies, StatusSnapshots snapshots) {
        this.components = components;
        this.groups = groups;
        this.bodies = bodies;
        this.snapshots = snapshots;
    }

    @Override
    public void addRoutes(RouteTable r) {
        r.post("/api/v1/components", this::create, Access.TOKEN);
        r.put("/api/v1/components/order", this::reorder, Access.TOKEN);
        r.patch("/api/v1/components/{id}", this::update, Access.TOKEN);
        r.delete("/api/v1/components/{id}", this::delete, Access.TOKEN);
        r.put("/api/v1/components/{id}/status", this::setStatus, Access.TOKEN);
        r.post("/api/v1/groups", this::createGroup, Access.TOKEN);
        r.put("/api/v1/groups/order", this::reorderGroups, Access.TOKEN);
        r.patch("/api/v1/groups/{id}", this::updateGroup, Access.TOKEN);
        r.delete("/api/v1/groups/{id}", this::deleteGroup, Access.TOKEN);
    }

    /** Body of component writes; {@code status} and {@code exposure} in their wire words. */
    public record ComponentRequest(String id, String name, String group, String description, Integer position,
                                   Boolean onlyShowIfDegraded, String status, ComponentDraft.OwnerDraft owner,
                                   Integer tier, String exposure) {
        ComponentDraft draft() {
            ComponentStatus parsed = status == null ? null
                    : Check.oneOf("status", status, ComponentStatus::fromWire, ComponentStatus.allowedValues());
            Exposure exposed = exposure == null ? null
                    : Check.oneOf("exposure", exposure, Exposure::fromWire, Exposure.allowedValues());
            return new ComponentDraft(id, name, group, description, position, onlyShowIfDegraded, parsed, owner, tier,
                    exposed);
        }
    }

    public record GroupRequest(String name, String description, Integer position) {
        GroupDraft draft() {
            return new GroupDraft(name, description, position);
        }
    }

    public record StatusRequest(String status) {
    }

    public record OrderRequest(List<String> ids) {
    }

    public void create(Context ctx) {
        Component c = components.create(bodies.read(ctx, ComponentRequest.class).draft());
        ctx.status(201).header("Location", "/api/v1/components/" + c.id()).json(componentView(c.id()));
    }

    public void update(Context ctx) {
        Component c = components.update(ctx.pathParam("id"), bodies.read(ctx, ComponentRequest.class).draft());
        ctx.json(componentView(c.id()));
    }

    public void delete(Context ctx) {
        components.delete(ctx.pathParam("id"));
        ctx.status(204);
    }

    public void setStatus(Context ctx) {
        StatusRequest request = bodies.read(ctx, StatusRequest.class);
        ComponentStatus status = Check.oneOf("status", request.status(), ComponentStatus::fromWire, ComponentStatus.allowedValues());
        Component c = components.setStatus(ctx.pathParam("id"), status);
        ctx.json(componentView(c.id()));
    }

    public void reorder(Context ctx) {
        components.reorder(ids(bodies.read(ctx, OrderRequest.class)));
        ctx.status(204);
    }

    public void createGroup(Context ctx) {
        ComponentGroup g = groups.create(bodies.read(ctx, GroupRequest.class).draft());
        ctx.status(201).header("Location", "/api/v1/groups/" + g.id()).json(groupView(g.id()));
    }

    public void updateGroup(Context ctx) {
        ComponentGroup g = groups.update(ctx.pathParam("id"), bodies.read(ctx, GroupRequest.class).draft());
        ctx.json(groupView(g.id()));
    }

    public void deleteGroup(Context ctx) {
        groups.delete(ctx.pathParam("id"));
        ctx.status(204);
    }

    public void reorderGroups(Context ctx) {
        groups.reorder(ids(bodies.read(ctx, OrderRequest.class)));
        ctx.status(204);
    }

    private static List<String> ids(OrderRequest request) {
        if (request.ids() == null || request.ids().isEmpty()) {
            throw dev.upbeat.problem.Problem.invalid("ids", "ids must be a non-empty array of ids in the wanted order");
        }
        return request.ids();
    }

    /**
     * The write's result as the public API shows it, from the snapshot its commit rebuilt, with
     * the ownership only a token holder sees.
     */
    private Object componentView(String id) {
        PublicStatus s = snapshots.current();
        Component c = s.component(id).orElseThrow(() -> Problem.notFound("component", id));
        return NativeViews.managed(s, c);
    }

    private Object groupView(String id) {
        PublicStatus s = snapshots.current();
        return NativeViews.group(s, s.group(id).orElseThrow(() -> Problem.notFound("group", id)));
    }
}
