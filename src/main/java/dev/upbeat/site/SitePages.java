package dev.upbeat.site;

import dev.upbeat.component.Component;
import dev.upbeat.config.Branding;
import dev.upbeat.config.UptimeWeights;
import dev.upbeat.incident.Incident;
import dev.upbeat.problem.Problem;
import dev.upbeat.status.PublicStatus;
import dev.upbeat.status.StatusSnapshots;
import dev.upbeat.web.Access;
import dev.upbeat.web.Caching;
import dev.upbeat.web.Endpoints;
import dev.upbeat.web.Params;
import dev.upbeat.web.PublicReads;
import dev.upbeat.web.RouteTable;
import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.function.Function;

/**
 * The public HTML pages, each rendered from the current snapshot with a precompiled template and
 * kept until the next snapshot. A request with {@code X-Upbeat-Fragment: live} gets only the part
 * of the page that live updates replace.
 */
public final class SitePages implements Endpoints {
    static final String FRAGMENT_HEADER = "X-Upbeat-Fragment";
    private static final String LIVE_START = "<main id=\"live\"";
    private static final String LIVE_END = "</main>";

    private final StatusSnapshots snapshots;
    private final Caching caching;
    private final Clock clock;
    private final PageModels pages;
    private final UptimeModels uptime;
    private final LiveEvents live;
    private final ZoneId zone;
    private final TemplateEngine templates = TemplateEngine.createPrecompiled(ContentType.Html);
    private final RenderedPages rendered = new RenderedPages();

    public SitePages(StatusSnapshots snapshots, Caching caching, Clock clock, ZoneId zone, java.util.function.Supplier<Branding> branding,
                     UptimeWeights weights, LiveEvents live) {
        this(snapshots, caching, clock, zone, branding, weights, live, null);
    }

    /** With the subscribe form on the home page ({@code form} null: no form). */
    public SitePages(StatusSnapshots snapshots, Caching caching, Clock clock, ZoneId zone, java.util.function.Supplier<Branding> branding,
                     UptimeWeights weights, LiveEvents live, SubscribeForm form) {
        this.snapshots = snapshots;
        this.caching = caching;
        this.clock = clock;
        this.zone = zone;
        DayBars bars = new DayBars(zone);
        this.pages = new PageModels(zone, branding, form, bars);
        this.uptime = new UptimeModels(pages, bars, zone, weights);
        this.live = live;
    }

    @Override
    public void addRoutes(RouteTable r) {
        r.read("/", page("home", "home.jte", s -> pages.home(s, now())));
        r.read("/uptime", page("uptime", "uptime.jte", s -> uptime.uptime(s, now())));
        r.get("/history", this::history, Access.PUBLIC);
        r.get("/incidents/{id}", this::incident, Access.PUBLIC);
        r.get("/maintenance/{id}", this::maintenance, Access.PUBLIC);
        r.get("/components/{id}/uptime", this::componentMonth, Access.PUBLIC);
        r.get("/events", this::events, Access.PUBLIC);
    }

    public void incident(Context ctx) {
        long id = Params.id(ctx, "incident");
        Incident i = snapshots.current().incident(id).orElseThrow(() -> Problem.notFound("incident", id));
        page(ctx, "incident " + id, "incident.jte", s -> pages.incident(s, s.incident(id).orElse(i), now()));
    }

    public void maintenance(Context ctx) {
        long id = Params.id(ctx, "maintenance");
        Incident m = snapshots.current().maintenance(id).orElseThrow(() -> Problem.notFound("maintenance", id));
        page(ctx, "maintenance " + id, "incident.jte", s -> pages.incident(s, s.maintenance(id).orElse(m), now()));
    }

    public void history(Context ctx) {
        int page = Params.intQuery(ctx, "page", 1, 1, 1000);
        page(ctx, "history " + page, "history.jte", s -> pages.history(s, page, now()));
    }

    public void componentMonth(Context ctx) {
        String id = ctx.pathParam("id");
        Component c = snapshots.current().component(id).orElseThrow(() -> Problem.notFound("component", id));
        YearMonth month = month(ctx.queryParam("month"));
        page(ctx, "component " + c.id() + " " + month, "component.jte", s -> uptime.month(s, s.component(id).orElse(c), month, now()));
    }

