package dev.upbeat.site;

import dev.upbeat.probe.ProbeMeasurements;
import dev.upbeat.uptime.Measurements.LatencyPoint;
import dev.upbeat.uptime.Measurements.LatencySeries;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.function.ToLongFunction;
import java.util.stream.Collectors;

/**
 * Turns a probe's hourly latency into the polylines of an inline SVG chart: time left to right
 * over the last week, milliseconds bottom to top up to the highest p95. Only coordinates are made
 * here; colours come from the stylesheet, as the page's CSP allows no inline style.
 */
final class LatencyCharts {
    static final int WIDTH = 720;
    static final int HEIGHT = 160;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);

    private LatencyCharts() {
    }

    static List<Views.LatencyChart> of(List<LatencySeries> series, Instant now, ZoneId zone) {
        Instant from = now.minus(ProbeMeasurements.LATENCY_WINDOW);
        return series.stream().filter(s -> !s.points().isEmpty()).map(s -> chart(s, from, now, zone)).toList();
    }

    private static Views.LatencyChart chart(LatencySeries s, Instant from, Instant now, ZoneId zone) {
        long max = Math.max(1, s.points().stream().mapToLong(LatencyPoint::p95).max().orElse(1));
        long checks = s.points().stream().mapToLong(LatencyPoint::checks).sum();
        long successes = s.points().stream().mapToLong(LatencyPoint::successes).sum();
        String summary = s.probeName() + ": " + checks + " checks in the last 7 days, " + Percent.words(
                java.util.Optional.of(checks == 0 ? 0 : successes / (double) checks)) + " succeeded; median latency "
                + median(s.points()) + " ms";
        return new Views.LatencyChart(s.probeName(), points(s.points(), LatencyPoint::p50, from, now, max),
                points(s.points(), LatencyPoint::p95, from, now, max), max + " ms", DAY.format(from.atZone(zone)),
                DAY.format(now.atZone(zone)), summary);
    }

    private static String points(List<LatencyPoint> points, ToLongFunction<LatencyPoint> value, Instant from, Instant to, long max) {
        double span = Duration.between(from, to).toMillis();
        return points.stream().map(p -> {
            double x = Duration.between(from, p.hour()).toMillis() / span * WIDTH;
            double y = HEIGHT - value.applyAsLong(p) / (double) max * (HEIGHT - 4);
            return round(Math.clamp(x, 0, WIDTH)) + "," + round(y);
        }).collect(Collectors.joining(" "));
    }

    private static long median(List<LatencyPoint> points) {
        List<Long> p50s = points.stream().map(LatencyPoint::p50).sorted().toList();
        return p50s.get((p50s.size() - 1) / 2);
    }

    private static String round(double v) {
        return Double.toString(Math.round(v * 10) / 10d);
    }
}
