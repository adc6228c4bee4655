package dev.upbeat.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import dev.upbeat.problem.Problem;
import dev.upbeat.simulator.tcp.Toxic;
import dev.upbeat.simulator.tcp.ToxicSpecs;
import java.util.List;
import java.util.stream.Stream;

/**
 * What a simulation does to its target, by the target's kind: HTTP faults on an {@code http}
 * target, Toxiproxy toxics on a {@code tcp} one. The one place that rule is checked, for the API,
 * the admin page, schedules and drills alike; a refusal names the field that does not belong.
 */
public record Effects(List<Fault> faults, List<Toxic> toxics) {

    /** Reads a request's {@code faults} or {@code toxics} (JSON, either may be absent) for {@code target}. */
    public static Effects read(Target target, JsonNode faults, JsonNode toxics) {
        boolean hasFaults = faults != null && !faults.isNull();
        boolean hasToxics = toxics != null && !toxics.isNull();
        return switch (target.kind()) {
            case HTTP -> {
                if (hasToxics) {
                    throw wrongKind(target, "toxics");
                }
                yield new Effects(FaultParser.parse(faults), List.of());
            }
            case TCP -> {
                if (hasFaults) {
                    throw wrongKind(target, "faults");
                }
                yield new Effects(List.of(), ToxicSpecs.parse(toxics));
            }
        };
    }

    /** Refuses effects that do not fit the target's kind (the services' own check, whatever the caller). */
    public static void check(Target target, List<Fault> faults, List<Toxic> toxics) {
        switch (target.kind()) {
            case HTTP -> {
                if (!toxics.isEmpty()) {
                    throw wrongKind(target, "toxics");
                }
                if (faults.isEmpty()) {
                    throw Problem.invalid("faults", "faults must be a non-empty array, e.g. [{\"type\":\"maintenance\"}]");
                }
            }
            case TCP -> {
                if (!faults.isEmpty()) {
                    throw wrongKind(target, "faults");
                }
                if (toxics.isEmpty()) {
                    throw Problem.invalid("toxics", "toxics must be a non-empty array of Toxiproxy toxics on tcp target "
                            + target.name());
                }
            }
        }
    }

    /** The types a run injects, faults or toxics, for logs and reports. */
    public static List<String> types(List<Fault> faults, List<Toxic> toxics) {
        return Stream.concat(faults.stream().map(Fault::type), toxics.stream().map(t -> t.type().wire())).toList();
    }

    static List<String> types(Run run) {
        return types(run.faults(), run.toxics());
    }

    private static Problem wrongKind(Target target, String field) {
        return field.equals("toxics")
                ? Problem.invalid("toxics", "Target " + target.name() + " is an http target: it takes faults, e.g. "
                        + "[{\"type\":\"maintenance\"}]; toxics are for tcp targets")
                : Problem.invalid("faults", "Target " + target.name() + " is a tcp target: it takes toxics (Toxiproxy's toxic "
                        + "objects, e.g. [{\"type\":\"latency\",\"attributes\":{\"latency\":200}}]), not HTTP faults");
    }
}