    /** The page a browser gets for an error (see {@code ErrorMapping}), with the site's header, so a way home. */
    public byte[] errorPage(int status, String message) {
        String[] words = switch (status) {
            case 404 -> new String[] {"Page not found", "There is no page at this address; the link may be mistyped or out of date."};
            case 405 -> new String[] {"Not allowed here", "This address exists, but not for what the browser asked of it."};
            case 429 -> new String[] {"Too many requests", "Please wait a minute and try again."};
            case 503 -> new String[] {"Temporarily unavailable", "Please try again in a minute."};
            default -> status >= 500 ? new String[] {"Something went wrong", "The server could not answer this request."}
                    : new String[] {"Request refused", "The server could not accept this request."};
        };
        return render("error.jte", new Views.ErrorPage(pages.chrome(snapshots.current(), words[0], "error", now()), status, words[0], words[1],
                message), false);
    }

    public void events(Context ctx) throws Exception {
        live.stream(ctx, () -> snapshots.current().version());
    }

    private YearMonth month(String raw) {
        YearMonth current = YearMonth.from(now().atZone(zone));
        if (raw == null || raw.isBlank()) {
            return current;
        }
        try {
            YearMonth m = YearMonth.parse(raw.strip());
            if (!m.isAfter(current) && !m.isBefore(current.minusMonths(dev.upbeat.uptime.UptimeReader.HISTORY_MONTHS))) {
                return m;
            }
        } catch (DateTimeParseException ignored) {
            // reported below
        }
        throw Problem.badRequest("month", "Query parameter 'month' must be a month like " + current + " within the last "
                + dev.upbeat.uptime.UptimeReader.HISTORY_MONTHS + " months; got '" + raw + "'");
    }

    private void page(Context ctx, String page, String template, Function<PublicStatus, Object> model) {
        caching.serve(ctx, page(ctx::header, page, template, model));
    }

    /** A page without parameters, read in front of the router. */
    private PublicReads.Read page(String page, String template, Function<PublicStatus, Object> model) {
        return request -> page(request, page, template, model);
    }

    /**
     * A page from the rendered-page cache under {@code page}, a name made only of what the page
     * was rendered from (its parsed parameters): junk query strings such as {@code ?cb=<random>},
     * which widgets add to defeat caches, share one rendering with the plain URL instead of each
     * rendering anew and pushing real pages out of the bounded cache.
     */
    private Caching.Answer page(PublicReads.Headers request, String page, String template, Function<PublicStatus, Object> model) {
        PublicStatus s = snapshots.current();
        boolean fragment = "live".equals(request.get(FRAGMENT_HEADER));
        // A stale snapshot's page says how old it is, so the age is part of what is kept and of its ETag.
        String stale = PageModels.staleness(s, now());
        String key = (fragment ? page + " #live" : page) + (stale == null ? "" : " #" + stale);
        byte[] body = rendered.get(s, key, () -> render(template, model.apply(s), fragment));
        return caching.answer(stale == null ? s.etag() : staleEtag(s), "text/html; charset=utf-8", body, FRAGMENT_HEADER);
    }

    /**
     * Changes with each minute of age, so a browser or CDN revalidating a page it has does not get
     * a 304 for the copy without the notice. It names no plain version: nobody catches up to it.
     */
    private String staleEtag(PublicStatus s) {
        return "\"" + s.version() + "-" + Duration.between(s.generatedAt(), now()).toMinutes() + "m\"";
    }

    private byte[] render(String template, Object model, boolean fragment) {
        StringOutput out = new StringOutput();
        templates.render(template, model, out);
        String html = out.toString();
        if (fragment) {
            // The layout has one <main id="live">; user text is escaped or sanitised, so it cannot close it early.
            int start = html.indexOf('>', html.indexOf(LIVE_START)) + 1;
            int end = html.lastIndexOf(LIVE_END);
            html = start > 0 && end > start ? html.substring(start, end) : html;
        }
        return html.getBytes(StandardCharsets.UTF_8);
    }

    private Instant now() {
        return clock.instant();
    }
}
