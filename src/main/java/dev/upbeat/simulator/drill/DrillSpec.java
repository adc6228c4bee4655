package dev.upbeat.simulator.drill;

import com.fasterxml.jackson.annotation.JsonFormat;
import dev.upbeat.problem.Problem;
import dev.upbeat.simulator.Fault;
import dev.upbeat.simulator.tcp.Toxic;
import java.time.Duration;
import java.util.List;

/**
 * A drill: a simulation of {@code faults} (or, on a tcp target, {@code toxics}) on {@code target} for {@code duration}, with
 * steady-state {@code checks} before, every {@code interval} during, and after it until
 * {@code recovery} has passed. With {@code abortOnBreach} a failed check during the simulation
 * ends it at once. {@code notice} is a private note for admins; it reaches the public page only
 * with {@code publicNotice}, as a maintenance notice that lasts as long as the drill.
 */
public record DrillSpec(String target, List<Fault> faults, List<Toxic> toxics, @JsonFormat(shape = JsonFormat.Shape.STRING) Duration duration,
                        List<SteadyStateCheck> checks, @JsonFormat(shape = JsonFormat.Shape.STRING) Duration interval,
                        @JsonFormat(shape = JsonFormat.Shape.STRING) Duration recovery, Boolean abortOnBreach, String notice,
                        Boolean publicNotice) {

    /** A builder with every field null; the constructor's defaults apply to what is left unset. */
    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private String target;
        private List<Fault> faults;
        private List<Toxic> toxics;
        private Duration duration;
        private List<SteadyStateCheck> checks;
        private Duration interval;
        private Duration recovery;
        private Boolean abortOnBreach;
        private String notice;
        private Boolean publicNotice;

        private Builder() {
        }

        public Builder target(String target) { this.target = target; return this; }
        public Builder faults(List<Fault> faults) { this.faults = faults; return this; }
        public Builder toxics(List<Toxic> toxics) { this.toxics = toxics; return this; }
        public Builder duration(Duration duration) { this.duration = duration; return this; }
        public Builder checks(List<SteadyStateCheck> checks) { this.checks = checks; return this; }
        public Builder interval(Duration interval) { this.interval = interval; return this; }
        public Builder recovery(Duration recovery) { this.recovery = recovery; return this; }
        public Builder abortOnBreach(Boolean abortOnBreach) { this.abortOnBreach = abortOnBreach; return this; }
        public Builder notice(String notice) { this.notice = notice; return this; }
        public Builder publicNotice(Boolean publicNotice) { this.publicNotice = publicNotice; return this; }

        public DrillSpec build() {
            return new DrillSpec(target, faults, toxics, duration, checks, interval, recovery, abortOnBreach, notice,
                    publicNotice);
        }
    }

    public DrillSpec {
        interval = interval == null ? Duration.ofSeconds(5) : interval;
        recovery = recovery == null ? Duration.ofSeconds(30) : recovery;
        checks = checks == null ? List.of() : List.copyOf(checks);
        faults = faults == null ? List.of() : faults;
        toxics = toxics == null ? List.of() : toxics;
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
