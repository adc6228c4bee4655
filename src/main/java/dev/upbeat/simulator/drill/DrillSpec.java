package dev.upbeat.simulator.drill;

import com.fasterxml.jackson.annotation.JsonFormat;
import dev.upbeat.problem.Problem;
import dev.upbeat.simulator.Fault;
import java.time.Duration;
import java.util.List;

/**
 * A drill: a simulation of {@code faults} on {@code target} for {@code duration}, with
 * steady-state {@code checks} before, every {@code interval} during, and after it until
 * {@code recovery} has passed. With {@code abortOnBreach} a failed check during the simulation
 * ends it at once. {@code notice} is a private note for admins; it reaches the public page only
 * with {@code publicNotice}, as a maintenance notice that lasts as long as the drill.
 */
public record DrillSpec(String target, List<Fault> faults, @JsonFormat(shape = JsonFormat.Shape.STRING) Duration duration,
                        List<SteadyStateCheck> checks, @JsonFormat(shape = JsonFormat.Shape.STRING) Duration interval,
                        @JsonFormat(shape = JsonFormat.Shape.STRING) Duration recovery, Boolean abortOnBreach, String notice,
                        Boolean publicNotice) {

    public DrillSpec {
        interval = interval == null ? Duration.ofSeconds(5) : interval;
        recovery = recovery == null ? Duration.ofSeconds(30) : recovery;
        checks = checks == null ? List.of() : List.copyOf(checks);
        abortOnBreach = abortOnBreach != null && abortOnBreach;
        publicNotice = publicNotice != null && publicNotice;
    }

    void validate() {
        if (checks.isEmpty()) {
            throw Problem.invalid("checks", "checks must list at least one steady-state check, e.g. [{\"url\":\"http://app/health\"}]");
        }
        for (int i = 0; i < checks.size(); i++) {
            checks.get(i).validate("checks[" + i + "]");
        }
        if (interval.compareTo(Duration.ofMillis(100)) < 0 || interval.compareTo(Duration.ofMinutes(5)) > 0) {
            throw Problem.invalid("interval", "interval must be from PT0.1S to PT5M; got " + interval);
        }
        if (recovery.isNegative() || recovery.compareTo(Duration.ofHours(1)) > 0) {
            throw Problem.invalid("recovery", "recovery must be from PT0S to PT1H; got " + recovery);
        }
        if (notice != null && notice.length() > 2000) {
            throw Problem.invalid("notice", "notice must be at most 2000 characters");
        }
    }
}
