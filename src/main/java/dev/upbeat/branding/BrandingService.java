package dev.upbeat.branding;

import dev.upbeat.config.Branding;
import dev.upbeat.problem.Check;
import dev.upbeat.problem.Problem;
import dev.upbeat.storage.Database;
import dev.upbeat.storage.DatabaseDown;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The page's name, accent colour and footer links: the environment's values, unless an admin has
 * set others, which are stored and apply without a restart (and on every instance, at its next
 * snapshot rebuild). The logo stays a file named in the environment.
 */
public final class BrandingService {
    private static final Logger log = LoggerFactory.getLogger(BrandingService.class);

    private final Database db;
    private final BrandingRepository settings;
    private final Brand defaults;
    private final Runnable onChange;
    private final AtomicReference<Brand> current;

    public BrandingService(Database db, BrandingRepository settings, Brand defaults, Runnable onChange) {
        this.db = db;
        this.settings = settings;
        this.defaults = defaults;
        this.onChange = onChange;
        this.current = new AtomicReference<>(defaults);
    }

    /** The brand as last read; cheap, for every page. */
    public Brand current() {
        return current.get();
    }

    public Brand defaults() {
        return defaults;
    }

    /** Reads the stored overrides again; if the database is away, the last brand stays. */
    public Brand reload() {
        try {
            current.set(apply(db.read(settings::overrides)));
        } catch (DatabaseDown e) {
            // Said once, when the database went down; the last brand stays.
        } catch (RuntimeException e) {
            log.warn("Could not read the branding settings; keeping the last ones: {}", e.getMessage());
        }
        return current.get();
    }

    /** Sets (or, with blank values, returns to the environment's) name, colour and footer links. */
    public Brand update(String pageName, String accentColor, String footerLinks) {
        String name = blank(pageName) ? null : Check.text("page_name", pageName, 100);
        String color = blank(accentColor) ? null : checked("accent_color", () -> Branding.color(accentColor));
        String links = blank(footerLinks) ? null : checked("footer_links", () -> Branding.write(Branding.footerLinks(footerLinks)));
        db.useChange(tx -> {
            store(tx, BrandingRepository.PAGE_NAME, name);
            store(tx, BrandingRepository.ACCENT_COLOR, color);
            store(tx, BrandingRepository.FOOTER_LINKS, links);
        });
        Brand brand = reload();
        onChange.run();
        return brand;
    }

    private void store(dev.upbeat.storage.Tx tx, String key, String value) {
        if (value == null) {
            settings.remove(tx, key);
        } else {
            settings.put(tx, key, value);
        }
    }

    private Brand apply(Map<String, String> overrides) {
        Branding b = defaults.branding();
        if (overrides.containsKey(BrandingRepository.ACCENT_COLOR)) {
            b = b.withAccentColor(overrides.get(BrandingRepository.ACCENT_COLOR));
        }
        if (overrides.containsKey(BrandingRepository.FOOTER_LINKS)) {
            b = b.withFooterLinks(Branding.footerLinks(overrides.get(BrandingRepository.FOOTER_LINKS)));
        }
        return new Brand(overrides.getOrDefault(BrandingRepository.PAGE_NAME, defaults.pageName()), b);
    }

    private static String checked(String field, java.util.function.Supplier<String> parse) {
        try {
            return parse.get();
        } catch (IllegalArgumentException e) {
            throw Problem.invalid(field, field + (field.equals("accent_color")
                    ? " must be a colour like #2b6cb0" : " must be lines of Label=https://url (or Label=/path)") + "; " + e.getMessage());
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
