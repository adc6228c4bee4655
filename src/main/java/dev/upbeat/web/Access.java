package dev.upbeat.web;

import io.javalin.security.RouteRole;

/**
 * Who may call a route: anyone, a caller with an API token, or a person signed in to the admin
 * pages as an editor (or admin) or as an admin only.
 */
public enum Access implements RouteRole {
    PUBLIC, TOKEN, EDITOR, ADMIN
}
