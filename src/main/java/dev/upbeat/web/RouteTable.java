package dev.upbeat.web;

import io.javalin.config.RouterConfig;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.security.RouteRole;
import io.javalin.router.matcher.PathParser;
import java.util.ArrayList;
import java.util.List;

/**
 * The one route table. Every route names its access level, so no path can be added without
 * saying who may call it, and the table keeps a list of what was declared (method, path, access)
 * for the docs, the tests and the {@code Allow} header of a 405.
 */
public final class RouteTable {
    /** The order methods are listed in an {@code Allow} header. */
    private static final List<String> METHODS = List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE");

    /** One declared route. */
    public record Route(String method, String path, Access access) {
    }

    private record Matcher(String method, PathParser path) {
    }

    /**
     * The path template a route was declared with ({@code /api/v1/components/{id}}), carried
     * beside its {@link Access} so metrics and logs name the route, never the raw path (which is
     * unbounded and may carry ids).
     */
    private record Template(String path) implements RouteRole {
    }

    private final RoutesConfig routes;
    private final PublicReads reads;
    private final List<Route> declared = new ArrayList<>();
    private final List<Matcher> matchers = new ArrayList<>();

    /** {@code reads}: where public reads without parameters are answered, in front of the router. */
    public RouteTable(RoutesConfig routes, PublicReads reads) {
        this.routes = routes;
        this.reads = reads;
    }

    /**
     * A read, and HEAD on the same path through the same handler (so the same access check,
     * status and headers; the server sends no body for HEAD). Without it Javalin answered HEAD
     * itself, with an empty 200 and without even checking the token.
     */
    public RouteTable get(String path, Handler handler, Access access) {
        Template template = new Template(path);
        routes.get(path, handler, access, template);
        routes.head(path, handler, access, template);
        note("GET", path, access);
        return note("HEAD", path, access);
    }

    /**
     * A public read of a fixed path that takes no parameters, GET and HEAD, answered from the
     * snapshot by {@link PublicReads} in front of the router: the reads an incident's traffic is made of.
     */
    public RouteTable read(String path, PublicReads.Read read) {
        reads.add(path, read);
        note("GET", path, Access.PUBLIC);
        return note("HEAD", path, Access.PUBLIC);
    }

    public RouteTable post(String path, Handler handler, Access access) {
        Template template = new Template(path);
        routes.post(path, handler, access, template);
        return note("POST", path, access);
    }

    public RouteTable put(String path, Handler handler, Access access) {
        Template template = new Template(path);
        routes.put(path, handler, access, template);
        return note("PUT", path, access);
    }

    public RouteTable patch(String path, Handler handler, Access access) {
        Template template = new Template(path);
        routes.patch(path, handler, access, template);
        return note("PATCH", path, access);
    }

    public RouteTable delete(String path, Handler handler, Access access) {
        Template template = new Template(path);
        routes.delete(path, handler, access, template);
        return note("DELETE", path, access);
    }

    /** Adds every route of each feature, in the order given. */
    public RouteTable addAll(List<? extends Endpoints> features) {
        features.forEach(f -> f.addRoutes(this));
        return this;
    }

    /** The template of the route that matched this request, or null when none did (a 404, a static file). */
    public static String template(Context ctx) {
        for (RouteRole role : ctx.routeRoles()) {
            if (role instanceof Template t) {
                return t.path();
            }
        }
        return null;
    }

    public List<Route> declared() {
        return List.copyOf(declared);
    }

    /** The methods some declared route answers on {@code path}, in a fixed order; empty if no route has the path. */
    public List<String> allowed(String path) {
        List<String> found = matchers.stream().filter(m -> m.path().matches(path)).map(Matcher::method).toList();
        return METHODS.stream().filter(found::contains).toList();
    }

    private RouteTable note(String method, String path, Access access) {
        declared.add(new Route(method, path, access));
        // The router's own parser, with its default settings, so "the path exists" means what routing means.
        matchers.add(new Matcher(method, new PathParser(path, new RouterConfig())));
        return this;
    }
}
