package dev.upbeat.inventory;

import dev.upbeat.problem.Problem;
import dev.upbeat.web.Access;
import dev.upbeat.web.Bodies;
import dev.upbeat.web.Endpoints;
import dev.upbeat.web.Params;
import dev.upbeat.web.RouteTable;
import io.javalin.http.Context;
import java.util.List;

/** Components' software inventories: SBOM uploads, packages added by hand, declared dependencies. */
public final class InventoryApi implements Endpoints {
    private final InventoryService inventory;
    private final Bodies bodies;
    private final Bodies documents;

    /** {@code documents} reads SBOMs, which may be far larger than any JSON request. */
    public InventoryApi(InventoryService inventory, Bodies bodies, Bodies documents) {
        this.inventory = inventory;
        this.bodies = bodies;
        this.documents = documents;
    }

    @Override
    public void addRoutes(RouteTable r) {
        r.put("/api/v1/components/{id}/sbom", this::pushSbom, Access.TOKEN);
        r.get("/api/v1/components/{id}/packages", this::packages, Access.TOKEN);
        r.post("/api/v1/components/{id}/packages", this::addPackage, Access.TOKEN);
        r.delete("/api/v1/components/{id}/packages", this::removePackage, Access.TOKEN);
        r.get("/api/v1/components/{id}/dependencies", this::dependencies, Access.TOKEN);
        r.put("/api/v1/components/{id}/dependencies", this::declareDependencies, Access.TOKEN);
    }

    public record PackageRequest(String purl) {
    }

    public record DependenciesRequest(List<String> components, List<String> targets) {
    }

    public record PackageView(String purl, String version, String source, String ref) {
    }

    public record DependenciesView(List<String> components, List<String> targets) {
    }

    public void pushSbom(Context ctx) {
        byte[] document = documents.bytes(ctx);
        ctx.json(inventory.pushSbom(ctx.pathParam("id"), ctx.contentType(), document, Params.caller(ctx)));
    }

    public void packages(Context ctx) {
        ctx.json(inventory.packages(ctx.pathParam("id")).stream()
                .map(p -> new PackageView(p.purl(), p.version(), p.source(), p.ref())).toList());
    }

    public void addPackage(Context ctx) {
        PackageRequest request = bodies.read(ctx, PackageRequest.class);
        boolean added = inventory.addPackage(ctx.pathParam("id"), request.purl(), Params.caller(ctx));
        ctx.status(added ? 201 : 200).json(java.util.Map.of("purl", Purls.parse("purl", request.purl()).purl()));
    }

    public void removePackage(Context ctx) {
        String purl = Params.query(ctx, "purl");
        if (purl == null) {
            throw Problem.badRequest("purl", "Name the package to remove: ?purl=pkg:...");
        }
        inventory.removePackage(ctx.pathParam("id"), purl, Params.caller(ctx));
        ctx.status(204);
    }

    public void dependencies(Context ctx) {
        ctx.json(view(inventory.dependencies(ctx.pathParam("id"))));
    }

    public void declareDependencies(Context ctx) {
        DependenciesRequest request = bodies.read(ctx, DependenciesRequest.class);
        ctx.json(view(inventory.declareDependencies(ctx.pathParam("id"), request.components(), request.targets(),
                Params.caller(ctx))));
    }

    private static DependenciesView view(List<Link> links) {
        return new DependenciesView(links.stream().filter(l -> l.kind() == LinkKind.COMPONENT).map(Link::dependsOn).toList(),
                links.stream().filter(l -> l.kind() == LinkKind.TARGET).map(Link::dependsOn).toList());
    }
}
