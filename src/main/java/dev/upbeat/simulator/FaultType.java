package dev.upbeat.simulator;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The registry of faults: each type is declared here once, with its JSON name, its record and
 * the fields the admin form offers for it. JSON binding ({@link FaultTypeIds}), the parser's
 * list of allowed types, the admin form and the table in docs/simulator.md (checked by a test)
 * all follow this list, in this order.
 */
public enum FaultType {
    MAINTENANCE("maintenance", MaintenanceFault.class,
            FormField.number("retry_after", "retry_after", "Retry-After seconds (maintenance)", null)),
    STATUS("status", StatusFault.class, FormField.number("status_code", "status", "Status code (status)", "500")),
    LATENCY("latency", LatencyFault.class,
            FormField.duration("delay", "delay", "Delay (latency), e.g. 500ms or PT2S"),
            FormField.duration("jitter", "jitter", "Jitter (latency)")),
    TIMEOUT("timeout", TimeoutFault.class,
            FormField.duration("timeout_max", "max", "Close the connection after (timeout; default 5m)")),
    RESET("reset", ResetFault.class),
    SLOW_BODY("slow_body", SlowBodyFault.class,
            FormField.number("bytes_per_second", "bytes_per_second", "Bytes per second (slow_body)", "100")),
    TRUNCATE("truncate", TruncateFault.class,
            FormField.number("after_bytes", "after_bytes", "Cut the body after this many bytes (truncate)", "0")),
    EMPTY_RESPONSE("empty_response", EmptyResponseFault.class),
    MALFORMED_RESPONSE("malformed_response", MalformedResponseFault.class);

    private final String wire;
    private final Class<? extends Fault> record;
    private final List<FormField> formFields;

    FaultType(String wire, Class<? extends Fault> record, FormField... formFields) {
        this.wire = wire;
        this.record = record;
        this.formFields = List.of(formFields);
    }

    /** The name in JSON (the {@code type} field), in the metrics and in the docs. */
    public String wire() {
        return wire;
    }

    public Class<? extends Fault> record() {
        return record;
    }

    /** What the admin form asks for this type, besides the percentage every fault takes. */
    public List<FormField> formFields() {
        return formFields;
    }

    public static Optional<FaultType> fromWire(String value) {
        return Arrays.stream(values()).filter(t -> t.wire.equals(value)).findFirst();
    }

    /** The type of a fault, found by its record class. */
    public static FaultType of(Fault fault) {
        Class<?> record = fault.getClass();
        for (FaultType t : values()) {
            if (t.record == record) {
                return t;
            }
        }
        throw new IllegalStateException(record.getName() + " is not registered in FaultType");
    }

    /** Every wire name, comma-separated in registry order, for refusals. */
    public static String allowedValues() {
        return Arrays.stream(values()).map(FaultType::wire).collect(Collectors.joining(", "));
    }

    /**
     * One input of the admin form: {@code name} in the form, {@code param} in the fault's JSON,
     * read as a whole number or as a duration ({@code 90s}, {@code PT2S}).
     */
    public record FormField(String name, String param, String label, boolean isDuration, String placeholder) {
        static FormField number(String name, String param, String label, String placeholder) {
            return new FormField(name, param, label, false, placeholder);
        }

        static FormField duration(String name, String param, String label) {
            return new FormField(name, param, label, true, null);
        }
    }

    static {
        // A record added to Fault's permits but not here would bind, parse and count as nothing: refuse to start.
        Set<Class<?>> registered = Arrays.stream(values()).map(FaultType::record).collect(Collectors.toSet());
        for (Class<?> permitted : Fault.class.getPermittedSubclasses()) {
            if (!registered.contains(permitted)) {
                throw new IllegalStateException(permitted.getName() + " is a Fault but has no FaultType entry");
            }
        }
    }
}
