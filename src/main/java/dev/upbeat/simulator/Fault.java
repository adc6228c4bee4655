package dev.upbeat.simulator;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.annotation.JsonTypeIdResolver;

/**
 * One way a simulated outage can answer a request: the closed vocabulary of docs/simulator.md,
 * registered once in {@link FaultType}; a new record must be added to both.
 * Each fault applies to {@link #percentage()} of the requests that pass its {@link #match()};
 * {@link #validate(String)} refuses impossible parameters, naming the field under {@code prefix}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.CUSTOM, property = "type")
@JsonTypeIdResolver(FaultTypeIds.class)
public sealed interface Fault permits MaintenanceFault, StatusFault, LatencyFault, TimeoutFault, ResetFault, SlowBodyFault,
        TruncateFault, EmptyResponseFault, MalformedResponseFault {

    /** Share of matching requests this fault applies to, from 0 to 100. */
    Double percentage();

    /** Which requests the fault may apply to; never null (an empty match takes every request). */
    Match match();

    /** The same fault applied to {@code percentage} of matching requests. */
    Fault withPercentage(double percentage);

    /** The same fault applied only to requests that pass {@code match}. */
    Fault withMatch(Match match);

    /** The type name as in JSON and in the metrics. */
    default String type() {
        return FaultType.of(this).wire();
    }

    /** Refuses impossible parameters; {@code prefix} is where the fault sits, e.g. {@code faults[0]}. */
    default void validate(String prefix) {
        FaultChecks.percentage(prefix, percentage());
        match().validate(prefix + ".match");
    }
}
