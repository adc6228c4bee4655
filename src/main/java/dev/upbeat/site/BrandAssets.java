package dev.upbeat.site;

import dev.upbeat.config.Branding;
import dev.upbeat.problem.Problem;
import dev.upbeat.web.Access;
import dev.upbeat.web.Endpoints;
import dev.upbeat.web.RouteTable;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Locale;

/**
 * The configurable parts of the page's look, served from Upbeat itself: a stylesheet with the
 * accent colour (a file, because the Content-Security-Policy allows no inline styles) and the logo.
 */
public final class BrandAssets implements Endpoints {
    private final java.util.function.Supplier<Branding> branding;
    private final byte[] logo;
    private final String logoType;

    public BrandAssets(java.util.function.Supplier<Branding> current) {
        this.branding = current;
        Branding branding = current.get();
        if (branding.logoFile() == null) {
            this.logo = null;
            this.logoType = null;
        } else {
            try {
                this.logo = Files.readAllBytes(branding.logoFile());
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read UPBEAT_LOGO_FILE " + branding.logoFile(), e);
            }
            String name = branding.logoFile().getFileName().toString().toLowerCase(Locale.ROOT);
            this.logoType = name.endsWith(".svg") ? "image/svg+xml" : name.endsWith(".png") ? "image/png"
                    : name.endsWith(".webp") ? "image/webp" : "image/jpeg";
        }
    }

    /** The --bg and --card of upbeat.css, light and dark: links sit on both. */
    private static final String[] LIGHT_BACKGROUNDS = {"#ffffff", "#f7fafc"};
    private static final String[] DARK_BACKGROUNDS = {"#14161f", "#1e2230"};

    @Override
    public void addRoutes(RouteTable r) {
        r.get("/assets/brand.css", this::css, Access.PUBLIC);
        r.get("/brand/logo", this::logo, Access.PUBLIC);
    }

    /**
     * The accent, and the link colour derived from it for each theme (readable on the page's
     * background and cards, see upbeat.css). Short-lived in caches: an admin may change it at any time.
     */
    public void css(Context ctx) {
        String accent = branding.get().accentColor();
        String css = ":root { --accent: " + accent + "; --link: " + Contrast.readableOn(accent, "#000000", LIGHT_BACKGROUNDS)
                + "; }\n@media (prefers-color-scheme: dark) { :root { --link: "
                + Contrast.readableOn(accent, "#ffffff", DARK_BACKGROUNDS) + "; } }\n";
        ctx.header("Cache-Control", "public, max-age=60").contentType("text/css; charset=utf-8")
                .result(css.getBytes(StandardCharsets.UTF_8));
    }

    public void logo(Context ctx) {
        if (logo == null) {
            throw Problem.notFound("logo", "UPBEAT_LOGO_FILE");
        }
        ctx.header("Cache-Control", "public, max-age=3600").contentType(logoType).result(logo);
    }
}
