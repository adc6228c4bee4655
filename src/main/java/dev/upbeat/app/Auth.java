package dev.upbeat.app;

import dev.upbeat.admin.SessionGate;
import dev.upbeat.problem.Problem;
import dev.upbeat.token.TokenService;
import dev.upbeat.user.Role;
import dev.upbeat.web.Access;
import io.javalin.http.Context;

/**
 * Lets a request to a token-only route through only with a valid {@code Authorization: Bearer}
 * token, and one to an admin page only with a session of the right role ({@link SessionGate}).
 */
public final class Auth {
    public static final String CALLER = dev.upbeat.web.Params.CALLER;
    private final TokenService tokens;
    private final SessionGate sessions;

    public Auth(TokenService tokens, SessionGate sessions) {
        this.tokens = tokens;
        this.sessions = sessions;
    }

    public void check(Context ctx) {
        boolean admin = ctx.routeRoles().contains(Access.ADMIN);
        if (admin || ctx.routeRoles().contains(Access.EDITOR)) {
            if (sessions == null) {
                throw Problem.unauthorized("Admin pages are not available on this server");
            }
            sessions.check(ctx, admin ? Role.ADMIN : Role.EDITOR);
            return;
        }
        if (!ctx.routeRoles().contains(Access.TOKEN)) {
            return;
        }
        String header = ctx.header("Authorization");
        if (header == null || header.isBlank()) {
            challenge(ctx);
            throw Problem.unauthorized("This call needs an API token: send 'Authorization: Bearer <token>' "
                    + "(create one with 'upbeat token create NAME')");
        }
        if (!header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            challenge(ctx);
            throw Problem.unauthorized("The Authorization header must use the Bearer scheme");
        }
        String caller = tokens.authenticate(header.substring(7).strip()).orElseThrow(() -> {
            challenge(ctx);
            return Problem.unauthorized("The API token is unknown or revoked");
        });
        ctx.attribute(CALLER, caller);
    }

    private static void challenge(Context ctx) {
        ctx.header("WWW-Authenticate", "Bearer realm=\"upbeat\"");
    }
}
