package dev.upbeat.admin;

import dev.upbeat.problem.Problem;
import dev.upbeat.token.TokenService;
import dev.upbeat.user.Passwords;
import dev.upbeat.user.Role;
import dev.upbeat.user.Totp;
import dev.upbeat.user.User;
import dev.upbeat.user.UserService;
import dev.upbeat.web.Access;
import dev.upbeat.web.Endpoints;
import dev.upbeat.web.ErrorMapping;
import dev.upbeat.web.RouteTable;
import io.javalin.http.Context;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/** Users and API tokens (admins only), and each person's own account: the optional authenticator second factor. */
public final class AccessPages implements Endpoints {
    private final AdminPages pages;
    private final UserService users;
    private final TokenService tokens;
    private final ZoneId zone;

    public AccessPages(AdminPages pages, UserService users, TokenService tokens, ZoneId zone) {
        this.pages = pages;
        this.users = users;
        this.tokens = tokens;
        this.zone = zone;
    }

    @Override
    public void addRoutes(RouteTable r) {
        r.get("/admin/account", this::account, Access.EDITOR);
        r.post("/admin/account/totp", this::enableTotp, Access.EDITOR);
        r.get("/admin/users", this::users, Access.ADMIN);
        r.post("/admin/users", this::addUser, Access.ADMIN);
        r.post("/admin/users/{id}/role", this::changeRole, Access.ADMIN);
        r.post("/admin/users/{id}/remove", this::removeUser, Access.ADMIN);
        r.get("/admin/tokens", this::tokens, Access.ADMIN);
        r.post("/admin/tokens", this::createToken, Access.ADMIN);
        r.post("/admin/tokens/{id}/revoke", this::revokeToken, Access.ADMIN);
    }

    public void users(Context ctx) {
        showUsers(ctx, 200, null, Form.of(Map.of("role", Role.EDITOR.wire())));
    }

    public void addUser(Context ctx) {
        Map<String, String> v = AdminPages.values(ctx);
        String password = v.getOrDefault("password", "");
        String chosen = password.isEmpty() ? Passwords.generate() : password;
        try {
            User u = users.add(v.get("email"), v.get("role"), chosen);
            pages.audit(ctx, "user.add", u.email(), u.role().wire());
            showUsers(ctx, 201, password.isEmpty() ? chosen : null, Form.empty().withNotice("Added " + u.email() + " as " + u.role().wire()
                    + (password.isEmpty() ? ". Give them this password, shown only now:" : ".")));
        } catch (Problem p) {
            v.remove("password");
            showUsers(ctx, ErrorMapping.status(p.kind()), null, Form.of(v).refused(p));
        }
    }

    public void changeRole(Context ctx) {
        userChange(ctx, () -> {
            User u = users.changeRole(ctx.pathParam("id"), ctx.formParam("role"));
            pages.audit(ctx, "user.role", u.email(), u.role().wire());
        });
    }

    public void removeUser(Context ctx) {
        userChange(ctx, () -> pages.audit(ctx, "user.remove", users.remove(ctx.pathParam("id")).email(), null));
    }

    public void tokens(Context ctx) {
        showTokens(ctx, 200, null, Form.empty());
    }

    public void createToken(Context ctx) {
        Map<String, String> v = AdminPages.values(ctx);
        try {
            TokenService.IssuedToken t = tokens.create(v.get("name"));
            pages.audit(ctx, "token.create", t.token().name(), t.token().id());
            showTokens(ctx, 201, t.secret(), Form.empty().withNotice("Token '" + t.token().name() + "' created. Copy it now: it cannot be shown again."));
        } catch (Problem p) {
            showTokens(ctx, ErrorMapping.status(p.kind()), null, Form.of(v).refused(p));
        }
    }

    public void revokeToken(Context ctx) {
        var t = tokens.revoke(ctx.pathParam("id"));
        pages.audit(ctx, "token.revoke", t.name(), t.id());
        AdminPages.seeOther(ctx, "/admin/tokens");
    }

    public void account(Context ctx) {
        showAccount(ctx, 200, Form.empty(), Totp.newSecret());
    }

    public void enableTotp(Context ctx) {
        String secret = ctx.formParam("secret");
        try {
            User before = users.require(SessionGate.session(ctx).user().id());
            User u = users.enableTotp(before.id(), secret, ctx.formParam("code"), ctx.formParam("current_code"));
            pages.audit(ctx, before.hasSecondFactor() ? "user.totp_replaced" : "user.totp_on", u.email(), null);
            AdminPages.seeOther(ctx, "/admin/account");
        } catch (Problem p) {
            // A key that cannot work is not offered again; a good one is, so the app need not be set up twice.
            showAccount(ctx, 422, Form.empty().refused(p), secret != null && Totp.wellFormed(secret) ? secret : Totp.newSecret());
        }
    }

    private void userChange(Context ctx, Runnable work) {
        try {
            work.run();
            AdminPages.seeOther(ctx, "/admin/users");
        } catch (Problem p) {
            if (p.kind() == Problem.Kind.NOT_FOUND) {
                throw p;
            }
            showUsers(ctx, 409, null, Form.empty().refused(p));
        }
    }

    private void showUsers(Context ctx, int code, String secret, Form form) {
        List<AccessView.UserItem> list = users.list().stream().map(u -> new AccessView.UserItem(u.id(), u.email(), u.role().wire(),
                u.hasSecondFactor(), Words.time(u.createdAt(), zone))).toList();
        pages.render(ctx, code, "admin/users.jte", AccessView.builder().chrome(pages.chrome(ctx, "Users", "users")).users(list)
                .secret(secret).form(form).build());
    }

    private void showTokens(Context ctx, int code, String secret, Form form) {
        List<AccessView.TokenItem> list = tokens.list().stream().map(t -> new AccessView.TokenItem(t.id(), t.name(),
                Words.time(t.createdAt(), zone), t.lastUsedAt() == null ? "never" : Words.time(t.lastUsedAt(), zone), t.active())).toList();
        pages.render(ctx, code, "admin/tokens.jte", AccessView.builder().chrome(pages.chrome(ctx, "API tokens", "tokens"))
                .tokens(list).secret(secret).form(form).build());
    }

    private void showAccount(Context ctx, int code, Form form, String secret) {
        User me = users.require(SessionGate.session(ctx).user().id());
        AccessView.Account account = new AccessView.Account(me.email(), me.hasSecondFactor(), secret,
                Totp.uri(pages.pageName(), me.email(), secret));
        pages.render(ctx, code, "admin/account.jte", AccessView.builder().chrome(pages.chrome(ctx, "Account", "account"))
                .account(account).form(form).build());
    }
}
