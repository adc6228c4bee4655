package dev.upbeat.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Folding results into a roll-up: coverage, the cap at the bucket's length, percentiles. */
class AggregationTest {
    private static final Instant HOUR = Instant.parse("2026-10-05T10:00:00Z");

    private static StoredResult result(int minute, boolean ok, long latencyMs, long coveredMs) {
        return StoredResult.builder().probeId("p").checkedAt(HOUR.plus(Duration.ofMinutes(minute))).ok(ok).latencyMs(latencyMs)
                .coveredMs(coveredMs).error(ok ? null : "x").build();
    }

    @Test
    void uncovered_time_is_neither_up_nor_down() {
        List<StoredResult> results = List.of(result(0, true, 10, 60_000), result(1, false, 20, 60_000));
        Rollup r = Aggregation.of("p", Rollup.Bucket.HOUR, HOUR, HOUR.plus(Duration.ofHours(1)), null, results);
        assertThat(r.upSeconds()).isEqualTo(60);
        assertThat(r.downSeconds()).isEqualTo(60);
        assertThat(r.checks()).isEqualTo(2);
        assertThat(r.successes()).isEqualTo(1);
    }

    @Test
    void coverage_never_exceeds_the_bucket() {
        List<StoredResult> results = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            results.add(result(i, true, i + 1, 120_000));
        }
        Rollup r = Aggregation.of("p", Rollup.Bucket.HOUR, HOUR, HOUR.plus(Duration.ofHours(1)), null, results);
        assertThat(r.upSeconds()).isEqualTo(3600);
        assertThat(r.p50()).isEqualTo(30);
        assertThat(r.p95()).isEqualTo(57);
        assertThat(r.p99()).isEqualTo(60);
    }

    @Test
    void nearest_rank_percentiles_are_measured_values() {
        assertThat(Percentiles.of(List.of(), 50)).isNull();
        assertThat(Percentiles.of(List.of(7L), 99)).isEqualTo(7);
        assertThat(Percentiles.of(List.of(1L, 2L, 3L, 4L), 50)).isEqualTo(2);
    }
}
