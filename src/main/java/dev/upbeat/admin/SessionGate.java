package dev.upbeat.admin;

import dev.upbeat.user.Role;
import dev.upbeat.user.Session;
import dev.upbeat.user.SessionService;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Set;

/**
 * Guards the admin pages: a signed-out visit is sent to the sign-in page, a signed-in person
 * without the role gets 403, and every state-changing request must carry the session's
 * anti-forgery token (form field {@code csrf} or header {@code X-CSRF-Token}) and must not come
 * from another site. Also the one place that writes the session cookie.
 */
public final class SessionGate {
    public static final String COOKIE = "upbeat_session";
    public static final String SIGN_IN = "/admin/sign-in";
    private static final String SESSION = "upbeat.session";
    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");

    private final SessionService sessions;
    private final boolean httpsBase;

    public SessionGate(SessionService sessions, boolean httpsBase) {
        this.sessions = sessions;
        this.httpsBase = httpsBase;
    }

    /** Lets the request through, or answers it (redirect or 403) and skips its handler. */
    public void check(Context ctx, Role needed) {
        ctx.header("Cache-Control", "no-store");
        Session session = sessions.find(ctx.cookie(COOKIE)).orElse(null);
        if (session == null) {
            String next = SAFE.contains(ctx.method().name()) ? ctx.path() : "/admin";
            ctx.redirect(SIGN_IN + "?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8), HttpStatus.SEE_OTHER);
            ctx.skipRemainingHandlers();
            return;
        }
        ctx.attribute(SESSION, session);
        if (!SAFE.contains(ctx.method().name()) && !sameSiteWithToken(ctx, session)) {
            refuse(ctx, "This form is out of date or was sent from another site. Go back, reload the page and try again.");
        } else if (!session.user().role().covers(needed)) {
            refuse(ctx, "This page is for admins. You are signed in as " + session.user().email() + " (editor).");
        }
    }

    private static boolean sameSiteWithToken(Context ctx, Session session) {
        String site = ctx.header("Sec-Fetch-Site");
        if (site != null && !site.equals("same-origin") && !site.equals("none")) {
            return false;
        }
        String given = ctx.header("X-CSRF-Token");
        if (given == null) {
            given = ctx.formParam("csrf");
        }
        return given != null && MessageDigest.isEqual(given.getBytes(StandardCharsets.US_ASCII),
                session.csrfToken().getBytes(StandardCharsets.US_ASCII));
    }

    private static void refuse(Context ctx, String message) {
        String escaped = message.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
        ctx.status(403).html("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Not allowed</title>"
                + "<link rel=\"stylesheet\" href=\"/assets/upbeat.css\"></head><body><main><h1>Not allowed</h1><p>" + escaped
                + "</p><p><a href=\"/admin\">Back to the dashboard</a></p></main></body></html>");
        ctx.skipRemainingHandlers();
    }

    /** The session of a request that passed {@link #check}. */
    public static Session session(Context ctx) {
        Session s = ctx.attribute(SESSION);
        if (s == null) {
            throw new IllegalStateException(ctx.path() + " is not an admin route: no session was checked");
        }
        return s;
    }

    /** True when the browser reached us over HTTPS, directly or through a proxy that says so. */
    public boolean secure(Context ctx) {
        return httpsBase || "https".equalsIgnoreCase(ctx.header("X-Forwarded-Proto")) || "https".equals(ctx.scheme());
    }

    /** HttpOnly, SameSite=Lax (so a link from a chat opens the signed-in page), Secure over HTTPS. */
    public void setCookie(Context ctx, String name, String value, Duration maxAge) {
        ctx.addHeader("Set-Cookie", name + "=" + value + "; Path=/admin; Max-Age=" + maxAge.toSeconds()
                + "; HttpOnly; SameSite=Lax" + (secure(ctx) ? "; Secure" : ""));
    }

    public void clearCookie(Context ctx, String name) {
        setCookie(ctx, name, "", Duration.ZERO);
    }

    public SessionService sessions() {
        return sessions;
    }
}
