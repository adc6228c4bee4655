package dev.upbeat.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.upbeat.problem.Problem;
import dev.upbeat.simulator.Fault;
import dev.upbeat.simulator.FaultType;
import dev.upbeat.simulator.LatencyFault;
import dev.upbeat.simulator.SlowBodyFault;
import dev.upbeat.simulator.TimeoutFault;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The admin form builds the API's fault JSON from the registry's form fields, and places refusals back on them. */
class SimulatorFormTest {

    @Test
    void every_registered_type_can_be_picked_in_the_form() {
        for (FaultType type : FaultType.values()) {
            Map<String, String> values = new HashMap<>(Map.of("fault", type.wire()));
            type.formFields().forEach(f -> values.put(f.name(), f.isDuration() ? "1s" : "200"));
            List<Fault> faults = SimulatorPages.faults(values);
            assertThat(faults).singleElement().isInstanceOf(type.record());
        }
    }

    @Test
    void form_fields_become_the_parameters_the_registry_names() {
        assertThat(SimulatorPages.faults(Map.of("fault", "slow_body", "bytes_per_second", "100")))
                .containsExactly(SlowBodyFault.at(100));
        assertThat(SimulatorPages.faults(Map.of("fault", "latency", "delay", "500ms", "jitter", "50ms", "percentage", "10")))
                .containsExactly(LatencyFault.of(Duration.ofMillis(500)).withJitter(Duration.ofMillis(50)).withPercentage(10));
        assertThat(SimulatorPages.faults(Map.of("fault", "timeout", "timeout_max", "2m")))
                .containsExactly(TimeoutFault.always().closingAfter(Duration.ofMinutes(2)));
    }

    @Test
    void a_refused_parameter_is_shown_at_its_form_field() {
        assertThatThrownBy(() -> SimulatorPages.faults(Map.of("fault", "status", "status_code", "42")))
                .isInstanceOfSatisfying(Problem.class, p -> assertThat(p.field()).isEqualTo("status_code"));
        assertThatThrownBy(() -> SimulatorPages.faults(Map.of("fault", "truncate")))
                .isInstanceOfSatisfying(Problem.class, p -> assertThat(p.field()).isEqualTo("after_bytes"));
        assertThatThrownBy(() -> SimulatorPages.faults(Map.of("fault", "explode")))
                .isInstanceOfSatisfying(Problem.class, p -> assertThat(p.field()).isEqualTo("fault"));
    }
}
