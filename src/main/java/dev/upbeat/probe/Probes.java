package dev.upbeat.probe;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.upbeat.component.ComponentRepository;
import dev.upbeat.component.ComponentService;
import dev.upbeat.config.ConfigException;
import dev.upbeat.config.ProbeConfig;
import dev.upbeat.incident.IncidentService;
import dev.upbeat.json.Json;
import dev.upbeat.problem.Problem;
import dev.upbeat.storage.Database;
import java.io.IOException;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The probe feature put together: service, runner and roll-ups. The composition root builds one
 * and starts it with the shared background scheduler; the snapshot reads {@link ProbeMeasurements}.
 */
public final class Probes implements AutoCloseable {
    private final ProbeConfig config;
    private final ProbeService service;
    private final ProbeRunner runner;
    private final ProbeRollups rollups;

    public Probes(ProbeConfig config, Database db, ComponentRepository componentRepository, ComponentService components,
                  IncidentService incidents, Checker checker, ZoneId zone, Clock clock, Runnable onChange,
                  io.micrometer.core.instrument.MeterRegistry metrics) {
        this.config = config;
        ProbeRepository probes = new ProbeRepository();
        ResultRepository results = new ResultRepository();
        this.service = new ProbeService(db, probes, results, componentRepository::exists, clock, onChange);
        ResultRecorder recorder = new ResultRecorder(db, probes, results, components, incidents,
                new IncidentTemplate(config.incidentTitle(), config.incidentMessage(), config.resolveMessage()),
                config.minStateChange(), clock, onChange);
        this.runner = new ProbeRunner(db, probes, checker, recorder, clock, new ProbeMetrics(metrics));
        this.rollups = new ProbeRollups(db, probes, results, zone,
                new ProbeRollups.Retention(config.rawRetention(), config.hourlyRetention(), config.dailyRetention()), clock);
    }

    /** Declares the probes of UPBEAT_PROBES_FILE (created, or changed by name); a bad entry stops startup naming it. */
    public void declareFromFile() {
        if (config.file() == null) {
            return;
        }
        List<ProbeDraft> drafts;
        try {
            drafts = Json.mapper().readValue(config.file().toFile(), new TypeReference<List<ProbeDraft>>() { });
        } catch (IOException e) {
            throw new ConfigException("UPBEAT_PROBES_FILE " + config.file() + " must be a JSON array of probes: " + e.getMessage());
        }
        for (int i = 0; i < drafts.size(); i++) {
            try {
                service.declare(drafts.get(i));
            } catch (Problem p) {
                throw new ConfigException("UPBEAT_PROBES_FILE " + config.file() + ", probe " + (i + 1) + ": " + p.getMessage());
            }
        }
    }

    /** Checks on every tick; rolls up and prunes once a minute. */
    public void start(ScheduledExecutorService background) {
        long tick = config.tick().toMillis();
        background.scheduleWithFixedDelay(runner::tick, tick, tick, TimeUnit.MILLISECONDS);
        background.scheduleWithFixedDelay(rollups::tick, 1, 60, TimeUnit.SECONDS);
    }

    public ProbeService service() {
        return service;
    }

    public ProbeRunner runner() {
        return runner;
    }

    public ProbeRollups rollups() {
        return rollups;
    }

    @Override
    public void close() {
        runner.close();
    }
}
