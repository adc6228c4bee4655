package dev.upbeat.admin;

import dev.upbeat.component.Component;
import dev.upbeat.component.ComponentDraft;
import dev.upbeat.component.ComponentGroup;
import dev.upbeat.component.ComponentService;
import dev.upbeat.component.ComponentStatus;
import dev.upbeat.component.Exposure;
import dev.upbeat.component.GroupDraft;
import dev.upbeat.component.GroupService;
import dev.upbeat.component.Ownership;
import dev.upbeat.problem.Check;
import dev.upbeat.problem.Problem;
import dev.upbeat.status.PublicStatus;
import dev.upbeat.web.Access;
import dev.upbeat.web.Endpoints;
import dev.upbeat.web.RouteTable;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;

/** Components and groups for admins: create, edit, set a manual status, reorder and delete, through the API's services. */
public final class ComponentPages implements Endpoints {
    private final AdminPages pages;
    private final ComponentService components;
    private final GroupService groups;
    private final Supplier<PublicStatus> status;

    public ComponentPages(AdminPages pages, ComponentService components, GroupService groups, Supplier<PublicStatus> status) {
        this.pages = pages;
        this.components = components;
        this.groups = groups;
        this.status = status;
    }

    @Override
    public void addRoutes(RouteTable r) {
        r.get("/admin/components", this::list, Access.ADMIN);
        r.post("/admin/components", this::create, Access.ADMIN);
        r.post("/admin/components/{id}", this::update, Access.ADMIN);
        r.post("/admin/components/{id}/delete", this::delete, Access.ADMIN);
        r.post("/admin/components/{id}/move", this::move, Access.ADMIN);
        r.post("/admin/groups", this::createGroup, Access.ADMIN);
        r.post("/admin/groups/{id}", this::updateGroup, Access.ADMIN);
        r.post("/admin/groups/{id}/delete", this::deleteGroup, Access.ADMIN);
        r.post("/admin/groups/{id}/move", this::moveGroup, Access.ADMIN);
    }

    public void list(Context ctx) {
        show(ctx, 200, Form.empty(), null);
    }

    public void create(Context ctx) {
        Map<String, String> v = AdminPages.values(ctx);
        act(ctx, v, "new-component", () -> {
            Component c = components.create(ComponentDraft.builder().name(v.get("name")).group(v.get("group"))
                    .description(v.get("description")).build());
            return new Change("component.create", c.id(), c.name());
        });
    }

    public void update(Context ctx) {
        String id = ctx.pathParam("id");
        Map<String, String> v = AdminPages.values(ctx);
        act(ctx, v, id, () -> {
            ComponentStatus manual = Check.oneOf("status", v.get("status"), ComponentStatus::fromWire, ComponentStatus.allowedValues());
            Component c = components.update(id, ownership(v, ComponentDraft.builder().name(v.get("name"))
                    .group(v.getOrDefault("group", "")).description(v.getOrDefault("description", "")).status(manual)).build());
            return new Change("component.update", c.id(), c.name() + ", " + manual.wire());
        });
    }

    /** The ownership fields of the form: an empty team removes the owner, an empty tier or exposure leaves it. */
    private static ComponentDraft.Builder ownership(Map<String, String> v, ComponentDraft.Builder draft) {
        if (v.containsKey("owner_team")) {
            String team = v.get("owner_team").strip();
            draft.owner(new ComponentDraft.OwnerDraft(team, v.get("owner_channel"), v.get("owner_address")));
        }
        String tier = v.getOrDefault("tier", "");
        if (!tier.isEmpty()) {
            draft.tier(Check.oneOf("tier", tier, ComponentPages::tier, "1, 2, 3"));
        }
        String exposure = v.getOrDefault("exposure", "");
        if (!exposure.isEmpty()) {
            draft.exposure(Check.oneOf("exposure", exposure, Exposure::fromWire, Exposure.allowedValues()));
        }
        return draft;
    }

    private static java.util.Optional<Integer> tier(String value) {
        return value.matches("[1-3]") ? java.util.Optional.of(Integer.parseInt(value)) : java.util.Optional.empty();
    }

