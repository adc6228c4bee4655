package dev.upbeat.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Fault plans are pure: the same seed gives the same plan. */
class FaultPlannerTest {
    private static ProxiedRequest get(String path, Map<String, String> headers) {
        return new ProxiedRequest("GET", path, headers::get);
    }

    @Test
    void a_percentage_applies_to_about_that_share_and_the_same_seed_gives_the_same_plans() {
        FaultPlanner planner = new FaultPlanner(List.of(StatusFault.of(500).withPercentage(25)));
        Random random = new Random(42);
        List<Boolean> hits = java.util.stream.IntStream.range(0, 2000)
                .mapToObj(i -> !planner.plan(get("/", Map.of()), random).forwards()).toList();
        long share = hits.stream().filter(h -> h).count();
        assertThat(share).isBetween(440L, 560L);
        Random again = new Random(42);
        assertThat(java.util.stream.IntStream.range(0, 2000).mapToObj(i -> !planner.plan(get("/", Map.of()), again).forwards()).toList())
                .isEqualTo(hits);
    }

    @Test
    void latency_adds_up_and_the_first_other_applicable_fault_decides() {
        FaultPlanner planner = new FaultPlanner(List.of(
                LatencyFault.of(Duration.ofMillis(100)),
                StatusFault.of(500).withMatch(Match.ANY.withMethod("POST")),
                ResetFault.always().withMatch(Match.ANY.withPath("/apps/**")),
                EmptyResponseFault.always()));
        Plan plan = planner.plan(get("/apps/a/b", Map.of()), new Random(1));
        assertThat(plan.delay()).isEqualTo(Duration.ofMillis(100));
        assertThat(plan.outcome()).isInstanceOf(ResetFault.class);
        assertThat(plan.injected()).containsExactly("latency", "reset");
    }

    @Test
    void a_header_match_needs_the_header_and_its_value_if_given() {
        FaultPlanner planner = new FaultPlanner(List.of(StatusFault.of(503)
                .withMatch(Match.ANY.withHeader("X-Drill", "on"))));
        assertThat(planner.plan(get("/", Map.of("X-Drill", "ON")), new Random()).forwards()).isFalse();
        assertThat(planner.plan(get("/", Map.of("X-Drill", "off")), new Random()).forwards()).isTrue();
        assertThat(planner.plan(get("/", Map.of()), new Random()).forwards()).isTrue();
    }

    @Test
    void uniform_latency_stays_within_its_bounds() {
        LatencyFault uniform = LatencyFault.between(Duration.ofMillis(10), Duration.ofMillis(20));
        Random random = new Random(7);
        for (int i = 0; i < 500; i++) {
            assertThat(uniform.draw(random)).isBetween(Duration.ofMillis(10), Duration.ofMillis(20));
        }
    }
}
