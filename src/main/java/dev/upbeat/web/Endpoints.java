package dev.upbeat.web;

/**
 * A feature's HTTP edge. Each handler class declares its own routes, next to the methods that
 * answer them, each with who may call it; the composition root only lists the features.
 */
public interface Endpoints {
    void addRoutes(RouteTable routes);
}