    public void delete(Context ctx) {
        String id = ctx.pathParam("id");
        act(ctx, Map.of(), id, () -> {
            components.delete(id);
            return new Change("component.delete", id, null);
        });
    }

    public void move(Context ctx) {
        String id = ctx.pathParam("id");
        act(ctx, Map.of(), id, () -> {
            List<Component> all = status.get().components();
            components.reorder(moved(all, id, Component::id, Component::groupId, "up".equals(ctx.formParam("direction"))));
            return new Change("component.move", id, ctx.formParam("direction"));
        });
    }

    public void createGroup(Context ctx) {
        Map<String, String> v = AdminPages.values(ctx);
        act(ctx, v, "new-group", () -> {
            ComponentGroup g = groups.create(new GroupDraft(v.get("name"), v.get("description"), null));
            return new Change("group.create", g.id(), g.name());
        });
    }

    public void updateGroup(Context ctx) {
        String id = ctx.pathParam("id");
        Map<String, String> v = AdminPages.values(ctx);
        act(ctx, v, id, () -> {
            ComponentGroup g = groups.update(id, new GroupDraft(v.get("name"), v.getOrDefault("description", ""), null));
            return new Change("group.update", g.id(), g.name());
        });
    }

    public void deleteGroup(Context ctx) {
        String id = ctx.pathParam("id");
        act(ctx, Map.of(), id, () -> {
            groups.delete(id);
            return new Change("group.delete", id, null);
        });
    }

    public void moveGroup(Context ctx) {
        String id = ctx.pathParam("id");
        act(ctx, Map.of(), id, () -> {
            groups.reorder(moved(status.get().groups(), id, ComponentGroup::id, g -> "", "up".equals(ctx.formParam("direction"))));
            return new Change("group.move", id, ctx.formParam("direction"));
        });
    }

    private static ComponentsView.Owner owner(Ownership o) {
        return new ComponentsView.Owner(o.team() == null ? "" : o.team(), o.channel() == null ? "" : o.channel().wire(),
                o.address() == null ? "" : o.address(), o.tier() == null ? "" : o.tier().toString(),
                o.exposure() == null ? "" : o.exposure().wire());
    }

    /** Ids in page order with {@code id} swapped with its neighbour in the same group. */
    static <T> List<String> moved(List<T> items, String id, Function<T, String> idOf, Function<T, String> groupOf, boolean up) {
        List<String> ids = new ArrayList<>(items.stream().map(idOf).toList());
        int from = ids.indexOf(id);
        if (from < 0) {
            throw Problem.notFound("item", id);
        }
        String group = groupOf.apply(items.get(from));
        for (int i = from + (up ? -1 : 1); i >= 0 && i < ids.size(); i += up ? -1 : 1) {
            if (Objects.equals(groupOf.apply(items.get(i)), group)) {
                ids.set(from, ids.get(i));
                ids.set(i, id);
                break;
            }
        }
        return ids;
    }

    private void act(Context ctx, Map<String, String> v, String item, Supplier<Change> work) {
        pages.act(ctx, v, "/admin/components", work, (code, refused) -> show(ctx, code, refused, item));
    }

    private void show(Context ctx, int code, Form form, String editing) {
        PublicStatus s = status.get();
        Map<String, String> groupNames = new java.util.HashMap<>();
        s.groups().forEach(g -> groupNames.put(g.id(), g.name()));
        List<ComponentsView.GroupItem> gs = s.groups().stream()
                .map(g -> new ComponentsView.GroupItem(g.id(), g.name(), g.description() == null ? "" : g.description())).toList();
        List<ComponentsView.ComponentItem> cs = s.components().stream().map(c -> new ComponentsView.ComponentItem(c.id(), c.name(),
                c.groupId() == null ? "" : groupNames.getOrDefault(c.groupId(), ""), c.description() == null ? "" : c.description(),
                c.manualStatus().wire(), Words.of(c.status().wire()), owner(c.ownership()))).toList();
        pages.render(ctx, code, "admin/components.jte", new ComponentsView(pages.chrome(ctx, "Components", "components"), gs, cs,
                Words.componentStatuses(), new ComponentsView.Ownerships(Words.contactChannels(), Words.tiers(), Words.exposures()),
                form, editing));
    }
}
