package dev.upbeat.web;

import io.javalin.security.RouteRole;

/** Who may call a route: anyone, or a caller with an API token. */
public enum Access implements RouteRole {
    PUBLIC, TOKEN
}
