package dev.upbeat.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationsTest {
    @Test
    void the_two_largest_units_joined_so_that_a_line_never_breaks_inside() {
        assertThat(Durations.words(Duration.ofMinutes(79))).isEqualTo("1\u00a0h\u00a019\u00a0min");
        assertThat(Durations.words(Duration.ofHours(76))).isEqualTo("3\u00a0d\u00a04\u00a0h");
        assertThat(Durations.words(Duration.ofMinutes(12))).isEqualTo("12\u00a0min");
        assertThat(Durations.words(Duration.ofSeconds(42))).isEqualTo("42\u00a0s");
        assertThat(Durations.words(Duration.ofSeconds(-5))).as("a clock skew is not a negative duration").isEqualTo("0\u00a0s");
    }
}
