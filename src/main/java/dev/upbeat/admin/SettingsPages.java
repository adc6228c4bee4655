package dev.upbeat.admin;

import dev.upbeat.branding.Brand;
import dev.upbeat.branding.BrandingService;
import dev.upbeat.config.Branding;
import dev.upbeat.problem.Problem;
import dev.upbeat.web.Access;
import dev.upbeat.web.Endpoints;
import dev.upbeat.web.RouteTable;
import io.javalin.http.Context;
import java.util.HashMap;
import java.util.Map;

/** Branding settings (admins only): the page's name, accent colour and footer links, applied without a restart. */
public final class SettingsPages implements Endpoints {
    private final AdminPages pages;
    private final BrandingService branding;

    public SettingsPages(AdminPages pages, BrandingService branding) {
        this.pages = pages;
        this.branding = branding;
    }

    @Override
    public void addRoutes(RouteTable r) {
        r.get("/admin/settings", this::form, Access.ADMIN);
        r.post("/admin/settings", this::save, Access.ADMIN);
    }

    /** The settings form, with the defaults from the environment shown for what a blank field means. */
    public record SettingsView(Chrome chrome, Form form, String defaultName, String defaultColor, String defaultLinks) {
    }

    public void form(Context ctx) {
        show(ctx, 200, Form.of(values(branding.reload())));
    }

    public void save(Context ctx) {
        Map<String, String> v = AdminPages.values(ctx);
        try {
            Brand saved = branding.update(v.get("page_name"), v.get("accent_color"), v.get("footer_links"));
            pages.audit(ctx, "settings.branding", saved.pageName(), saved.branding().accentColor());
            show(ctx, 200, Form.of(values(saved)).withNotice("Saved. The public page shows it now."));
        } catch (Problem p) {
            show(ctx, 422, Form.of(v).refused(p));
        }
    }

    private void show(Context ctx, int status, Form form) {
        Brand d = branding.defaults();
        pages.render(ctx, status, "admin/settings.jte", new SettingsView(pages.chrome(ctx, "Settings", "settings"), form,
                d.pageName(), d.branding().accentColor(), Branding.write(d.branding().footerLinks())));
    }

    private static Map<String, String> values(Brand b) {
        Map<String, String> v = new HashMap<>();
        v.put("page_name", b.pageName());
        v.put("accent_color", b.branding().accentColor());
        v.put("footer_links", Branding.write(b.branding().footerLinks()));
        return v;
    }
}
