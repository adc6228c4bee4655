package dev.upbeat.app;

import dev.upbeat.web.PublicReads;
import dev.upbeat.web.RequestIds;
import dev.upbeat.web.RouteTable;
import io.javalin.http.Context;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * What every request leaves behind: its id (answered in {@code X-Request-Id} and put in the
 * logging context, so each log line written while answering it names it), its time in
 * {@code http_server_requests_seconds} by route template and status, and, when asked for, one
 * access line. The public reads are the hot path: a timer is looked up once per route, method
 * and status and then only recorded, and nothing is formatted when access lines are off.
 */
final class RequestObserver implements PublicReads.Observer {
    private static final Logger access = LoggerFactory.getLogger("dev.upbeat.access");
    /** The label of requests no route matched (404s, 405s); a raw path would make the label set unbounded. */
    static final String UNMATCHED = "unmatched";
    /** Latency buckets a dashboard can take percentiles from, few enough to keep series per route small. */
    private static final Duration[] BUCKETS = {Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25),
            Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1),
            Duration.ofMillis(2500), Duration.ofSeconds(10)};

    private static final String[] ACCESS_KEYS = {"method", "route", "status", "duration_ms"};

    private record Key(String route, String method, int status) {
    }

    private final MeterRegistry registry;
    private final boolean accessLog;
    private final String staticPrefix;
    private final Map<Key, Timer> timers = new ConcurrentHashMap<>();

    /** {@code staticPrefix}: where static files are served, labelled as one route. */
    RequestObserver(MeterRegistry registry, boolean accessLog, String staticPrefix) {
        this.registry = registry;
        this.accessLog = accessLog;
        this.staticPrefix = staticPrefix;
    }

    /** First thing for every request: its id. */
    void begin(Context ctx) {
        String id = RequestIds.accept(ctx.header(RequestIds.HEADER));
        ctx.attribute(RequestIds.ATTRIBUTE, id);
        ctx.header(RequestIds.HEADER, id);
        MDC.put(RequestIds.LOG_KEY, id);
    }

    /** Last thing, once the answer is written (a live stream's when it ends). */
    void end(Context ctx, Float millis) {
        try {
            record(ctx.method().name(), route(ctx), ctx.statusCode(), (long) (millis * 1_000_000));
        } finally {
            MDC.remove(RequestIds.LOG_KEY);
        }
    }

    /** A read answered in front of the router: the same timer and access line, under the same id. */
    @Override
    public void answered(String method, String route, int status, long nanos, String requestId) {
        if (!accessLog) {
            record(method, route, status, nanos);
            return;
        }
        MDC.put(RequestIds.LOG_KEY, requestId);
        try {
            record(method, route, status, nanos);
        } finally {
            MDC.remove(RequestIds.LOG_KEY);
        }
    }

    private void record(String method, String route, int status, long nanos) {
        timers.computeIfAbsent(new Key(route, method, status), this::timer).record(nanos, TimeUnit.NANOSECONDS);
        if (accessLog) {
            logAccess(method, route, status, nanos / 1_000_000f);
        }
    }

    /**
     * The fields go in the logging context beside the request id, so the JSON line has them as one
     * flat object ({@code "mdc": {"request_id", "method", "route", "status", "duration_ms"}}).
     */
    private static void logAccess(String method, String route, int status, float millis) {
        MDC.put("method", method);
        MDC.put("route", route);
        MDC.put("status", Integer.toString(status));
        MDC.put("duration_ms", Float.toString(millis));
        try {
            access.info("{} {} {} {} ms", method, route, status, millis);
        } finally {
            for (String key : ACCESS_KEYS) {
                MDC.remove(key);
            }
        }
    }

    /** The declared template; never the raw path, which is unbounded and may carry what a label must not. */
    private String route(Context ctx) {
        String template = RouteTable.template(ctx);
        if (template != null) {
            return template;
        }
        return ctx.statusCode() < 400 && ctx.path().startsWith(staticPrefix) ? staticPrefix + "*" : UNMATCHED;
    }

    private Timer timer(Key k) {
        return Timer.builder("http.server.requests").description("HTTP requests answered, by route template and status")
                .tag("method", k.method()).tag("uri", k.route()).tag("status", Integer.toString(k.status()))
                .serviceLevelObjectives(BUCKETS).register(registry);
    }
}
