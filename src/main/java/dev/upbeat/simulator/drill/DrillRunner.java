package dev.upbeat.simulator.drill;

import dev.upbeat.problem.Problem;
import dev.upbeat.simulator.Effects;
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
 * asked), then checks until the app recovers or the recovery window passes. Its {@link Progress}
 * lets another instance carry on from where a stopping one left off.
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
    private final Long noticeId;
    private Long runId;
    private boolean breached;

    /**
     * Where a drill stands: its simulation once started, whether a check failed during it, every check
     * so far and the timeline. Stored when an instance stops cleanly, read by the one that takes over.
     */
    record Progress(Instant startedAt, Long noticeId, Long runId, boolean breached, List<SteadyStateProbe.Result> results,
                    List<DrillReport.Event> timeline) {
    }

    DrillRunner(SimulatorService simulations, SteadyStateProbe probe, Clock clock, long id, DrillSpec spec, Long noticeId) {
        this(simulations, probe, clock, id, spec, new Progress(clock.instant(), noticeId, null, false, List.of(), List.of()));
    }

    /** Carries on a drill from {@code progress}, as left by the instance that ran it until it stopped. */
    DrillRunner(SimulatorService simulations, SteadyStateProbe probe, Clock clock, long id, DrillSpec spec, Progress progress) {
        this.simulations = simulations;
        this.probe = probe;
        this.clock = clock;
        this.id = id;
        this.spec = spec;
        this.startedAt = progress.startedAt();
        this.noticeId = progress.noticeId();
        this.runId = progress.runId();
        this.breached = progress.breached();
        this.results.addAll(progress.results());
        this.timeline.addAll(progress.timeline());
    }

    Progress progress() {
        return new Progress(startedAt, noticeId, runId, breached, List.copyOf(results), List.copyOf(timeline));
    }

    Long noticeId() {
        return noticeId;
    }

    /** Notes in the timeline that this instance took the drill over. */
    void takenOver(String instance) {
        event("during", "taken over by instance " + instance + " from an instance that stopped");
    }

    /**
     * Runs the drill to its verdict, or from where it was left when taken over. An interruption (the
     * instance stopping) leaves the simulation running, for whoever takes the drill over or
     * {@link #abandon}s it; any other failure ends it.
     */
    DrillReport run() throws InterruptedException {
        Run run;
        if (runId == null) {
            if (!round("before")) {
                return report(Verdict.SKIPPED, "the app was already unhealthy before the simulation", null);
            }
            try {
                run = simulations.start(spec.target(), spec.faults(), spec.toxics(), spec.duration(), RunOrigin.DRILL, null);
            } catch (Problem e) {
                return report(Verdict.SKIPPED, "the simulation could not start: " + e.getMessage(), null);
            }
            runId = run.id();
            event("during", "simulation " + run.id() + " started: " + Effects.types(spec.faults(), spec.toxics()));
        } else {
            run = simulations.run(runId);
        }
        try {
            return during(run);
        } catch (RuntimeException e) {
            // Whatever broke the drill, its faults must not go on breaking the target.
            abandon();
            throw e;
        }
    }

    /** Ends the drill's simulation, if it is still live, so its faults stop with the drill. */
    void abandon() {
        if (runId == null) {
            return;
        }
        try {
            if (simulations.run(runId).live()) {
                simulations.end(runId, EndReason.ABORTED);
            }
        } catch (RuntimeException ignored) {
            // The run still expires at its end time, and the proxy stops its faults then.
        }
    }

    private DrillReport during(Run run) throws InterruptedException {
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

    /** One probe of every check; true when all passed. Interrupted, it records nothing: the app was not at fault. */
    private boolean round(String phase) throws InterruptedException {
        boolean all = true;
        for (int i = 0; i < spec.checks().size(); i++) {
            SteadyStateProbe.Result r = probe.run(i, spec.checks().get(i), phase, clock.instant());
            if (Thread.interrupted()) {
                throw new InterruptedException("stopped during a steady-state check");
            }
            results.add(r);
            if (!r.ok()) {
                all = false;
                event(phase, "check " + spec.checks().get(i).label() + " failed: " + r.problem());
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
                .simulationId(run == null ? null : run.id()).faults(spec.faults()).toxics(spec.toxics()).startedAt(startedAt).endedAt(clock.instant())
                .requestsSeen(run == null ? 0 : run.requests()).faultsInjected(run == null ? Map.of() : run.injected())
                .checks(DrillReport.summarise(spec.checks(), results)).timeline(List.copyOf(timeline)).notice(spec.notice())
                .build();
    }
}
