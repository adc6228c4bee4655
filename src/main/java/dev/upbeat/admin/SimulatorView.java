package dev.upbeat.admin;

import dev.upbeat.simulator.FaultType;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * The simulator page: targets with their live simulation, recent runs, schedules and drills, and
 * the forms; {@code editing} names the form a refusal belongs to.
 */
public record SimulatorView(Chrome chrome, List<TargetItem> targets, List<RunItem> runs, List<ScheduleItem> schedules,
                            List<DrillItem> drills, List<FaultType> faultTypes, String timeZone, Form form, String editing) {

    /** {@code listeners}: each live instance's listener, such as "host-1a2b: failed (address in use: 127.0.0.1:9401)". */
    public record TargetItem(String name, String kind, String listen, String upstream, RunItem live, List<String> listeners) {
    }

    /** {@code until} is when a live run is due to end, else when it ended; {@code injected} the faults (or toxics) injected by type. */
    public record RunItem(long id, String target, String faults, String origin, String started, String until, boolean live,
                          String endReason, long requests, String injected) {
    }

    public record ScheduleItem(long id, String target, String cron, String timeZone, String duration, String faults, String next) {
    }

    public record DrillItem(long id, String target, String verdict, String reason, String started) {
    }

    /** The value typed into {@code form} (after a refusal), else {@code fallback}. */
    public String value(String form, String field, String fallback) {
        return form.equals(editing) && form().values().containsKey(field) ? form().value(field) : fallback;
    }

    public String error(String form, String field) {
        return form.equals(editing) ? form().error(field) : null;
    }

    /** The message of a refusal of {@code form} that is about no field this page shows. */
    public List<String> unplaced(String form) {
        return form.equals(editing) ? form().otherErrors(FIELDS) : List.of();
    }

    private static final List<String> FIELDS = Stream.concat(
            Stream.of("fault", "percentage", "faults_json", "target", "duration", "cron", "time_zone", "check_url", "notice", "name",
                    "kind", "listen", "upstream", "toxics_json"),
            Arrays.stream(FaultType.values()).flatMap(t -> t.formFields().stream()).map(FaultType.FormField::name)).toList();
}
