package dev.upbeat.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Handler;
import java.util.ArrayList;
import java.util.List;

/**
 * The one route table. Every route names its access level, so no path can be added without
 * saying who may call it, and the table keeps a list of what was declared (method, path, access)
 * for the docs and the tests.
 */
public final class RouteTable {
    /** One declared route. */
    public record Route(String method, String path, Access access) {
    }

    private final RoutesConfig routes;
    private final List<Route> declared = new ArrayList<>();

    public RouteTable(RoutesConfig routes) {
        this.routes = routes;
    }

    public RouteTable get(String path, Handler handler, Access access) {
        routes.get(path, handler, access);
        return note("GET", path, access);
    }

    public RouteTable post(String path, Handler handler, Access access) {
        routes.post(path, handler, access);
        return note("POST", path, access);
    }

    public RouteTable put(String path, Handler handler, Access access) {
        routes.put(path, handler, access);
        return note("PUT", path, access);
    }

    public RouteTable patch(String path, Handler handler, Access access) {
        routes.patch(path, handler, access);
        return note("PATCH", path, access);
    }

    public RouteTable delete(String path, Handler handler, Access access) {
        routes.delete(path, handler, access);
        return note("DELETE", path, access);
    }

    /** Adds every route of each feature, in the order given. */
    public RouteTable addAll(List<? extends Endpoints> features) {
        features.forEach(f -> f.addRoutes(this));
        return this;
    }

    public List<Route> declared() {
        return List.copyOf(declared);
    }

    private RouteTable note(String method, String path, Access access) {
        declared.add(new Route(method, path, access));
        return this;
    }
}
