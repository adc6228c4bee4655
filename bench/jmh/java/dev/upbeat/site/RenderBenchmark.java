package dev.upbeat.site;

import dev.upbeat.bench.History;
import dev.upbeat.compat.StatuspageViews;
import dev.upbeat.status.PublicStatus;
import dev.upbeat.status.StatusSnapshots;
import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Rendering from a built snapshot, as the first request after each rebuild pays it (later ones
 * get the kept bytes): the home page, an incident page and Statuspage's summary.json, with 90 days
 * or three years of history (SQLite; the database is not read here).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class RenderBenchmark {
    @Param({"90", "1095"})
    public int days;

    private History history;
    private PublicStatus snapshot;
    private PageModels pages;
    private Instant now;
    private final TemplateEngine templates = TemplateEngine.createPrecompiled(ContentType.Html);

    @Setup(Level.Trial)
    public void build() {
        history = History.seed("sqlite", days);
        snapshot = history.upbeat().snapshots().rebuild();
        ZoneId zone = history.upbeat().config().timeZone();
        pages = new PageModels(zone, () -> history.upbeat().branding().current().branding(), null, new DayBars(zone));
        now = snapshot.generatedAt();
    }

    @TearDown(Level.Trial)
    public void close() {
        history.close();
    }

    @Benchmark
    public byte[] homePage() {
        return render("home.jte", pages.home(snapshot, now));
    }

    @Benchmark
    public byte[] incidentPage() {
        return render("incident.jte", pages.incident(snapshot, snapshot.incidents().get(0), now));
    }

    @Benchmark
    public byte[] summaryJson() {
        return StatusSnapshots.toJson(StatuspageViews.summary(snapshot));
    }

    private byte[] render(String template, Object model) {
        StringOutput out = new StringOutput();
        templates.render(template, model, out);
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }
}
