package dev.upbeat.admin;

import dev.upbeat.audit.AuditLog;
import dev.upbeat.problem.Problem;
import dev.upbeat.user.Role;
import dev.upbeat.user.Session;
import dev.upbeat.web.ErrorMapping;
import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What every admin handler shares: rendering a template, the page chrome of the signed-in
 * person, the submitted form values, and writing the audit entry for a change.
 */
public final class AdminPages {
    private final TemplateEngine templates = TemplateEngine.createPrecompiled(ContentType.Html);
    private final String pageName;
    private final AuditLog audit;

    public AdminPages(String pageName, AuditLog audit) {
        this.pageName = pageName;
        this.audit = audit;
    }

    Chrome chrome(Context ctx, String title, String current) {
        Session s = SessionGate.session(ctx);
        return new Chrome(title, pageName, s.user().email(), s.user().role() == Role.ADMIN, s.csrfToken(), current);
    }

    String pageName() {
        return pageName;
    }

    void render(Context ctx, int status, String template, Object model) {
        StringOutput out = new StringOutput();
        templates.render(template, model, out);
        ctx.status(status).header("Cache-Control", "no-store").contentType("text/html; charset=utf-8").result(out.toString());
    }

    /** Post/redirect/get: after a change, the browser loads the result with a GET. */
    static void seeOther(Context ctx, String path) {
        ctx.redirect(path, HttpStatus.SEE_OTHER);
    }

    /** The first value of each submitted field, the anti-forgery token left out. */
    static Map<String, String> values(Context ctx) {
        Map<String, String> values = new LinkedHashMap<>();
        ctx.formParamMap().forEach((k, v) -> {
            if (!k.equals("csrf") && !v.isEmpty()) {
                values.put(k, v.get(0));
            }
        });
        return values;
    }

    static List<String> all(Context ctx, String name) {
        return ctx.formParams(name);
    }

    /** How a page shows its form again, with the status the refusal maps to. */
    @FunctionalInterface
    interface Redisplay {
        void show(int status, Form form);
    }

    /**
     * Runs a change from a form: on success audits it and sends the browser to {@code done}; on a
     * refusal shows the submitted values again with the message next to its field. An unknown id
     * is not a form error, so it stays the 404 page.
     */
    void act(Context ctx, Map<String, String> values, String done, Supplier<Change> work, Redisplay again) {
        try {
            Change change = work.get();
            audit(ctx, change.action(), change.subject(), change.detail());
            seeOther(ctx, done);
        } catch (Problem p) {
            if (p.kind() == Problem.Kind.NOT_FOUND) {
                throw p;
            }
            again.show(ErrorMapping.status(p.kind()), Form.of(values).refused(p));
        }
    }

    /** Records a change by the signed-in person. */
    void audit(Context ctx, String action, String subject, String detail) {
        audit.record(SessionGate.session(ctx).user().email(), action, subject, detail);
    }

    AuditLog auditLog() {
        return audit;
    }
}
