package dev.upbeat.admin;

import dev.upbeat.problem.Problem;
import dev.upbeat.user.SessionService;
import dev.upbeat.web.Access;
import dev.upbeat.web.Endpoints;
import dev.upbeat.web.RouteTable;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;

/**
 * Signing in and out. There is no session yet to tie the sign-in form to, so the form carries a
 * random token that must equal a cookie set with the page (a forged cross-site form cannot read
 * or set that cookie); this stops another site signing a browser in as someone else.
 */
public final class SignInPages implements Endpoints {
    static final String FORM_COOKIE = "upbeat_signin";
    private static final Duration FORM_LIFETIME = Duration.ofHours(1);

    private final AdminPages pages;
    private final SessionGate gate;
    private final SecureRandom random = new SecureRandom();

    public SignInPages(AdminPages pages, SessionGate gate) {
        this.pages = pages;
        this.gate = gate;
    }

    @Override
    public void addRoutes(RouteTable r) {
        r.get("/admin/sign-in", this::form, Access.PUBLIC);
        r.post("/admin/sign-in", this::signIn, Access.PUBLIC);
        r.post("/admin/sign-out", this::signOut, Access.EDITOR);
    }

    public void form(Context ctx) {
        if (gate.sessions().find(ctx.cookie(SessionGate.COOKIE)).isPresent()) {
            AdminPages.seeOther(ctx, next(ctx.queryParam("next")));
            return;
        }
        show(ctx, 200, "", null, ctx.queryParam("next"), false);
    }

    public void signIn(Context ctx) {
        String email = ctx.formParam("email");
        String next = ctx.formParam("next");
        if (!formMatchesCookie(ctx)) {
            show(ctx, 403, email, "The sign-in form is out of date or was sent from another site; try again.", next, false);
            return;
        }
        try {
            var signedIn = gate.sessions().signIn(email, ctx.formParam("password"), ctx.formParam("code"), ctx.ip());
            gate.setCookie(ctx, SessionGate.COOKIE, signedIn.id(), gate.sessions().idleTimeout());
            gate.clearCookie(ctx, FORM_COOKIE);
            pages.auditLog().record(signedIn.session().user().email(), "session.sign_in", signedIn.session().user().email(), null);
            AdminPages.seeOther(ctx, next(next));
        } catch (Problem p) {
            if (p.kind() == Problem.Kind.TOO_MANY_REQUESTS) {
                ctx.header("Retry-After", "900");
            }
            show(ctx, p.kind() == Problem.Kind.TOO_MANY_REQUESTS ? 429 : 401, email, p.getMessage(), next, "code".equals(p.field()));
        }
    }

    public void signOut(Context ctx) {
        gate.sessions().signOut(ctx.cookie(SessionGate.COOKIE));
        gate.clearCookie(ctx, SessionGate.COOKIE);
        AdminPages.seeOther(ctx, SessionGate.SIGN_IN);
    }

    private void show(Context ctx, int status, String email, String error, String next, boolean askCode) {
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        gate.setCookie(ctx, FORM_COOKIE, token, FORM_LIFETIME);
        ctx.header("Cache-Control", "no-store");
        pages.render(ctx, status, "admin/sign-in.jte",
                new SignInView(pages.pageName(), token, email == null ? "" : email, error, next(next), askCode));
    }

    private static boolean formMatchesCookie(Context ctx) {
        String cookie = ctx.cookie(FORM_COOKIE);
        String form = ctx.formParam("token");
        String site = ctx.header("Sec-Fetch-Site");
        boolean sameSite = site == null || site.equals("same-origin") || site.equals("none");
        return sameSite && cookie != null && form != null
                && MessageDigest.isEqual(cookie.getBytes(StandardCharsets.US_ASCII), form.getBytes(StandardCharsets.US_ASCII));
    }

    /** Only a path inside the admin pages, so the sign-in page cannot send anyone elsewhere. */
    static String next(String requested) {
        return requested != null && requested.matches("/admin(/[A-Za-z0-9_./-]*)?") && !requested.contains("..")
                ? requested : "/admin";
    }
}
