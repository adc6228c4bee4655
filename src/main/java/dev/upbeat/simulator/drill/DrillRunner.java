package dev.upbeat.simulator.drill;

import dev.upbeat.problem.Problem;
import dev.upbeat.simulator.EndReason;
import dev.upbeat.simulator.Run;
import dev.upbeat.simulator.RunOrigin;
import dev.upbeat.simulator.SimulatorService;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Carries out one drill, start to verdict: checks before (an unhealthy app means skipped), the
 * simulation with checks every interval (a breach fails the drill, or aborts it at once when
 * asked), then checks until the app recovers or the recovery window passes.
 */
final class DrillRunner {
    private final SimulatorService simulations;
    private final SteadyStateProbe probe;
    private final Clock clock;
    private final long id;
    private final DrillSpec spec;
    private final List<SteadyStateProbe.Result> results = new ArrayList<>();
    private final List<DrillReport.Event> timeline = new ArrayList<>();
    private final Instant startedAt;

    DrillRunner(SimulatorService simulations, SteadyStateProbe probe, Clock clock, long id, DrillSpec spec) {
        this.simulations = simulations;
        this.probe = probe;
        this.clock = clock;
        this.id = id;
        this.spec = spec;
        this.startedAt = clock.instant();
    }

    DrillReport run() throws InterruptedException {
        if (!round("before")) {
            return report(Verdict.SKIPPED, "the app was already unhealthy before the simulation", null);
        }
        Run run;
        try {
            run = simulations.start(spec.target(), spec.faults(), spec.duration(), RunOrigin.DRILL, null);
        } catch (Problem e) {
            return report(Verdict.SKIPPED, "the simulation could not start: " + e.getMessage(), null);
        }
        event("during", "simulation " + run.id() + " started: " + spec.faults().stream().map(f -> f.type()).toList());
        try {
            return during(run);
        } catch (RuntimeException | InterruptedException e) {
            // Whatever stopped the drill, its faults must not go on breaking the target.
            endQuietly(run);
            throw e;
        }
    }

    private void endQuietly(Run run) {
        try {
            if (simulations.run(run.id()).live()) {
                simulations.end(run.id(), EndReason.ABORTED);
            }
        } catch (RuntimeException ignored) {
            // The run still expires at its end time, and the proxy stops its faults then.
        }
    }

    private DrillReport during(Run run) throws InterruptedException {
        boolean breached = false;
        while (clock.instant().isBefore(run.endsAt()) && simulations.run(run.id()).live()) {
            Thread.sleep(spec.interval());
            if (!round("during")) {
                breached = true;
                if (spec.abortOnBreach()) {
                    Run ended = simulations.end(run.id(), EndReason.ABORTED);
                    event("during", "breach: simulation " + run.id() + " aborted and reverted");
                    recover();
                    return report(Verdict.ABORTED, "a steady-state check failed during the simulation", ended);
                }
            }
        }
        Run current = simulations.run(run.id());
        if (!current.live() && !EndReason.EXPIRED.wire().equals(current.endReason())) {
            // Stopped, deleted or interrupted before its time: the app was not tested for the planned
            // duration, so no verdict about its health can be given.
            event("during", "simulation " + run.id() + " was stopped before its end: " + current.endReason());
            return report(Verdict.ABORTED, "the simulation was stopped: " + current.endReason(), current);
        }
        Run ended = simulations.end(run.id(), EndReason.EXPIRED);
        event("after", "simulation " + run.id() + " ended (" + ended.endReason() + ")");
        boolean recovered = recover();
        if (!recovered) {
            return report(Verdict.FAIL, "the app did not recover within " + spec.recovery(), ended);
        }
        return breached ? report(Verdict.FAIL, "steady-state checks failed during the simulation", ended)
                : report(Verdict.PASS, "the app stayed healthy through the simulation and after it", ended);
    }

    private boolean recover() throws InterruptedException {
        Instant deadline = clock.instant().plus(spec.recovery());
        while (!round("after")) {
            if (!clock.instant().isBefore(deadline)) {
                return false;
            }
            Thread.sleep(spec.interval());
        }
        return true;
    }

    /** One probe of every check; true when all passed. */
    private boolean round(String phase) {
        boolean all = true;
        for (int i = 0; i < spec.checks().size(); i++) {
            SteadyStateProbe.Result r = probe.run(i, spec.checks().get(i), phase, clock.instant());
            results.add(r);
            if (!r.ok()) {
                all = false;
                event(phase, "check " + spec.checks().get(i).url() + " failed: " + r.problem());
            }
        }
        if (all && !phase.equals("during")) {
            event(phase, "all checks passed");
        }
        return all;
    }

    private void event(String phase, String what) {
        timeline.add(new DrillReport.Event(clock.instant(), phase, what));
    }

    DrillReport report(Verdict verdict, String reason, Run run) {
        event("verdict", verdict.wire() + ": " + reason);
        return DrillReport.builder().id(id).target(spec.target()).verdict(verdict.wire()).reason(reason)
                .simulationId(run == null ? null : run.id()).faults(spec.faults()).startedAt(startedAt).endedAt(clock.instant())
                .requestsSeen(run == null ? 0 : run.requests()).faultsInjected(run == null ? Map.of() : run.injected())
                .checks(DrillReport.summarise(spec.checks(), results)).timeline(List.copyOf(timeline)).notice(spec.notice())
                .build();
    }
}
