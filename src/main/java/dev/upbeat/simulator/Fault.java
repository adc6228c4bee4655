package dev.upbeat.simulator;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.List;

/**
 * One way a simulated outage can answer a request: the closed vocabulary of docs/simulator.md.
 * Each fault applies to {@link #percentage()} of the requests that pass its {@link #match()};
 * {@link #validate(String)} refuses impossible parameters, naming the field under {@code prefix}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = MaintenanceFault.class, name = "maintenance"),
        @JsonSubTypes.Type(value = StatusFault.class, name = "status"),
        @JsonSubTypes.Type(value = LatencyFault.class, name = "latency"),
        @JsonSubTypes.Type(value = TimeoutFault.class, name = "timeout"),
        @JsonSubTypes.Type(value = ResetFault.class, name = "reset"),
        @JsonSubTypes.Type(value = SlowBodyFault.class, name = "slow_body"),
        @JsonSubTypes.Type(value = TruncateFault.class, name = "truncate"),
        @JsonSubTypes.Type(value = EmptyResponseFault.class, name = "empty_response"),
        @JsonSubTypes.Type(value = MalformedResponseFault.class, name = "malformed_response")})
public sealed interface Fault permits MaintenanceFault, StatusFault, LatencyFault, TimeoutFault, ResetFault, SlowBodyFault,
        TruncateFault, EmptyResponseFault, MalformedResponseFault {

    /** Every type name, in documentation order; error messages list them. */
    List<String> TYPES = List.of("maintenance", "status", "latency", "timeout", "reset", "slow_body", "truncate",
            "empty_response", "malformed_response");

    /** Share of matching requests this fault applies to, from 0 to 100. */
    Double percentage();

    /** Which requests the fault may apply to; never null (an empty match takes every request). */
    Match match();

    /** The type name as in JSON and in the metrics. */
    default String type() {
        return switch (this) {
            case MaintenanceFault f -> "maintenance";
            case StatusFault f -> "status";
            case LatencyFault f -> "latency";
            case TimeoutFault f -> "timeout";
            case ResetFault f -> "reset";
            case SlowBodyFault f -> "slow_body";
            case TruncateFault f -> "truncate";
            case EmptyResponseFault f -> "empty_response";
            case MalformedResponseFault f -> "malformed_response";
        };
    }

    /** Refuses impossible parameters; {@code prefix} is where the fault sits, e.g. {@code faults[0]}. */
    default void validate(String prefix) {
        FaultChecks.percentage(prefix, percentage());
        match().validate(prefix + ".match");
    }
}
