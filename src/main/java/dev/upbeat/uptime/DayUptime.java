package dev.upbeat.uptime;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * One day of an uptime series. An unknown day carries empty totals and an empty uptime, so that
 * callers can tell "no data" from "fully up".
 */
public record DayUptime(LocalDate day, DayTotals totals, Optional<Double> uptime) {

    public DayUptime {
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(totals, "totals");
        Objects.requireNonNull(uptime, "uptime");
    }
}
